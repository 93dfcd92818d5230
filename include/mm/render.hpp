// Renderers: a report in, text out. They compute nothing but layout.
#pragma once

#include <string>
#include <vector>

#include "mm/format_table.hpp"
#include "mm/report.hpp"
#include "mm/text.hpp"  // columns, escaping for terminals, styles: every renderer uses them

namespace mm {

struct TextOptions {
    bool color = false;
    int width = 80;         // wrap long lines to this many columns
    bool show_all = false;  // gaps above the target in full, not one line each
};

std::string render_text(const Report& r, const TextOptions& options);
// The one-screen answer `assess` gives on a terminal: the level, why (at most three dimensions), the first `top`
// next steps one line each (id, dimension, level, the practice cut to the line). Every line fits options.width.
std::string render_text_summary(const Report& r, const TextOptions& options, std::size_t top);
// The roadmap (`--roadmap`): per level above the current one up to the top, the defining practices missing
// at that level by dimension, then the supporting ones counted.
std::string render_roadmap_text(const Report& r, const TextOptions& options);
std::string render_roadmap_markdown(const Report& r);

}  // namespace mm

namespace mm {

struct Questionnaire;

// `show`: the questionnaire as readable text, or as JSON with the same keys as the YAML.
std::string render_questionnaire_text(const Questionnaire& q, const TextOptions& options);
std::string render_questionnaire_json(const Questionnaire& q);

}  // namespace mm

namespace mm {

// The report formats `assess -f` and `report -f` accept (one row each), and the one dispatch over them
// (throws InputError for a name not in the table).
const FormatTable<Report>& report_formats();
std::string render_report(const Report& r, const std::string& format, const TextOptions& options);

// ---- more report formats (docs/reports.md) ----

// GitHub-flavoured Markdown: headline, dimension table, the gap report as a checklist. For
// $GITHUB_STEP_SUMMARY and merge requests.
std::string render_markdown(const Report& r);
// One self-contained HTML page (no network, no script): headline, an SVG chart of the dimensions, the level
// ladder, the dimension table and the gap report, with print styles.
std::string render_html(const Report& r);
// JUnit XML: a test suite per dimension, a test case per practice, a failure per gap at or below the required
// level (the gate's bar, else the target, else the level above the dimension's own), skipped for n/a.
std::string render_junit(const Report& r);
// CSV (RFC 4180, CRLF line ends) of the gap list in priority order, for backlog tools: id, dimension, level,
// priority, practice, tools, waiver. Cells a spreadsheet would take for a formula are prefixed with "'".
std::string render_csv(const Report& r);

// ---- escaping untrusted text (render_escape.cpp) ----

// Text for HTML or XML content and quoted attribute values: & < > " ' escaped, characters that XML 1.0 does not
// allow (C0 controls but tab and newline, U+FFFE, U+FFFF), C1 controls and bidirectional overrides, embeddings
// and isolates (U+202A..U+202E, U+2066..U+2069) dropped, invalid UTF-8 replaced.
std::string xml_escape(const std::string& s);
inline std::string html_escape(const std::string& s) { return xml_escape(s); }
// Text for one line of Markdown (a paragraph, list item or table cell): line breaks become spaces, control
// characters and bidirectional overrides/isolates are dropped, Markdown punctuation is backslash-escaped and
// HTML-significant characters become entities, so the text renders literally and cannot open a link, image, code
// span, table cell or HTML tag; "@name" gets a zero-width space after the '@' so GitHub does not notify anyone.
std::string markdown_escape(const std::string& s);

}  // namespace mm
