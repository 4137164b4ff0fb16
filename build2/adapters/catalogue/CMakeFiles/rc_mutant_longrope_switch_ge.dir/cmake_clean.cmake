file(REMOVE_RECURSE
  "CMakeFiles/rc_mutant_longrope_switch_ge.dir/longrope_switch_ge.c.o"
  "CMakeFiles/rc_mutant_longrope_switch_ge.dir/longrope_switch_ge.c.o.d"
  "CMakeFiles/rc_mutant_longrope_switch_ge.dir/mutant_util.c.o"
  "CMakeFiles/rc_mutant_longrope_switch_ge.dir/mutant_util.c.o.d"
  "liblongrope-switch-ge.pdb"
  "liblongrope-switch-ge.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/rc_mutant_longrope_switch_ge.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
