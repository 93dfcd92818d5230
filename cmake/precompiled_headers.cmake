# MM_PRECOMPILE_HEADERS=ON parses CLI11 and nlohmann_json once, into a precompiled header for the library,
# instead of once per file. Off by default, because it was measured not to pay (GCC 12, RelWithDebInfo, ccache
# disabled, CPU time): cli/show.cpp took 14.2 s without it and 13.3 s with it, plus 7.8 s once for the 140 MB
# header, which every file of the library then loads. Those files spend their time instantiating and optimising
# CLI11's templates, not parsing it. ccache cannot cache a compilation that uses a precompiled header either,
# unless told to (sloppiness pch_defines,time_macros).
option(MM_PRECOMPILE_HEADERS "Precompile the CLI11 and nlohmann_json headers of the library" OFF)
if(MM_PRECOMPILE_HEADERS)
  target_precompile_headers(mm_objects PRIVATE <CLI/CLI.hpp> <nlohmann/json.hpp>)
endif()
