file(REMOVE_RECURSE
  "CMakeFiles/test_reports.dir/test_reports.c.o"
  "CMakeFiles/test_reports.dir/test_reports.c.o.d"
  "test_reports"
  "test_reports.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/test_reports.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
