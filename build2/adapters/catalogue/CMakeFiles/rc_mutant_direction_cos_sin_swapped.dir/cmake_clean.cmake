file(REMOVE_RECURSE
  "CMakeFiles/rc_mutant_direction_cos_sin_swapped.dir/direction_cos_sin_swapped.c.o"
  "CMakeFiles/rc_mutant_direction_cos_sin_swapped.dir/direction_cos_sin_swapped.c.o.d"
  "CMakeFiles/rc_mutant_direction_cos_sin_swapped.dir/mutant_util.c.o"
  "CMakeFiles/rc_mutant_direction_cos_sin_swapped.dir/mutant_util.c.o.d"
  "libdirection-cos-sin-swapped.pdb"
  "libdirection-cos-sin-swapped.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/rc_mutant_direction_cos_sin_swapped.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
