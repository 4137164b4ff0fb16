file(REMOVE_RECURSE
  "CMakeFiles/rc_mutant_freq_head_dim_exponent.dir/freq_head_dim_exponent.c.o"
  "CMakeFiles/rc_mutant_freq_head_dim_exponent.dir/freq_head_dim_exponent.c.o.d"
  "CMakeFiles/rc_mutant_freq_head_dim_exponent.dir/mutant_util.c.o"
  "CMakeFiles/rc_mutant_freq_head_dim_exponent.dir/mutant_util.c.o.d"
  "libfreq-head-dim-exponent.pdb"
  "libfreq-head-dim-exponent.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/rc_mutant_freq_head_dim_exponent.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
