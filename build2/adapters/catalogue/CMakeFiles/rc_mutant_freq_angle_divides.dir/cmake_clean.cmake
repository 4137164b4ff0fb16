file(REMOVE_RECURSE
  "CMakeFiles/rc_mutant_freq_angle_divides.dir/freq_angle_divides.c.o"
  "CMakeFiles/rc_mutant_freq_angle_divides.dir/freq_angle_divides.c.o.d"
  "CMakeFiles/rc_mutant_freq_angle_divides.dir/mutant_util.c.o"
  "CMakeFiles/rc_mutant_freq_angle_divides.dir/mutant_util.c.o.d"
  "libfreq-angle-divides.pdb"
  "libfreq-angle-divides.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/rc_mutant_freq_angle_divides.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
