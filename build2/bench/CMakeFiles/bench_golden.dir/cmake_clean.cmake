file(REMOVE_RECURSE
  "CMakeFiles/bench_golden.dir/bench_golden.c.o"
  "CMakeFiles/bench_golden.dir/bench_golden.c.o.d"
  "bench_golden"
  "bench_golden.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/bench_golden.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
