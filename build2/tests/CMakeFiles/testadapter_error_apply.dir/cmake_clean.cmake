file(REMOVE_RECURSE
  "CMakeFiles/testadapter_error_apply.dir/adapters/error_apply.c.o"
  "CMakeFiles/testadapter_error_apply.dir/adapters/error_apply.c.o.d"
  "adapters/error_apply.pdb"
  "adapters/error_apply.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/testadapter_error_apply.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
