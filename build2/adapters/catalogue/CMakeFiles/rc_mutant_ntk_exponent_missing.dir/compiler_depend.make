# Empty compiler generated dependencies file for rc_mutant_ntk_exponent_missing.
# This may be replaced when dependencies are built.
