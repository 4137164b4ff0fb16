file(REMOVE_RECURSE
  "../librope_reference.pdb"
  "../librope_reference.so"
  "CMakeFiles/rope_reference.dir/adapter_reference.c.o"
  "CMakeFiles/rope_reference.dir/adapter_reference.c.o.d"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/rope_reference.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
