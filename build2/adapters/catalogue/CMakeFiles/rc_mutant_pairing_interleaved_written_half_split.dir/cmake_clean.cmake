file(REMOVE_RECURSE
  "CMakeFiles/rc_mutant_pairing_interleaved_written_half_split.dir/mutant_util.c.o"
  "CMakeFiles/rc_mutant_pairing_interleaved_written_half_split.dir/mutant_util.c.o.d"
  "CMakeFiles/rc_mutant_pairing_interleaved_written_half_split.dir/pairing_interleaved_written_half_split.c.o"
  "CMakeFiles/rc_mutant_pairing_interleaved_written_half_split.dir/pairing_interleaved_written_half_split.c.o.d"
  "libpairing-interleaved-written-half-split.pdb"
  "libpairing-interleaved-written-half-split.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/rc_mutant_pairing_interleaved_written_half_split.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
