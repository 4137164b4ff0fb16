file(REMOVE_RECURSE
  "CMakeFiles/rc_mutant_direction_transposed_matrix.dir/direction_transposed_matrix.c.o"
  "CMakeFiles/rc_mutant_direction_transposed_matrix.dir/direction_transposed_matrix.c.o.d"
  "CMakeFiles/rc_mutant_direction_transposed_matrix.dir/mutant_util.c.o"
  "CMakeFiles/rc_mutant_direction_transposed_matrix.dir/mutant_util.c.o.d"
  "libdirection-transposed-matrix.pdb"
  "libdirection-transposed-matrix.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/rc_mutant_direction_transposed_matrix.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
