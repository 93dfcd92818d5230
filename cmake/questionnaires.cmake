# The built-in questionnaires are YAML files embedded as string constants at build time, and loaded by the
# same loader as user files: one code path, one set of errors.
file(GLOB MM_QUESTIONNAIRES CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/questionnaires/*.yaml)
set(MM_EMBEDDED_SOURCE ${CMAKE_CURRENT_BINARY_DIR}/generated/builtin_questionnaires.cpp)
add_custom_command(
  OUTPUT ${MM_EMBEDDED_SOURCE}
  COMMAND ${CMAKE_COMMAND} -DOUTPUT=${MM_EMBEDDED_SOURCE} "-DINPUTS=${MM_QUESTIONNAIRES}"
          -P ${CMAKE_CURRENT_SOURCE_DIR}/cmake/embed.cmake
  DEPENDS ${MM_QUESTIONNAIRES} ${CMAKE_CURRENT_SOURCE_DIR}/cmake/embed.cmake
  COMMENT "Embedding built-in questionnaires"
  VERBATIM)
