file(REMOVE_RECURSE
  "../share/man/man1/rope-conform.1"
  "CMakeFiles/rc_man_page"
)

# Per-language clean rules from dependency scanning.
foreach(lang )
  include(CMakeFiles/rc_man_page.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
