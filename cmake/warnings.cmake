add_library(mm_warnings INTERFACE)
target_compile_options(mm_warnings INTERFACE
  $<$<CXX_COMPILER_ID:GNU,Clang>:-Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align -Woverloaded-virtual>)
# Off for the plain build, so a packager's newer compiler with new warnings still builds; on in the dev preset,
# so no new warning gets in.
option(MM_WARNINGS_AS_ERRORS "Treat compiler warnings as errors" OFF)
if(MM_WARNINGS_AS_ERRORS)
  target_compile_options(mm_warnings INTERFACE $<$<CXX_COMPILER_ID:GNU,Clang>:-Werror>)
endif()
