# Empty compiler generated dependencies file for testadapter_segv_apply.
# This may be replaced when dependencies are built.
