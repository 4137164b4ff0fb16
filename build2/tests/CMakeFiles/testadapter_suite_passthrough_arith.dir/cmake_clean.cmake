file(REMOVE_RECURSE
  "CMakeFiles/testadapter_suite_passthrough_arith.dir/adapters/suite_passthrough_arith.c.o"
  "CMakeFiles/testadapter_suite_passthrough_arith.dir/adapters/suite_passthrough_arith.c.o.d"
  "adapters/suite_passthrough_arith.pdb"
  "adapters/suite_passthrough_arith.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/testadapter_suite_passthrough_arith.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
