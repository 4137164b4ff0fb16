# Empty compiler generated dependencies file for rc_mutant_ntk_static_at_max.
# This may be replaced when dependencies are built.
