file(REMOVE_RECURSE
  "CMakeFiles/rc_mutant_llama3_smooth_in_wavelength.dir/llama3_smooth_in_wavelength.c.o"
  "CMakeFiles/rc_mutant_llama3_smooth_in_wavelength.dir/llama3_smooth_in_wavelength.c.o.d"
  "CMakeFiles/rc_mutant_llama3_smooth_in_wavelength.dir/mutant_util.c.o"
  "CMakeFiles/rc_mutant_llama3_smooth_in_wavelength.dir/mutant_util.c.o.d"
  "libllama3-smooth-in-wavelength.pdb"
  "libllama3-smooth-in-wavelength.so"
)

# Per-language clean rules from dependency scanning.
foreach(lang C)
  include(CMakeFiles/rc_mutant_llama3_smooth_in_wavelength.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
