file(REMOVE_RECURSE
  "CMakeFiles/rc_mutant_backward_sign_not_negated.dir/backward_sign_not_negated.c.o"
  "CMakeFiles/rc_mutant_backward_sign_not_negated.dir/backward_sign_not_negated.c.o.d"
  "CMakeFiles/rc_mutant_backward_sign_not_negated.dir/mutant_util.c.o"
  "CMakeFiles/rc_mutant_backward_sign_not_negated.dir/mutant_util.c.o.d"
  "libbackward-sign-not-negated.pdb"
  "libbackward-sign-not-negated.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/rc_mutant_backward_sign_not_negated.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
