file(REMOVE_RECURSE
  "CMakeFiles/rc_mutant_freq_one_based_index.dir/freq_one_based_index.c.o"
  "CMakeFiles/rc_mutant_freq_one_based_index.dir/freq_one_based_index.c.o.d"
  "CMakeFiles/rc_mutant_freq_one_based_index.dir/mutant_util.c.o"
  "CMakeFiles/rc_mutant_freq_one_based_index.dir/mutant_util.c.o.d"
  "libfreq-one-based-index.pdb"
  "libfreq-one-based-index.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/rc_mutant_freq_one_based_index.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
