file(REMOVE_RECURSE
  "CMakeFiles/rc_mutant_yarn_magnitude_one_component.dir/mutant_util.c.o"
  "CMakeFiles/rc_mutant_yarn_magnitude_one_component.dir/mutant_util.c.o.d"
  "CMakeFiles/rc_mutant_yarn_magnitude_one_component.dir/yarn_magnitude_one_component.c.o"
  "CMakeFiles/rc_mutant_yarn_magnitude_one_component.dir/yarn_magnitude_one_component.c.o.d"
  "libyarn-magnitude-one-component.pdb"
  "libyarn-magnitude-one-component.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/rc_mutant_yarn_magnitude_one_component.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
