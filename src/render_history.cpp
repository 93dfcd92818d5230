// Laying out a History as text (terminal), JSON (machines), Markdown (wikis, step summaries) and one HTML page with
// an inline SVG line chart (no script, no network).
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>

#include "json_text.hpp"
#include "mm/history.hpp"
#include "mm/provenance.hpp"
#include "mm/render.hpp"
#include "render_util.hpp"

namespace mm {

namespace {

using namespace render_util;
using ojson = nlohmann::ordered_json;

std::string level_cell(int level) { return level < 0 ? "–" : std::to_string(level); }

// "q1.json → q2.json"-style heading of a step: the two dates, and the sources when a date repeats.
std::string step_heading(const History& h, const HistoryStep& s) {
    const HistoryPoint& a = h.points[s.from];
    const HistoryPoint& b = h.points[s.to];
    std::string out = a.date + " → " + b.date;
    if (a.date == b.date) out += " (" + a.source + " → " + b.source + ")";
    return out;
}

// "`id` (dimension, level 2)": a practice adopted or lost, its parts through the format's code and text escapers.
template <class Code, class Escape>
std::string change_item(const PracticeChange& c, Code code, Escape escape) {
    return code(c.question) + " (" + escape(c.dimension) + ", level " + std::to_string(c.level) + ")";
}

std::string teams_of(const History& h) {
    std::vector<std::string> teams;
    for (const auto& p : h.points)
        if (!p.team.empty() && std::find(teams.begin(), teams.end(), p.team) == teams.end()) teams.push_back(p.team);
    std::string out;
    for (const auto& t : teams) out += (out.empty() ? "" : ", ") + t;
    return out;
}

}  // namespace

std::string render_history_text(const History& h, const TextOptions& options) {
    const bool color = options.color;
    auto bold = [color](const std::string& s) { return styled(Ansi::Bold, s, color); };
    auto paint = [color](int change, const std::string& s) {
        return styled(change > 0 ? Ansi::Green : Ansi::Red, s, color && change != 0);
    };
    const int width = std::max(options.width, 60);
    const QuestionnaireInfo& q = h.questionnaire;
    std::string out = bold("History: " + terminal_safe(q.title.empty() ? q.id : q.title)) + " (" +
                      terminal_safe(q.id) + ")";
    if (const std::string teams = teams_of(h); !teams.empty()) out += " · " + terminal_safe(teams);
    out += " · " + plural(h.points.size(), "report", "reports") + "\n";
    for (const auto& n : h.notes) out += wrap("Note: " + terminal_safe(n), width, 6) + "\n";
    out += "\n";

    // Rows: the overall level, the score, then each dimension; columns: the reports, the latest that fit.
    int name_width = 7;
    for (const auto& [id, name] : h.dimensions) name_width = std::max(name_width, display_width(terminal_safe(id)));
    name_width = std::min(name_width, 24);
    const int column = 12;
    const std::size_t fit = static_cast<std::size_t>(std::max(1, (width - name_width) / column));
    const std::size_t first = h.points.size() > fit ? h.points.size() - fit : 0;
    std::string head = pad_right("", name_width);
    for (std::size_t i = first; i < h.points.size(); ++i) head += "  " + pad_right(terminal_safe(h.points[i].date), column - 2);
    out += bold(head) + "\n";
    auto row = [&](const std::string& label, auto value, auto level_of) {
        std::string line = pad_right(truncate_to(label, name_width), name_width);
        for (std::size_t i = first; i < h.points.size(); ++i) {
            const int change = i > 0 && level_of(i) >= 0 && level_of(i - 1) >= 0 ? level_of(i) - level_of(i - 1) : 0;
            std::string cell = value(i) + (change > 0 ? " ▲" : change < 0 ? " ▼" : "");
            line += "  " + paint(change, pad_right(cell, column - 2));
        }
        while (!line.empty() && line.back() == ' ') line.pop_back();
        out += line + "\n";
    };
    row("overall", [&](std::size_t i) { return std::to_string(h.points[i].overall_level); },
        [&](std::size_t i) { return h.points[i].overall_level; });
    row("score", [&](std::size_t i) { return percent(h.points[i].score); }, [](std::size_t) { return -1; });
    for (std::size_t d = 0; d < h.dimensions.size(); ++d)
        row(terminal_safe(h.dimensions[d].first), [&](std::size_t i) { return level_cell(h.points[i].levels[d]); },
            [&](std::size_t i) { return h.points[i].levels[d]; });
    if (first > 0)
        out += fmt::format("({} earlier {} left out for the width; -f json, markdown or html show every one)\n", first,
                           first == 1 ? "report" : "reports");

    if (!h.steps.empty()) out += "\n" + bold("Changes") + "\n";
    for (const auto& s : h.steps) {
        out += terminal_safe(step_heading(h, s));
        if (s.adopted.empty() && s.lost.empty()) {
            out += ": no practice adopted or lost\n";
            continue;
        }
        out += "\n";
        for (const auto& c : s.adopted)
            out += "  + " + terminal_safe(c.question) + fmt::format("  [{}, level {}]", terminal_safe(c.dimension), c.level) + "\n";
        for (const auto& c : s.lost)
            out += "  - " + terminal_safe(c.question) + fmt::format("  [{}, level {}] lost", terminal_safe(c.dimension), c.level) + "\n";
    }
    return out;
}

std::string render_history_json(const History& h) {
    ojson j;
    j["questionnaire"] = {{"id", h.questionnaire.id}, {"title", h.questionnaire.title}, {"version", h.questionnaire.version}};
    ojson dims = ojson::array();
    for (const auto& [id, name] : h.dimensions) dims.push_back({{"id", id}, {"name", name}});
    j["dimensions"] = dims;
    ojson points = ojson::array();
    for (const auto& p : h.points) {
        ojson levels = ojson::object();
        for (std::size_t d = 0; d < h.dimensions.size(); ++d)
            levels[h.dimensions[d].first] = p.levels[d] < 0 ? ojson(nullptr) : ojson(p.levels[d]);
        ojson pj{{"source", p.source}, {"date", p.date}};
        if (!p.team.empty()) pj["team"] = p.team;
        pj["questionnaire_version"] = p.questionnaire_version;
        pj["scoring_rule"] = p.rule;
        pj["overall"] = {{"level", p.overall_level}, {"score", round_within_whole(p.score)}};
        pj["dimensions"] = levels;
        points.push_back(std::move(pj));
    }
    j["reports"] = points;
    ojson steps = ojson::array();
    auto changes = [](const std::vector<PracticeChange>& cs) {
        ojson out = ojson::array();
        for (const auto& c : cs) out.push_back({{"question", c.question}, {"dimension", c.dimension}, {"level", c.level}});
        return out;
    };
    for (const auto& s : h.steps)
        steps.push_back({{"from", h.points[s.from].source},
                         {"to", h.points[s.to].source},
                         {"adopted", changes(s.adopted)},
                         {"lost", changes(s.lost)}});
    j["changes"] = steps;
    j["notes"] = h.notes;
    return json_text(j);
}

std::string render_history_markdown(const History& h) {
    const QuestionnaireInfo& q = h.questionnaire;
    std::string out = "## History: " + markdown_escape(q.title.empty() ? q.id : q.title);
    if (const std::string teams = teams_of(h); !teams.empty()) out += ": " + markdown_escape(teams);
    out += "\n\n";
    for (const auto& n : h.notes) out += "> **Note:** " + markdown_escape(n) + "\n>\n";
    if (!h.notes.empty()) out.resize(out.size() - 2), out += "\n";
    out += "| Date | Report | Overall | Score |";
    for (const auto& [id, name] : h.dimensions) out += " " + markdown_code(id) + " |";
    out += "\n|---|---|---|---|";
    for (std::size_t d = 0; d < h.dimensions.size(); ++d) out += "---|";
    out += "\n";
    for (const auto& p : h.points) {
        out += "| " + markdown_escape(p.date) + " | " + markdown_escape(p.source) + " | " +
               std::to_string(p.overall_level) + " | " + percent(p.score) + " |";
        for (int l : p.levels) out += " " + level_cell(l) + " |";
        out += "\n";
    }
    if (!h.steps.empty()) out += "\n### Changes\n";
    for (const auto& s : h.steps) {
        out += "\n**" + markdown_escape(step_heading(h, s)) + "**";
        if (s.adopted.empty() && s.lost.empty()) {
            out += ": no practice adopted or lost\n";
            continue;
        }
        out += "\n\n";
        for (const auto& c : s.adopted) out += "- adopted " + change_item(c, markdown_code, markdown_escape) + "\n";
        for (const auto& c : s.lost) out += "- **lost** " + change_item(c, markdown_code, markdown_escape) + "\n";
    }
    return out;
}

namespace {

std::string num(double v) { return fmt::format("{:.1f}", v); }

// Distinct colours for the dimension lines (the overall line is the ink colour, thicker).
const char* const kPalette[] = {"#0969da", "#bf3989", "#1a7f37", "#9a6700", "#8250df",
                                "#cf222e", "#0a7ea4", "#6e7781", "#bc4c00", "#116329"};

// The colour of dimension `d`'s line and legend swatch.
const char* colour_of(std::size_t d) { return kPalette[d % (sizeof kPalette / sizeof kPalette[0])]; }

// A dimension as the chart and legend name it: its name, else its id.
const std::string& label_of(const std::pair<std::string, std::string>& dimension) {
    return dimension.second.empty() ? dimension.first : dimension.second;
}

std::string line_chart(const History& h) {
    const int max = std::max(1, h.questionnaire.max_level());
    const double left = 44, right = 20, top = 16, bottom = 40, width = 760, height = 300;
    const double plot_w = width - left - right, plot_h = height - top - bottom;
    // x: by date (days), so uneven gaps between assessments show as such; one report sits in the middle.
    const long long d0 = day_number(h.points.front().date), d1 = day_number(h.points.back().date);
    auto x_of = [&](std::size_t i) {
        if (d1 == d0) return h.points.size() == 1 ? left + plot_w / 2
                                                  : left + plot_w * static_cast<double>(i) / static_cast<double>(h.points.size() - 1);
        return left + plot_w * static_cast<double>(day_number(h.points[i].date) - d0) / static_cast<double>(d1 - d0);
    };
    auto y_of = [&](double level) { return top + plot_h * (1.0 - level / max); };
    std::string svg = "<svg class=\"chart\" viewBox=\"0 0 " + num(width) + " " + num(height) +
                      "\" role=\"img\" aria-labelledby=\"chart-title\" xmlns=\"http://www.w3.org/2000/svg\">\n"
                      "<title id=\"chart-title\">Overall and dimension levels from " + html_escape(h.points.front().date) +
                      " to " + html_escape(h.points.back().date) + "</title>\n";
    for (int k = 0; k <= max; ++k)
        svg += "<line class=\"grid\" x1=\"" + num(left) + "\" y1=\"" + num(y_of(k)) + "\" x2=\"" + num(width - right) +
               "\" y2=\"" + num(y_of(k)) + "\"/>\n<text class=\"tick\" text-anchor=\"end\" x=\"" + num(left - 8) +
               "\" y=\"" + num(y_of(k) + 4) + "\">" + std::to_string(k) + "</text>\n";
    // Date labels: the first and the last, and those between that stay 90 units from their neighbours.
    double last_label = -1e9;
    const double end = x_of(h.points.size() - 1);
    for (std::size_t i = 0; i < h.points.size(); ++i) {
        const double x = x_of(i);
        const bool is_last = i + 1 == h.points.size();
        if (!is_last && (x - last_label < 90 || end - x < 90)) continue;
        if (is_last && i > 0 && x - last_label < 1) continue;  // same place as the one before
        last_label = x;
        // At the edges the label ends (or starts) at its point, so it is never cut off by the frame.
        const char* anchor = x - left < 40 ? "start" : end - x < 40 && x > left + 40 ? "end" : "middle";
        svg += "<text class=\"tick\" text-anchor=\"" + std::string(anchor) + "\" x=\"" + num(x) + "\" y=\"" + num(height - bottom + 20) + "\">" +
               html_escape(h.points[i].date) + "</text>\n";
    }
    // A small vertical offset per dimension keeps lines on the same level apart.
    const double spread = h.dimensions.empty() ? 0 : std::min(3.0, 24.0 / static_cast<double>(h.dimensions.size()));
    auto series = [&](const std::string& name, const std::string& colour, double stroke, double offset,
                      auto level_of) {
        std::string points, dots;
        for (std::size_t i = 0; i < h.points.size(); ++i) {
            const int level = level_of(i);
            if (level < 0) continue;
            const std::string xy = num(x_of(i)) + "," + num(y_of(level) + offset);
            points += (points.empty() ? "" : " ") + xy;
            dots += "<circle cx=\"" + num(x_of(i)) + "\" cy=\"" + num(y_of(level) + offset) + "\" r=\"" +
                    num(stroke + 1.5) + "\" fill=\"" + colour + "\"><title>" + html_escape(name) + ", " +
                    html_escape(h.points[i].date) + ": level " + std::to_string(level) + "</title></circle>\n";
        }
        return "<polyline fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"" + num(stroke) + "\" points=\"" +
               points + "\"/>\n" + dots;
    };
    for (std::size_t d = 0; d < h.dimensions.size(); ++d) {
        const double offset = (static_cast<double>(d) - static_cast<double>(h.dimensions.size() - 1) / 2) * spread;
        svg += series(label_of(h.dimensions[d]), colour_of(d), 1.5, offset,
                      [&](std::size_t i) { return h.points[i].levels[d]; });
    }
    svg += series("Overall", "#1f2328", 3.5, 0, [&](std::size_t i) { return h.points[i].overall_level; });
    return svg + "</svg>\n";
}

constexpr const char* kHistoryStyle = R"CSS(
body { margin: 0; color: #1f2328; background: #fff;
  font: 15px/1.5 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 980px; margin: 0 auto; padding: 24px 20px 48px; }
h1 { font-size: 26px; margin: 4px 0 4px; }
.kicker { color: #59636e; font-size: 13px; text-transform: uppercase; letter-spacing: .05em; }
.note { border-left: 4px solid #d4a72c; background: #fff8c5; padding: 8px 12px; margin: 12px 0; }
svg.chart { width: 100%; height: auto; margin: 12px 0 4px; }
svg .grid { stroke: #d8dee4; stroke-width: 1; }
svg .tick { fill: #59636e; font-size: 12px; }
ul.legend { list-style: none; padding: 0; margin: 0 0 20px; display: flex; flex-wrap: wrap; gap: 6px 18px; font-size: 13px; }
ul.legend .swatch { display: inline-block; width: 14px; height: 4px; margin-right: 6px; vertical-align: middle; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; font-size: 14px; }
th, td { border-bottom: 1px solid #d8dee4; padding: 5px 10px; text-align: left; white-space: nowrap; }
td.n { text-align: center; }
li.lost { color: #cf222e; }
code { font: 13px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
@media print { svg.chart { break-inside: avoid; } }
)CSS";

}  // namespace

std::string render_history_html(const History& h) {
    const QuestionnaireInfo& q = h.questionnaire;
    const std::string title = "History: " + (q.title.empty() ? q.id : q.title);
    const std::string teams = teams_of(h);
    std::string out =
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
        "<title>" + html_escape(title) + (teams.empty() ? "" : " · " + html_escape(teams)) + "</title>\n<style>" +
        kHistoryStyle + "</style>\n</head>\n<body>\n<main>\n<div class=\"kicker\">Maturity over time</div>\n<h1>" +
        html_escape(title) + "</h1>\n<p>" + (teams.empty() ? "" : "Team " + html_escape(teams) + " · ") +
        plural(h.points.size(), "report", "reports") + ", " + html_escape(h.points.front().date) + " to " +
        html_escape(h.points.back().date) + "</p>\n";
    for (const auto& n : h.notes) out += "<p class=\"note\"><strong>Note:</strong> " + html_escape(n) + "</p>\n";
    out += line_chart(h);
    out += "<ul class=\"legend\">\n<li><span class=\"swatch\" style=\"background:#1f2328;height:6px\"></span>"
           "Overall</li>\n";
    for (std::size_t d = 0; d < h.dimensions.size(); ++d)
        out += "<li><span class=\"swatch\" style=\"background:" + std::string(colour_of(d)) + "\"></span>" +
               html_escape(label_of(h.dimensions[d])) + "</li>\n";
    out += "</ul>\n<h2>Levels</h2>\n<div class=\"table-wrap\">\n<table>\n<thead><tr><th>Date</th><th>Report</th>"
           "<th>Overall</th><th>Score</th>";
    for (const auto& [id, name] : h.dimensions) out += "<th><code>" + html_escape(id) + "</code></th>";
    out += "</tr></thead>\n<tbody>\n";
    for (const auto& p : h.points) {
        out += "<tr><td>" + html_escape(p.date) + "</td><td>" + html_escape(p.source) + "</td><td class=\"n\">" +
               std::to_string(p.overall_level) + "</td><td class=\"n\">" + percent(p.score) + "</td>";
        for (int l : p.levels) out += "<td class=\"n\">" + level_cell(l) + "</td>";
        out += "</tr>\n";
    }
    out += "</tbody>\n</table>\n</div>\n";
    if (!h.steps.empty()) out += "<h2>Changes</h2>\n";
    for (const auto& s : h.steps) {
        out += "<h3>" + html_escape(step_heading(h, s)) + "</h3>\n";
        if (s.adopted.empty() && s.lost.empty()) {
            out += "<p>No practice adopted or lost.</p>\n";
            continue;
        }
        out += "<ul>\n";
        const auto code = [](const std::string& id) { return "<code>" + html_escape(id) + "</code>"; };
        for (const auto& c : s.adopted) out += "<li>adopted " + change_item(c, code, html_escape) + "</li>\n";
        for (const auto& c : s.lost) out += "<li class=\"lost\">lost " + change_item(c, code, html_escape) + "</li>\n";
        out += "</ul>\n";
    }
    return out + "</main>\n</body>\n</html>\n";
}

}  // namespace mm
