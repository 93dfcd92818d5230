// Laying out an Aggregate: text, JSON, Markdown, HTML and CSV. Team names and every text from the reports are
// untrusted and escaped for each format.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

#include "mm/aggregate.hpp"
#include "mm/render.hpp"
#include "render_escape_csv.hpp"
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

std::string pad_left(const std::string& s, int width) {
    const int w = display_width(s);
    return w >= width ? s : std::string(static_cast<std::size_t>(width - w), ' ') + s;
}

// The first `width` columns of `s`, without the "…" that truncate_to ends a cut with: a column header, which the
// legend below the table spells out.
std::string prefix(const std::string& s, int width) {
    if (display_width(s) <= width) return s;
    // truncate_to(x, width + 1) keeps `width` columns of an `x` wider than width + 1 and adds "…", which goes. The
    // blank makes `x` that wide even when `s` is exactly width + 1 columns, which truncate_to would keep whole.
    std::string cut = truncate_to(s + " ", width + 1);
    cut.resize(cut.size() - std::string("…").size());
    return cut;
}

// Whether any team's report is dated: then the tables have a date column.
bool any_date(const Aggregate& a) {
    return std::any_of(a.teams.begin(), a.teams.end(), [](const TeamRow& t) { return !t.date.empty(); });
}

std::string dated(const std::string& source, const std::string& date) {
    return date.empty() ? source : source + " (" + date + ")";
}

// The reports left out as older reports of a team given again: one heading, then an item each, "team: source
// (date); kept source (date)", its parts through the format's escaper; each format lays them out as a list.
constexpr const char* kLeftOutHeading = "Left out, as a later report of the same team was given:";

template <class Escape>
std::string left_out_item(const Superseded& s, Escape escape) {
    return escape(s.team) + ": " + escape(dated(s.source, s.date)) + "; kept " +
           escape(dated(s.kept_source, s.kept_date));
}

std::string superseded_text(const Aggregate& a, int width) {
    if (a.superseded.empty()) return {};
    std::string out = std::string("\n") + kLeftOutHeading + "\n";
    for (const auto& s : a.superseded) out += "  " + wrap(left_out_item(s, terminal_safe), width - 2, 4) + "\n";
    return out;
}

}  // namespace

std::string render_aggregate_text(const Aggregate& a, const TextOptions& options) {
    const bool color = options.color;
    const int max = max_level(a);
    auto paint = [color](Ansi style, const std::string& s) { return styled(style, s, color); };
    auto level_cell = [&](int level, int width) {
        std::string text = fmt::format("{:>{}}", cell(level), width);
        if (!color || level < 0) return text;
        const Ansi code = level <= 0 ? Ansi::Red : level >= max || level * 2 >= max ? Ansi::Green : Ansi::Yellow;
        return paint(code, text);
    };
    const std::size_t teams = a.teams.size();
    std::string out;
    out += paint(Ansi::Bold, terminal_safe(title_of(a))) +
           fmt::format(" ({} {}): {}\n\n", terminal_safe(a.questionnaire.id), terminal_safe(a.questionnaire.version),
                       plural(teams, "team", "teams"));

    // Heatmap as a table. Columns are headed by the dimensions' ids (what --min-level DIM=N takes), cut to one
    // width when the full ids do not fit the line, and explained one per line below the table.
    const bool dated = any_date(a);
    const int width = std::max(options.width, 60);
    int team_width = 8;
    for (const auto& t : a.teams) team_width = std::max(team_width, display_width(terminal_safe(t.team)));
    team_width = std::min(team_width, 28);
    std::vector<std::string> ids;
    int id_width = 0;
    for (const auto& d : a.dimensions) {
        ids.push_back(terminal_safe(d.id));
        id_width = std::max(id_width, display_width(ids.back()));
    }
    const int fixed = 2 + 7 + 2 + 6 + (dated ? 12 : 0);  // Overall, Target, Date
    const int dims = static_cast<int>(ids.size());
    auto table_width = [&](int team, int col) { return team + fixed + dims * (1 + std::max(col, 3)); };
    int col = id_width;
    std::vector<std::string> heads = ids;
    if (table_width(team_width, col) > width) {
        // The team column gives up width first (to 14 columns), then the ids are cut to the widest width that
        // fits (at least 3 columns, longer when the cut ids would not tell two dimensions apart), then the team
        // column takes back what is left.
        const int names = team_width;
        team_width = std::min(team_width, 14);
        col = std::max(3, (width - team_width - fixed) / std::max(dims, 1) - 1);
        for (;; ++col) {
            std::vector<std::string> cut;
            for (const auto& id : ids) cut.push_back(prefix(id, col));
            std::vector<std::string> sorted = cut;
            std::sort(sorted.begin(), sorted.end());
            if (col >= id_width || std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end()) {
                heads = std::move(cut);
                break;
            }
        }
        team_width = std::max(8, std::min(names, width - fixed - dims * (1 + std::max(col, 3))));
    }
    col = std::max(col, 3);
    std::string header = fit("Team", team_width) + "  Overall  Target" + (dated ? "  Date      " : "");
    for (const auto& hd : heads) header += " " + pad_left(hd, col);
    out += paint(Ansi::Bold, header) + "\n";
    for (const auto& t : a.teams) {
        std::string line = fit(terminal_safe(t.team), team_width) + "  " + level_cell(t.overall_level, 7) + "  " +
                           fmt::format("{:>6}", t.target ? std::to_string(*t.target) : "-");
        if (dated) line += "  " + fit(t.date.empty() ? "-" : terminal_safe(t.date), 10);
        for (std::size_t i = 0; i < t.levels.size(); ++i) line += " " + level_cell(t.levels[i], col);
        out += line + "\n";
    }
    std::string mean = paint(Ansi::Dim, fit("Mean", team_width) + "                 " + (dated ? "            " : ""));
    for (const auto& d : a.dimensions) mean += " " + paint(Ansi::Dim, fmt::format("{:>{}.1f}", d.mean, col));
    out += mean + "\n";
    // The legend: one dimension a line, cut to the line, so it fits the terminal however long the names are.
    int head_width = 0;
    for (const auto& hd : heads) head_width = std::max(head_width, display_width(hd));
    for (std::size_t i = 0; i < a.dimensions.size(); ++i) {
        std::string name = terminal_safe(a.dimensions[i].name);
        if (heads[i] != ids[i]) name = ids[i] + ": " + name;
        out += paint(Ansi::Dim, truncate_to("  " + pad_right(heads[i], head_width) + "  " + name, width - 1)) + "\n";
    }
    out += superseded_text(a, width);
    out += "\n";

    out += paint(Ansi::Bold, "Overall levels") + "\n";
    std::size_t most = 1;
    for (std::size_t n : a.overall_distribution) most = std::max(most, n);
    for (int l = 0; l <= max; ++l) {
        std::size_t n = a.overall_distribution[static_cast<std::size_t>(l)];
        int cells = static_cast<int>(std::lround(24.0 * static_cast<double>(n) / static_cast<double>(most)));
        std::string bar;
        for (int i = 0; i < cells; ++i) bar += "█";
        out += fmt::format("  {} {}  ", l, fit(terminal_safe(a.questionnaire.level_name(l)), 32)) +
               paint(Ansi::Cyan, fit(bar, 24)) + fmt::format(" {:>5} ({})\n", n, share(n, teams));
    }
    out += "\n";

    if (a.most_missing.empty()) {
        out += "No practice is missing in any team.\n";
    } else {
        out += paint(Ansi::Bold, fmt::format("Practices missing most often (top {} of {})", a.most_missing.size(),
                                      a.practices_missing)) + "\n";
        std::size_t rank = 0;
        for (const auto& p : a.most_missing) {
            out += fmt::format("{:>4}. {} ", ++rank, terminal_safe(p.question)) +
                   paint(Ansi::Dim, fmt::format("[{}, level {}]", terminal_safe(p.dimension), p.level)) +
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
        ojson tj{{"team", t.team}, {"source", t.source}};
        if (!t.date.empty()) tj["date"] = t.date;
        tj["overall"] = t.overall_level;
        tj["score"] = std::round(t.score * 10000) / 10000;
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
    ojson left_out = ojson::array();
    for (const auto& l : a.superseded) {
        ojson e{{"team", l.team}, {"source", l.source}};
        if (!l.date.empty()) e["date"] = l.date;
        e["kept_source"] = l.kept_source;
        if (!l.kept_date.empty()) e["kept_date"] = l.kept_date;
        left_out.push_back(std::move(e));
    }
    j["superseded"] = left_out;
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
    const bool with_date = any_date(a);
    out += std::string("| Team | Overall | Target |") + (with_date ? " Date |" : "");
    std::string align = std::string("|:--|:-:|:-:|") + (with_date ? ":-:|" : "");
    for (const auto& d : a.dimensions) {
        out += " " + esc(d.name.empty() ? d.id : d.name) + " |";
        align += ":-:|";
    }
    out += "\n" + align + "\n";
    for (const auto& t : a.teams) {
        out += "| " + esc(t.team) + " | " + square(t.overall_level) + " | " +
               (t.target ? std::to_string(*t.target) : "–") + " |";
        if (with_date) out += " " + (t.date.empty() ? std::string("–") : esc(t.date)) + " |";
        for (int l : t.levels) out += " " + square(l) + " |";
        out += "\n";
    }
    out += std::string("| _Mean_ | | |") + (with_date ? " |" : "");
    for (const auto& d : a.dimensions) out += " " + fmt::format("{:.1f}", d.mean) + " |";
    out += "\n";
    if (!a.superseded.empty()) {
        out += std::string("\n") + kLeftOutHeading + "\n\n";
        for (const auto& l : a.superseded) out += "- " + left_out_item(l, esc) + "\n";
    }
    out += "\n### Overall levels\n\n| Level | Teams | Share |\n|:--|--:|--:|\n";
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
           "main { max-width: 1400px; margin: 0 auto; padding: 24px; }\n"
           "h1 { font-size: 24px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 28px 0 10px; "
           "border-bottom: 1px solid #d8dee4; padding-bottom: 4px; }\n"
           ".sub { color: #59636e; margin: 0; }\n"
           "table { border-collapse: collapse; }\n"
           "th, td { padding: 4px 8px; border: 1px solid #fff; text-align: center; }\n"
           "th { font-size: 12px; color: #59636e; font-weight: 600; vertical-align: bottom; }\n"
           ".heat th { padding: 4px 5px; }\n"
           // A team's name wraps between words, never letter by letter: the column keeps room for a word and the
           // table scrolls sideways in its box when the page is narrower than the table.
           ".scroll { overflow-x: auto; max-width: 100%; }\n"
           "td.team, th.team { text-align: left; min-width: 9em; max-width: 260px; overflow-wrap: normal; "
           "word-break: normal; hyphens: manual; }\n"
           "td.date { white-space: nowrap; color: #59636e; font-variant-numeric: tabular-nums; }\n"
           ".left-out { color: #59636e; margin: 8px 0 0; padding-left: 20px; }\n"
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

    const bool with_date = any_date(a);
    out += std::string("<h2>Levels by team and dimension</h2>\n<div class=\"scroll\">\n<table class=\"heat\">\n"
                       "<thead><tr><th class=\"team\">Team</th><th>Overall</th><th>Target</th>") +
           (with_date ? "<th>Date</th>" : "");
    for (const auto& d : a.dimensions) out += "<th title=\"" + h(d.id) + "\">" + h(d.name.empty() ? d.id : d.name) + "</th>";
    out += "</tr></thead>\n<tbody>\n";
    auto td = [&](int level) {
        if (level < 0) return std::string("<td class=\"none\">–</td>");
        return "<td class=\"lvl\" style=\"background:" + level_color(level, max) + "\">" + std::to_string(level) +
               "</td>";
    };
    for (const auto& t : a.teams) {
        out += "<tr><td class=\"team\" title=\"" + h(t.source) + "\">" + h(t.team) + "</td>" + td(t.overall_level) +
               "<td>" + (t.target ? std::to_string(*t.target) : "–") + "</td>";
        if (with_date)
            out += t.date.empty() ? std::string("<td class=\"date\">–</td>")
                                  : "<td class=\"date\"><time datetime=\"" + h(t.date) + "\">" + h(t.date) +
                                        "</time></td>";
        for (int l : t.levels) out += td(l);
        out += "</tr>\n";
    }
    out += std::string("<tr class=\"mean\"><td class=\"team\">Mean</td><td></td><td></td>") +
           (with_date ? "<td></td>" : "");
    for (const auto& d : a.dimensions) out += "<td>" + fmt::format("{:.1f}", d.mean) + "</td>";
    out += "</tr>\n</tbody>\n</table>\n</div>\n";
    if (!a.superseded.empty()) {
        out += std::string("<p class=\"sub\">") + kLeftOutHeading + "</p>\n<ul class=\"left-out\">\n";
        for (const auto& l : a.superseded) out += "<li>" + left_out_item(l, h) + "</li>\n";
        out += "</ul>\n";
    }

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
    std::string out = "team,source,overall,score,target";
    for (const auto& d : a.dimensions) out += "," + csv_cell(d.id);
    out += "\r\n";
    for (const auto& t : a.teams) {
        out += csv_cell(t.team) + "," + csv_cell(t.source) + "," + std::to_string(t.overall_level) +
               "," + fmt::format("{:.4f}", t.score) + "," + (t.target ? std::to_string(*t.target) : "");
        for (int l : t.levels) out += "," + (l < 0 ? std::string() : std::to_string(l));
        out += "\r\n";
    }
    return out;
}

}  // namespace mm
