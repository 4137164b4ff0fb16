# Empty dependencies file for testadapter_hostile_big_defaults.
# This may be replaced when dependencies are built.
