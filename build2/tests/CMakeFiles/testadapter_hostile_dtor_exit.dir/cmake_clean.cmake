file(REMOVE_RECURSE
  "CMakeFiles/testadapter_hostile_dtor_exit.dir/adapters/hostile_dtor_exit.c.o"
  "CMakeFiles/testadapter_hostile_dtor_exit.dir/adapters/hostile_dtor_exit.c.o.d"
  "adapters/hostile_dtor_exit.pdb"
  "adapters/hostile_dtor_exit.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/testadapter_hostile_dtor_exit.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
