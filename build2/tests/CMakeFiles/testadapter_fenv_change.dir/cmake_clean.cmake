file(REMOVE_RECURSE
  "CMakeFiles/testadapter_fenv_change.dir/adapters/fenv_change.c.o"
  "CMakeFiles/testadapter_fenv_change.dir/adapters/fenv_change.c.o.d"
  "adapters/fenv_change.pdb"
  "adapters/fenv_change.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/testadapter_fenv_change.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
