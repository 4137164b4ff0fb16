#----------------------------------------------------------------
# Generated CMake target import file for configuration "RelWithDebInfo".
#----------------------------------------------------------------

# Commands may need to know the format version.
set(CMAKE_IMPORT_FILE_VERSION 1)

# Import target "rope_conform::rope-conform" for configuration "RelWithDebInfo"
set_property(TARGET rope_conform::rope-conform APPEND PROPERTY IMPORTED_CONFIGURATIONS RELWITHDEBINFO)
set_target_properties(rope_conform::rope-conform PROPERTIES
  IMPORTED_LOCATION_RELWITHDEBINFO "${_IMPORT_PREFIX}/bin/rope-conform"
  )

list(APPEND _cmake_import_check_targets rope_conform::rope-conform )
list(APPEND _cmake_import_check_files_for_rope_conform::rope-conform "${_IMPORT_PREFIX}/bin/rope-conform" )

# Commands beyond this point should not need to know the version.
set(CMAKE_IMPORT_FILE_VERSION)
