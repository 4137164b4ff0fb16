# Empty dependencies file for testadapter_exit_apply.
# This may be replaced when dependencies are built.
