// Path globs for evidence rules: `*` within a segment, `?`, `[abc]`, `**` across segments, `{a,b}`.
#pragma once

#include <optional>
#include <string>

namespace mm {

// Why the glob is invalid, or nothing when it is valid.
std::optional<std::string> glob_error(const std::string& glob);

// Whether a relative, '/'-separated path matches the glob.
bool glob_match(const std::string& glob, const std::string& path);

}  // namespace mm
