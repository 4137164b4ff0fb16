# CMAKE generated file: DO NOT EDIT!
# Timestamp file for compiler generated dependencies management for rc_mutant_llama3_band_edge_exclusive.
