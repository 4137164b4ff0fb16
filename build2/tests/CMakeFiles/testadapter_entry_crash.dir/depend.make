# Empty dependencies file for testadapter_entry_crash.
# This may be replaced when dependencies are built.
