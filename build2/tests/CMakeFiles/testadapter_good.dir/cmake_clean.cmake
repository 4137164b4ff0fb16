file(REMOVE_RECURSE
  "CMakeFiles/testadapter_good.dir/adapters/good.c.o"
  "CMakeFiles/testadapter_good.dir/adapters/good.c.o.d"
  "adapters/good.pdb"
  "adapters/good.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/testadapter_good.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
