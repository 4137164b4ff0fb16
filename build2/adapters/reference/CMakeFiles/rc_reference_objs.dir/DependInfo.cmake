
# Consider dependencies only in project.
set(CMAKE_DEPENDS_IN_PROJECT_ONLY OFF)

# The set of languages for which implicit dependencies are needed:
set(CMAKE_DEPENDS_LANGUAGES
  )

# The set of dependency files which are needed:
set(CMAKE_DEPENDS_DEPENDENCY_FILES
  "/work/wt/core/adapters/reference/rope_ref.c" "adapters/reference/CMakeFiles/rc_reference_objs.dir/rope_ref.c.o" "gcc" "adapters/reference/CMakeFiles/rc_reference_objs.dir/rope_ref.c.o.d"
  "/work/wt/core/adapters/reference/rope_ref_data.c" "adapters/reference/CMakeFiles/rc_reference_objs.dir/rope_ref_data.c.o" "gcc" "adapters/reference/CMakeFiles/rc_reference_objs.dir/rope_ref_data.c.o.d"
  "/work/wt/core/adapters/reference/rope_ref_params.c" "adapters/reference/CMakeFiles/rc_reference_objs.dir/rope_ref_params.c.o" "gcc" "adapters/reference/CMakeFiles/rc_reference_objs.dir/rope_ref_params.c.o.d"
  )

# Targets to which this target links.
set(CMAKE_TARGET_LINKED_INFO_FILES
  )

# Fortran module output directory.
set(CMAKE_Fortran_TARGET_MODULE_DIR "")
