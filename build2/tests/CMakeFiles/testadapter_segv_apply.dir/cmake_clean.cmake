file(REMOVE_RECURSE
  "CMakeFiles/testadapter_segv_apply.dir/adapters/segv_apply.c.o"
  "CMakeFiles/testadapter_segv_apply.dir/adapters/segv_apply.c.o.d"
  "adapters/segv_apply.pdb"
  "adapters/segv_apply.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/testadapter_segv_apply.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
