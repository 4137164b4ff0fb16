file(REMOVE_RECURSE
  "CMakeFiles/testadapter_hostile_atexit_exit.dir/adapters/hostile_atexit_exit.c.o"
  "CMakeFiles/testadapter_hostile_atexit_exit.dir/adapters/hostile_atexit_exit.c.o.d"
  "adapters/hostile_atexit_exit.pdb"
  "adapters/hostile_atexit_exit.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/testadapter_hostile_atexit_exit.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
