# Empty dependencies file for rc_mutant_direction_inverse_rotation.
# This may be replaced when dependencies are built.
