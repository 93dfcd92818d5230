// libFuzzer target: arbitrary bytes as a checkout's .git/index (a scanned checkout is untrusted). The reader of
// its paths must never read out of bounds, loop, throw or allocate beyond what the bytes hold; when it accepts
// the bytes, every path it gives is non-empty and at most 4 KiB. Seeds: indexes git wrote (versions 2, 3 and 4,
// a split index, a sparse one).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "git_index.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::vector<std::string> paths;
    std::string problem;
    const bool ok =
        mm::scanning::parse_index_paths(std::string_view(reinterpret_cast<const char*>(data), size), paths, problem);
    if (ok != problem.empty() || (!ok && !paths.empty())) std::abort();
    for (const auto& p : paths)
        if (p.empty() || p.size() > 4096) std::abort();
    return 0;
}
