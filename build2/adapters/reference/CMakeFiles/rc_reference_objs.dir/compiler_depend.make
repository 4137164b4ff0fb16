# Empty compiler generated dependencies file for rc_reference_objs.
# This may be replaced when dependencies are built.
