# Empty dependencies file for rc_mutant_memory_nan_on_zero.
# This may be replaced when dependencies are built.
