file(REMOVE_RECURSE
  "CMakeFiles/testadapter_hostile_big_defaults.dir/adapters/hostile_big_defaults.c.o"
  "CMakeFiles/testadapter_hostile_big_defaults.dir/adapters/hostile_big_defaults.c.o.d"
  "adapters/hostile_big_defaults.pdb"
  "adapters/hostile_big_defaults.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/testadapter_hostile_big_defaults.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
