file(REMOVE_RECURSE
  "CMakeFiles/rc_mutant_ntk_exponent_missing.dir/mutant_util.c.o"
  "CMakeFiles/rc_mutant_ntk_exponent_missing.dir/mutant_util.c.o.d"
  "CMakeFiles/rc_mutant_ntk_exponent_missing.dir/ntk_exponent_missing.c.o"
  "CMakeFiles/rc_mutant_ntk_exponent_missing.dir/ntk_exponent_missing.c.o.d"
  "libntk-exponent-missing.pdb"
  "libntk-exponent-missing.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/rc_mutant_ntk_exponent_missing.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
