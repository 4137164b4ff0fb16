# Empty compiler generated dependencies file for rc_mutant_longrope_switch_ge.
# This may be replaced when dependencies are built.
