# Empty dependencies file for testadapter_null_table.
# This may be replaced when dependencies are built.
