file(REMOVE_RECURSE
  "CMakeFiles/testadapter_abort_apply.dir/adapters/abort_apply.c.o"
  "CMakeFiles/testadapter_abort_apply.dir/adapters/abort_apply.c.o.d"
  "adapters/abort_apply.pdb"
  "adapters/abort_apply.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/testadapter_abort_apply.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
