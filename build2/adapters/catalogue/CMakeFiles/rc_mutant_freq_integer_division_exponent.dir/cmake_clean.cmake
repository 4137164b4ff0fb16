file(REMOVE_RECURSE
  "CMakeFiles/rc_mutant_freq_integer_division_exponent.dir/freq_integer_division_exponent.c.o"
  "CMakeFiles/rc_mutant_freq_integer_division_exponent.dir/freq_integer_division_exponent.c.o.d"
  "CMakeFiles/rc_mutant_freq_integer_division_exponent.dir/mutant_util.c.o"
  "CMakeFiles/rc_mutant_freq_integer_division_exponent.dir/mutant_util.c.o.d"
  "libfreq-integer-division-exponent.pdb"
  "libfreq-integer-division-exponent.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/rc_mutant_freq_integer_division_exponent.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
