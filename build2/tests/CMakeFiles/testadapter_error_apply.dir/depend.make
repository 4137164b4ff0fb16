# Empty dependencies file for testadapter_error_apply.
# This may be replaced when dependencies are built.
