# Empty compiler generated dependencies file for rc_mutant_freq_head_dim_exponent.
# This may be replaced when dependencies are built.
