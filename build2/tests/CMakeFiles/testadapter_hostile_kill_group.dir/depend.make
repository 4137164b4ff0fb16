# Empty dependencies file for testadapter_hostile_kill_group.
# This may be replaced when dependencies are built.
