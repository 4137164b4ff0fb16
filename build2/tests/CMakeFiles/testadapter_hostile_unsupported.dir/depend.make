# Empty dependencies file for testadapter_hostile_unsupported.
# This may be replaced when dependencies are built.
