file(REMOVE_RECURSE
  "CMakeFiles/testadapter_hostile_oob_before.dir/adapters/hostile_oob_before.c.o"
  "CMakeFiles/testadapter_hostile_oob_before.dir/adapters/hostile_oob_before.c.o.d"
  "adapters/hostile_oob_before.pdb"
  "adapters/hostile_oob_before.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/testadapter_hostile_oob_before.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
