file(REMOVE_RECURSE
  "CMakeFiles/testadapter_hostile_bad_defaults.dir/adapters/hostile_bad_defaults.c.o"
  "CMakeFiles/testadapter_hostile_bad_defaults.dir/adapters/hostile_bad_defaults.c.o.d"
  "adapters/hostile_bad_defaults.pdb"
  "adapters/hostile_bad_defaults.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/testadapter_hostile_bad_defaults.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
