file(REMOVE_RECURSE
  "CMakeFiles/testadapter_hostile_scribble_apply.dir/adapters/hostile_scribble_apply.c.o"
  "CMakeFiles/testadapter_hostile_scribble_apply.dir/adapters/hostile_scribble_apply.c.o.d"
  "adapters/hostile_scribble_apply.pdb"
  "adapters/hostile_scribble_apply.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/testadapter_hostile_scribble_apply.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
