# Empty dependencies file for rc_mutant_precision_table_bf16.
# This may be replaced when dependencies are built.
