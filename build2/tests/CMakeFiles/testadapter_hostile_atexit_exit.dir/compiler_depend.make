# Empty compiler generated dependencies file for testadapter_hostile_atexit_exit.
# This may be replaced when dependencies are built.
