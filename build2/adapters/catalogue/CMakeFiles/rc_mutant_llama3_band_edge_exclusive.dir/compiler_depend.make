# Empty compiler generated dependencies file for rc_mutant_llama3_band_edge_exclusive.
# This may be replaced when dependencies are built.
