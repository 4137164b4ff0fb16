file(REMOVE_RECURSE
  "CMakeFiles/testadapter_hostile_oob_far.dir/adapters/hostile_oob_far.c.o"
  "CMakeFiles/testadapter_hostile_oob_far.dir/adapters/hostile_oob_far.c.o.d"
  "adapters/hostile_oob_far.pdb"
  "adapters/hostile_oob_far.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/testadapter_hostile_oob_far.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
