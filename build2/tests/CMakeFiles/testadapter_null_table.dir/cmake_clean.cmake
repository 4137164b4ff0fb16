file(REMOVE_RECURSE
  "CMakeFiles/testadapter_null_table.dir/adapters/null_table.c.o"
  "CMakeFiles/testadapter_null_table.dir/adapters/null_table.c.o.d"
  "adapters/null_table.pdb"
  "adapters/null_table.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/testadapter_null_table.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
