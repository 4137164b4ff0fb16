file(REMOVE_RECURSE
  "CMakeFiles/testadapter_evil_strings.dir/adapters/evil_strings.c.o"
  "CMakeFiles/testadapter_evil_strings.dir/adapters/evil_strings.c.o.d"
  "adapters/evil_strings.pdb"
  "adapters/evil_strings.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/testadapter_evil_strings.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
