# Empty dependencies file for rc_mutant_cache_position_off_by_one.
# This may be replaced when dependencies are built.
