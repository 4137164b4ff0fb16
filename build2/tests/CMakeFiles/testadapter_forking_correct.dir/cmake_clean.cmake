file(REMOVE_RECURSE
  "CMakeFiles/testadapter_forking_correct.dir/adapters/forking_correct.c.o"
  "CMakeFiles/testadapter_forking_correct.dir/adapters/forking_correct.c.o.d"
  "adapters/forking_correct.pdb"
  "adapters/forking_correct.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/testadapter_forking_correct.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
