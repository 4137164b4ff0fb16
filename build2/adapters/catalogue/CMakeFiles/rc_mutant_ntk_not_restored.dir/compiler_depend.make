# Empty compiler generated dependencies file for rc_mutant_ntk_not_restored.
# This may be replaced when dependencies are built.
