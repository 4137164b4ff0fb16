file(REMOVE_RECURSE
  "CMakeFiles/testadapter_slow_init.dir/adapters/slow_init.c.o"
  "CMakeFiles/testadapter_slow_init.dir/adapters/slow_init.c.o.d"
  "adapters/slow_init.pdb"
  "adapters/slow_init.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/testadapter_slow_init.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
