# Empty compiler generated dependencies file for rc_mutant_yarn_magnitude_twice.
# This may be replaced when dependencies are built.
