file(REMOVE_RECURSE
  "CMakeFiles/testadapter_conv_sign_flip.dir/adapters/conv_sign_flip.c.o"
  "CMakeFiles/testadapter_conv_sign_flip.dir/adapters/conv_sign_flip.c.o.d"
  "adapters/conv_sign_flip.pdb"
  "adapters/conv_sign_flip.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/testadapter_conv_sign_flip.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
