file(REMOVE_RECURSE
  "CMakeFiles/testadapter_untouched.dir/adapters/untouched.c.o"
  "CMakeFiles/testadapter_untouched.dir/adapters/untouched.c.o.d"
  "adapters/untouched.pdb"
  "adapters/untouched.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/testadapter_untouched.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
