// Terminal columns of UTF-8 text, the layout helpers built on them (pad, truncate, wrap), and styling.
#include "mm/text.hpp"

#include <algorithm>
#include <iterator>

#include "utf8.hpp"

namespace mm {

namespace {

struct Range {
    char32_t first, last;
};

// Code points that take no column: combining marks, zero-width spaces and joiners, variation selectors.
constexpr Range kZeroWidth[] = {
    {0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD}, {0x0610, 0x061A}, {0x064B, 0x065F}, {0x0E31, 0x0E31},
    {0x0E34, 0x0E3A}, {0x0E47, 0x0E4E}, {0x1AB0, 0x1AFF}, {0x1DC0, 0x1DFF}, {0x200B, 0x200F}, {0x2028, 0x202E},
    {0x2060, 0x206F}, {0x20D0, 0x20FF}, {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F}, {0xFEFF, 0xFEFF}, {0xE0100, 0xE01EF},
};

// East Asian Wide and Fullwidth characters and emoji, which terminals draw in two columns (Unicode 15, the ranges
// that matter for text; the exact table differs a little between terminals anyway).
constexpr Range kWide[] = {
    {0x1100, 0x115F},   {0x231A, 0x231B},   {0x2329, 0x232A},   {0x23E9, 0x23EC},   {0x23F0, 0x23F0},
    {0x23F3, 0x23F3},   {0x25FD, 0x25FE},   {0x2614, 0x2615},   {0x2648, 0x2653},   {0x267F, 0x267F},
    {0x2693, 0x2693},   {0x26A1, 0x26A1},   {0x26AA, 0x26AB},   {0x26BD, 0x26BE},   {0x26C4, 0x26C5},
    {0x26CE, 0x26CE},   {0x26D4, 0x26D4},   {0x26EA, 0x26EA},   {0x26F2, 0x26F3},   {0x26F5, 0x26F5},
    {0x26FA, 0x26FA},   {0x26FD, 0x26FD},   {0x2705, 0x2705},   {0x270A, 0x270B},   {0x2728, 0x2728},
    {0x274C, 0x274C},   {0x274E, 0x274E},   {0x2753, 0x2755},   {0x2757, 0x2757},   {0x2795, 0x2797},
    {0x27B0, 0x27B0},   {0x27BF, 0x27BF},   {0x2B1B, 0x2B1C},   {0x2B50, 0x2B50},   {0x2B55, 0x2B55},
    {0x2E80, 0x303E},   {0x3041, 0x33FF},   {0x3400, 0x4DBF},   {0x4E00, 0x9FFF},   {0xA000, 0xA4CF},
    {0xA960, 0xA97F},   {0xAC00, 0xD7A3},   {0xF900, 0xFAFF},   {0xFE10, 0xFE19},   {0xFE30, 0xFE6F},
    {0xFF00, 0xFF60},   {0xFFE0, 0xFFE6},   {0x16FE0, 0x16FE4}, {0x17000, 0x18CFF}, {0x1B000, 0x1B2FF},
    {0x1F004, 0x1F004}, {0x1F0CF, 0x1F0CF}, {0x1F18E, 0x1F18E}, {0x1F191, 0x1F19A}, {0x1F200, 0x1F251},
    {0x1F300, 0x1F64F}, {0x1F680, 0x1F6FF}, {0x1F7E0, 0x1F7EB}, {0x1F90C, 0x1F9FF}, {0x1FA70, 0x1FAFF},
    {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD},
};

template <std::size_t N>
bool in(const Range (&table)[N], char32_t cp) {
    const Range* it = std::upper_bound(std::begin(table), std::end(table), cp,
                                       [](char32_t c, const Range& r) { return c < r.first; });
    return it != std::begin(table) && cp <= std::prev(it)->last;
}

// Columns of one code point: 0, 1 or 2. Invalid bytes count as one (they are shown as one replacement mark).
int columns(char32_t cp) {
    if (cp < 0x300) return 1;
    if (in(kZeroWidth, cp)) return 0;
    return in(kWide, cp) ? 2 : 1;
}

// Calls on_char(offset, bytes, columns) for each character of s.
template <class F>
void for_each_char(const std::string& s, F on_char) {
    for (std::size_t i = 0; i < s.size();) {
        char32_t cp = 0;
        std::size_t n = utf8::decode(s, i, cp);
        if (n == 0) {
            on_char(i, std::size_t{1}, 1);
            ++i;
            continue;
        }
        on_char(i, n, columns(cp));
        i += n;
    }
}

}  // namespace

int display_width(const std::string& s) {
    int w = 0;
    for_each_char(s, [&](std::size_t, std::size_t, int c) { w += c; });
    return w;
}

std::string pad_right(const std::string& s, int width) {
    int w = display_width(s);
    return w >= width ? s : s + std::string(static_cast<std::size_t>(width - w), ' ');
}

std::string truncate_to(const std::string& s, int width) {
    if (display_width(s) <= width) return s;
    std::size_t end = 0;
    int w = 0;
    bool full = false;
    for_each_char(s, [&](std::size_t i, std::size_t n, int c) {
        if (full || w + c > width - 1) {  // one column stays for the ellipsis
            full = true;
            return;
        }
        w += c;
        end = i + n;
    });
    return s.substr(0, end) + "…";
}

std::string wrap(const std::string& text, int width, int indent) {
    std::string out, line;
    int line_width = indent;
    std::size_t i = 0;
    const int usable = std::max(width, indent + 20);
    while (i < text.size()) {
        while (i < text.size() && text[i] == ' ') ++i;
        std::size_t j = text.find(' ', i);
        if (j == std::string::npos) j = text.size();
        std::string word = text.substr(i, j - i);
        i = j;
        if (word.empty()) continue;
        int ww = display_width(word);
        if (!line.empty() && line_width + 1 + ww > usable) {
            out += line + "\n" + std::string(static_cast<std::size_t>(indent), ' ');
            line.clear();
            line_width = indent;
        }
        if (!line.empty()) {
            line += ' ';
            ++line_width;
        }
        line += word;
        line_width += ww;
    }
    return out + line;
}

std::string styled(Ansi style, const std::string& s, bool on) {
    if (!on) return s;
    const char* code = "1";
    switch (style) {
        case Ansi::Bold: code = "1"; break;
        case Ansi::Dim: code = "2"; break;
        case Ansi::Red: code = "31"; break;
        case Ansi::Green: code = "32"; break;
        case Ansi::Yellow: code = "33"; break;
        case Ansi::Cyan: code = "36"; break;
    }
    return std::string("\033[") + code + "m" + s + "\033[0m";
}

}  // namespace mm
