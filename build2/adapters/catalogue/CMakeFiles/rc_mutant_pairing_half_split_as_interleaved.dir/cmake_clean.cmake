file(REMOVE_RECURSE
  "CMakeFiles/rc_mutant_pairing_half_split_as_interleaved.dir/mutant_util.c.o"
  "CMakeFiles/rc_mutant_pairing_half_split_as_interleaved.dir/mutant_util.c.o.d"
  "CMakeFiles/rc_mutant_pairing_half_split_as_interleaved.dir/pairing_half_split_as_interleaved.c.o"
  "CMakeFiles/rc_mutant_pairing_half_split_as_interleaved.dir/pairing_half_split_as_interleaved.c.o.d"
  "libpairing-half-split-as-interleaved.pdb"
  "libpairing-half-split-as-interleaved.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/rc_mutant_pairing_half_split_as_interleaved.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
