# Empty dependencies file for rc_mutant_yarn_magnitude_one_component.
# This may be replaced when dependencies are built.
