// Text for people: UTF-8 as terminal columns (pad, truncate, wrap), untrusted text made safe for a terminal or
// a diagnostic, and the one way output is styled with colour. No report types: used by the renderers, the prompt,
// the answers writer and the JSON writer alike.
#pragma once

#include <string>

namespace mm {

// ---- terminal columns (text.cpp) ----

// Terminal columns of UTF-8 text: East Asian wide characters and emoji take two, combining marks and zero-width
// characters none, anything else (an invalid byte too) one.
int display_width(const std::string& s);
// `s` followed by spaces up to `width` columns (unchanged when it is already as wide).
std::string pad_right(const std::string& s, int width);
// `s` cut to at most `width` columns, ending in "…" when it was cut; never splits a character.
std::string truncate_to(const std::string& s, int width);
// Word-wraps `text` to `width` columns, prefixing continuation lines with `indent` spaces.
std::string wrap(const std::string& text, int width, int indent);

// ---- untrusted text (text_escape.cpp) ----

// Makes text from an untrusted questionnaire safe for a terminal: control characters and ANSI escape
// sequences are removed, so a questionnaire cannot rewrite the user's screen.
std::string terminal_safe(const std::string& s);

// Like terminal_safe, but shows what was there instead of dropping it: ESC as \e, other control characters as
// \a, \n, \xNN, C1 controls and bidirectional overrides as \u{NN}. For diagnostics, which quote the input.
std::string escape_controls(const std::string& s);

// JSON text with C1 controls and bidirectional overrides written as \uXXXX escapes (nlohmann writes them raw):
// the same JSON value, safe to print on a terminal. C0 controls are already escaped by every JSON writer.
std::string escape_json_controls(const std::string& json);

// The text as valid UTF-8: each invalid byte sequence becomes U+FFFD.
std::string valid_utf8(const std::string& s);

// ---- styling (text.cpp) ----

// The ANSI styles output uses (SGR 1, 2, 31, 32, 33, 36).
enum class Ansi { Bold, Dim, Red, Green, Yellow, Cyan };

// `s` in `style` when `on` (colour allowed: see include/mm/terminal.hpp), else `s` unchanged; the style ends
// with the text (SGR 0).
std::string styled(Ansi style, const std::string& s, bool on);

}  // namespace mm
