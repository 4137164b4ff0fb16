# Empty dependencies file for testadapter_null_functions.
# This may be replaced when dependencies are built.
