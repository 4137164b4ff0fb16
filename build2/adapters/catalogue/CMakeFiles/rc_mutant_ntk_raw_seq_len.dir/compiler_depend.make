# Empty compiler generated dependencies file for rc_mutant_ntk_raw_seq_len.
# This may be replaced when dependencies are built.
