file(REMOVE_RECURSE
  "CMakeFiles/testadapter_hostile_unsupported.dir/adapters/hostile_unsupported.c.o"
  "CMakeFiles/testadapter_hostile_unsupported.dir/adapters/hostile_unsupported.c.o.d"
  "adapters/hostile_unsupported.pdb"
  "adapters/hostile_unsupported.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/testadapter_hostile_unsupported.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
