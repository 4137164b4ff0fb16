file(REMOVE_RECURSE
  "CMakeFiles/testadapter_oob_write.dir/adapters/oob_write.c.o"
  "CMakeFiles/testadapter_oob_write.dir/adapters/oob_write.c.o.d"
  "adapters/oob_write.pdb"
  "adapters/oob_write.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/testadapter_oob_write.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
