file(REMOVE_RECURSE
  "CMakeFiles/rc_mutant_yarn_magnitude_twice.dir/mutant_util.c.o"
  "CMakeFiles/rc_mutant_yarn_magnitude_twice.dir/mutant_util.c.o.d"
  "CMakeFiles/rc_mutant_yarn_magnitude_twice.dir/yarn_magnitude_twice.c.o"
  "CMakeFiles/rc_mutant_yarn_magnitude_twice.dir/yarn_magnitude_twice.c.o.d"
  "libyarn-magnitude-twice.pdb"
  "libyarn-magnitude-twice.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/rc_mutant_yarn_magnitude_twice.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
