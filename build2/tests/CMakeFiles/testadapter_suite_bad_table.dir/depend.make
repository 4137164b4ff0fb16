# Empty dependencies file for testadapter_suite_bad_table.
# This may be replaced when dependencies are built.
