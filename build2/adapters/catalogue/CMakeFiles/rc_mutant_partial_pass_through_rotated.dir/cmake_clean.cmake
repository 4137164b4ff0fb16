file(REMOVE_RECURSE
  "CMakeFiles/rc_mutant_partial_pass_through_rotated.dir/mutant_util.c.o"
  "CMakeFiles/rc_mutant_partial_pass_through_rotated.dir/mutant_util.c.o.d"
  "CMakeFiles/rc_mutant_partial_pass_through_rotated.dir/partial_pass_through_rotated.c.o"
  "CMakeFiles/rc_mutant_partial_pass_through_rotated.dir/partial_pass_through_rotated.c.o.d"
  "libpartial-pass-through-rotated.pdb"
  "libpartial-pass-through-rotated.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/rc_mutant_partial_pass_through_rotated.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
