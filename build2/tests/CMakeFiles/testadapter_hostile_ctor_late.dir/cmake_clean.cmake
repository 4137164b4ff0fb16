file(REMOVE_RECURSE
  "CMakeFiles/testadapter_hostile_ctor_late.dir/adapters/hostile_ctor_late.c.o"
  "CMakeFiles/testadapter_hostile_ctor_late.dir/adapters/hostile_ctor_late.c.o.d"
  "adapters/hostile_ctor_late.pdb"
  "adapters/hostile_ctor_late.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/testadapter_hostile_ctor_late.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
