# Empty dependencies file for rc_mutant_cache_int32_index_overflow.
# This may be replaced when dependencies are built.
