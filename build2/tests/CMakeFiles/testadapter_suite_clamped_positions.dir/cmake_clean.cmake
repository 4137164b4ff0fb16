file(REMOVE_RECURSE
  "CMakeFiles/testadapter_suite_clamped_positions.dir/adapters/suite_clamped_positions.c.o"
  "CMakeFiles/testadapter_suite_clamped_positions.dir/adapters/suite_clamped_positions.c.o.d"
  "adapters/suite_clamped_positions.pdb"
  "adapters/suite_clamped_positions.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/testadapter_suite_clamped_positions.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
