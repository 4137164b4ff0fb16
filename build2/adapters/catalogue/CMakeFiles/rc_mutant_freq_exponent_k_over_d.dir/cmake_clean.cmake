file(REMOVE_RECURSE
  "CMakeFiles/rc_mutant_freq_exponent_k_over_d.dir/freq_exponent_k_over_d.c.o"
  "CMakeFiles/rc_mutant_freq_exponent_k_over_d.dir/freq_exponent_k_over_d.c.o.d"
  "CMakeFiles/rc_mutant_freq_exponent_k_over_d.dir/mutant_util.c.o"
  "CMakeFiles/rc_mutant_freq_exponent_k_over_d.dir/mutant_util.c.o.d"
  "libfreq-exponent-k-over-d.pdb"
  "libfreq-exponent-k-over-d.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/rc_mutant_freq_exponent_k_over_d.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
