# Empty compiler generated dependencies file for testadapter_hostile_scribble_apply.
# This may be replaced when dependencies are built.
