# rope_conform_add_test(NAME <name> ADAPTER <target-or-path>
#                       [CONFIG <file>] [LEVEL <n>] [PROFILE <p>] [ARGS <arg>...])
#
# Registers a CTest test that runs the installed rope-conform on an adapter:
# the test passes when the verdict is conformant (exit 0).  ADAPTER is a
# library target of this project (its file is used) or a path to a shared
# object; CONFIG (relative to the current source directory) is the
# configuration to test; ARGS go to `rope-conform run` as they are.  The
# JSON, JUnit and Markdown reports land in the current binary directory as
# <name>.json, <name>.xml and <name>.md.
function(rope_conform_add_test)
  cmake_parse_arguments(PARSE_ARGV 0 RC "" "NAME;ADAPTER;CONFIG;LEVEL;PROFILE" "ARGS")
  if(RC_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "rope_conform_add_test: unexpected arguments: ${RC_UNPARSED_ARGUMENTS}")
  endif()
  if(NOT RC_NAME OR NOT RC_ADAPTER)
    message(FATAL_ERROR "rope_conform_add_test: NAME and ADAPTER are required")
  endif()
  if(NOT TARGET rope_conform::rope-conform)
    message(FATAL_ERROR "rope_conform_add_test: no rope_conform::rope-conform (find_package(rope_conform) first)")
  endif()
  if(TARGET ${RC_ADAPTER})
    set(candidate $<TARGET_FILE:${RC_ADAPTER}>)
  else()
    set(candidate ${RC_ADAPTER})
  endif()
  set(options)
  if(DEFINED RC_CONFIG)
    get_filename_component(config ${RC_CONFIG} ABSOLUTE BASE_DIR ${CMAKE_CURRENT_SOURCE_DIR})
    list(APPEND options --config ${config})
  endif()
  if(DEFINED RC_LEVEL)
    list(APPEND options --level ${RC_LEVEL})
  endif()
  if(DEFINED RC_PROFILE)
    list(APPEND options --profile ${RC_PROFILE})
  endif()
  set(out ${CMAKE_CURRENT_BINARY_DIR}/${RC_NAME})
  add_test(NAME ${RC_NAME}
    COMMAND $<TARGET_FILE:rope_conform::rope-conform> run ${options}
      --json ${out}.json --junit ${out}.xml --markdown ${out}.md ${RC_ARGS} ${candidate})
  set_tests_properties(${RC_NAME} PROPERTIES LABELS rope-conform)
endfunction()
