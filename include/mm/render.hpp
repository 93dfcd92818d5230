// Renderers: a report in, text out. They compute nothing but layout.
#pragma once

#include <string>
#include <vector>

#include "mm/report.hpp"

namespace mm {

struct TextOptions {
    bool color = false;
    int width = 80;         // wrap long lines to this many columns
    bool show_all = false;  // gaps above the target in full, not one line each
};

std::string render_text(const Report& r, const TextOptions& options);

// Makes text from an untrusted questionnaire safe for a terminal: control characters and ANSI escape
// sequences are removed, so a questionnaire cannot rewrite the user's screen.
std::string terminal_safe(const std::string& s);

// Word-wraps `text` to `width` columns, prefixing continuation lines with `indent` spaces.
std::string wrap(const std::string& text, int width, int indent);

}  // namespace mm

namespace mm {

struct Questionnaire;

// `show`: the questionnaire as readable text, or as JSON with the same keys as the YAML.
std::string render_questionnaire_text(const Questionnaire& q, const TextOptions& options);
std::string render_questionnaire_json(const Questionnaire& q);

}  // namespace mm

namespace mm {

// The report formats `assess -f` and `report -f` accept, and the one dispatch over them.
const std::vector<std::string>& report_formats();
std::string render_report(const Report& r, const std::string& format, const TextOptions& options);

}  // namespace mm
