file(REMOVE_RECURSE
  "CMakeFiles/test_conventions.dir/test_conventions.c.o"
  "CMakeFiles/test_conventions.dir/test_conventions.c.o.d"
  "test_conventions"
  "test_conventions.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/test_conventions.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
