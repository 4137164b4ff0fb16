# `cmake --install build --prefix P` lays rope-conform out as
#   P/bin/rope-conform
#   P/include/rope_conform/*.h                the adapter ABI
#   P/lib/rope-conform/                       reference adapter, catalogue/ mutants, Python adapter
#   P/share/rope-conform/{docs,vectors}/      documentation, frozen golden vectors
#   P/share/man/man1/rope-conform.1           generated from the tables behind --help
#   P/lib/python3/dist-packages/rope_conform/ the Python package (docs/python.md)
#   P/lib/cmake/rope_conform/                 find_package(rope_conform): rope_conform::adapter,
#                                             rope_conform::rope-conform, rope_conform_add_test
#   P/lib/pkgconfig/rope-conform.pc
# The adapters install their own targets (adapters/*/CMakeLists.txt).
include(CMakePackageConfigHelpers)
set(RC_INSTALL_CMAKEDIR ${CMAKE_INSTALL_LIBDIR}/cmake/rope_conform)

# rope_conform::adapter: the header an adapter is compiled against.
add_library(rc_adapter_abi INTERFACE)
set_target_properties(rc_adapter_abi PROPERTIES EXPORT_NAME adapter)
target_include_directories(rc_adapter_abi INTERFACE
  $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/include> $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
add_library(rope_conform::adapter ALIAS rc_adapter_abi)

install(TARGETS rope-conform rc_adapter_abi EXPORT rope_conformTargets
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY include/rope_conform DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} FILES_MATCHING PATTERN "*.h")
install(DIRECTORY docs/ DESTINATION ${RC_INSTALL_DATADIR}/docs)
install(DIRECTORY vectors/ DESTINATION ${RC_INSTALL_DATADIR}/vectors)
install(FILES README.md DESTINATION ${RC_INSTALL_DATADIR})
install(FILES ${RC_MAN_PAGE} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
if(TARGET rope_python)
  get_target_property(rc_python_type rope_python TYPE)
  if(rc_python_type MATCHES "LIBRARY$")
    install(TARGETS rope_python LIBRARY DESTINATION ${RC_INSTALL_LIBDIR})
  endif()
  # the rope_conform package where Debian's python3 finds it
  install(DIRECTORY python/rope_conform DESTINATION lib/python3/dist-packages
    PATTERN __pycache__ EXCLUDE)
endif()

install(EXPORT rope_conformTargets NAMESPACE rope_conform:: DESTINATION ${RC_INSTALL_CMAKEDIR})
configure_package_config_file(cmake/rope_conformConfig.cmake.in
  ${PROJECT_BINARY_DIR}/cmake/rope_conformConfig.cmake INSTALL_DESTINATION ${RC_INSTALL_CMAKEDIR}
  PATH_VARS RC_INSTALL_LIBDIR RC_INSTALL_DATADIR)
write_basic_package_version_file(${PROJECT_BINARY_DIR}/cmake/rope_conformConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/cmake/rope_conformConfig.cmake
  ${PROJECT_BINARY_DIR}/cmake/rope_conformConfigVersion.cmake cmake/rope_conformAddTest.cmake
  DESTINATION ${RC_INSTALL_CMAKEDIR})

# pkg-config has no relocation of its own: the .pc is written at install
# time, with the prefix the install really uses (--prefix, DESTDIR aside).
install(CODE "
  set(RC_PC_PREFIX \"\${CMAKE_INSTALL_PREFIX}\")
  set(RC_PC_VERSION \"${PROJECT_VERSION}\")
  set(RC_PC_INCLUDEDIR \"${CMAKE_INSTALL_INCLUDEDIR}\")
  set(RC_PC_BINDIR \"${CMAKE_INSTALL_BINDIR}\")
  set(RC_PC_LIBDIR \"${RC_INSTALL_LIBDIR}\")
  set(RC_PC_DATADIR \"${RC_INSTALL_DATADIR}\")
  set(pc \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_LIBDIR}/pkgconfig/rope-conform.pc\")
  message(STATUS \"Installing: \${pc}\")
  configure_file(\"${PROJECT_SOURCE_DIR}/cmake/rope-conform.pc.in\" \"\${pc}\" @ONLY)
  list(APPEND CMAKE_INSTALL_MANIFEST_FILES \"\${pc}\")
")
