# CMAKE generated file: DO NOT EDIT!
# Timestamp file for compiler generated dependencies management for rc_mutant_cache_int32_index_overflow.
