file(REMOVE_RECURSE
  "CMakeFiles/rc_mutant_partial_head_dim_pairs.dir/mutant_util.c.o"
  "CMakeFiles/rc_mutant_partial_head_dim_pairs.dir/mutant_util.c.o.d"
  "CMakeFiles/rc_mutant_partial_head_dim_pairs.dir/partial_head_dim_pairs.c.o"
  "CMakeFiles/rc_mutant_partial_head_dim_pairs.dir/partial_head_dim_pairs.c.o.d"
  "libpartial-head-dim-pairs.pdb"
  "libpartial-head-dim-pairs.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/rc_mutant_partial_head_dim_pairs.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
