file(REMOVE_RECURSE
  "CMakeFiles/testadapter_null_name.dir/adapters/null_name.c.o"
  "CMakeFiles/testadapter_null_name.dir/adapters/null_name.c.o.d"
  "adapters/null_name.pdb"
  "adapters/null_name.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/testadapter_null_name.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
