file(REMOVE_RECURSE
  "../librope_example_fp64.pdb"
  "../librope_example_fp64.so"
  "CMakeFiles/rope_example_fp64.dir/example_fp64.c.o"
  "CMakeFiles/rope_example_fp64.dir/example_fp64.c.o.d"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/rope_example_fp64.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
