file(REMOVE_RECURSE
  "CMakeFiles/test_man.dir/test_man.c.o"
  "CMakeFiles/test_man.dir/test_man.c.o.d"
  "test_man"
  "test_man.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/test_man.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
