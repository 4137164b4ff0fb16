file(REMOVE_RECURSE
  "CMakeFiles/test_edges.dir/test_edges.c.o"
  "CMakeFiles/test_edges.dir/test_edges.c.o.d"
  "test_edges"
  "test_edges.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/test_edges.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
