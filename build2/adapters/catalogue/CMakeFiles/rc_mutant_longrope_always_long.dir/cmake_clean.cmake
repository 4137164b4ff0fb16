file(REMOVE_RECURSE
  "CMakeFiles/rc_mutant_longrope_always_long.dir/longrope_always_long.c.o"
  "CMakeFiles/rc_mutant_longrope_always_long.dir/longrope_always_long.c.o.d"
  "CMakeFiles/rc_mutant_longrope_always_long.dir/mutant_util.c.o"
  "CMakeFiles/rc_mutant_longrope_always_long.dir/mutant_util.c.o.d"
  "liblongrope-always-long.pdb"
  "liblongrope-always-long.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/rc_mutant_longrope_always_long.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
