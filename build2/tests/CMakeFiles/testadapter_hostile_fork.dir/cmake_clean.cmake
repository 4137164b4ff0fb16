file(REMOVE_RECURSE
  "CMakeFiles/testadapter_hostile_fork.dir/adapters/hostile_fork.c.o"
  "CMakeFiles/testadapter_hostile_fork.dir/adapters/hostile_fork.c.o.d"
  "adapters/hostile_fork.pdb"
  "adapters/hostile_fork.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/testadapter_hostile_fork.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
