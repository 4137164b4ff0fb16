file(REMOVE_RECURSE
  "CMakeFiles/rc_mutant_linear_multiplies.dir/linear_multiplies.c.o"
  "CMakeFiles/rc_mutant_linear_multiplies.dir/linear_multiplies.c.o.d"
  "CMakeFiles/rc_mutant_linear_multiplies.dir/mutant_util.c.o"
  "CMakeFiles/rc_mutant_linear_multiplies.dir/mutant_util.c.o.d"
  "liblinear-multiplies.pdb"
  "liblinear-multiplies.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/rc_mutant_linear_multiplies.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
