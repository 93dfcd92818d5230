// Laying out an Aggregate: text, JSON, Markdown, HTML and CSV. Team names and every text from the reports are
// untrusted and escaped for each format.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

#include "mm/aggregate.hpp"
#include "mm/render.hpp"
#include "render_util.hpp"
#include "json_text.hpp"

namespace mm {

namespace {

using namespace render_util;
using ojson = nlohmann::ordered_json;

// `s` in exactly `width` columns: cut with "…" or padded with spaces.
std::string fit(const std::string& s, int width) { return pad_right(truncate_to(s, width), width); }

std::string cell(int level) { return level < 0 ? "-" : std::to_string(level); }

std::string share(std::size_t n, std::size_t total) {
    return total ? fmt::format("{:.0f}%", 100.0 * static_cast<double>(n) / static_cast<double>(total)) : "0%";
}

int max_level(const Aggregate& a) {
    return a.overall_distribution.empty() ? 0 : static_cast<int>(a.overall_distribution.size()) - 1;
}

std::string title_of(const Aggregate& a) {
    return a.questionnaire.title.empty() ? a.questionnaire.id : a.questionnaire.title;
}

}  // namespace

std::string render_aggregate_text(const Aggregate& a, const TextOptions& options) {
    const bool color = options.color;
    const int max = max_level(a);
    auto paint = [color](const char* code, const std::string& s) {
        return color ? std::string("\033[") + code + "m" + s + "\033[0m" : s;
    };
    auto level_cell = [&](int level, int width) {
        std::string text = fmt::format("{:>{}}", cell(level), width);
        if (!color || level < 0) return text;
        const char* code = level <= 0 ? "31" : level >= max || level * 2 >= max ? "32" : "33";
        return paint(code, text);
    };
    const std::size_t teams = a.teams.size();
    std::string out;
    out += paint("1", terminal_safe(title_of(a))) +
           fmt::format(" ({} {}): {}\n\n", terminal_safe(a.questionnaire.id), terminal_safe(a.questionnaire.version),
                       plural(teams, "team", "teams"));

    // Heatmap as a table: short column headers, explained below it.
    int team_width = 8;
    for (const auto& t : a.teams) team_width = std::max(team_width, display_width(terminal_safe(t.team)));
    team_width = std::min(team_width, 28);
    std::vector<std::string> heads;
    for (const auto& d : a.dimensions) heads.push_back(terminal_safe(d.id).substr(0, 6));
    std::string header = fit("Team", team_width) + "  Overall";
    for (const auto& hd : heads) header += "  " + fmt::format("{:>6}", hd);
    out += paint("1", header) + "\n";
    for (const auto& t : a.teams) {
        std::string line = fit(terminal_safe(t.team), team_width) + "  " + level_cell(t.overall_level, 7);
        for (std::size_t i = 0; i < t.levels.size(); ++i) line += "  " + level_cell(t.levels[i], 6);
        out += line + "\n";
    }
    std::string mean = paint("2", fit("Mean", team_width) + "         ");
    for (const auto& d : a.dimensions) mean += "  " + paint("2", fmt::format("{:>6.1f}", d.mean));
    out += mean + "\n";
    out += paint("2", "Columns: ");
    for (std::size_t i = 0; i < a.dimensions.size(); ++i)
        out += paint("2", (i ? "; " : "") + heads[i] + " = " + terminal_safe(a.dimensions[i].name));
    out += "\n\n";

    out += paint("1", "Overall levels") + "\n";
    std::size_t most = 1;
    for (std::size_t n : a.overall_distribution) most = std::max(most, n);
    for (int l = 0; l <= max; ++l) {
        std::size_t n = a.overall_distribution[static_cast<std::size_t>(l)];
        int cells = static_cast<int>(std::lround(24.0 * static_cast<double>(n) / static_cast<double>(most)));
        std::string bar;
        for (int i = 0; i < cells; ++i) bar += "█";
        out += fmt::format("  {} {}  ", l, fit(terminal_safe(a.questionnaire.level_name(l)), 32)) +
               paint("36", fit(bar, 24)) + fmt::format(" {:>5} ({})\n", n, share(n, teams));
    }
    out += "\n";

    if (a.most_missing.empty()) {
        out += "No practice is missing in any team.\n";
    } else {
        out += paint("1", fmt::format("Practices missing most often (top {} of {})", a.most_missing.size(),
                                      a.practices_missing)) + "\n";
        std::size_t rank = 0;
        for (const auto& p : a.most_missing) {
            out += fmt::format("{:>4}. {} ", ++rank, terminal_safe(p.question)) +
                   paint("2", fmt::format("[{}, level {}]", terminal_safe(p.dimension), p.level)) +
                   fmt::format(": needed by {} of {} teams, blocking {}, missing in {}\n", p.needed, teams,
                               p.blocking, p.missing);
            if (!p.text.empty()) out += "      " + wrap(terminal_safe(p.text), std::max(options.width, 60), 6) + "\n";
        }
    }
    return out;
}

std::string render_aggregate_json(const Aggregate& a) {
    ojson j;
    j["aggregate_schema_version"] = 1;
    ojson levels = ojson::array();
    for (const auto& l : a.questionnaire.levels) levels.push_back({{"level", l.level}, {"name", l.name}});
    j["questionnaire"] = {{"id", a.questionnaire.id},
                          {"title", a.questionnaire.title},
                          {"version", a.questionnaire.version},
                          {"digest", a.questionnaire.digest},
                          {"levels", levels}};
    j["digests"] = a.digests;
    ojson dims = ojson::array();
    for (const auto& d : a.dimensions)
        dims.push_back({{"id", d.id}, {"name", d.name}, {"mean", std::round(d.mean * 100) / 100},
                        {"distribution", d.distribution}});
    j["dimensions"] = dims;
    j["overall_distribution"] = a.overall_distribution;
    ojson teams = ojson::array();
    for (const auto& t : a.teams) {
        ojson lv = ojson::object();
        for (std::size_t i = 0; i < t.levels.size(); ++i)
            lv[a.dimensions[i].id] = t.levels[i] < 0 ? ojson(nullptr) : ojson(t.levels[i]);
        ojson tj{{"team", t.team}, {"source", t.source}, {"overall", t.overall_level},
                 {"score", std::round(t.score * 10000) / 10000}};
        tj["target"] = t.target ? ojson(*t.target) : ojson(nullptr);
        tj["gaps"] = t.gaps;
        tj["levels"] = lv;
        teams.push_back(std::move(tj));
    }
    j["teams"] = teams;
    ojson missing = ojson::array();
    for (const auto& p : a.most_missing)
        missing.push_back({{"question", p.question}, {"dimension", p.dimension}, {"level", p.level},
                           {"text", p.text}, {"practice", p.practice}, {"needed", p.needed},
                           {"blocking", p.blocking}, {"missing", p.missing}});
    j["most_missing"] = missing;
    j["practices_missing"] = a.practices_missing;
    return json_text(j);
}

std::string render_aggregate_markdown(const Aggregate& a) {
    auto esc = [](const std::string& s) { return markdown_escape(s); };
    const int max = max_level(a);
    const std::size_t teams = a.teams.size();
    // A coloured square per level, so the table reads as a heatmap where Markdown has no colours.
    auto square = [max](int level) -> std::string {
        if (level < 0) return "–";
        static const char* squares[] = {"🟥", "🟧", "🟨", "🟩", "🟦"};
        int i = max > 0 ? static_cast<int>(std::lround(4.0 * level / max)) : 4;
        return std::string(squares[std::clamp(i, 0, 4)]) + " " + std::to_string(level);
    };
    std::string out = "## " + esc(title_of(a)) + ": " + plural(teams, "team", "teams") + "\n\n";
    out += "| Team | Overall |";
    std::string align = "|:--|:-:|";
    for (const auto& d : a.dimensions) {
        out += " " + esc(d.name.empty() ? d.id : d.name) + " |";
        align += ":-:|";
    }
    out += "\n" + align + "\n";
    for (const auto& t : a.teams) {
        out += "| " + esc(t.team) + " | " + square(t.overall_level) + " |";
        for (int l : t.levels) out += " " + square(l) + " |";
        out += "\n";
    }
    out += "| _Mean_ | |";
    for (const auto& d : a.dimensions) out += " " + fmt::format("{:.1f}", d.mean) + " |";
    out += "\n\n### Overall levels\n\n| Level | Teams | Share |\n|:--|--:|--:|\n";
    for (int l = 0; l <= max; ++l) {
        std::size_t n = a.overall_distribution[static_cast<std::size_t>(l)];
        out += "| " + std::to_string(l) + ": " + esc(a.questionnaire.level_name(l)) + " | " + std::to_string(n) +
               " | " + share(n, teams) + " |\n";
    }
    out += "\n### Practices missing most often\n\n";
    if (a.most_missing.empty()) {
        out += "No practice is missing in any team.\n";
    } else {
        out += "Ranked by the number of teams that need the practice to reach their target.\n\n"
               "| # | Practice | Dimension | Level | Needed by | Blocking | Missing in |\n"
               "|--:|:--|:--|:-:|--:|--:|--:|\n";
        std::size_t rank = 0;
        for (const auto& p : a.most_missing)
            out += "| " + std::to_string(++rank) + " | " + esc(p.text.empty() ? p.question : p.text) + " (" +
                   esc(p.question) + ") | " + esc(p.dimension) + " | " + std::to_string(p.level) + " | " +
                   std::to_string(p.needed) + " | " + std::to_string(p.blocking) + " | " + std::to_string(p.missing) +
                   " |\n";
    }
    return out;
}

std::string render_aggregate_html(const Aggregate& a) {
    auto h = [](const std::string& s) { return html_escape(s); };
    const int max = max_level(a);
    const std::size_t teams = a.teams.size();
    std::string out;
    out += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
           "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
           "<title>" + h(title_of(a)) + ": " + plural(teams, "team", "teams") + "</title>\n<style>\n"
           "body { margin: 0; color: #1f2328; font: 14px/1.45 system-ui, -apple-system, \"Segoe UI\", Roboto, "
           "\"Liberation Sans\", Arial, sans-serif; }\n"
           "main { max-width: 1200px; margin: 0 auto; padding: 24px; }\n"
           "h1 { font-size: 24px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 28px 0 10px; "
           "border-bottom: 1px solid #d8dee4; padding-bottom: 4px; }\n"
           ".sub { color: #59636e; margin: 0; }\n"
           "table { border-collapse: collapse; }\n"
           "th, td { padding: 4px 8px; border: 1px solid #fff; text-align: center; }\n"
           "th { font-size: 12px; color: #59636e; font-weight: 600; vertical-align: bottom; }\n"
           "td.team, th.team { text-align: left; max-width: 260px; overflow-wrap: anywhere; }\n"
           "td.lvl { color: #fff; font-weight: 700; min-width: 34px; }\n"
           "td.none { background: #eaeef2; color: #8c959f; }\n"
           "tr.mean td { color: #59636e; font-style: italic; border-top: 2px solid #d8dee4; }\n"
           "thead th { position: sticky; top: 0; background: #fff; }\n"
           ".dist td, .missing td { border: 0; border-bottom: 1px solid #d8dee4; text-align: left; }\n"
           ".dist .bar { height: 14px; border-radius: 3px; min-width: 1px; }\n"
           ".missing td.n { text-align: right; font-variant-numeric: tabular-nums; }\n"
           ".missing .text { color: #59636e; font-size: 13px; }\n"
           "code { background: #f6f8fa; padding: 0 4px; border-radius: 4px; font-size: 12.5px; }\n"
           "@media print { @page { margin: 12mm; } main { max-width: none; padding: 0; } "
           "* { -webkit-print-color-adjust: exact; print-color-adjust: exact; } tr { break-inside: avoid; } "
           "thead { display: table-header-group; } thead th { position: static; } }\n"
           "</style>\n</head>\n<body>\n<main>\n";
    out += "<h1>" + h(title_of(a)) + "</h1>\n<p class=\"sub\">" + plural(teams, "team", "teams") +
           " · questionnaire <code>" + h(a.questionnaire.id) + "</code> " + h(a.questionnaire.version) + "</p>\n";

    out += "<h2>Levels by team and dimension</h2>\n<table class=\"heat\">\n<thead><tr><th class=\"team\">Team</th>"
           "<th>Overall</th>";
    for (const auto& d : a.dimensions) out += "<th title=\"" + h(d.id) + "\">" + h(d.name.empty() ? d.id : d.name) + "</th>";
    out += "</tr></thead>\n<tbody>\n";
    auto td = [&](int level) {
        if (level < 0) return std::string("<td class=\"none\">–</td>");
        return "<td class=\"lvl\" style=\"background:" + level_color(level, max) + "\">" + std::to_string(level) +
               "</td>";
    };
    for (const auto& t : a.teams) {
        out += "<tr><td class=\"team\" title=\"" + h(t.source) + "\">" + h(t.team) + "</td>" + td(t.overall_level);
        for (int l : t.levels) out += td(l);
        out += "</tr>\n";
    }
    out += "<tr class=\"mean\"><td class=\"team\">Mean</td><td></td>";
    for (const auto& d : a.dimensions) out += "<td>" + fmt::format("{:.1f}", d.mean) + "</td>";
    out += "</tr>\n</tbody>\n</table>\n";

    out += "<h2>Overall levels</h2>\n<table class=\"dist\">\n";
    std::size_t most = 1;
    for (std::size_t n : a.overall_distribution) most = std::max(most, n);
    for (int l = 0; l <= max; ++l) {
        std::size_t n = a.overall_distribution[static_cast<std::size_t>(l)];
        out += "<tr><td>" + std::to_string(l) + ": " + h(a.questionnaire.level_name(l)) +
               "</td><td style=\"width:320px\"><div class=\"bar\" style=\"width:" +
               fmt::format("{:.1f}", 100.0 * static_cast<double>(n) / static_cast<double>(most)) +
               "%;background:" + level_color(l, max) + "\"></div></td><td>" + std::to_string(n) + " (" +
               share(n, teams) + ")</td></tr>\n";
    }
    out += "</table>\n";

    out += "<h2>Practices missing most often</h2>\n";
    if (a.most_missing.empty()) {
        out += "<p>No practice is missing in any team.</p>\n";
    } else {
        out += "<p class=\"sub\">Ranked by the number of teams that need the practice to reach their target: where "
               "to invest first.</p>\n<table class=\"missing\">\n<thead><tr><th>#</th><th>Practice</th>"
               "<th>Dimension</th><th>Level</th><th>Needed by</th><th>Blocking</th><th>Missing in</th></tr></thead>\n"
               "<tbody>\n";
        std::size_t rank = 0;
        for (const auto& p : a.most_missing)
            out += "<tr><td class=\"n\">" + std::to_string(++rank) + "</td><td><code>" + h(p.question) +
                   "</code><div class=\"text\">" + h(p.text) + "</div></td><td>" + h(p.dimension) + "</td><td>" +
                   std::to_string(p.level) + "</td><td class=\"n\">" + std::to_string(p.needed) + "</td><td class=\"n\">" +
                   std::to_string(p.blocking) + "</td><td class=\"n\">" + std::to_string(p.missing) + "</td></tr>\n";
        out += "</tbody>\n</table>\n";
    }
    out += "</main>\n</body>\n</html>\n";
    return out;
}

std::string render_aggregate_csv(const Aggregate& a) {
    auto field = [](const std::string& s) {
        std::string v = s;
        // A cell starting with = + - @ (or tab/CR) would run as a formula in a spreadsheet.
        if (!v.empty() && std::string("=+-@\t\r").find(v[0]) != std::string::npos) v = "'" + v;
        if (v.find_first_of(",\"\n\r") == std::string::npos) return v;
        std::string q = "\"";
        for (char c : v) q += c == '"' ? std::string("\"\"") : std::string(1, c);
        return q + "\"";
    };
    std::string out = "team,source,overall,score,target";
    for (const auto& d : a.dimensions) out += "," + field(d.id);
    out += "\r\n";
    for (const auto& t : a.teams) {
        out += field(valid_utf8(t.team)) + "," + field(valid_utf8(t.source)) + "," + std::to_string(t.overall_level) +
               "," + fmt::format("{:.4f}", t.score) + "," + (t.target ? std::to_string(*t.target) : "");
        for (int l : t.levels) out += "," + (l < 0 ? std::string() : std::to_string(l));
        out += "\r\n";
    }
    return out;
}

}  // namespace mm
