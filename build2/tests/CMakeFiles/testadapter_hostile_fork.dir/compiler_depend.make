# Empty compiler generated dependencies file for testadapter_hostile_fork.
# This may be replaced when dependencies are built.
