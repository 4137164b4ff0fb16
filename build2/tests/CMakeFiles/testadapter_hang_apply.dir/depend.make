# Empty dependencies file for testadapter_hang_apply.
# This may be replaced when dependencies are built.
