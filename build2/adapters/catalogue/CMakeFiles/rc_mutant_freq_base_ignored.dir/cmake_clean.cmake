file(REMOVE_RECURSE
  "CMakeFiles/rc_mutant_freq_base_ignored.dir/freq_base_ignored.c.o"
  "CMakeFiles/rc_mutant_freq_base_ignored.dir/freq_base_ignored.c.o.d"
  "CMakeFiles/rc_mutant_freq_base_ignored.dir/mutant_util.c.o"
  "CMakeFiles/rc_mutant_freq_base_ignored.dir/mutant_util.c.o.d"
  "libfreq-base-ignored.pdb"
  "libfreq-base-ignored.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/rc_mutant_freq_base_ignored.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
