// Escaping untrusted text (questionnaires, answers, notes, saved reports) for terminals, diagnostics, JSON, HTML,
// XML and Markdown.
#include <fmt/format.h>

#include <cctype>
#include <cstdint>

#include "mm/render.hpp"
#include "utf8.hpp"

namespace mm {

namespace {

constexpr const char* kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Walks the code points of `s`, calling on_code_point(cp, i, n) for the n bytes at s[i]; each invalid byte
// becomes U+FFFD in `out`. The callers decide what each code point becomes.
template <class OnCodePoint>
void for_each_code_point(const std::string& s, std::string& out, OnCodePoint on_code_point) {
    for (std::size_t i = 0; i < s.size();) {
        char32_t cp = 0;
        std::size_t n = utf8::decode(s, i, cp);
        if (n == 0) {
            out += kReplacement;
            ++i;
            continue;
        }
        on_code_point(cp, i, n);
        i += n;
    }
}

// Bidirectional embeddings, overrides and isolates (U+202A..U+202E, U+2066..U+2069): they can make text display
// in another order than it reads ("Trojan Source"), so reports drop them, as terminal_safe() does.
bool word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

bool bidi_control(char32_t cp) { return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069); }

}  // namespace

std::string terminal_safe(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c == 0x1b) {
            // Skip a whole escape sequence (CSI ... final byte, or OSC ... BEL/ST), not just the ESC.
            if (i + 1 < s.size() && s[i + 1] == '[') {
                i += 2;
                while (i < s.size() && !(s[i] >= 0x40 && s[i] <= 0x7e)) ++i;
            } else if (i + 1 < s.size() && s[i + 1] == ']') {
                i += 2;
                while (i < s.size() && s[i] != '\a' && !(s[i] == 0x1b && i + 1 < s.size() && s[i + 1] == '\\')) ++i;
                if (i < s.size() && s[i] == 0x1b) ++i;
            } else {
                ++i;
            }
            continue;
        }
        if (c == '\n' || c == '\t') { out += ' '; continue; }
        if (c < 0x20 || c == 0x7f) continue;
        // C1 controls, separators and bidi controls (utf8::unsafe_at) go; separators become spaces. U+009B is an
        // 8-bit CSI and U+009D an 8-bit OSC: skip their parameters too, as for ESC [ and ESC ].
        char32_t cp = 0;
        if (std::size_t n = utf8::unsafe_at(s, i, cp)) {
            i += n - 1;  // on the last byte of the code point, as the loops below expect
            if (cp == 0x2028 || cp == 0x2029) {
                out += ' ';
            } else if (cp == 0x9b) {
                while (i + 1 < s.size() && !(s[i + 1] >= 0x40 && s[i + 1] <= 0x7e)) ++i;
                if (i + 1 < s.size()) ++i;
            } else if (cp == 0x9d) {
                while (i + 1 < s.size() && s[i + 1] != '\a' && !(static_cast<unsigned char>(s[i + 1]) == 0xC2 &&
                                                                 i + 2 < s.size() &&
                                                                 static_cast<unsigned char>(s[i + 2]) == 0x9c))
                    ++i;
                if (i + 1 < s.size()) i += s[i + 1] == '\a' ? 1 : 2;
            }
            continue;
        }
        // Anything else above ASCII is passed on whole when it is valid UTF-8; an invalid byte (file names and
        // contents are bytes: a lone 0x9B or 0x9D is an 8-bit CSI or OSC to some terminals) becomes U+FFFD.
        if (c >= 0x80) {
            const std::size_t n = utf8::decode(s, i, cp);
            if (n == 0) {
                out += kReplacement;
            } else {
                out.append(s, i, n);
                i += n - 1;
            }
            continue;
        }
        out += static_cast<char>(c);
    }
    return out;
}

std::string escape_controls(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c == 0x1b) { out += "\\e"; continue; }
        if (c == '\a') { out += "\\a"; continue; }
        if (c == '\n') { out += "\\n"; continue; }
        if (c == '\r') { out += "\\r"; continue; }
        if (c == '\t') { out += "\\t"; continue; }
        if (c < 0x20 || c == 0x7f) { out += fmt::format("\\x{:02x}", c); continue; }
        char32_t cp = 0;
        if (std::size_t n = utf8::unsafe_at(s, i, cp)) {
            out += fmt::format("\\u{{{:x}}}", static_cast<std::uint32_t>(cp));
            i += n - 1;
            continue;
        }
        if (c >= 0x80) {  // valid UTF-8 whole; an invalid byte shown as \xNN (never sent raw: 0x9B is a CSI)
            const std::size_t n = utf8::decode(s, i, cp);
            if (n == 0) {
                out += fmt::format("\\x{:02x}", c);
            } else {
                out.append(s, i, n);
                i += n - 1;
            }
            continue;
        }
        out += static_cast<char>(c);
    }
    return out;
}

std::string escape_json_controls(const std::string& json) {
    std::string out;
    out.reserve(json.size());
    for (std::size_t i = 0; i < json.size(); ++i) {
        char32_t cp = 0;
        if (std::size_t n = utf8::unsafe_at(json, i, cp)) {
            out += fmt::format("\\u{:04x}", static_cast<std::uint32_t>(cp));
            i += n - 1;
            continue;
        }
        out += json[i];
    }
    return out;
}

std::string valid_utf8(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for_each_code_point(s, out, [&](char32_t, std::size_t i, std::size_t n) { out.append(s, i, n); });
    return out;
}

std::string xml_escape(const std::string& s) {
    std::string out;
    out.reserve(s.size() + s.size() / 8);
    for_each_code_point(s, out, [&](char32_t cp, std::size_t i, std::size_t n) {
        switch (cp) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            case '\r': out += "&#13;"; break;
            default:
                // XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]; C1 controls
                // and DEL are legal XML but mean nothing in a report, so they go too.
                if ((cp < 0x20 && cp != '\t' && cp != '\n') || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) ||
                    cp == 0xFFFE || cp == 0xFFFF || bidi_control(cp))
                    break;
                out.append(s, i, n);
        }
    });
    return out;
}

std::string markdown_escape(const std::string& s) {
    std::string out;
    out.reserve(s.size() + s.size() / 8);
    for_each_code_point(s, out, [&](char32_t cp, std::size_t i, std::size_t n) {
        switch (cp) {
            case '\n': case '\r': case '\t': out += ' '; break;
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            // Punctuation that can start emphasis, code, links, images, headings, tables, strikethrough or
            // GitHub's math; a backslash makes each literal (CommonMark: any ASCII punctuation may be escaped).
            case '\\': case '`': case '*': case '_': case '[': case ']': case '#': case '|': case '~': case '$':
            case '!': case '{': case '}':
                out += '\\';
                out += static_cast<char>(cp);
                break;
            // "@name" mentions a user or team where GitHub renders the Markdown (a pull-request comment, an
            // issue) and notifies them: a zero-width space after the '@' (U+200B, as Dependabot writes) keeps
            // it from matching while it still reads "@name". After a word character ("me@example.com") it is no
            // mention and stays as it is.
            case '@':
                out += '@';
                if (i + 1 < s.size() && std::isalnum(static_cast<unsigned char>(s[i + 1])) &&
                    !(i > 0 && word_char(s[i - 1])))
                    out += "\xE2\x80\x8B";
                break;
            default:
                if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) || bidi_control(cp)) break;
                out.append(s, i, n);
        }
    });
    // Collapse runs of spaces so a multi-line note does not turn into an indented code block or a hard break.
    std::string collapsed;
    collapsed.reserve(out.size());
    for (char c : out) {
        if (c == ' ' && !collapsed.empty() && collapsed.back() == ' ') continue;
        collapsed += c;
    }
    while (!collapsed.empty() && collapsed.back() == ' ') collapsed.pop_back();
    std::size_t start = 0;
    while (start < collapsed.size() && collapsed[start] == ' ') ++start;
    return collapsed.substr(start);
}

}  // namespace mm
