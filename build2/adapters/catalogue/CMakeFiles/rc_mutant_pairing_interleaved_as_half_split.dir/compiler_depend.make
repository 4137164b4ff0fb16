# Empty compiler generated dependencies file for rc_mutant_pairing_interleaved_as_half_split.
# This may be replaced when dependencies are built.
