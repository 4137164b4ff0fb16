# Empty dependencies file for rc_mutant_freq_angle_divides.
# This may be replaced when dependencies are built.
