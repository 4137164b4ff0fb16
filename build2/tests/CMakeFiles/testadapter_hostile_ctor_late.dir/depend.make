# Empty dependencies file for testadapter_hostile_ctor_late.
# This may be replaced when dependencies are built.
