// Untrusted text (questionnaires, answers, notes, saved reports, file names) made safe for a terminal, quoted in a
// diagnostic, or written into JSON that is printed.
#include "mm/text.hpp"

#include <fmt/format.h>

#include <cstdint>

#include "utf8.hpp"

namespace mm {

using utf8::for_each_code_point;
using utf8::kReplacement;

namespace {

// At a byte >= 0x80 of `s` at `i`: appends its UTF-8 sequence whole and moves `i` to the sequence's last byte, or,
// for an invalid byte, appends `instead` (the caller's way of showing it).
void append_utf8_or(std::string& out, const std::string& s, std::size_t& i, const std::string& instead) {
    char32_t cp = 0;
    const std::size_t n = utf8::decode(s, i, cp);
    if (n == 0) {
        out += instead;
        return;
    }
    out.append(s, i, n);
    i += n - 1;
}

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
            append_utf8_or(out, s, i, kReplacement);
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
        if (c >= 0x80) {  // an invalid byte shown as \xNN (never sent raw: 0x9B is a CSI)
            append_utf8_or(out, s, i, fmt::format("\\x{:02x}", c));
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

}  // namespace mm
