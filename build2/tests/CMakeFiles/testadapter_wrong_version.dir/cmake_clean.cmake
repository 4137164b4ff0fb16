file(REMOVE_RECURSE
  "CMakeFiles/testadapter_wrong_version.dir/adapters/wrong_version.c.o"
  "CMakeFiles/testadapter_wrong_version.dir/adapters/wrong_version.c.o.d"
  "adapters/wrong_version.pdb"
  "adapters/wrong_version.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/testadapter_wrong_version.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
