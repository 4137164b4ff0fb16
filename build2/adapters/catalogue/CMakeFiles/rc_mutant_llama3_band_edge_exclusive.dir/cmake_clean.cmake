file(REMOVE_RECURSE
  "CMakeFiles/rc_mutant_llama3_band_edge_exclusive.dir/llama3_band_edge_exclusive.c.o"
  "CMakeFiles/rc_mutant_llama3_band_edge_exclusive.dir/llama3_band_edge_exclusive.c.o.d"
  "CMakeFiles/rc_mutant_llama3_band_edge_exclusive.dir/mutant_util.c.o"
  "CMakeFiles/rc_mutant_llama3_band_edge_exclusive.dir/mutant_util.c.o.d"
  "libllama3-band-edge-exclusive.pdb"
  "libllama3-band-edge-exclusive.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/rc_mutant_llama3_band_edge_exclusive.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
