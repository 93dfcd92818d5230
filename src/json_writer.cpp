// The streaming JSON writer: nlohmann's pretty printer and escapes, and escape_json_controls, in one pass.
#include "json_writer.hpp"

#include <charconv>
#include <cmath>

#include "utf8.hpp"

// Only nlohmann's double formatting (Grisu2, the exact digits its dump prints), not the library.
#include <nlohmann/detail/conversions/to_chars.hpp>

namespace mm {

namespace {

constexpr char kHex[] = "0123456789abcdef";

// The length of the invalid sequence at s[i] that becomes one U+FFFD, as nlohmann's dump in `replace` mode reads
// it (a byte-by-byte UTF-8 decoder): the longest start of a well-formed sequence (a lead byte, then continuation
// bytes in the ranges that lead allows) before the byte that breaks it, which is read again; at least 1 byte.
// Called only where utf8::decode found no valid sequence.
std::size_t invalid_length(std::string_view s, std::size_t i) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = 0;
    unsigned char lo = 0x80, hi = 0xBF;  // the range of the second byte
    if (c >= 0xC2 && c <= 0xDF) {
        len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        if (c == 0xE0) lo = 0xA0;  // overlong
        if (c == 0xED) hi = 0x9F;  // surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        if (c == 0xF0) lo = 0x90;  // overlong
        if (c == 0xF4) hi = 0x8F;  // beyond U+10FFFF
    } else {
        return 1;  // a continuation byte, C0, C1 or F5..FF: never a lead
    }
    std::size_t k = 1;
    for (; k < len && i + k < s.size(); ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if (k == 1 ? (b < lo || b > hi) : (b & 0xC0) != 0x80) break;
    }
    return k;
}

bool json_unsafe(char32_t cp) {  // as utf8::unsafe_at: C1 controls, separators, bidi controls
    return (cp >= 0x80 && cp <= 0x9F) || (cp >= 0x2028 && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

void append_u_escape(std::string& out, char32_t cp) {  // \uXXXX, lowercase hex; cp <= 0xFFFF
    const char e[6] = {'\\', 'u', kHex[(cp >> 12) & 0xF], kHex[(cp >> 8) & 0xF], kHex[(cp >> 4) & 0xF], kHex[cp & 0xF]};
    out.append(e, 6);
}

}  // namespace

JsonWriter::JsonWriter(std::size_t capacity) { out_.reserve(capacity); }

void JsonWriter::before_value() {
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (has_elements_.empty()) return;  // the document itself
    if (has_elements_.back()) {
        out_ += ",\n";
    } else {
        out_ += '\n';
        has_elements_.back() = true;
    }
    out_.append(2 * has_elements_.size(), ' ');
}

void JsonWriter::open(char bracket) {
    before_value();
    out_ += bracket;
    has_elements_.push_back(false);
}

void JsonWriter::close(char bracket) {
    const bool had = has_elements_.back();
    has_elements_.pop_back();
    if (had) {
        out_ += '\n';
        out_.append(2 * has_elements_.size(), ' ');
    }
    out_ += bracket;
}

void JsonWriter::begin_object() { open('{'); }
void JsonWriter::end_object() { close('}'); }
void JsonWriter::begin_array() { open('['); }
void JsonWriter::end_array() { close(']'); }

void JsonWriter::key(std::string_view name) {
    before_value();
    quoted(name);
    out_ += ": ";
    after_key_ = true;
}

void JsonWriter::value(std::string_view s) {
    before_value();
    quoted(s);
}

void JsonWriter::value(long long n) {
    before_value();
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, n);
    out_.append(buf, static_cast<std::size_t>(r.ptr - buf));
}

void JsonWriter::value(double x) {
    before_value();
    if (!std::isfinite(x)) {
        out_ += "null";
        return;
    }
    char buf[64];  // nlohmann's number buffer
    const char* end = nlohmann::detail::to_chars(buf, buf + sizeof buf, x);
    out_.append(buf, static_cast<std::size_t>(end - buf));
}

void JsonWriter::value(bool b) {
    before_value();
    out_ += b ? "true" : "false";
}

void JsonWriter::null() {
    before_value();
    out_ += "null";
}

void JsonWriter::value(const std::vector<std::string>& strings) {
    begin_array();
    for (const auto& s : strings) value(s);
    end_array();
}

std::string JsonWriter::finish() {
    out_ += '\n';
    return std::move(out_);
}

// Runs of bytes that need no escape are copied whole; the rest: nlohmann's escapes (\" \\ \b \f \n \r \t, other
// C0 controls as \u00xx; DEL and "/" as they are), U+FFFD for invalid UTF-8, and \uXXXX for the code points
// utf8::unsafe_at names (escape_json_controls).
void JsonWriter::quoted(std::string_view s) {
    out_ += '"';
    std::size_t run = 0;  // start of the bytes not yet copied
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
            ++i;
            continue;
        }
        char32_t cp = 0;
        std::size_t n = 1;
        if (c >= 0x80) {
            n = utf8::decode(s, i, cp);
            if (n > 0 && !json_unsafe(cp)) {  // valid and harmless: part of the run
                i += n;
                continue;
            }
        }
        out_.append(s.data() + run, i - run);
        if (c < 0x80) {
            switch (c) {
                case '"':
                    out_ += "\\\"";
                    break;
                case '\\':
                    out_ += "\\\\";
                    break;
                case '\b':
                    out_ += "\\b";
                    break;
                case '\f':
                    out_ += "\\f";
                    break;
                case '\n':
                    out_ += "\\n";
                    break;
                case '\r':
                    out_ += "\\r";
                    break;
                case '\t':
                    out_ += "\\t";
                    break;
                default:
                    append_u_escape(out_, c);
                    break;
            }
        } else if (n == 0) {
            out_ += utf8::kReplacement;
            n = invalid_length(s, i);
        } else {
            append_u_escape(out_, cp);
        }
        i += n;
        run = i;
    }
    out_.append(s.data() + run, i - run);
    out_ += '"';
}

}  // namespace mm
