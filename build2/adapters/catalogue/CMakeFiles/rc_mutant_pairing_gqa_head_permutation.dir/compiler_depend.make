# Empty compiler generated dependencies file for rc_mutant_pairing_gqa_head_permutation.
# This may be replaced when dependencies are built.
