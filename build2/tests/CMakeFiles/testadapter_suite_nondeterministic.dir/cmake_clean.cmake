file(REMOVE_RECURSE
  "CMakeFiles/testadapter_suite_nondeterministic.dir/adapters/suite_nondeterministic.c.o"
  "CMakeFiles/testadapter_suite_nondeterministic.dir/adapters/suite_nondeterministic.c.o.d"
  "adapters/suite_nondeterministic.pdb"
  "adapters/suite_nondeterministic.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/testadapter_suite_nondeterministic.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
