# Empty dependencies file for testadapter_hostile_oob_far.
# This may be replaced when dependencies are built.
