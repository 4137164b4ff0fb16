# CMAKE generated file: DO NOT EDIT!
# Timestamp file for compiler generated dependencies management for rc_mutant_pairing_half_split_as_interleaved.
