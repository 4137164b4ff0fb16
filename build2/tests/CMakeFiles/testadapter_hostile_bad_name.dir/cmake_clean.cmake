file(REMOVE_RECURSE
  "CMakeFiles/testadapter_hostile_bad_name.dir/adapters/hostile_bad_name.c.o"
  "CMakeFiles/testadapter_hostile_bad_name.dir/adapters/hostile_bad_name.c.o.d"
  "adapters/hostile_bad_name.pdb"
  "adapters/hostile_bad_name.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/testadapter_hostile_bad_name.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
