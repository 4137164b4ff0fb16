# Empty compiler generated dependencies file for rc_mutant_longrope_factors_not_applied.
# This may be replaced when dependencies are built.
