file(REMOVE_RECURSE
  "CMakeFiles/testadapter_init_error.dir/adapters/init_error.c.o"
  "CMakeFiles/testadapter_init_error.dir/adapters/init_error.c.o.d"
  "adapters/init_error.pdb"
  "adapters/init_error.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/testadapter_init_error.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
