file(REMOVE_RECURSE
  "CMakeFiles/testadapter_no_symbol.dir/adapters/no_symbol.c.o"
  "CMakeFiles/testadapter_no_symbol.dir/adapters/no_symbol.c.o.d"
  "adapters/no_symbol.pdb"
  "adapters/no_symbol.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/testadapter_no_symbol.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
