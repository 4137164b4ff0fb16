file(REMOVE_RECURSE
  "CMakeFiles/rc_mutant_cache_int32_index_overflow.dir/cache_int32_index_overflow.c.o"
  "CMakeFiles/rc_mutant_cache_int32_index_overflow.dir/cache_int32_index_overflow.c.o.d"
  "CMakeFiles/rc_mutant_cache_int32_index_overflow.dir/mutant_util.c.o"
  "CMakeFiles/rc_mutant_cache_int32_index_overflow.dir/mutant_util.c.o.d"
  "libcache-int32-index-overflow.pdb"
  "libcache-int32-index-overflow.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/rc_mutant_cache_int32_index_overflow.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
