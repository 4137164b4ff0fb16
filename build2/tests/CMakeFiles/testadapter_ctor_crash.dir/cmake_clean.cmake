file(REMOVE_RECURSE
  "CMakeFiles/testadapter_ctor_crash.dir/adapters/ctor_crash.c.o"
  "CMakeFiles/testadapter_ctor_crash.dir/adapters/ctor_crash.c.o.d"
  "adapters/ctor_crash.pdb"
  "adapters/ctor_crash.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/testadapter_ctor_crash.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
