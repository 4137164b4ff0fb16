# Empty dependencies file for testadapter_evil_strings.
# This may be replaced when dependencies are built.
