# Empty compiler generated dependencies file for rc_mutant_partial_head_dim_pairs.
# This may be replaced when dependencies are built.
