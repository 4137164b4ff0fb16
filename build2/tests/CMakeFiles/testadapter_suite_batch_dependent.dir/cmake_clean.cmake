file(REMOVE_RECURSE
  "CMakeFiles/testadapter_suite_batch_dependent.dir/adapters/suite_batch_dependent.c.o"
  "CMakeFiles/testadapter_suite_batch_dependent.dir/adapters/suite_batch_dependent.c.o.d"
  "adapters/suite_batch_dependent.pdb"
  "adapters/suite_batch_dependent.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/testadapter_suite_batch_dependent.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
