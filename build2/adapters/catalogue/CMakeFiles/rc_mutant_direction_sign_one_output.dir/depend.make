# Empty dependencies file for rc_mutant_direction_sign_one_output.
# This may be replaced when dependencies are built.
