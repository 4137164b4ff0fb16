file(REMOVE_RECURSE
  "CMakeFiles/testadapter_hostile_kill_group.dir/adapters/hostile_kill_group.c.o"
  "CMakeFiles/testadapter_hostile_kill_group.dir/adapters/hostile_kill_group.c.o.d"
  "adapters/hostile_kill_group.pdb"
  "adapters/hostile_kill_group.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/testadapter_hostile_kill_group.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
