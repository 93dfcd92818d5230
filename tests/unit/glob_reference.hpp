// A plain glob matcher, written from the documented semantics (docs/questionnaire-format.md, "Evidence rules") by
// walking the glob and the path, with no regular expressions: the reference the compiled GlobSet (src/glob.cpp,
// globs translated to one RE2 set) is held to. Tests only: slow, and independent of the code it checks.
#pragma once

#include <string>
#include <vector>

namespace mm::test {

namespace glob_reference_detail {

// Past the bracket class at g[i] == '[' (the first byte after '[', '[!' or '[^' is a member even when it is ']'),
// and whether byte c is in it; never '/'. npos when the class is never closed.
inline std::size_t match_class(const std::string& g, std::size_t i, char c, bool& member) {
    std::size_t k = i + 1;
    const bool negate = k < g.size() && (g[k] == '!' || g[k] == '^');
    if (negate) ++k;
    bool in = false;
    for (bool first = true; k < g.size() && (first || g[k] != ']'); ++k, first = false) {
        if (k + 2 < g.size() && g[k + 1] == '-' && g[k + 2] != ']') {
            in = in || (static_cast<unsigned char>(g[k]) <= static_cast<unsigned char>(c) &&
                        static_cast<unsigned char>(c) <= static_cast<unsigned char>(g[k + 2]));
            k += 2;
        } else {
            in = in || g[k] == c;
        }
    }
    member = in != negate && c != '/';
    return k < g.size() ? k + 1 : std::string::npos;
}

// One past the element at g[i]: an escaped byte, a closed class, or a byte.
inline std::size_t element_end(const std::string& g, std::size_t i) {
    if (g[i] == '\\' && i + 1 < g.size()) return i + 2;
    bool unused = false;
    if (g[i] == '[') {
        std::size_t end = match_class(g, i, 'x', unused);
        if (end != std::string::npos) return end;
    }
    return i + 1;
}

// {a,b} alternatives (nested allowed), expanded left to right.
inline void expand(const std::string& g, std::vector<std::string>& out) {
    int depth = 0;
    std::size_t open = 0;
    for (std::size_t i = 0; i < g.size(); i = element_end(g, i)) {
        if (g[i] == '{' && depth++ == 0) open = i;
        if (g[i] == '}' && depth > 0 && --depth == 0) {
            std::vector<std::string> parts(1);
            int d = 0;
            for (std::size_t j = open + 1; j < i;) {
                std::size_t next = element_end(g, j);
                d += g[j] == '{' ? 1 : g[j] == '}' ? -1 : 0;
                if (g[j] == ',' && d == 0) parts.emplace_back();
                else parts.back() += g.substr(j, next - j);
                j = next;
            }
            for (const auto& p : parts) expand(g.substr(0, open) + p + g.substr(i + 1), out);
            return;
        }
    }
    out.push_back(g);
}

// One brace-free glob against the path from (gi, pi); `memo` marks states known to fail.
inline bool match_from(const std::string& g, std::size_t gi, const std::string& p, std::size_t pi,
                       std::vector<char>& memo) {
    const std::size_t width = p.size() + 1;
    while (true) {
        char& failed = memo[gi * width + pi];
        if (failed) return false;
        if (gi == g.size()) return pi == p.size();
        if (g.compare(gi, 2, "**") == 0 && (gi == 0 || g[gi - 1] == '/') &&
            (gi + 2 == g.size() || g[gi + 2] == '/')) {
            if (gi + 2 == g.size()) return true;  // trailing "**": everything below
            for (std::size_t k = pi; k <= p.size(); ++k)
                if ((k == pi || p[k - 1] == '/') && match_from(g, gi + 3, p, k, memo)) return true;
            failed = 1;
            return false;
        }
        char c = g[gi];
        if (c == '*') {
            std::size_t next = gi;
            while (next < g.size() && g[next] == '*') ++next;
            for (std::size_t k = pi; k <= p.size(); ++k) {
                if (match_from(g, next, p, k, memo)) return true;
                if (k < p.size() && p[k] == '/') break;
            }
            failed = 1;
            return false;
        }
        if (pi == p.size()) return failed = 1, false;
        if (c == '?') {
            if (p[pi] == '/') return failed = 1, false;
            ++gi, ++pi;
            continue;
        }
        if (c == '[') {
            bool member = false;
            std::size_t end = match_class(g, gi, p[pi], member);
            if (end != std::string::npos) {
                if (!member) return failed = 1, false;
                gi = end, ++pi;
                continue;
            }
        }
        if (c == '\\' && gi + 1 < g.size()) c = g[++gi];
        if (c != p[pi]) return failed = 1, false;
        ++gi, ++pi;
    }
}

}  // namespace glob_reference_detail

// Whether a relative, '/'-separated path matches the glob.
inline bool glob_match_reference(const std::string& glob, const std::string& path) {
    std::vector<std::string> alternatives;
    glob_reference_detail::expand(glob, alternatives);
    for (const auto& g : alternatives) {
        std::vector<char> memo((g.size() + 1) * (path.size() + 1), 0);
        if (glob_reference_detail::match_from(g, 0, path, 0, memo)) return true;
    }
    return false;
}

}  // namespace mm::test
