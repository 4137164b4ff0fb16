file(REMOVE_RECURSE
  "CMakeFiles/test_hostile.dir/test_hostile.c.o"
  "CMakeFiles/test_hostile.dir/test_hostile.c.o.d"
  "test_hostile"
  "test_hostile.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/test_hostile.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
