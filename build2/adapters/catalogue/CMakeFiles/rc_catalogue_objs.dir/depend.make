# Empty dependencies file for rc_catalogue_objs.
# This may be replaced when dependencies are built.
