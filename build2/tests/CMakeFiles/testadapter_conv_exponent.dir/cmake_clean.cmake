file(REMOVE_RECURSE
  "CMakeFiles/testadapter_conv_exponent.dir/adapters/conv_exponent.c.o"
  "CMakeFiles/testadapter_conv_exponent.dir/adapters/conv_exponent.c.o.d"
  "adapters/conv_exponent.pdb"
  "adapters/conv_exponent.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/testadapter_conv_exponent.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
