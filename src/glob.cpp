#include "mm/glob.hpp"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <bitset>
#include <vector>

namespace mm {

namespace {

constexpr std::size_t kMaxGlobLength = 1024;
constexpr std::size_t kMaxAlternatives = 256;

// The bracket class that opens at g[open] == '[': the position of its closing ']', or npos when it is never closed.
// The first byte after '[' (or '[!', '[^') belongs to the class even when it is ']'. Every reader of globs asks this
// one function where a class ends (brace expansion, the checks, the translation to RE2, .gitignore), so none can
// disagree with another about what is inside one.
std::size_t class_close(const std::string& g, std::size_t open) {
    std::size_t j = open + 1;
    if (j < g.size() && (g[j] == '!' || g[j] == '^')) ++j;
    if (j < g.size() && g[j] == ']') ++j;
    return g.find(']', j);
}

// The bytes the class g[open..close] matches: single bytes and `a-z` ranges (a '-' first or last is itself),
// negated by a leading '!' or '^'; never '/'. (A ']' before `close` can only be the class's first byte, so a range
// never ends at the closing bracket.)
std::bitset<256> class_bytes(const std::string& g, std::size_t open, std::size_t close) {
    std::bitset<256> set;
    std::size_t k = open + 1;
    const bool negate = k < close && (g[k] == '!' || g[k] == '^');
    if (negate) ++k;
    for (; k < close; ++k) {
        const auto lo = static_cast<unsigned char>(g[k]);
        if (k + 2 < close && g[k + 1] == '-') {
            const auto hi = static_cast<unsigned char>(g[k + 2]);
            for (unsigned v = lo; v <= hi; ++v) set.set(v);
            k += 2;
        } else {
            set.set(lo);
        }
    }
    if (negate) set.flip();
    set.reset('/');
    return set;
}

// Where the glob's element at g[i] ends (one past it): an escaped byte, a whole bracket class, or one byte. So the
// readers below skip escapes and classes alike: `\{`, `\[` and a '{' inside a class are literal.
std::size_t element_end(const std::string& g, std::size_t i) {
    if (g[i] == '\\' && i + 1 < g.size()) return i + 2;
    if (g[i] == '[') {
        const std::size_t close = class_close(g, i);
        if (close != std::string::npos) return close + 1;
    }
    return i + 1;
}

// Expands {a,b} alternatives (nested allowed) into plain globs. Returns false when there would be too many.
bool expand_braces(const std::string& glob, std::vector<std::string>& out) {
    std::size_t open = std::string::npos;
    int depth = 0;
    for (std::size_t i = 0; i < glob.size(); i = element_end(glob, i)) {
        if (glob[i] == '{') {
            if (depth++ == 0) open = i;
        } else if (glob[i] == '}' && depth > 0 && --depth == 0) {
            std::vector<std::string> parts(1);
            int d = 0;
            for (std::size_t j = open + 1; j < i;) {
                const std::size_t next = element_end(glob, j);
                const char c = glob[j];
                if (c == '{') ++d;
                if (c == '}') --d;
                if (c == ',' && d == 0)
                    parts.emplace_back();
                else
                    parts.back().append(glob, j, next - j);
                j = next;
            }
            const std::string prefix = glob.substr(0, open), suffix = glob.substr(i + 1);
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

}  // namespace

std::optional<std::string> glob_error(const std::string& glob) {
    if (glob.empty()) return "the glob is empty";
    if (glob.size() > kMaxGlobLength) return "the glob is longer than 1024 characters";
    if (glob.front() == '/') return "the glob must be relative to the scanned directory (no leading '/')";
    int braces = 0;
    for (std::size_t i = 0; i < glob.size(); i = element_end(glob, i)) {
        const char c = glob[i];
        if (c == '[' && class_close(glob, i) == std::string::npos) {
            return "'[' at position " + std::to_string(i + 1) + " is never closed";
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

// ---- compiled globs ----

namespace {

void append_byte(std::string& re, unsigned char c) {
    static const char* hex = "0123456789abcdef";
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_') {
        re += static_cast<char>(c);
    } else {
        re += "\\x{";
        re += hex[c >> 4];
        re += hex[c & 15];
        re += '}';
    }
}

// A bracket class at g[i] == '[' as a regex class over bytes (class_close, class_bytes). An unclosed '[' (which
// glob_error refuses, so only a caller that skipped it meets one) is a literal '['.
std::string class_regex(const std::string& g, std::size_t& i) {
    const std::size_t close = class_close(g, i);
    if (close == std::string::npos) {
        ++i;
        std::string re;
        append_byte(re, '[');
        return re;
    }
    const std::bitset<256> set = class_bytes(g, i, close);
    i = close + 1;
    if (set.none()) return "[^\\x{00}-\\x{ff}]";
    std::string re = "[";
    for (unsigned v = 0; v < 256;) {
        if (!set.test(v)) { ++v; continue; }
        unsigned w = v;
        while (w + 1 < 256 && set.test(w + 1)) ++w;
        append_byte(re, static_cast<unsigned char>(v));
        if (w > v) {
            re += '-';
            append_byte(re, static_cast<unsigned char>(w));
        }
        v = w + 1;
    }
    return re + "]";
}

// One brace-free glob (docs/questionnaire-format.md, "Evidence rules"; tests/unit/glob_reference.hpp is the
// plain matcher the tests hold it to).
void translate(const std::string& g, std::string& re) {
    for (std::size_t i = 0; i < g.size();) {
        if (g.compare(i, 2, "**") == 0 && (i == 0 || g[i - 1] == '/') && (i + 2 == g.size() || g[i + 2] == '/')) {
            if (i + 2 == g.size()) {
                re += ".*";  // trailing "**": everything below
                i += 2;
            } else {
                re += "(?:.*/)?";  // "**/": zero or more directories
                i += 3;
            }
            continue;
        }
        char c = g[i];
        if (c == '*') {
            while (i < g.size() && g[i] == '*') ++i;
            re += "[^/]*";
            continue;
        }
        if (c == '?') {
            re += "[^/]";
            ++i;
            continue;
        }
        if (c == '[') {
            re += class_regex(g, i);
            continue;
        }
        if (c == '\\' && i + 1 < g.size()) c = g[++i];
        append_byte(re, static_cast<unsigned char>(c));
        ++i;
    }
}

RE2::Options glob_options() {
    RE2::Options o;
    o.set_encoding(RE2::Options::EncodingLatin1);
    o.set_log_errors(false);
    o.set_dot_nl(true);
    o.set_max_mem(64 << 20);
    return o;
}

}  // namespace

std::string glob_to_regex(const std::string& glob, bool braces) {
    std::vector<std::string> alternatives;
    if (!braces) alternatives.push_back(glob);
    else if (!expand_braces(glob, alternatives)) return "[^\\x{00}-\\x{ff}]";
    std::string re;
    for (const auto& g : alternatives) {
        if (!re.empty()) re += '|';
        translate(g, re);
    }
    return alternatives.size() == 1 ? re : "(?:" + re + ")";
}

struct GlobSet::Impl {
    RE2::Set set{glob_options(), RE2::ANCHOR_BOTH};
    std::size_t count = 0;
    bool compiled = false;
};

GlobSet::GlobSet() : impl_(std::make_unique<Impl>()) {}
GlobSet::~GlobSet() = default;
GlobSet::GlobSet(GlobSet&&) noexcept = default;
GlobSet& GlobSet::operator=(GlobSet&&) noexcept = default;

int GlobSet::add(const std::string& glob) { return add_regex(glob_to_regex(glob)); }

int GlobSet::add_regex(const std::string& regex) {
    std::string error;
    int index = impl_->set.Add(regex, &error);
    if (index < 0) index = impl_->set.Add("[^\\x{00}-\\x{ff}]", nullptr);  // cannot happen for valid globs
    ++impl_->count;
    return index;
}

bool GlobSet::compile(std::string* error) {
    if (impl_->count == 0) return true;
    impl_->compiled = impl_->set.Compile();
    if (!impl_->compiled && error) *error = "the globs need more memory than allowed";
    return impl_->compiled;
}

std::size_t GlobSet::size() const { return impl_->count; }

void GlobSet::match(std::string_view path, std::vector<int>& out) const {
    out.clear();
    if (!impl_->compiled) return;
    impl_->set.Match(re2::StringPiece(path.data(), path.size()), &out);
    std::sort(out.begin(), out.end());
}

// ---- .gitignore ----

Gitignore::Gitignore() = default;
Gitignore::~Gitignore() = default;
Gitignore::Gitignore(Gitignore&&) noexcept = default;
Gitignore& Gitignore::operator=(Gitignore&&) noexcept = default;

Gitignore Gitignore::parse(const std::string& text) {
    Gitignore gi;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        std::string line = text.substr(start, end - start);
        start = end + 1;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        // Trailing spaces are ignored unless escaped with a backslash.
        while (!line.empty() && line.back() == ' ' && !(line.size() >= 2 && line[line.size() - 2] == '\\'))
            line.pop_back();
        if (line.empty() || line[0] == '#') continue;
        Pattern p;
        if (line[0] == '!') {
            p.negated = true;
            line.erase(0, 1);
        }
        if (!line.empty() && line.back() == '/') {
            p.dir_only = true;
            line.pop_back();
        }
        if (line.empty()) continue;
        bool anchored = line.find('/') != std::string::npos;
        if (line[0] == '/') line.erase(0, 1);
        if (line.empty()) continue;
        // An unclosed '[' makes git ignore the pattern; do the same.
        bool bad = false;
        for (std::size_t i = 0; i < line.size() && !bad; i = element_end(line, i))
            bad = line[i] == '[' && class_close(line, i) == std::string::npos;
        if (bad) continue;
        gi.set_.add_regex(glob_to_regex(anchored ? line : "**/" + line, false));
        gi.patterns_.push_back(p);
    }
    gi.set_.compile();
    return gi;
}

bool Gitignore::empty() const { return patterns_.empty(); }

std::optional<bool> Gitignore::decide(std::string_view path, bool is_dir) const {
    if (patterns_.empty()) return std::nullopt;
    thread_local std::vector<int> hits;
    set_.match(path, hits);
    for (auto it = hits.rbegin(); it != hits.rend(); ++it) {
        const Pattern& p = patterns_[static_cast<std::size_t>(*it)];
        if (p.dir_only && !is_dir) continue;
        return !p.negated;
    }
    return std::nullopt;
}

}  // namespace mm
