# Empty compiler generated dependencies file for rc_mutant_freq_base_ignored.
# This may be replaced when dependencies are built.
