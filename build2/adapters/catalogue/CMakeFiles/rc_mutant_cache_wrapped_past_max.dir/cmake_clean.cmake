file(REMOVE_RECURSE
  "CMakeFiles/rc_mutant_cache_wrapped_past_max.dir/cache_wrapped_past_max.c.o"
  "CMakeFiles/rc_mutant_cache_wrapped_past_max.dir/cache_wrapped_past_max.c.o.d"
  "CMakeFiles/rc_mutant_cache_wrapped_past_max.dir/mutant_util.c.o"
  "CMakeFiles/rc_mutant_cache_wrapped_past_max.dir/mutant_util.c.o.d"
  "libcache-wrapped-past-max.pdb"
  "libcache-wrapped-past-max.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/rc_mutant_cache_wrapped_past_max.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
