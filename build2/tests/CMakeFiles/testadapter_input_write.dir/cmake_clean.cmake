file(REMOVE_RECURSE
  "CMakeFiles/testadapter_input_write.dir/adapters/input_write.c.o"
  "CMakeFiles/testadapter_input_write.dir/adapters/input_write.c.o.d"
  "adapters/input_write.pdb"
  "adapters/input_write.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/testadapter_input_write.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
