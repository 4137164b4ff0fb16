# Empty compiler generated dependencies file for testadapter_hostile_dtor_exit.
# This may be replaced when dependencies are built.
