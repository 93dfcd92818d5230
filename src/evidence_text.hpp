// How the scan reads a matching line (docs/scan.md, "Which line is cited"): whether a match sits in a comment
// of the file's language, and how strong a hit a line is. Text only, no I/O, so unit tests call it directly.
#pragma once

#include <cstddef>
#include <string_view>

namespace mm {

// The comment syntax of a file, chosen from its name (extension or well-known name).
struct CommentStyle {
    bool hash = false;        // `#` to the end of the line (Python, shell, YAML, TOML, Dockerfile, R, Makefile...)
    bool slashes = false;     // `//` to the end of the line, and `/* */` blocks opened at the start of a line
    bool dashes = false;      // `--` to the end of the line (SQL, Lua)
    bool notebook = false;    // .ipynb: a JSON string line whose text starts with `#` (a code comment or a
                              // Markdown heading: neither is code)
    bool any() const { return hash || slashes || dashes || notebook; }
};

CommentStyle comment_style(std::string_view path);

// Whether the byte at `off` in `text` is inside a comment: on a line that is a comment, after a line comment
// marker that is outside quotes, or inside a `/* */` block whose `/*` opens a line.
bool in_comment(std::string_view text, std::size_t off, const CommentStyle& style);

// How strong a hit the match [begin, end) on `line` is, higher is stronger: 3 a call (the match is followed
// by `(` or ends with it), 2 any other use, 1 an import, 0 a definition (def, class, function, func) or a
// decorator (`@`). The cited line of a file is its strongest hit, the first of equals.
int hit_strength(std::string_view line, std::size_t begin, std::size_t end);

}  // namespace mm
