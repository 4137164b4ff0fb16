file(REMOVE_RECURSE
  "CMakeFiles/rc_mutant_ntk_not_restored.dir/mutant_util.c.o"
  "CMakeFiles/rc_mutant_ntk_not_restored.dir/mutant_util.c.o.d"
  "CMakeFiles/rc_mutant_ntk_not_restored.dir/ntk_not_restored.c.o"
  "CMakeFiles/rc_mutant_ntk_not_restored.dir/ntk_not_restored.c.o.d"
  "libntk-not-restored.pdb"
  "libntk-not-restored.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/rc_mutant_ntk_not_restored.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
