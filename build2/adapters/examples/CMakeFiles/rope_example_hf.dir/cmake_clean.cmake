file(REMOVE_RECURSE
  "../librope_example_hf.pdb"
  "../librope_example_hf.so"
  "CMakeFiles/rope_example_hf.dir/example_hf.c.o"
  "CMakeFiles/rope_example_hf.dir/example_hf.c.o.d"
  "CMakeFiles/rope_example_hf.dir/torch_freq.c.o"
  "CMakeFiles/rope_example_hf.dir/torch_freq.c.o.d"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/rope_example_hf.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
