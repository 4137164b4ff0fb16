# Empty dependencies file for rc_mutant_memory_in_place_hazard.
# This may be replaced when dependencies are built.
