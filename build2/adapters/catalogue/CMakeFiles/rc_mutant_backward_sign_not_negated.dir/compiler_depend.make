# Empty compiler generated dependencies file for rc_mutant_backward_sign_not_negated.
# This may be replaced when dependencies are built.
