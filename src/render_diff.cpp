// Laying out a ReportDiff as text (terminal), JSON (machines) and Markdown (merge requests, step summaries).
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>

#include "mm/diff.hpp"
#include "mm/render.hpp"
#include "render_util.hpp"
#include "json_text.hpp"

namespace mm {

namespace {

using namespace render_util;
using ojson = nlohmann::ordered_json;

std::string arrow(int change) {
    if (change > 0) return "▲ +" + std::to_string(change);
    if (change < 0) return "▼ " + std::to_string(change);
    return "=";
}

std::string level_and_name(const QuestionnaireInfo& q, int level) {
    std::string name = q.level_name(level);
    return std::to_string(level) + (name.empty() ? "" : ": " + name);
}

// ---- by points (a questionnaire scored like the ML Test Score) ----

// "▲ +1.5", "▼ -0.5" or "=".
std::string points_arrow(double change) {
    if (change > 1e-9) return "▲ +" + points_text(change);
    if (change < -1e-9) return "▼ " + points_text(change);
    return "=";
}

// One section's points in the two reports; absent in one when the questionnaire changed.
struct SectionChange {
    std::string id, name;
    std::optional<double> old_score, new_score;
};

std::vector<SectionChange> section_changes(const ReportDiff& d) {
    std::vector<SectionChange> out;
    for (const auto& n : d.new_points->sections) out.push_back({n.id, n.name, std::nullopt, n.score});
    for (const auto& o : d.old_points->sections) {
        auto it = std::find_if(out.begin(), out.end(), [&](const SectionChange& c) { return c.id == o.id; });
        if (it == out.end()) out.push_back({o.id, o.name, o.score, std::nullopt});
        else it->old_score = o.score;
    }
    return out;
}

// "Final score 1.5 → 3" (raw text: no report text is in it).
std::string final_change(const ReportDiff& d) {
    return "Final score " + points_text(d.old_points->final_score) + " → " + points_text(d.new_points->final_score);
}

std::string band_change(const ReportDiff& d) {
    return d.old_points->band == d.new_points->band ? d.new_points->band
                                                    : d.old_points->band + " → " + d.new_points->band;
}

std::string opt_points(const std::optional<double>& x) { return x ? points_text(*x) : "-"; }

struct Section {
    const char* title;
    const char* mark;
    const std::vector<PracticeChange>* items;
};

std::vector<Section> sections(const ReportDiff& d) {
    return {{"Newly adopted", "+", &d.adopted},
            {"Newly lost", "-", &d.lost},
            {"Newly open (not asked or n/a before)", "!", &d.newly_open},
            {"No longer asked (or now n/a)", "~", &d.dropped},
            {"Still open", "·", &d.still_open}};
}

}  // namespace

std::string render_diff_text(const ReportDiff& d, const TextOptions& options) {
    const bool color = options.color;
    auto paint = [color](Ansi style, const std::string& s) { return styled(style, s, color); };
    auto change = [&](int c) { return paint(c > 0 ? Ansi::Green : c < 0 ? Ansi::Red : Ansi::Dim, arrow(c)); };
    auto points_change = [&](double c) {
        return paint(c > 1e-9 ? Ansi::Green : c < -1e-9 ? Ansi::Red : Ansi::Dim, points_arrow(c));
    };
    const QuestionnaireInfo& q = d.questionnaire;
    const int width = std::max(options.width, 60);
    std::string out;

    out += paint(Ansi::Bold, terminal_safe(q.title)) + fmt::format(" ({})", terminal_safe(q.id));
    if (!d.old_team.empty() || !d.new_team.empty()) {
        std::string teams = d.old_team == d.new_team ? terminal_safe(d.new_team)
                                                     : terminal_safe(d.old_team) + " → " + terminal_safe(d.new_team);
        out += ": " + teams;
    }
    out += "\n";
    if (d.old_version != d.new_version)
        out += fmt::format("Questionnaire version {} → {}\n", terminal_safe(d.old_version), terminal_safe(d.new_version));
    if (!d.old_date.empty() || !d.new_date.empty())
        out += "Assessed " + terminal_safe(d.old_date.empty() ? "(no date)" : d.old_date) + " → " +
               terminal_safe(d.new_date.empty() ? "(no date)" : d.new_date) + "\n";
    out += "\n";

    if (d.by_points()) {
        // Scored by points: the final score and each section's points take the place of the levels.
        out += paint(Ansi::Bold, final_change(d)) + "  " +
               points_change(d.new_points->final_score - d.old_points->final_score) + "   (band " + band_change(d) +
               ")\n\n";
        const auto rows = section_changes(d);
        int name_width = 9;
        for (const auto& c : rows) name_width = std::max(name_width, display_width(terminal_safe(c.name)));
        name_width = std::min(name_width, width - 30);
        out += paint(Ansi::Bold, pad_right("Section", name_width) + "  Old  New  Change") + "\n";
        for (const auto& c : rows)
            out += pad_right(truncate_to(terminal_safe(c.name.empty() ? c.id : c.name), name_width), name_width) +
                   fmt::format("  {:>3}  {:>3}  ", opt_points(c.old_score), opt_points(c.new_score)) +
                   (c.old_score && c.new_score ? points_change(*c.new_score - *c.old_score)
                                               : std::string(c.old_score ? "removed" : "new")) +
                   "\n";
    } else {
        out += paint(Ansi::Bold, "Overall level ") + terminal_safe(level_and_name(q, d.overall.old_level)) + " → " +
               terminal_safe(level_and_name(q, d.overall.new_level)) + "  " + change(d.overall.change()) +
               fmt::format("   (score {} → {})\n\n", percent(d.old_score), percent(d.new_score));
        int name_width = 9;
        for (const auto& c : d.dimensions) name_width = std::max(name_width, display_width(terminal_safe(c.name)));
        name_width = std::min(name_width, width - 30);
        out += paint(Ansi::Bold, pad_right("Dimension", name_width) + "  Old  New  Change") + "\n";
        for (const auto& c : d.dimensions) {
            std::string name = truncate_to(terminal_safe(c.name.empty() ? c.id : c.name), name_width);
            std::string old_level = c.in_old ? std::to_string(c.old_level) : "-";
            std::string new_level = c.in_new ? std::to_string(c.new_level) : "-";
            std::string what = !c.in_old ? "new" : !c.in_new ? "removed" : change(c.change());
            out += pad_right(name, name_width) + fmt::format("  {:>3}  {:>3}  ", old_level, new_level) + what + "\n";
        }
    }

    for (const auto& s : sections(d)) {
        if (s.items->empty()) continue;
        out += "\n" + paint(Ansi::Bold, fmt::format("{} ({})", s.title, s.items->size())) + "\n";
        for (const auto& p : *s.items) {
            std::string level = p.old_level >= 0 && p.old_level != p.level
                                    ? fmt::format("level {} → {}", p.old_level, p.level)
                                    : fmt::format("level {}", p.level);
            out += fmt::format("  {} {} ", s.mark, terminal_safe(p.question)) +
                   paint(Ansi::Dim, d.by_points() ? "[" + terminal_safe(p.dimension) + "]"
                                            : fmt::format("[{}, {}]", terminal_safe(p.dimension), level)) +
                   "\n";
        }
    }
    if (d.adopted.empty() && d.lost.empty() && d.newly_open.empty() && d.dropped.empty() && d.still_open.empty())
        out += "\nNo gaps in either report.\n";
    if (d.regressed())
        out += "\n" + paint(Ansi::Red, d.by_points() ? "Regression: the final score or a section's points went down."
                                                 : "Regression: a level went down.") + "\n";
    return out;
}

std::string render_diff_json(const ReportDiff& d) {
    ojson j;
    j["diff_schema_version"] = 1;
    j["questionnaire"] = {{"id", d.questionnaire.id},
                          {"old_version", d.old_version},
                          {"new_version", d.new_version},
                          {"old_digest", d.old_digest},
                          {"new_digest", d.new_digest}};
    j["old_team"] = d.old_team;
    j["new_team"] = d.new_team;
    if (!d.old_date.empty()) j["old_date"] = d.old_date;
    if (!d.new_date.empty()) j["new_date"] = d.new_date;
    j["overall"] = {{"old", d.overall.old_level},
                    {"new", d.overall.new_level},
                    {"change", d.overall.change()},
                    {"old_score", d.old_score},
                    {"new_score", d.new_score}};
    if (d.by_points()) {  // scored by points: additive
        ojson sections = ojson::array();
        for (const auto& c : section_changes(d)) {
            ojson sj{{"id", c.id}, {"name", c.name}};
            sj["old"] = c.old_score ? ojson(*c.old_score) : ojson(nullptr);
            sj["new"] = c.new_score ? ojson(*c.new_score) : ojson(nullptr);
            sj["change"] = c.old_score && c.new_score ? ojson(*c.new_score - *c.old_score) : ojson(nullptr);
            sections.push_back(std::move(sj));
        }
        j["points"] = {{"old_final", d.old_points->final_score},
                       {"new_final", d.new_points->final_score},
                       {"change", d.new_points->final_score - d.old_points->final_score},
                       {"old_band", d.old_points->band},
                       {"new_band", d.new_points->band},
                       {"sections", sections}};
    }
    ojson dims = ojson::array();
    for (const auto& c : d.dimensions) {
        ojson dj{{"id", c.id}, {"name", c.name}};
        dj["old"] = c.in_old ? ojson(c.old_level) : ojson(nullptr);
        dj["new"] = c.in_new ? ojson(c.new_level) : ojson(nullptr);
        dj["change"] = c.in_old && c.in_new ? ojson(c.change()) : ojson(nullptr);
        dims.push_back(std::move(dj));
    }
    j["dimensions"] = dims;
    auto list = [](const std::vector<PracticeChange>& items) {
        ojson a = ojson::array();
        for (const auto& p : items) {
            ojson pj{{"question", p.question}, {"dimension", p.dimension}, {"level", p.level}};
            if (p.old_level >= 0) pj["old_level"] = p.old_level;
            pj["text"] = p.text;
            pj["practice"] = p.practice;
            a.push_back(std::move(pj));
        }
        return a;
    };
    j["adopted"] = list(d.adopted);
    j["lost"] = list(d.lost);
    j["newly_open"] = list(d.newly_open);
    j["dropped"] = list(d.dropped);
    j["still_open"] = list(d.still_open);
    j["regressed"] = d.regressed();
    return json_text(j);
}

std::string render_diff_markdown(const ReportDiff& d) {
    auto esc = [](const std::string& s) { return markdown_escape(s); };
    auto change = [](int c) { return c > 0 ? "🟢 " + arrow(c) : c < 0 ? "🔴 " + arrow(c) : std::string("="); };
    const QuestionnaireInfo& q = d.questionnaire;
    std::string out = "## Maturity change: " + esc(q.title.empty() ? q.id : q.title);
    if (!d.new_team.empty()) out += ": " + esc(d.new_team);
    out += "\n\n";
    if (!d.old_date.empty() || !d.new_date.empty())
        out += "Assessed " + esc(d.old_date.empty() ? "(no date)" : d.old_date) + " → " +
               esc(d.new_date.empty() ? "(no date)" : d.new_date) + "\n\n";
    if (d.by_points()) {
        const double c = d.new_points->final_score - d.old_points->final_score;
        out += "**" + final_change(d) + "** " + (c > 1e-9 ? "🟢 " : c < -1e-9 ? "🔴 " : "") + points_arrow(c) +
               " · band " + band_change(d) + "\n\n";
        if (d.regressed())
            out += "> [!WARNING]\n> The final score or a section's points went down since the previous assessment.\n\n";
        out += "| Section | Old | New | Change |\n|:--|:-:|:-:|:--|\n";
        for (const auto& s : section_changes(d))
            out += "| " + esc(s.name.empty() ? s.id : s.name) + " | " + opt_points(s.old_score) + " | " +
                   opt_points(s.new_score) + " | " +
                   (s.old_score && s.new_score ? points_arrow(*s.new_score - *s.old_score)
                                               : std::string(s.old_score ? "removed" : "new")) +
                   " |\n";
    } else {
        out += "**Overall level " + esc(level_and_name(q, d.overall.old_level)) + " → " +
               esc(level_and_name(q, d.overall.new_level)) + "** " + change(d.overall.change()) + " · score " +
               percent(d.old_score) + " → " + percent(d.new_score) + "\n\n";
        if (d.regressed()) out += "> [!WARNING]\n> A level went down since the previous assessment.\n\n";
        out += "| Dimension | Old | New | Change |\n|:--|:-:|:-:|:--|\n";
        for (const auto& c : d.dimensions) {
            out += "| " + esc(c.name.empty() ? c.id : c.name) + " | " + (c.in_old ? std::to_string(c.old_level) : "–") +
                   " | " + (c.in_new ? std::to_string(c.new_level) : "–") + " | " +
                   (!c.in_old ? std::string("new") : !c.in_new ? std::string("removed") : change(c.change())) + " |\n";
        }
    }
    for (const auto& s : sections(d)) {
        if (s.items->empty()) continue;
        const bool fold = s.items == &d.still_open;
        if (fold)
            out += "\n<details><summary>Still open (" + std::to_string(s.items->size()) + ")</summary>\n\n";
        else
            out += "\n### " + std::string(s.title) + " (" + std::to_string(s.items->size()) + ")\n\n";
        for (const auto& p : *s.items) {
            bool done = s.items == &d.adopted;
            out += std::string(done ? "- [x] " : "- [ ] ") + esc(p.text.empty() ? p.question : p.text) + " (" +
                   esc(p.question) + ", " + esc(p.dimension) + ", level " + std::to_string(p.level) + ")\n";
        }
        if (fold) out += "\n</details>\n";
    }
    return out;
}

}  // namespace mm
