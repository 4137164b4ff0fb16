# Empty compiler generated dependencies file for testadapter_hostile_forge.
# This may be replaced when dependencies are built.
