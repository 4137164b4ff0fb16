# Empty compiler generated dependencies file for testadapter_suite_backward_sign.
# This may be replaced when dependencies are built.
