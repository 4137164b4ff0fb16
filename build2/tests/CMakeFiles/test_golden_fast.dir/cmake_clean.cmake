file(REMOVE_RECURSE
  "CMakeFiles/test_golden_fast.dir/test_golden_fast.c.o"
  "CMakeFiles/test_golden_fast.dir/test_golden_fast.c.o.d"
  "test_golden_fast"
  "test_golden_fast.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/test_golden_fast.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
