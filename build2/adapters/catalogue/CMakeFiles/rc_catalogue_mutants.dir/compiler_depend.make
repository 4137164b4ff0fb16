# Empty custom commands generated dependencies file for rc_catalogue_mutants.
# This may be replaced when dependencies are built.
