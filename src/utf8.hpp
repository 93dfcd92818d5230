// UTF-8 decoding and encoding shared by the escapers, the column-width code, the report reader and the scan's
// text decoding (private to the library).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace mm::utf8 {

// Decodes one UTF-8 sequence at s[i]; returns its length and sets `cp`, or returns 0 when the bytes there are
// not a valid, shortest-form encoding of a Unicode scalar value.
inline std::size_t decode(std::string_view s, std::size_t i, char32_t& cp) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    unsigned char c = byte(i);
    if (c < 0x80) {
        cp = c;
        return 1;
    }
    std::size_t len = 0;
    char32_t min = 0;
    if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; min = 0x80; }
    else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; min = 0x800; }
    else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; min = 0x10000; }
    else return 0;
    if (i + len > s.size()) return 0;
    for (std::size_t k = 1; k < len; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (byte(i + k) & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return len;
}

// Code points that terminal or JSON output must never carry raw, starting at s[i]: a C1 control (U+0080..U+009F:
// U+009B is an 8-bit CSI), a line or paragraph separator (U+2028, U+2029), or a bidirectional embedding, override
// or isolate (U+202A..U+202E, U+2066..U+2069: "Trojan Source"). Returns its length in bytes and sets `cp`, else 0.
inline std::size_t unsafe_at(std::string_view s, std::size_t i, char32_t& cp) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c != 0xC2 && c != 0xE2) return 0;  // the lead bytes of every code point above
    const std::size_t n = decode(s, i, cp);
    const bool unsafe = (cp >= 0x80 && cp <= 0x9F) || (cp >= 0x2028 && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
    return n > 0 && unsafe ? n : 0;
}

inline constexpr const char* kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Appends the UTF-8 encoding of the Unicode scalar value `cp` (at most U+10FFFF, not a surrogate) to `out`.
inline void encode(char32_t cp, std::string& out) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// The length of the sequence a lead byte starts (1 to 4), or 0 for a byte that cannot start one.
inline std::size_t sequence_length(unsigned char lead) {
    if (lead < 0x80) return 1;
    if ((lead & 0xE0) == 0xC0) return 2;
    if ((lead & 0xF0) == 0xE0) return 3;
    if ((lead & 0xF8) == 0xF0) return 4;
    return 0;
}

// Walks the code points of `s`, calling on_code_point(cp, i, n) for the n bytes at s[i]; each invalid byte
// becomes U+FFFD in `out`. The callers decide what each code point becomes.
template <class OnCodePoint>
void for_each_code_point(const std::string& s, std::string& out, OnCodePoint on_code_point) {
    for (std::size_t i = 0; i < s.size();) {
        char32_t cp = 0;
        std::size_t n = decode(s, i, cp);
        if (n == 0) {
            out += kReplacement;
            ++i;
            continue;
        }
        on_code_point(cp, i, n);
        i += n;
    }
}

}  // namespace mm::utf8
