file(REMOVE_RECURSE
  "CMakeFiles/testadapter_suite_backward_sign.dir/adapters/suite_backward_sign.c.o"
  "CMakeFiles/testadapter_suite_backward_sign.dir/adapters/suite_backward_sign.c.o.d"
  "adapters/suite_backward_sign.pdb"
  "adapters/suite_backward_sign.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/testadapter_suite_backward_sign.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
