file(REMOVE_RECURSE
  "../librope_example_llama2c.pdb"
  "../librope_example_llama2c.so"
  "CMakeFiles/rope_example_llama2c.dir/example_llama2c.c.o"
  "CMakeFiles/rope_example_llama2c.dir/example_llama2c.c.o.d"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/rope_example_llama2c.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
