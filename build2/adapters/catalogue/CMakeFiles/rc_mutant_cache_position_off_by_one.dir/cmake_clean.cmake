file(REMOVE_RECURSE
  "CMakeFiles/rc_mutant_cache_position_off_by_one.dir/cache_position_off_by_one.c.o"
  "CMakeFiles/rc_mutant_cache_position_off_by_one.dir/cache_position_off_by_one.c.o.d"
  "CMakeFiles/rc_mutant_cache_position_off_by_one.dir/mutant_util.c.o"
  "CMakeFiles/rc_mutant_cache_position_off_by_one.dir/mutant_util.c.o.d"
  "libcache-position-off-by-one.pdb"
  "libcache-position-off-by-one.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/rc_mutant_cache_position_off_by_one.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
