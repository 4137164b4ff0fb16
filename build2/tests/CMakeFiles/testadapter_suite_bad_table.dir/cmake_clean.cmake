file(REMOVE_RECURSE
  "CMakeFiles/testadapter_suite_bad_table.dir/adapters/suite_bad_table.c.o"
  "CMakeFiles/testadapter_suite_bad_table.dir/adapters/suite_bad_table.c.o.d"
  "adapters/suite_bad_table.pdb"
  "adapters/suite_bad_table.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/testadapter_suite_bad_table.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
