file(REMOVE_RECURSE
  "CMakeFiles/testadapter_suite_stale_ntk.dir/adapters/suite_stale_ntk.c.o"
  "CMakeFiles/testadapter_suite_stale_ntk.dir/adapters/suite_stale_ntk.c.o.d"
  "adapters/suite_stale_ntk.pdb"
  "adapters/suite_stale_ntk.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/testadapter_suite_stale_ntk.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
