# Empty dependencies file for testadapter_hostile_stdout_flood.
# This may be replaced when dependencies are built.
