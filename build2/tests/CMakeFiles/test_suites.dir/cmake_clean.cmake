file(REMOVE_RECURSE
  "CMakeFiles/test_suites.dir/test_suites.c.o"
  "CMakeFiles/test_suites.dir/test_suites.c.o.d"
  "test_suites"
  "test_suites.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/test_suites.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
