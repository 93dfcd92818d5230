# The built-in questionnaires: at build time a host tool made of the library's own objects
# (src/build/compile_questionnaires.cpp) loads each questionnaires/*.yaml with the same loader as user files, so a
# broken one fails the build with its located errors, and writes a C++ source that embeds the text and the compiled
# form of the loaded model (include/mm/compiled.hpp). At run time a built-in is read from that form: no YAML parsing.
# Needs the object library mm_objects; sets MM_EMBEDDED_SOURCE for the library.
file(GLOB MM_QUESTIONNAIRES CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/questionnaires/*.yaml)
add_executable(mm-compile-questionnaires ${CMAKE_CURRENT_SOURCE_DIR}/src/build/compile_questionnaires.cpp)
target_link_libraries(mm-compile-questionnaires PRIVATE mm_objects mm_warnings)
set(MM_EMBEDDED_SOURCE ${CMAKE_CURRENT_BINARY_DIR}/generated/builtin_questionnaires.cpp)
file(MAKE_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR}/generated)
add_custom_command(
  OUTPUT ${MM_EMBEDDED_SOURCE}
  COMMAND mm-compile-questionnaires ${MM_EMBEDDED_SOURCE} ${MM_QUESTIONNAIRES}
  DEPENDS mm-compile-questionnaires ${MM_QUESTIONNAIRES}
  COMMENT "Compiling the built-in questionnaires"
  VERBATIM)
