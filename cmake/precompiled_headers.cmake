# CLI11 and nlohmann_json are large header-only libraries that most of src/ includes: parsed once into a
# precompiled header for the library instead of once per file (cli/show.cpp spent most of its compile time in
# them). docs/architecture.md, "Build".
#
# Off by default when ccache is the compiler launcher: ccache cannot cache a compilation that uses a precompiled
# header unless it is told to (sloppiness pch_defines,time_macros), and a cache hit is cheaper than any header.
if(CMAKE_CXX_COMPILER_LAUNCHER MATCHES "ccache")
  set(MM_PCH_DEFAULT OFF)
else()
  set(MM_PCH_DEFAULT ON)
endif()
option(MM_PRECOMPILE_HEADERS "Precompile the CLI11 and nlohmann_json headers of the library" ${MM_PCH_DEFAULT})
if(MM_PRECOMPILE_HEADERS)
  target_precompile_headers(mlops_maturity_lib PRIVATE <CLI/CLI.hpp> <nlohmann/json.hpp>)
endif()
