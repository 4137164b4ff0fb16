# Empty dependencies file for testadapter_hostile_bad_name.
# This may be replaced when dependencies are built.
