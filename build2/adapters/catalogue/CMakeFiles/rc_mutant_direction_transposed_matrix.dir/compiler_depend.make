# Empty compiler generated dependencies file for rc_mutant_direction_transposed_matrix.
# This may be replaced when dependencies are built.
