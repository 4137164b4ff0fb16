file(REMOVE_RECURSE
  "CMakeFiles/rc_mutant_backward_ignores_scaling.dir/backward_ignores_scaling.c.o"
  "CMakeFiles/rc_mutant_backward_ignores_scaling.dir/backward_ignores_scaling.c.o.d"
  "CMakeFiles/rc_mutant_backward_ignores_scaling.dir/mutant_util.c.o"
  "CMakeFiles/rc_mutant_backward_ignores_scaling.dir/mutant_util.c.o.d"
  "libbackward-ignores-scaling.pdb"
  "libbackward-ignores-scaling.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/rc_mutant_backward_ignores_scaling.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
