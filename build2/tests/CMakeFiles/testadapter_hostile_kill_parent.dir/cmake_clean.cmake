file(REMOVE_RECURSE
  "CMakeFiles/testadapter_hostile_kill_parent.dir/adapters/hostile_kill_parent.c.o"
  "CMakeFiles/testadapter_hostile_kill_parent.dir/adapters/hostile_kill_parent.c.o.d"
  "adapters/hostile_kill_parent.pdb"
  "adapters/hostile_kill_parent.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/testadapter_hostile_kill_parent.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
