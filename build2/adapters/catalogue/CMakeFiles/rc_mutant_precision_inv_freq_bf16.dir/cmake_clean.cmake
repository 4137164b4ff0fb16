file(REMOVE_RECURSE
  "CMakeFiles/rc_mutant_precision_inv_freq_bf16.dir/mutant_util.c.o"
  "CMakeFiles/rc_mutant_precision_inv_freq_bf16.dir/mutant_util.c.o.d"
  "CMakeFiles/rc_mutant_precision_inv_freq_bf16.dir/precision_inv_freq_bf16.c.o"
  "CMakeFiles/rc_mutant_precision_inv_freq_bf16.dir/precision_inv_freq_bf16.c.o.d"
  "libprecision-inv-freq-bf16.pdb"
  "libprecision-inv-freq-bf16.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/rc_mutant_precision_inv_freq_bf16.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
