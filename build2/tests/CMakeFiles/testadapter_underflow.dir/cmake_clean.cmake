file(REMOVE_RECURSE
  "CMakeFiles/testadapter_underflow.dir/adapters/underflow.c.o"
  "CMakeFiles/testadapter_underflow.dir/adapters/underflow.c.o.d"
  "adapters/underflow.pdb"
  "adapters/underflow.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/testadapter_underflow.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
