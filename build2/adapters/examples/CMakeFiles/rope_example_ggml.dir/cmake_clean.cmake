file(REMOVE_RECURSE
  "../librope_example_ggml.pdb"
  "../librope_example_ggml.so"
  "CMakeFiles/rope_example_ggml.dir/example_ggml.c.o"
  "CMakeFiles/rope_example_ggml.dir/example_ggml.c.o.d"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/rope_example_ggml.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
