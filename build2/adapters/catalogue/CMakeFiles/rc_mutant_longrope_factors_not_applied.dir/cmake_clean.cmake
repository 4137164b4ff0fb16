file(REMOVE_RECURSE
  "CMakeFiles/rc_mutant_longrope_factors_not_applied.dir/longrope_factors_not_applied.c.o"
  "CMakeFiles/rc_mutant_longrope_factors_not_applied.dir/longrope_factors_not_applied.c.o.d"
  "CMakeFiles/rc_mutant_longrope_factors_not_applied.dir/mutant_util.c.o"
  "CMakeFiles/rc_mutant_longrope_factors_not_applied.dir/mutant_util.c.o.d"
  "liblongrope-factors-not-applied.pdb"
  "liblongrope-factors-not-applied.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/rc_mutant_longrope_factors_not_applied.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
