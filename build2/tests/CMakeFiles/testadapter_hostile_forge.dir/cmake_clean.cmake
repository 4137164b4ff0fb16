file(REMOVE_RECURSE
  "CMakeFiles/testadapter_hostile_forge.dir/adapters/hostile_forge.c.o"
  "CMakeFiles/testadapter_hostile_forge.dir/adapters/hostile_forge.c.o.d"
  "adapters/hostile_forge.pdb"
  "adapters/hostile_forge.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/testadapter_hostile_forge.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
