file(REMOVE_RECURSE
  "CMakeFiles/rc_mutant_batch_positions_assumed_contiguous.dir/batch_positions_assumed_contiguous.c.o"
  "CMakeFiles/rc_mutant_batch_positions_assumed_contiguous.dir/batch_positions_assumed_contiguous.c.o.d"
  "CMakeFiles/rc_mutant_batch_positions_assumed_contiguous.dir/mutant_util.c.o"
  "CMakeFiles/rc_mutant_batch_positions_assumed_contiguous.dir/mutant_util.c.o.d"
  "libbatch-positions-assumed-contiguous.pdb"
  "libbatch-positions-assumed-contiguous.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/rc_mutant_batch_positions_assumed_contiguous.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
