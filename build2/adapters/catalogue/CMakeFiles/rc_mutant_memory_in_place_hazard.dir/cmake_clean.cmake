file(REMOVE_RECURSE
  "CMakeFiles/rc_mutant_memory_in_place_hazard.dir/memory_in_place_hazard.c.o"
  "CMakeFiles/rc_mutant_memory_in_place_hazard.dir/memory_in_place_hazard.c.o.d"
  "CMakeFiles/rc_mutant_memory_in_place_hazard.dir/mutant_util.c.o"
  "CMakeFiles/rc_mutant_memory_in_place_hazard.dir/mutant_util.c.o.d"
  "libmemory-in-place-hazard.pdb"
  "libmemory-in-place-hazard.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/rc_mutant_memory_in_place_hazard.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
