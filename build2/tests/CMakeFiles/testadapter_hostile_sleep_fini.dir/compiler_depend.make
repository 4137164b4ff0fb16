# Empty compiler generated dependencies file for testadapter_hostile_sleep_fini.
# This may be replaced when dependencies are built.
