file(REMOVE_RECURSE
  "CMakeFiles/rc_mutant_ntk_raw_seq_len.dir/mutant_util.c.o"
  "CMakeFiles/rc_mutant_ntk_raw_seq_len.dir/mutant_util.c.o.d"
  "CMakeFiles/rc_mutant_ntk_raw_seq_len.dir/ntk_raw_seq_len.c.o"
  "CMakeFiles/rc_mutant_ntk_raw_seq_len.dir/ntk_raw_seq_len.c.o.d"
  "libntk-raw-seq-len.pdb"
  "libntk-raw-seq-len.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/rc_mutant_ntk_raw_seq_len.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
