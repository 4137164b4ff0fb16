file(REMOVE_RECURSE
  "CMakeFiles/testadapter_exit_apply.dir/adapters/exit_apply.c.o"
  "CMakeFiles/testadapter_exit_apply.dir/adapters/exit_apply.c.o.d"
  "adapters/exit_apply.pdb"
  "adapters/exit_apply.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/testadapter_exit_apply.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
