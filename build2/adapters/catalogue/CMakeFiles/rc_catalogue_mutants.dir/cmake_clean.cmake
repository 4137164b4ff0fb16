file(REMOVE_RECURSE
  "CMakeFiles/rc_catalogue_mutants"
)

# Per-language clean rules from dependency scanning.
foreach(lang )
  include(CMakeFiles/rc_catalogue_mutants.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
