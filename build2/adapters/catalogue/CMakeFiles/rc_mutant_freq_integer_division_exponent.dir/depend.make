# Empty dependencies file for rc_mutant_freq_integer_division_exponent.
# This may be replaced when dependencies are built.
