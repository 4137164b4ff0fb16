# Empty compiler generated dependencies file for rc_mutant_pairing_half_split_as_interleaved.
# This may be replaced when dependencies are built.
