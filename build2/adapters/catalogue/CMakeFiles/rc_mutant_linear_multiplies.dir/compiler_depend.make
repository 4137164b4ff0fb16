# Empty compiler generated dependencies file for rc_mutant_linear_multiplies.
# This may be replaced when dependencies are built.
