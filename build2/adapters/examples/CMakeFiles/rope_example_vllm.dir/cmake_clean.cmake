file(REMOVE_RECURSE
  "../librope_example_vllm.pdb"
  "../librope_example_vllm.so"
  "CMakeFiles/rope_example_vllm.dir/example_vllm.c.o"
  "CMakeFiles/rope_example_vllm.dir/example_vllm.c.o.d"
  "CMakeFiles/rope_example_vllm.dir/torch_freq.c.o"
  "CMakeFiles/rope_example_vllm.dir/torch_freq.c.o.d"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/rope_example_vllm.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
