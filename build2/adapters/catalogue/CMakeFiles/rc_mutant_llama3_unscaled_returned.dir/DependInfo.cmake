
# Consider dependencies only in project.
set(CMAKE_DEPENDS_IN_PROJECT_ONLY OFF)

# The set of languages for which implicit dependencies are needed:
set(CMAKE_DEPENDS_LANGUAGES
  )

# The set of dependency files which are needed:
set(CMAKE_DEPENDS_DEPENDENCY_FILES
  "/work/wt/core/adapters/catalogue/llama3_unscaled_returned.c" "adapters/catalogue/CMakeFiles/rc_mutant_llama3_unscaled_returned.dir/llama3_unscaled_returned.c.o" "gcc" "adapters/catalogue/CMakeFiles/rc_mutant_llama3_unscaled_returned.dir/llama3_unscaled_returned.c.o.d"
  "/work/wt/core/adapters/catalogue/mutant_util.c" "adapters/catalogue/CMakeFiles/rc_mutant_llama3_unscaled_returned.dir/mutant_util.c.o" "gcc" "adapters/catalogue/CMakeFiles/rc_mutant_llama3_unscaled_returned.dir/mutant_util.c.o.d"
  )

# Targets to which this target links.
set(CMAKE_TARGET_LINKED_INFO_FILES
  )

# Fortran module output directory.
set(CMAKE_Fortran_TARGET_MODULE_DIR "")
