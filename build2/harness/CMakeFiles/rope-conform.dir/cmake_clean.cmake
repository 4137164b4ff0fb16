file(REMOVE_RECURSE
  "../rope-conform"
  "../rope-conform.pdb"
  "CMakeFiles/rope-conform.dir/main.c.o"
  "CMakeFiles/rope-conform.dir/main.c.o.d"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/rope-conform.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
