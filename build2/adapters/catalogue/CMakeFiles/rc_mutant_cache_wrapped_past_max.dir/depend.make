# Empty dependencies file for rc_mutant_cache_wrapped_past_max.
# This may be replaced when dependencies are built.
