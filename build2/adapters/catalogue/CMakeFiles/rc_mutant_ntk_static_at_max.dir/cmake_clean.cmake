file(REMOVE_RECURSE
  "CMakeFiles/rc_mutant_ntk_static_at_max.dir/mutant_util.c.o"
  "CMakeFiles/rc_mutant_ntk_static_at_max.dir/mutant_util.c.o.d"
  "CMakeFiles/rc_mutant_ntk_static_at_max.dir/ntk_static_at_max.c.o"
  "CMakeFiles/rc_mutant_ntk_static_at_max.dir/ntk_static_at_max.c.o.d"
  "libntk-static-at-max.pdb"
  "libntk-static-at-max.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/rc_mutant_ntk_static_at_max.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
