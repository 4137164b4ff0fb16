file(REMOVE_RECURSE
  "CMakeFiles/testadapter_crash_on_pos.dir/adapters/crash_on_pos.c.o"
  "CMakeFiles/testadapter_crash_on_pos.dir/adapters/crash_on_pos.c.o.d"
  "adapters/crash_on_pos.pdb"
  "adapters/crash_on_pos.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/testadapter_crash_on_pos.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
