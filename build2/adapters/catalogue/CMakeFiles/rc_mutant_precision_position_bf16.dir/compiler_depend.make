# Empty compiler generated dependencies file for rc_mutant_precision_position_bf16.
# This may be replaced when dependencies are built.
