file(REMOVE_RECURSE
  "CMakeFiles/rc_mutant_yarn_magnitude_missing.dir/mutant_util.c.o"
  "CMakeFiles/rc_mutant_yarn_magnitude_missing.dir/mutant_util.c.o.d"
  "CMakeFiles/rc_mutant_yarn_magnitude_missing.dir/yarn_magnitude_missing.c.o"
  "CMakeFiles/rc_mutant_yarn_magnitude_missing.dir/yarn_magnitude_missing.c.o.d"
  "libyarn-magnitude-missing.pdb"
  "libyarn-magnitude-missing.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/rc_mutant_yarn_magnitude_missing.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
