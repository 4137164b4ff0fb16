file(REMOVE_RECURSE
  "CMakeFiles/testadapter_suite_scaled_output.dir/adapters/suite_scaled_output.c.o"
  "CMakeFiles/testadapter_suite_scaled_output.dir/adapters/suite_scaled_output.c.o.d"
  "adapters/suite_scaled_output.pdb"
  "adapters/suite_scaled_output.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/testadapter_suite_scaled_output.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
