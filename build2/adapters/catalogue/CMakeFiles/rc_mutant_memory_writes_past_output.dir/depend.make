# Empty dependencies file for rc_mutant_memory_writes_past_output.
# This may be replaced when dependencies are built.
