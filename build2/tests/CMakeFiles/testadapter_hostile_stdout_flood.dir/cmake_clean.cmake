file(REMOVE_RECURSE
  "CMakeFiles/testadapter_hostile_stdout_flood.dir/adapters/hostile_stdout_flood.c.o"
  "CMakeFiles/testadapter_hostile_stdout_flood.dir/adapters/hostile_stdout_flood.c.o.d"
  "adapters/hostile_stdout_flood.pdb"
  "adapters/hostile_stdout_flood.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/testadapter_hostile_stdout_flood.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
