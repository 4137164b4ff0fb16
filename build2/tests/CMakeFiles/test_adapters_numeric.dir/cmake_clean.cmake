file(REMOVE_RECURSE
  "CMakeFiles/test_adapters_numeric.dir/test_adapters_numeric.c.o"
  "CMakeFiles/test_adapters_numeric.dir/test_adapters_numeric.c.o.d"
  "test_adapters_numeric"
  "test_adapters_numeric.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/test_adapters_numeric.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
