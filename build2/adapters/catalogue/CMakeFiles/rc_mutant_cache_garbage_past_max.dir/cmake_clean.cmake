file(REMOVE_RECURSE
  "CMakeFiles/rc_mutant_cache_garbage_past_max.dir/cache_garbage_past_max.c.o"
  "CMakeFiles/rc_mutant_cache_garbage_past_max.dir/cache_garbage_past_max.c.o.d"
  "CMakeFiles/rc_mutant_cache_garbage_past_max.dir/mutant_util.c.o"
  "CMakeFiles/rc_mutant_cache_garbage_past_max.dir/mutant_util.c.o.d"
  "libcache-garbage-past-max.pdb"
  "libcache-garbage-past-max.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/rc_mutant_cache_garbage_past_max.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
