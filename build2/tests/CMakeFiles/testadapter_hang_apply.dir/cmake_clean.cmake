file(REMOVE_RECURSE
  "CMakeFiles/testadapter_hang_apply.dir/adapters/hang_apply.c.o"
  "CMakeFiles/testadapter_hang_apply.dir/adapters/hang_apply.c.o.d"
  "adapters/hang_apply.pdb"
  "adapters/hang_apply.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/testadapter_hang_apply.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
