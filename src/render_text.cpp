// The human report for a terminal: headline, dimension table with bars, and the gaps in priority order.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "mm/render.hpp"
#include "render_util.hpp"
#include "render_waivers.hpp"

namespace mm {

namespace {

using namespace render_util;

struct Style {
    bool on;
    std::string bold(const std::string& s) const { return styled(Ansi::Bold, s, on); }
    std::string dim(const std::string& s) const { return styled(Ansi::Dim, s, on); }
    std::string red(const std::string& s) const { return styled(Ansi::Red, s, on); }
    std::string green(const std::string& s) const { return styled(Ansi::Green, s, on); }
    std::string yellow(const std::string& s) const { return styled(Ansi::Yellow, s, on); }
    std::string cyan(const std::string& s) const { return styled(Ansi::Cyan, s, on); }
    std::string level(int lvl, int max, const std::string& s) const {
        if (lvl <= 0) return red(s);
        if (lvl >= max) return green(s);
        return lvl * 2 >= max ? green(s) : yellow(s);
    }
};

// Why the level is what it is: the dimensions that hold it, and what each needs for the next level. The
// one-screen summary passes `max_rows` (the rest counted on one line) and `one_line` (each row cut to a line).
std::string why_level_text(const Assessment& a, const QuestionnaireInfo& q, const Style& st, int width,
                           std::size_t max_rows = SIZE_MAX, bool one_line = false) {
    const auto reasons = why_level(a);
    if (reasons.empty()) return "";
    const int next = a.overall_level + 1;
    std::string out = "\n";
    // One dimension is named here: the text report has room for it.
    const std::string held = reasons.size() == 1 && a.dimensions.size() > 1
                                 ? "held by " + terminal_safe(reasons.front().dimension->name)
                                 : held_by_text(a, reasons.size());
    out += st.bold(fmt::format("Why level {}:", a.overall_level)) + " " + held + ". " +
           fmt::format("Level {} ({}) needs:", next, terminal_safe(q.level_name(next))) + "\n";
    int name_width = 8;
    for (const auto& r : reasons) name_width = std::max(name_width, display_width(terminal_safe(r.dimension->id)));
    name_width = std::min(name_width, width / 3);
    std::size_t rows = 0;
    for (const auto& r : reasons) {
        if (rows == max_rows) {
            out += "  " + st.dim(fmt::format("and {} more {}", reasons.size() - rows,
                                             reasons.size() - rows == 1 ? "dimension" : "dimensions") +
                                 " (--all or --roadmap shows them)") + "\n";
            break;
        }
        ++rows;
        std::string ids;
        for (const auto& m : r.missing) ids += (ids.empty() ? "" : ", ") + terminal_safe(m);
        if (ids.empty()) ids = "(nothing left at this level: the next level above is what holds it)";
        out += "  " + pad_right(truncate_to(terminal_safe(r.dimension->id), name_width), name_width) + "  " +
               (one_line ? truncate_to(ids, width - name_width - 4) : wrap(ids, width, name_width + 4)) + "\n";
    }
    return out;
}

// "Overall level 2: Automated training   (score 61%)".
std::string overall_line(const Assessment& a, int max, const Style& st) {
    return st.bold("Overall level ") +
           st.level(a.overall_level, max,
                    st.bold(fmt::format("{}: {}", a.overall_level, terminal_safe(a.overall_name)))) +
           fmt::format("   (score {})\n", percent(a.overall_score)) +
           (a.from_evidence ? st.yellow(from_evidence_text(a)) + "\n" : std::string()) +
           (a.up_to_level ? st.yellow("Capped: " + scope_note(a)) + "\n" : std::string());
}

// The staircase's table: each dimension's name, level, bar and progress.
std::string dimension_table(const Assessment& a, int max, const Style& st, int width) {
    int name_width = 10;
    for (const auto& d : a.dimensions) name_width = std::max(name_width, display_width(terminal_safe(d.name)));
    const int bar_cells = 16;
    name_width = std::min(name_width, width - (bar_cells + 22));
    std::string out = st.bold(pad_right("Dimension", name_width) + "  Level  " + pad_right("Progress", bar_cells) +
                              "  of " + std::to_string(max)) + "\n";
    for (const auto& d : a.dimensions) {
        std::string name = truncate_to(terminal_safe(d.name), name_width);
        if (const std::string why = left_out_reason(d); !why.empty()) {
            out += pad_right(name, name_width) + "  " + st.dim(pad_right("  –", 5) + "  " + why) + "\n";
            continue;
        }
        out += pad_right(name, name_width) + "  " +
               st.level(d.level, max, pad_right("  " + std::to_string(d.level), 5)) + "  " +
               st.cyan(bar(d.progress, max, bar_cells)) + "  " + one_decimal(d.progress) +
               (marks_weakest(a, d) ? st.dim("  ← weakest") : "") + "\n";
    }
    return out;
}

// The points method: the final score with its band, then each section's points (docs/scoring.md, "Points").
std::string points_block(const PointsResult& p, const Style& st, int width) {
    const bool low = p.final_score <= 1.0 + 1e-9, high = p.final_score > 3.0 + 1e-9;
    const std::string headline = st.bold(points_headline(p));
    std::string out = (low ? st.red(headline) : high ? st.green(headline) : st.yellow(headline)) + "\n\n";
    int name_width = 10;
    for (const auto& s : p.sections) name_width = std::max(name_width, display_width(terminal_safe(s.name)));
    const int bar_cells = 16;
    name_width = std::min(name_width, width - (bar_cells + 24));
    out += st.bold(pad_right("Section", name_width) + "  Points  " + pad_right("Progress", bar_cells) + "  of " +
                   points_text(p.sections.empty() ? 0.0 : p.sections.front().max)) + "\n";
    for (const auto& s : p.sections) {
        const int cells_max = static_cast<int>(std::clamp(s.max, 0.0, 1e6));
        out += pad_right(truncate_to(terminal_safe(s.name), name_width), name_width) + "  " +
               pad_right("  " + points_text(s.score), 6) + "  " + st.cyan(bar(s.score, cells_max, bar_cells)) +
               "  " + points_text(s.score) + "/" + points_text(s.max) +
               (is_weakest_section(p, s) ? st.dim("  ← weakest") : "") + "\n";
    }
    return out;
}

}  // namespace

std::string render_text_summary(const Report& r, const TextOptions& options, std::size_t top) {
    const Style st{options.color};
    const Assessment& a = r.assessment;
    const QuestionnaireInfo& q = r.questionnaire;
    const int width = std::max(options.width, 60);
    // Every line is cut to one screen line: the point of the summary is that nothing scrolls away.
    const int cut = width - 1;
    std::string out;
    std::string head = terminal_safe(q.title);
    if (!r.team.empty()) head += " · team " + terminal_safe(r.team);
    if (!r.date.empty()) head += " · " + terminal_safe(r.date);
    if (!r.commit.empty()) head += " · commit " + terminal_safe(r.commit.substr(0, 12));
    out += st.bold(truncate_to(head, cut - 4 - display_width(q.id) - display_width(q.version))) +
           st.dim(fmt::format(" ({} {})", terminal_safe(q.id), terminal_safe(q.version))) + "\n";
    if (a.points) out += st.bold(truncate_to(points_headline(*a.points), cut)) + "\n";
    else out += overall_line(a, q.max_level(), st);
    if (std::string w = render_waivers::headline(r); !w.empty()) out += st.yellow(truncate_to(terminal_safe(w), cut)) + "\n";
    if (a.target && !a.points)
        out += truncate_to(fmt::format("Target level {}: {} ({})", a.target->level,
                                       terminal_safe(q.level_name(a.target->level)), target_source(*a.target)),
                           cut) + "\n";
    // Three rows keep the screen for the next steps; the rest are counted.
    out += why_level_text(a, q, st, cut, 3, true);
    out += "\n";
    if (a.gaps.empty()) {
        out += st.green("No gaps: every applicable practice is in place.") + "\n";
    } else {
        const std::size_t shown = std::min(top, a.gaps.size());
        out += st.bold(fmt::format("Next steps ({} of {}, in priority order)", shown,
                                   plural(a.gaps.size(), "gap", "gaps"))) + "\n";
        // Columns: number, practice id, "dimension, level N", then the practice cut to the line.
        int id_width = 0, where_width = 0;
        std::vector<std::string> wheres;
        for (std::size_t i = 0; i < shown; ++i) {
            const Gap& g = a.gaps[i];
            id_width = std::max(id_width, display_width(terminal_safe(g.question)));
            wheres.push_back(a.points ? fmt::format("{}, {}", terminal_safe(g.dimension), points_state(g))
                                      : fmt::format("{}, level {}", terminal_safe(g.dimension), g.level));
            where_width = std::max(where_width, display_width(wheres.back()));
        }
        id_width = std::min(id_width, cut / 3);
        where_width = std::min(where_width, cut / 3);
        const int number_width = static_cast<int>(std::to_string(shown).size());
        for (std::size_t i = 0; i < shown; ++i) {
            const Gap& g = a.gaps[i];
            std::string line = fmt::format("  {:>{}}. ", i + 1, number_width) +
                               pad_right(truncate_to(terminal_safe(g.question), id_width), id_width) + "  ";
            std::string where = pad_right(truncate_to(wheres[i], where_width), where_width);
            std::string practice = terminal_safe(g.practice);
            if (g.next_option) practice = "Next: " + terminal_safe(g.next_option_text) + ". " + practice;
            if (const WaiverResult* w = render_waivers::of_gap(r, g.question)) practice = "[" + waiver_text(*w) + "] " + practice;
            const int room = cut - display_width(line) - where_width - 2;
            out += st.bold(line) + st.dim(where) + "  " + (room > 8 ? truncate_to(practice, room) : "") + "\n";
        }
    }
    return out;
}

std::string render_text(const Report& r, const TextOptions& options) {
    const Style st{options.color};
    const Assessment& a = r.assessment;
    const QuestionnaireInfo& q = r.questionnaire;
    const int width = std::max(options.width, 60);
    const int max = q.max_level();
    std::string out;

    out += st.bold(terminal_safe(q.title)) +
           st.dim(fmt::format(" ({} {})", terminal_safe(q.id), terminal_safe(q.version))) + "\n";
    if (!r.team.empty()) out += "Team: " + terminal_safe(r.team) + "\n";
    if (!r.date.empty()) out += "Date: " + terminal_safe(r.date) + "\n";
    if (!r.commit.empty()) out += "Commit: " + terminal_safe(r.commit) + "\n";
    out += "\n";
    if (a.points) out += points_block(*a.points, st, width);
    else out += overall_line(a, max, st);
    if (std::string w = render_waivers::headline(r); !w.empty()) out += st.yellow(wrap(terminal_safe(w), width, 2)) + "\n";
    if (a.target && !a.points) {
        out += wrap(fmt::format("Target level {}: {} ({}). {}", a.target->level,
                                terminal_safe(q.level_name(a.target->level)), target_source(*a.target),
                                terminal_safe(a.target->reason)),
                    width, 2) + "\n";
    }
    for (const auto& s : a.see_also)
        out += wrap(fmt::format("See also: mlops-maturity assess -q {} ({}).", terminal_safe(s.questionnaire),
                                terminal_safe(s.because)),
                    width, 2) + "\n";
    out += why_level_text(a, q, st, width);
    out += "\n";

    out += a.points ? std::string() : dimension_table(a, max, st, width) + "\n";

    // Gaps, grouped by priority.
    if (a.gaps.empty()) {
        out += st.green("No gaps: every applicable practice is in place.") + "\n";
    } else {
        std::size_t optional_count = 0;
        for (const auto& g : a.gaps) optional_count += g.group == GapGroup::Optional;
        out += st.bold(a.points ? "Next steps (" + points_gaps_heading(a.gaps.size()) + ")"
                                : fmt::format("Next steps ({} gaps, in priority order)", a.gaps.size())) + "\n";
        GapGroup current = GapGroup::Next;
        bool first = true;
        if (a.points) out += "\n";
        for (const auto& g : a.gaps) {
            if (!a.points && (first || g.group != current)) {
                current = g.group;
                first = false;
                std::string heading = current == GapGroup::Blocking ? "Blocking the next level"
                                      : current == GapGroup::Next   ? (a.target && a.target->source == "gate"
                                                                           ? "Required by the gate"
                                                                           : "Then")
                                                                    : "Beyond your target (optional)";
                out += "\n" + st.bold(heading) + "\n";
            }
            std::string status = g.unanswered ? ", unanswered" : g.credit > 0 ? ", partly in place" : "";
            const WaiverResult* waiver = render_waivers::of_gap(r, g.question);
            if (waiver && waiver->status == WaiverStatus::Valid) status += ", waived";
            std::string head = fmt::format("{:>3}. {} ", g.priority, terminal_safe(g.question));
            std::string where = st.dim(a.points ? fmt::format("[{}, {}]", terminal_safe(g.dimension), points_state(g))
                                                : fmt::format("[{}, level {}{}]", terminal_safe(g.dimension), g.level,
                                                              status));
            if (g.group == GapGroup::Optional && !options.show_all) {
                out += head + where + "\n";
                continue;
            }
            out += st.bold(head) + where + "\n";
            if (waiver) {
                const std::string line = wrap(terminal_safe(render_waivers::sentence(*waiver)), width, 5);
                out += "     " + (waiver->status == WaiverStatus::Valid ? st.cyan(line) : st.yellow(line)) + "\n";
            }
            std::string practice = terminal_safe(g.practice);
            if (g.next_option) practice = "Next: " + terminal_safe(g.next_option_text) + ". " + practice;
            out += "     " + wrap(practice, width, 5) + "\n";
            if (!g.tools.empty()) {
                std::string tools;
                for (const auto& t : g.tools) tools += (tools.empty() ? "" : ", ") + terminal_safe(t);
                out += "     " + st.dim(wrap("Tools: " + tools, width, 5)) + "\n";
            }
        }
        if (optional_count > 0 && !options.show_all)
            out += "\n" + st.dim(fmt::format("{} practices beyond the target are listed by id; --all shows them in full.",
                                             optional_count)) + "\n";
    }

    std::size_t not_asked = 0, not_applicable = 0;
    for (const auto& qr : a.questions) {
        not_asked += qr.status == QuestionStatus::NotAsked;
        not_applicable += qr.status == QuestionStatus::NotApplicable;
    }
    if (!a.unanswered.empty() || not_asked || not_applicable) {
        out += "\n";
        if (!a.unanswered.empty())
            out += st.yellow(fmt::format("{} question{} unanswered (counted as not in place).", a.unanswered.size(),
                                         a.unanswered.size() == 1 ? "" : "s")) + "\n";
        if (not_asked)
            out += fmt::format("{} question{} not asked for this profile; {} answered n/a.\n", not_asked,
                               not_asked == 1 ? "" : "s", not_applicable);
        else if (not_applicable)
            out += fmt::format("{} question{} answered n/a.\n", not_applicable, not_applicable == 1 ? "" : "s");
    }

    if (r.contradictions && !r.contradictions->empty()) {
        out += "\n" + st.yellow(st.bold(fmt::format("Answers the repository contradicts ({})", r.contradictions->size()))) + "\n";
        for (const auto& c : *r.contradictions) {
            std::string why = c.kind == Contradiction::Kind::NoButEvidence ? "answered no, but evidence found"
                                                                           : "answered yes, no evidence found";
            if (!c.evidence.empty()) {
                const EvidenceHit& h = c.evidence.front();
                why += ": " + terminal_safe(h.path) + (h.line > 0 ? ":" + std::to_string(h.line) : "");
                if (c.evidence.size() > 1) why += fmt::format(" (+{} more)", c.evidence.size() - 1);
            }
            out += "  " + terminal_safe(c.question) + "  " + st.dim(why) + "\n";
        }
    }

    if (!r.respondents.empty()) {
        std::string names;
        for (const auto& n : r.respondents) names += (names.empty() ? "" : ", ") + terminal_safe(n);
        out += "\n" + wrap(fmt::format("Respondents ({}): {}; merged by the lower median.", r.respondents.size(), names),
                           width, 2) + "\n";
        if (r.disagreements.empty()) out += "They agree on every question (within a step).\n";
        else out += st.yellow(st.bold(fmt::format("They disagree on {} ({})", plural(r.disagreements.size(), "question", "questions"),
                                                   "a whole step or more"))) + "\n";
        for (const auto& line : disagreement_lines(r.disagreements)) out += "  " + wrap(terminal_safe(line), width, 4) + "\n";
    }

    if (r.gate) {
        out += "\n";
        if (r.gate->passed)
            out += st.green("Gate passed") + " (" + gate_bars(*r.gate, terminal_safe, " >= ") + ")\n";
        else
            out += st.red("Gate failed") + ": " + gate_failures(*r.gate, terminal_safe) + "\n";
    }
    return out;
}

}  // namespace mm
