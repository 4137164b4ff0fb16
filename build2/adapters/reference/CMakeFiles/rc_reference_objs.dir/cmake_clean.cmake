file(REMOVE_RECURSE
  "CMakeFiles/rc_reference_objs.dir/rope_ref.c.o"
  "CMakeFiles/rc_reference_objs.dir/rope_ref.c.o.d"
  "CMakeFiles/rc_reference_objs.dir/rope_ref_data.c.o"
  "CMakeFiles/rc_reference_objs.dir/rope_ref_data.c.o.d"
  "CMakeFiles/rc_reference_objs.dir/rope_ref_params.c.o"
  "CMakeFiles/rc_reference_objs.dir/rope_ref_params.c.o.d"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/rc_reference_objs.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
