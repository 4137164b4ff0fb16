file(REMOVE_RECURSE
  "CMakeFiles/rc_mutant_api_type_falls_back_to_llama3.dir/api_type_falls_back_to_llama3.c.o"
  "CMakeFiles/rc_mutant_api_type_falls_back_to_llama3.dir/api_type_falls_back_to_llama3.c.o.d"
  "CMakeFiles/rc_mutant_api_type_falls_back_to_llama3.dir/mutant_util.c.o"
  "CMakeFiles/rc_mutant_api_type_falls_back_to_llama3.dir/mutant_util.c.o.d"
  "libapi-type-falls-back-to-llama3.pdb"
  "libapi-type-falls-back-to-llama3.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/rc_mutant_api_type_falls_back_to_llama3.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
