# Empty compiler generated dependencies file for rc_mutant_yarn_magnitude_missing.
# This may be replaced when dependencies are built.
