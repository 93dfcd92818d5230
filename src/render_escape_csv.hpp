// One CSV cell (RFC 4180), safe for spreadsheets (private to the library; tested in tests/unit/test_render_csv.cpp).
#pragma once

#include <string>

#include "mm/render.hpp"

namespace mm {

// The cell as valid UTF-8 without control characters but tab, CR and LF; a cell that a spreadsheet would take for
// a formula (starting with = + - @, or a tab or CR before one) gets a leading "'" (OWASP, "CSV Injection"); a
// cell holding a comma, a double quote, CR or LF is quoted, its quotes doubled.
inline std::string csv_cell(const std::string& raw) {
    std::string s;
    for (char c : valid_utf8(raw)) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && c != '\t' && c != '\r' && c != '\n') || u == 0x7f) continue;
        s += c;
    }
    if (!s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r'))
        s.insert(0, "'");
    if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
    std::string q = "\"";
    for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
}

}  // namespace mm
