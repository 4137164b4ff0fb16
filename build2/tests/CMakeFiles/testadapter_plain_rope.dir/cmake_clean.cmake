file(REMOVE_RECURSE
  "CMakeFiles/testadapter_plain_rope.dir/adapters/plain_rope.c.o"
  "CMakeFiles/testadapter_plain_rope.dir/adapters/plain_rope.c.o.d"
  "adapters/plain_rope.pdb"
  "adapters/plain_rope.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/testadapter_plain_rope.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
