# Empty compiler generated dependencies file for rc_mutant_llama3_unscaled_returned.
# This may be replaced when dependencies are built.
