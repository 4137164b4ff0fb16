# Empty compiler generated dependencies file for rope_reference.
# This may be replaced when dependencies are built.
