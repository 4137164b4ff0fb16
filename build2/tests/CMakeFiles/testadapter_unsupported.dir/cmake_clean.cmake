file(REMOVE_RECURSE
  "CMakeFiles/testadapter_unsupported.dir/adapters/unsupported.c.o"
  "CMakeFiles/testadapter_unsupported.dir/adapters/unsupported.c.o.d"
  "adapters/unsupported.pdb"
  "adapters/unsupported.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/testadapter_unsupported.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
