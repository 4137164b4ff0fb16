file(REMOVE_RECURSE
  "../librope_example_half_io.pdb"
  "../librope_example_half_io.so"
  "CMakeFiles/rope_example_half_io.dir/example_half_io.c.o"
  "CMakeFiles/rope_example_half_io.dir/example_half_io.c.o.d"
  "CMakeFiles/rope_example_half_io.dir/torch_freq.c.o"
  "CMakeFiles/rope_example_half_io.dir/torch_freq.c.o.d"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/rope_example_half_io.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
