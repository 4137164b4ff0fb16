# Empty compiler generated dependencies file for testadapter_init_error.
# This may be replaced when dependencies are built.
