file(REMOVE_RECURSE
  "CMakeFiles/rc_mutant_llama3_unscaled_returned.dir/llama3_unscaled_returned.c.o"
  "CMakeFiles/rc_mutant_llama3_unscaled_returned.dir/llama3_unscaled_returned.c.o.d"
  "CMakeFiles/rc_mutant_llama3_unscaled_returned.dir/mutant_util.c.o"
  "CMakeFiles/rc_mutant_llama3_unscaled_returned.dir/mutant_util.c.o.d"
  "libllama3-unscaled-returned.pdb"
  "libllama3-unscaled-returned.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/rc_mutant_llama3_unscaled_returned.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
