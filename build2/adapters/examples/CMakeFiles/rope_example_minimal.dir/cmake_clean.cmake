file(REMOVE_RECURSE
  "../librope_example_minimal.pdb"
  "../librope_example_minimal.so"
  "CMakeFiles/rope_example_minimal.dir/minimal.c.o"
  "CMakeFiles/rope_example_minimal.dir/minimal.c.o.d"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/rope_example_minimal.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
