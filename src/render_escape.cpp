// Escaping untrusted text (questionnaires, answers, notes, saved reports) for HTML, XML and Markdown (for
// terminals, diagnostics and JSON: text_escape.cpp).
#include <cctype>

#include "mm/render.hpp"
#include "utf8.hpp"

namespace mm {

namespace {

using utf8::for_each_code_point;

// Bidirectional embeddings, overrides and isolates (U+202A..U+202E, U+2066..U+2069): they can make text display
// in another order than it reads ("Trojan Source"), so reports drop them, as terminal_safe() does.
bool word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

bool bidi_control(char32_t cp) { return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069); }

}  // namespace

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
