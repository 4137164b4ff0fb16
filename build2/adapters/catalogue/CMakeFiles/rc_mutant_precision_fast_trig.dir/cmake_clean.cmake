file(REMOVE_RECURSE
  "CMakeFiles/rc_mutant_precision_fast_trig.dir/mutant_util.c.o"
  "CMakeFiles/rc_mutant_precision_fast_trig.dir/mutant_util.c.o.d"
  "CMakeFiles/rc_mutant_precision_fast_trig.dir/precision_fast_trig.c.o"
  "CMakeFiles/rc_mutant_precision_fast_trig.dir/precision_fast_trig.c.o.d"
  "libprecision-fast-trig.pdb"
  "libprecision-fast-trig.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/rc_mutant_precision_fast_trig.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
