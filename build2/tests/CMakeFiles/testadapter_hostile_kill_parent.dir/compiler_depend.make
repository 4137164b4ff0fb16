# Empty compiler generated dependencies file for testadapter_hostile_kill_parent.
# This may be replaced when dependencies are built.
