file(REMOVE_RECURSE
  "CMakeFiles/rc_mutant_direction_inverse_rotation.dir/direction_inverse_rotation.c.o"
  "CMakeFiles/rc_mutant_direction_inverse_rotation.dir/direction_inverse_rotation.c.o.d"
  "CMakeFiles/rc_mutant_direction_inverse_rotation.dir/mutant_util.c.o"
  "CMakeFiles/rc_mutant_direction_inverse_rotation.dir/mutant_util.c.o.d"
  "libdirection-inverse-rotation.pdb"
  "libdirection-inverse-rotation.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/rc_mutant_direction_inverse_rotation.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
