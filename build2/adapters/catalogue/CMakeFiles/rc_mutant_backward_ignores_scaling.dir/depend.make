# Empty dependencies file for rc_mutant_backward_ignores_scaling.
# This may be replaced when dependencies are built.
