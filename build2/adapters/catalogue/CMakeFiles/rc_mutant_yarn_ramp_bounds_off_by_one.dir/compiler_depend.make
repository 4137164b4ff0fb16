# Empty compiler generated dependencies file for rc_mutant_yarn_ramp_bounds_off_by_one.
# This may be replaced when dependencies are built.
