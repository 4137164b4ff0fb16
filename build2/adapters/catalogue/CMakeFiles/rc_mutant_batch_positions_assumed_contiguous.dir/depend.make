# Empty dependencies file for rc_mutant_batch_positions_assumed_contiguous.
# This may be replaced when dependencies are built.
