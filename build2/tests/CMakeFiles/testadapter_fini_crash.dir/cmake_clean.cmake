file(REMOVE_RECURSE
  "CMakeFiles/testadapter_fini_crash.dir/adapters/fini_crash.c.o"
  "CMakeFiles/testadapter_fini_crash.dir/adapters/fini_crash.c.o.d"
  "adapters/fini_crash.pdb"
  "adapters/fini_crash.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/testadapter_fini_crash.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
