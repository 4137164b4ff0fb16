file(REMOVE_RECURSE
  "CMakeFiles/testadapter_entry_crash.dir/adapters/entry_crash.c.o"
  "CMakeFiles/testadapter_entry_crash.dir/adapters/entry_crash.c.o.d"
  "adapters/entry_crash.pdb"
  "adapters/entry_crash.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/testadapter_entry_crash.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
