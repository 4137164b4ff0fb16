file(REMOVE_RECURSE
  "CMakeFiles/rc_mutant_api_odd_dims_accepted.dir/api_odd_dims_accepted.c.o"
  "CMakeFiles/rc_mutant_api_odd_dims_accepted.dir/api_odd_dims_accepted.c.o.d"
  "CMakeFiles/rc_mutant_api_odd_dims_accepted.dir/mutant_util.c.o"
  "CMakeFiles/rc_mutant_api_odd_dims_accepted.dir/mutant_util.c.o.d"
  "libapi-odd-dims-accepted.pdb"
  "libapi-odd-dims-accepted.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/rc_mutant_api_odd_dims_accepted.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
