file(REMOVE_RECURSE
  "CMakeFiles/rc_mutant_memory_writes_past_output.dir/memory_writes_past_output.c.o"
  "CMakeFiles/rc_mutant_memory_writes_past_output.dir/memory_writes_past_output.c.o.d"
  "CMakeFiles/rc_mutant_memory_writes_past_output.dir/mutant_util.c.o"
  "CMakeFiles/rc_mutant_memory_writes_past_output.dir/mutant_util.c.o.d"
  "libmemory-writes-past-output.pdb"
  "libmemory-writes-past-output.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/rc_mutant_memory_writes_past_output.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
