file(REMOVE_RECURSE
  "CMakeFiles/testadapter_null_functions.dir/adapters/null_functions.c.o"
  "CMakeFiles/testadapter_null_functions.dir/adapters/null_functions.c.o.d"
  "adapters/null_functions.pdb"
  "adapters/null_functions.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/testadapter_null_functions.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
