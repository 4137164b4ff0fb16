file(REMOVE_RECURSE
  "CMakeFiles/rc_mutant_yarn_ramp_bounds_off_by_one.dir/mutant_util.c.o"
  "CMakeFiles/rc_mutant_yarn_ramp_bounds_off_by_one.dir/mutant_util.c.o.d"
  "CMakeFiles/rc_mutant_yarn_ramp_bounds_off_by_one.dir/yarn_ramp_bounds_off_by_one.c.o"
  "CMakeFiles/rc_mutant_yarn_ramp_bounds_off_by_one.dir/yarn_ramp_bounds_off_by_one.c.o.d"
  "libyarn-ramp-bounds-off-by-one.pdb"
  "libyarn-ramp-bounds-off-by-one.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/rc_mutant_yarn_ramp_bounds_off_by_one.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
