# Empty dependencies file for rc_mutant_precision_inv_freq_bf16.
# This may be replaced when dependencies are built.
