file(REMOVE_RECURSE
  "CMakeFiles/testadapter_conv_pairing_swap.dir/adapters/conv_pairing_swap.c.o"
  "CMakeFiles/testadapter_conv_pairing_swap.dir/adapters/conv_pairing_swap.c.o.d"
  "adapters/conv_pairing_swap.pdb"
  "adapters/conv_pairing_swap.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/testadapter_conv_pairing_swap.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
