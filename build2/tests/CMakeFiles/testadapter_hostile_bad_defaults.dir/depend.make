# Empty dependencies file for testadapter_hostile_bad_defaults.
# This may be replaced when dependencies are built.
