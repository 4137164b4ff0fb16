# Empty dependencies file for testadapter_hostile_scribble_fini.
# This may be replaced when dependencies are built.
