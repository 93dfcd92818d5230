// Comment syntax per language and hit strength (evidence_text.hpp). Deliberately simple: line comments and
// `/* */` blocks that open a line; no string escapes beyond a backslash, no here-documents, no Python
// docstrings (those are string literals, and count as text).
#include "evidence_text.hpp"

#include <array>
#include <cctype>
#include <string>

namespace mm {

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool one_of(const std::string& s, std::initializer_list<const char*> names) {
    for (const char* n : names)
        if (s == n) return true;
    return false;
}

bool starts_with(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

std::size_t line_start(std::string_view text, std::size_t off) {
    if (off == 0) return 0;
    std::size_t nl = text.rfind('\n', off - 1);
    return nl == std::string_view::npos ? 0 : nl + 1;
}

bool blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// Inside a `/* */` block: the last `/*` that opens a line before `off` has no `*/` between it and `off`.
bool in_block(std::string_view text, std::size_t off) {
    std::size_t from = off;
    while (from > 0) {
        std::size_t open = text.rfind("/*", from - 1);
        if (open == std::string_view::npos) return false;
        std::size_t ls = line_start(text, open);
        bool opens_line = true;
        for (std::size_t i = ls; i < open; ++i)
            if (!blank(text[i])) { opens_line = false; break; }
        if (opens_line) {
            std::size_t close = text.find("*/", open + 2);
            return close == std::string_view::npos || close + 2 > off;
        }
        from = open;
    }
    return false;
}

}  // namespace

CommentStyle comment_style(std::string_view path) {
    std::size_t slash = path.rfind('/');
    std::string name = lower(slash == std::string_view::npos ? path : path.substr(slash + 1));
    std::size_t dot = name.rfind('.');
    std::string ext = dot == std::string::npos ? std::string() : name.substr(dot + 1);
    CommentStyle s;
    if (ext == "ipynb") {
        s.notebook = true;
    } else if (one_of(ext, {"tf", "tfvars", "hcl", "php"})) {
        s.hash = s.slashes = true;
    } else if (one_of(ext, {"py",  "pyi",    "pyx",      "pxd",          "sh",        "bash",         "zsh",
                            "ksh", "yml",    "yaml",     "toml",         "cfg",       "ini",          "conf",
                            "r",   "rb",     "pl",       "pbtxt",        "mk",        "dockerfile",   "containerfile",
                            "env", "flake8", "pylintrc", "editorconfig", "gitignore", "dockerignore", "properties"}) ||
               one_of(name, {"dockerfile", "containerfile", "makefile", "gnumakefile", "pipfile", "mlproject",
                             "procfile", "codeowners", "owners", "owners_aliases", ".gitattributes"}) ||
               starts_with(name, "dockerfile.") || starts_with(name, "containerfile.") ||
               starts_with(name, "requirements") || starts_with(name, "constraints") || starts_with(name, ".env")) {
        s.hash = true;
    } else if (one_of(ext, {"c",     "h",     "cc", "cpp", "cxx",    "hpp",    "hh",    "hxx",  "js",   "jsx",
                            "mjs",   "cjs",   "ts", "tsx", "mts",    "cts",    "go",    "java", "kt",   "kts",
                            "scala", "swift", "rs", "cs",  "groovy", "gradle", "proto", "dart", "jsonc"}) ||
               one_of(name, {"jenkinsfile"}) || starts_with(name, "jenkinsfile.")) {
        s.slashes = true;
    } else if (one_of(ext, {"sql", "lua"})) {
        s.dashes = true;
    }
    // Everything else (Markdown, JSON, plain text, reStructuredText, HTML...) has no comment lines: a `#` in
    // Markdown is a heading.
    return s;
}

bool in_comment(std::string_view text, std::size_t off, const CommentStyle& style) {
    if (!style.any() || off >= text.size()) return false;
    std::size_t ls = line_start(text, off);
    if (style.notebook) {  // "    # comment\n",  or  "# Heading\n",
        std::size_t i = ls;
        while (i < off && blank(text[i])) ++i;
        if (i < off && text[i] == '"') {
            ++i;
            while (i < off && blank(text[i])) ++i;
            return i < off && text[i] == '#';
        }
        return false;
    }
    if (style.slashes && in_block(text, off)) return true;
    // A line comment marker before `off` on its line, outside quotes.
    char quote = 0;
    for (std::size_t i = ls; i < off; ++i) {
        char c = text[i];
        if (quote) {
            if (c == '\\') ++i;
            else if (c == quote) quote = 0;
            continue;
        }
        if (c == '"' || c == '\'' || c == '`') {
            quote = c;
            continue;
        }
        // `#` starts a comment at the start of a line or after a blank (YAML and shell: `a#b` is text).
        if (style.hash && c == '#' && (i == ls || blank(text[i - 1]))) return true;
        if (style.slashes && c == '/' && i + 1 < text.size() && text[i + 1] == '/') return true;
        if (style.dashes && c == '-' && i + 1 < text.size() && text[i + 1] == '-') return true;
    }
    return false;
}

int hit_strength(std::string_view line, std::size_t begin, std::size_t end) {
    std::size_t i = 0;
    while (i < line.size() && blank(line[i])) ++i;
    std::string_view head = line.substr(i);
    auto word = [&](std::string_view w) {
        return head.size() > w.size() && head.substr(0, w.size()) == w &&
               (head[w.size()] == ' ' || head[w.size()] == '\t');
    };
    if (!head.empty() && head[0] == '@') return 0;
    for (std::string_view w : {"def", "async", "class", "function", "func", "fn"})
        if (word(w)) return 0;
    if (word("import") || (word("from") && head.find(" import ") != std::string_view::npos)) return 1;
    if (end > begin && line[end - 1] == '(') return 3;
    std::size_t j = end;
    while (j < line.size() && blank(line[j])) ++j;
    if (j < line.size() && line[j] == '(') return 3;
    return 2;
}

}  // namespace mm
