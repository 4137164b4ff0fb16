file(REMOVE_RECURSE
  "CMakeFiles/testadapter_hostile_scribble_fini.dir/adapters/hostile_scribble_fini.c.o"
  "CMakeFiles/testadapter_hostile_scribble_fini.dir/adapters/hostile_scribble_fini.c.o.d"
  "adapters/hostile_scribble_fini.pdb"
  "adapters/hostile_scribble_fini.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/testadapter_hostile_scribble_fini.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
