file(REMOVE_RECURSE
  "CMakeFiles/testadapter_fpe_apply.dir/adapters/fpe_apply.c.o"
  "CMakeFiles/testadapter_fpe_apply.dir/adapters/fpe_apply.c.o.d"
  "adapters/fpe_apply.pdb"
  "adapters/fpe_apply.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/testadapter_fpe_apply.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
