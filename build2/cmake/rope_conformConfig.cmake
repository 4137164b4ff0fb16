# find_package(rope_conform): the rope-conform tool and its adapter ABI.
#   rope_conform::adapter        the header include/rope_conform/adapter.h
#                                (link it to your adapter library)
#   rope_conform::rope-conform   the installed tool
#   rope_conform_add_test(...)   a CTest test running the tool on an adapter
#   rope_conform_REFERENCE_ADAPTER, rope_conform_DATA_DIR

####### Expanded from @PACKAGE_INIT@ by configure_package_config_file() #######
####### Any changes to this file will be overwritten by the next CMake run ####
####### The input file was rope_conformConfig.cmake.in                            ########

get_filename_component(PACKAGE_PREFIX_DIR "${CMAKE_CURRENT_LIST_DIR}/../../../" ABSOLUTE)

macro(set_and_check _var _file)
  set(${_var} "${_file}")
  if(NOT EXISTS "${_file}")
    message(FATAL_ERROR "File or directory ${_file} referenced by variable ${_var} does not exist !")
  endif()
endmacro()

macro(check_required_components _NAME)
  foreach(comp ${${_NAME}_FIND_COMPONENTS})
    if(NOT ${_NAME}_${comp}_FOUND)
      if(${_NAME}_FIND_REQUIRED_${comp})
        set(${_NAME}_FOUND FALSE)
      endif()
    endif()
  endforeach()
endmacro()

####################################################################################

include("${CMAKE_CURRENT_LIST_DIR}/rope_conformTargets.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/rope_conformAddTest.cmake")
set_and_check(rope_conform_LIB_DIR "${PACKAGE_PREFIX_DIR}/lib/rope-conform")
set_and_check(rope_conform_DATA_DIR "${PACKAGE_PREFIX_DIR}/share/rope-conform")
set_and_check(rope_conform_REFERENCE_ADAPTER "${rope_conform_LIB_DIR}/librope_reference.so")
check_required_components(rope_conform)
