file(REMOVE_RECURSE
  "CMakeFiles/testadapter_conv_scaling.dir/adapters/conv_scaling.c.o"
  "CMakeFiles/testadapter_conv_scaling.dir/adapters/conv_scaling.c.o.d"
  "adapters/conv_scaling.pdb"
  "adapters/conv_scaling.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/testadapter_conv_scaling.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
