# Empty dependencies file for rc_mutant_partial_pass_through_rotated.
# This may be replaced when dependencies are built.
