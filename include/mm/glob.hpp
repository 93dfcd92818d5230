// Path globs for evidence rules: `*` within a segment, `?`, `[abc]`, `**` across segments, `{a,b}`; and the
// `.gitignore` patterns the scan honours. Semantics: docs/questionnaire-format.md ("Evidence rules").
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mm {

// Why the glob is invalid, or nothing when it is valid.
std::optional<std::string> glob_error(const std::string& glob);

// The anchored RE2 pattern (Latin-1, byte-wise) equivalent to a valid glob. With `braces` false, `{` and `}`
// are literal (gitignore syntax).
std::string glob_to_regex(const std::string& glob, bool braces = true);

// Many globs compiled into one automaton: matching a path against all of them is one pass over the path.
// Matching is thread-safe once compiled.
class GlobSet {
public:
    GlobSet();
    ~GlobSet();
    GlobSet(GlobSet&&) noexcept;
    GlobSet& operator=(GlobSet&&) noexcept;

    // Adds a valid glob (see glob_error); returns its index, counting from 0. Only before compile().
    int add(const std::string& glob);
    // Adds an RE2 pattern produced by glob_to_regex.
    int add_regex(const std::string& regex);
    // Returns false (with `error` set) when the automaton cannot be built.
    bool compile(std::string* error = nullptr);
    std::size_t size() const;

    // The indices of the globs that match `path`, ascending, in `out` (cleared first).
    void match(std::string_view path, std::vector<int>& out) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// The patterns of one .gitignore file (blank lines, `#` comments, `name`, `dir/`, `*.ext`, `/anchored`,
// `a/b`, `**/x`, `x/**`, `!negation`, `\` escapes). Patterns without a '/' match at any depth.
class Gitignore {
public:
    Gitignore();
    ~Gitignore();
    Gitignore(Gitignore&&) noexcept;
    Gitignore& operator=(Gitignore&&) noexcept;

    static Gitignore parse(const std::string& text);
    bool empty() const;
    // Whether the entry at `path` (relative to the directory of the .gitignore) is ignored. The last pattern
    // that matches decides; a directory-only pattern (`dir/`) matches directories only.
    bool ignored(std::string_view path, bool is_dir) const { return decide(path, is_dir).value_or(false); }
    // The same, or nothing when no pattern matches: a .gitignore higher up (or none) decides then.
    std::optional<bool> decide(std::string_view path, bool is_dir) const;

private:
    struct Pattern {
        bool negated = false;
        bool dir_only = false;
    };
    std::vector<Pattern> patterns_;
    GlobSet set_;
};

}  // namespace mm
