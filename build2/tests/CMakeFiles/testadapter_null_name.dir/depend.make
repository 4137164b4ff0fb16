# Empty dependencies file for testadapter_null_name.
# This may be replaced when dependencies are built.
