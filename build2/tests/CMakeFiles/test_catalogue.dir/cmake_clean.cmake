file(REMOVE_RECURSE
  "CMakeFiles/test_catalogue.dir/test_catalogue.c.o"
  "CMakeFiles/test_catalogue.dir/test_catalogue.c.o.d"
  "test_catalogue"
  "test_catalogue.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/test_catalogue.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
