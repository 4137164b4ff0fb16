# Empty compiler generated dependencies file for rc_mutant_freq_exponent_k_over_d.
# This may be replaced when dependencies are built.
