file(REMOVE_RECURSE
  "CMakeFiles/rc_mutant_direction_sign_one_output.dir/direction_sign_one_output.c.o"
  "CMakeFiles/rc_mutant_direction_sign_one_output.dir/direction_sign_one_output.c.o.d"
  "CMakeFiles/rc_mutant_direction_sign_one_output.dir/mutant_util.c.o"
  "CMakeFiles/rc_mutant_direction_sign_one_output.dir/mutant_util.c.o.d"
  "libdirection-sign-one-output.pdb"
  "libdirection-sign-one-output.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/rc_mutant_direction_sign_one_output.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
