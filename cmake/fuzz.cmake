# MM_FUZZ=ON builds the libFuzzer targets in fuzz/ (clang only). Everything, the library included, is then
# compiled with coverage instrumentation, ASan and UBSan, so use a build directory of its own (build-fuzz).
option(MM_FUZZ "Build the libFuzzer targets (clang only)" OFF)
if(MM_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "MM_FUZZ=ON needs clang (libFuzzer): configure with -DCMAKE_CXX_COMPILER=clang++")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all
                      -fno-omit-frame-pointer -g)
  add_link_options(-fsanitize=address,undefined)
  add_subdirectory(${CMAKE_CURRENT_LIST_DIR}/../fuzz ${CMAKE_BINARY_DIR}/fuzz)
endif()
