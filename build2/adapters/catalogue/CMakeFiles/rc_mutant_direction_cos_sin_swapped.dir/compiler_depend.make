# Empty compiler generated dependencies file for rc_mutant_direction_cos_sin_swapped.
# This may be replaced when dependencies are built.
