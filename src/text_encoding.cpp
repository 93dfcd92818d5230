#include "text_encoding.hpp"

#include <cstdint>

#include "utf8.hpp"

namespace mm {

namespace {

std::string_view from_utf16(std::string_view units, bool little_endian, std::string& out) {
    out.clear();
    out.reserve(units.size() + units.size() / 2);  // ASCII-heavy text: about half the bytes; at most 3 per unit
    const auto unit = [&](std::size_t i) -> std::uint32_t {
        const auto a = static_cast<unsigned char>(units[i]);
        const auto b = static_cast<unsigned char>(units[i + 1]);
        return little_endian ? (static_cast<std::uint32_t>(b) << 8) | a : (static_cast<std::uint32_t>(a) << 8) | b;
    };
    const std::size_t n = units.size() & ~std::size_t{1};  // an odd last byte is no code unit
    for (std::size_t i = 0; i < n; i += 2) {
        const std::uint32_t u = unit(i);
        if (u >= 0xD800 && u <= 0xDBFF) {  // a high surrogate: valid only before a low one
            if (i + 2 < n) {
                const std::uint32_t v = unit(i + 2);
                if (v >= 0xDC00 && v <= 0xDFFF) {
                    utf8::encode(0x10000 + ((u - 0xD800) << 10) + (v - 0xDC00), out);
                    i += 2;
                    continue;
                }
            }
            out += utf8::kReplacement;
        } else if (u >= 0xDC00 && u <= 0xDFFF) {
            out += utf8::kReplacement;
        } else {
            utf8::encode(u, out);
        }
    }
    return out;
}

}  // namespace

std::string_view utf8_text(std::string_view bytes, std::string& scratch) {
    if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") return bytes.substr(3);
    if (bytes.size() >= 2 && bytes.substr(0, 2) == "\xFF\xFE") return from_utf16(bytes.substr(2), true, scratch);
    if (bytes.size() >= 2 && bytes.substr(0, 2) == "\xFE\xFF") return from_utf16(bytes.substr(2), false, scratch);
    return bytes;
}

}  // namespace mm
