# Empty dependencies file for testadapter_no_symbol.
# This may be replaced when dependencies are built.
