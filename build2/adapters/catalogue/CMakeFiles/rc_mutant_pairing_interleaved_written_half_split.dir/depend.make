# Empty dependencies file for rc_mutant_pairing_interleaved_written_half_split.
# This may be replaced when dependencies are built.
