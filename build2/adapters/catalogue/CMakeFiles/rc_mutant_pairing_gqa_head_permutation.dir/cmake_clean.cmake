file(REMOVE_RECURSE
  "CMakeFiles/rc_mutant_pairing_gqa_head_permutation.dir/mutant_util.c.o"
  "CMakeFiles/rc_mutant_pairing_gqa_head_permutation.dir/mutant_util.c.o.d"
  "CMakeFiles/rc_mutant_pairing_gqa_head_permutation.dir/pairing_gqa_head_permutation.c.o"
  "CMakeFiles/rc_mutant_pairing_gqa_head_permutation.dir/pairing_gqa_head_permutation.c.o.d"
  "libpairing-gqa-head-permutation.pdb"
  "libpairing-gqa-head-permutation.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/rc_mutant_pairing_gqa_head_permutation.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
