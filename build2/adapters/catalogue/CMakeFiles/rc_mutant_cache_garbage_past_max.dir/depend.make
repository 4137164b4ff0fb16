# Empty dependencies file for rc_mutant_cache_garbage_past_max.
# This may be replaced when dependencies are built.
