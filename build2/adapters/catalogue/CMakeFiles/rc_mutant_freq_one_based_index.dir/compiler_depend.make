# Empty compiler generated dependencies file for rc_mutant_freq_one_based_index.
# This may be replaced when dependencies are built.
