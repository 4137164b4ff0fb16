# Empty dependencies file for rc_mutant_longrope_always_long.
# This may be replaced when dependencies are built.
