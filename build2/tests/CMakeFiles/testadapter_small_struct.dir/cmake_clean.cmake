file(REMOVE_RECURSE
  "CMakeFiles/testadapter_small_struct.dir/adapters/small_struct.c.o"
  "CMakeFiles/testadapter_small_struct.dir/adapters/small_struct.c.o.d"
  "adapters/small_struct.pdb"
  "adapters/small_struct.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/testadapter_small_struct.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
