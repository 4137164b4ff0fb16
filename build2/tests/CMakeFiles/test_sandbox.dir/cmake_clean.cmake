file(REMOVE_RECURSE
  "CMakeFiles/test_sandbox.dir/test_sandbox.c.o"
  "CMakeFiles/test_sandbox.dir/test_sandbox.c.o.d"
  "test_sandbox"
  "test_sandbox.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/test_sandbox.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
