file(REMOVE_RECURSE
  "CMakeFiles/test_rope_types.dir/test_rope_types.c.o"
  "CMakeFiles/test_rope_types.dir/test_rope_types.c.o.d"
  "test_rope_types"
  "test_rope_types.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/test_rope_types.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
