#include "mm/glob.hpp"

#include <vector>

namespace mm {

namespace {

constexpr std::size_t kMaxGlobLength = 1024;
constexpr std::size_t kMaxAlternatives = 256;

// Expands {a,b} alternatives (nested allowed) into plain globs. Returns false when there would be too many.
bool expand_braces(const std::string& glob, std::vector<std::string>& out) {
    std::size_t open = std::string::npos;
    int depth = 0;
    for (std::size_t i = 0; i < glob.size(); ++i) {
        if (glob[i] == '[') {  // braces inside a class are literal
            std::size_t j = glob.find(']', i + 2);
            if (j != std::string::npos) { i = j; continue; }
        }
        if (glob[i] == '{') {
            if (depth++ == 0) open = i;
        } else if (glob[i] == '}' && depth > 0 && --depth == 0) {
            std::vector<std::string> parts;
            std::string cur;
            int d = 0;
            for (std::size_t j = open + 1; j < i; ++j) {
                char c = glob[j];
                if (c == '{') ++d;
                if (c == '}') --d;
                if (c == ',' && d == 0) { parts.push_back(cur); cur.clear(); }
                else cur += c;
            }
            parts.push_back(cur);
            std::string prefix = glob.substr(0, open), suffix = glob.substr(i + 1);
            for (const auto& p : parts) {
                if (!expand_braces(prefix + p + suffix, out)) return false;
                if (out.size() > kMaxAlternatives) return false;
            }
            return true;
        }
    }
    out.push_back(glob);
    return out.size() <= kMaxAlternatives;
}

bool match_class(const std::string& g, std::size_t& gi, char c) {
    // g[gi] == '['; on return gi is past the closing ']'.
    std::size_t i = gi + 1;
    bool negate = i < g.size() && (g[i] == '!' || g[i] == '^');
    if (negate) ++i;
    bool matched = false;
    bool first = true;
    for (; i < g.size() && (first || g[i] != ']'); ++i, first = false) {
        if (i + 2 < g.size() && g[i + 1] == '-' && g[i + 2] != ']') {
            if (g[i] <= c && c <= g[i + 2]) matched = true;
            i += 2;
        } else if (g[i] == c) {
            matched = true;
        }
    }
    gi = i + 1;
    return matched != negate && c != '/';
}

// Matches one brace-free glob against a path. `memo` marks (gi, pi) states known to fail, which keeps the
// worst case polynomial whatever the number of stars.
bool match_from(const std::string& g, std::size_t gi, const std::string& p, std::size_t pi,
                std::vector<char>& memo) {
    const std::size_t width = p.size() + 1;
    while (true) {
        char& seen = memo[gi * width + pi];
        if (seen) return false;
        if (gi == g.size()) return pi == p.size();
        // "**" as a whole segment: zero or more directories.
        if (g.compare(gi, 2, "**") == 0 && (gi == 0 || g[gi - 1] == '/') &&
            (gi + 2 == g.size() || g[gi + 2] == '/')) {
            if (gi + 2 == g.size()) return true;  // trailing "**": everything below
            std::size_t rest = gi + 3;             // after "**/"
            for (std::size_t k = pi; k <= p.size(); ++k) {
                if ((k == pi || p[k - 1] == '/') && match_from(g, rest, p, k, memo)) return true;
            }
            seen = 1;
            return false;
        }
        char c = g[gi];
        if (c == '*') {
            std::size_t next = gi + 1;
            while (next < g.size() && g[next] == '*') ++next;
            for (std::size_t k = pi; k <= p.size(); ++k) {
                if (match_from(g, next, p, k, memo)) return true;
                if (k < p.size() && p[k] == '/') break;
            }
            seen = 1;
            return false;
        }
        if (pi == p.size()) { seen = 1; return false; }
        if (c == '?') {
            if (p[pi] == '/') { seen = 1; return false; }
            ++gi; ++pi;
            continue;
        }
        if (c == '[') {
            std::size_t g2 = gi;
            if (!match_class(g, g2, p[pi])) { seen = 1; return false; }
            gi = g2; ++pi;
            continue;
        }
        if (c == '\\' && gi + 1 < g.size()) c = g[++gi];
        if (c != p[pi]) { seen = 1; return false; }
        ++gi; ++pi;
    }
}

}  // namespace

std::optional<std::string> glob_error(const std::string& glob) {
    if (glob.empty()) return "the glob is empty";
    if (glob.size() > kMaxGlobLength) return "the glob is longer than 1024 characters";
    if (glob.front() == '/') return "the glob must be relative to the scanned directory (no leading '/')";
    int braces = 0;
    for (std::size_t i = 0; i < glob.size(); ++i) {
        char c = glob[i];
        if (c == '[') {
            std::size_t j = i + 1;
            if (j < glob.size() && (glob[j] == '!' || glob[j] == '^')) ++j;
            if (j < glob.size() && glob[j] == ']') ++j;
            j = glob.find(']', j);
            if (j == std::string::npos) return "'[' at position " + std::to_string(i + 1) + " is never closed";
            i = j;
        } else if (c == '{') {
            ++braces;
        } else if (c == '}') {
            if (--braces < 0) return "'}' at position " + std::to_string(i + 1) + " has no matching '{'";
        }
    }
    if (braces > 0) return "a '{' is never closed";
    std::vector<std::string> alternatives;
    if (!expand_braces(glob, alternatives)) return "the glob expands to more than 256 alternatives";
    std::size_t start = 0;
    while (start <= glob.size()) {
        std::size_t end = glob.find('/', start);
        std::string segment = glob.substr(start, end == std::string::npos ? std::string::npos : end - start);
        if (segment == "..") return "the glob must not leave the scanned directory ('..')";
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return std::nullopt;
}

bool glob_match(const std::string& glob, const std::string& path) {
    std::vector<std::string> alternatives;
    if (!expand_braces(glob, alternatives)) return false;
    for (const auto& g : alternatives) {
        std::vector<char> memo((g.size() + 1) * (path.size() + 1), 0);
        if (match_from(g, 0, path, 0, memo)) return true;
    }
    return false;
}

}  // namespace mm
