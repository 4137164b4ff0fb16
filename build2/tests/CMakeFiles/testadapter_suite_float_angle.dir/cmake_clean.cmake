file(REMOVE_RECURSE
  "CMakeFiles/testadapter_suite_float_angle.dir/adapters/suite_float_angle.c.o"
  "CMakeFiles/testadapter_suite_float_angle.dir/adapters/suite_float_angle.c.o.d"
  "adapters/suite_float_angle.pdb"
  "adapters/suite_float_angle.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/testadapter_suite_float_angle.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
