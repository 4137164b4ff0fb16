# Empty dependencies file for testadapter_abort_apply.
# This may be replaced when dependencies are built.
