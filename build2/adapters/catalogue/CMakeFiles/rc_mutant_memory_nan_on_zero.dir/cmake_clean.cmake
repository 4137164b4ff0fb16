file(REMOVE_RECURSE
  "CMakeFiles/rc_mutant_memory_nan_on_zero.dir/memory_nan_on_zero.c.o"
  "CMakeFiles/rc_mutant_memory_nan_on_zero.dir/memory_nan_on_zero.c.o.d"
  "CMakeFiles/rc_mutant_memory_nan_on_zero.dir/mutant_util.c.o"
  "CMakeFiles/rc_mutant_memory_nan_on_zero.dir/mutant_util.c.o.d"
  "libmemory-nan-on-zero.pdb"
  "libmemory-nan-on-zero.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/rc_mutant_memory_nan_on_zero.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
