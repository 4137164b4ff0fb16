file(REMOVE_RECURSE
  "CMakeFiles/testadapter_hostile_sleep_fini.dir/adapters/hostile_sleep_fini.c.o"
  "CMakeFiles/testadapter_hostile_sleep_fini.dir/adapters/hostile_sleep_fini.c.o.d"
  "adapters/hostile_sleep_fini.pdb"
  "adapters/hostile_sleep_fini.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/testadapter_hostile_sleep_fini.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
