// Small layout helpers shared by the report renderers (private to the library).
#pragma once

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <string>

#include "mm/render.hpp"
#include "mm/report.hpp"

namespace mm::render_util {

// A colour for a level, as a CSS/SVG colour: red (0), orange, amber, green, dark green (the top level); a
// questionnaire with fewer levels spreads them over the same scale. White text reads on each.
inline std::string level_color(int level, int max) {
    static const char* const stops[] = {"#cf222e", "#dd6b20", "#b7870f", "#2f9a4a", "#1a6b34"};
    double t = max > 0 ? std::clamp(static_cast<double>(level) / max, 0.0, 1.0) : 1.0;
    return stops[static_cast<int>(std::lround(t * 4))];
}

// A value as the JSON report stores it (four decimals). Renderers lay out stored values, so a report rendered
// by `assess` and the same report rendered later from its JSON agree to the byte.
inline double stored(double x) { return round_within_whole(x); }

// A score as a whole percentage; 100% only when it is complete. The value is already rounded to hundredths, so
// fmt's "{:.0f}" only formats it; unlike lround it takes any double (a saved report's score of 1e18, NaN).
// "+ 0.0" turns -0 into 0.
inline std::string percent(double x) {
    return fmt::format("{:.0f}%", round_within_whole(stored(x), 100.0) * 100 + 0.0);
}

// One decimal, as the text report prints progress ("1.5"); a progress short of a level never shows as it.
// Formatted by fmt, not through lround and labs, which overflow from about 1e18 (it crashed the text, HTML and
// Markdown reports of a saved report with such a progress).
inline std::string one_decimal(double x) {
    return fmt::format("{:.1f}", round_within_whole(stored(x), 10.0) + 0.0);
}

// A progress bar of `cells` block characters, filled in proportion to progress / max_level.
inline std::string bar(double progress, int max_level, int cells) {
    double fraction = max_level > 0 ? std::clamp(stored(progress) / max_level, 0.0, 1.0) : 1.0;
    if (std::isnan(fraction)) fraction = 0.0;  // std::clamp passes NaN through, and lround(NaN) is unspecified
    int filled = static_cast<int>(std::lround(fraction * cells));
    std::string out;
    for (int i = 0; i < cells; ++i) out += i < filled ? "█" : "░";
    return out;
}

inline const char* target_source(const Target& t) {
    if (t.source == "given") return "given";
    if (t.source == "gate") return "required by the gate";
    return "recommended";
}

// An id as Markdown inline code when it is a plain identifier; anything else is escaped text, since a code span
// cannot hold every character safely (backticks, pipes in tables).
inline std::string markdown_code(const std::string& id) {
    const bool plain = !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
               c == '.';
    });
    return plain ? "`" + id + "`" : markdown_escape(id);
}

// Why the overall level is not higher: each dimension at the overall level, with the defining practices of its
// next level that are not in place (scoring's held_by and missing_for_next, in report order). None under the points
// method: its levels are still computed, but no report explains them (the final score takes their place).
struct LevelReason {
    const DimensionResult* dimension;
    const std::vector<std::string>& missing;
};
inline std::vector<LevelReason> why_level(const Assessment& a) {
    std::vector<LevelReason> out;
    if (a.points) return out;
    for (const auto& d : a.dimensions)
        if (std::find(a.held_by.begin(), a.held_by.end(), d.id) != a.held_by.end())
            out.push_back({&d, d.missing_for_next});
    return out;
}

// Why a dimension has no level to show in the table, or "": nothing in it applies, or (from evidence) the files do
// not show its level 1 (no file can, or its practices usually live outside the repository and none was found).
// Either way it does not hold the overall level.
inline std::string left_out_reason(const DimensionResult& d) {
    if (!d.assessed) return "not assessed: nothing here applies";
    if (!d.shown) return "needs a person: the files do not show level 1";
    return "";
}

// "Weakest" marks the dimensions that hold the overall level, only when it tells them apart from the rest.
inline bool marks_weakest(const Assessment& a, const DimensionResult& d) {
    return a.held_by.size() < a.dimensions.size() &&
           std::find(a.held_by.begin(), a.held_by.end(), d.id) != a.held_by.end();
}

// What a passed gate checked, "overall ≥ 2, data ≥ 3", with dimension ids passed through `escape` (the format's
// escaper for untrusted text) and `at_least` between id and level.
template <class Escape>
std::string gate_bars(const GateResult& gate, Escape escape, const std::string& at_least = " ≥ ") {
    std::string out;
    for (const auto& b : gate.bars)
        out += (out.empty() ? "" : ", ") + (b.dimension.empty() ? std::string("overall") : escape(b.dimension)) +
               at_least + std::to_string(b.level);
    if (gate.min_score) out += (out.empty() ? "" : ", ") + std::string("final score") + at_least + points_text(*gate.min_score);
    return out;
}

// Why a gate failed: its failures, escaped, joined by "; ".
template <class Escape>
std::string gate_failures(const GateResult& gate, Escape escape) {
    std::string out;
    for (const auto& f : gate.failures) out += (out.empty() ? "" : "; ") + escape(f);
    return out;
}

inline const char* group_heading(GapGroup g, const std::optional<Target>& target = std::nullopt) {
    switch (g) {
        case GapGroup::Blocking: return "Blocking the next level";
        case GapGroup::Next: return target && target->source == "gate" ? "Required by the gate" : "Then, up to the target";
        case GapGroup::Optional: return "Beyond the target (optional)";
    }
    return "";
}

// "unanswered", "partly in place" or "" for a gap.
inline std::string gap_status(const Gap& g) {
    if (g.unanswered) return "unanswered";
    if (g.credit > 0) return "partly in place";
    return "";
}

inline std::string plural(std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

// ---- the points method (docs/scoring.md, "Points (ML Test Score)") ----

// "Final score 1.5 of 7: A first pass at making it production-ready". Raw text: no report text is in it.
inline std::string points_headline(const PointsResult& p) {
    return "Final score " + points_text(p.final_score) + " of " + points_text(points_ceiling(p)) + ": " +
           points_band_text(p.band);
}

// Where a test stands, for the gap list: "not done", "manual" or "unanswered".
inline std::string points_state(const Gap& g) {
    if (g.unanswered) return "unanswered";
    return g.credit > 0 ? "manual" : "not done";
}

// The heading of a points report's gap list.
inline std::string points_gaps_heading(std::size_t n) {
    return plural(n, "test", "tests") + " not yet automated, lowest section first";
}

// Lookups a renderer needs over a report: dimension names by id, notes by question.
struct Index {
    std::map<std::string, std::string> dimension_names;
    std::map<std::string, std::string> notes;

    explicit Index(const Report& r) {
        for (const auto& d : r.assessment.dimensions) dimension_names[d.id] = d.name;
        for (const auto& q : r.assessment.questions)
            if (!q.note.empty()) notes[q.question] = q.note;
    }
    std::string dimension_name(const std::string& id) const {
        auto it = dimension_names.find(id);
        return it == dimension_names.end() || it->second.empty() ? id : it->second;
    }
    std::string note(const std::string& question) const {
        auto it = notes.find(question);
        return it == notes.end() ? std::string() : it->second;
    }
};

struct Counts {
    std::size_t unanswered = 0, not_asked = 0, not_applicable = 0;
    explicit Counts(const Assessment& a) {
        unanswered = a.unanswered.size();
        for (const auto& q : a.questions) {
            not_asked += q.status == QuestionStatus::NotAsked;
            not_applicable += q.status == QuestionStatus::NotApplicable;
        }
    }
};

// What a contradiction (assess --scan) says, for the Markdown and HTML reports.
inline const char* contradiction_text(Contradiction::Kind kind) {
    return kind == Contradiction::Kind::NoButEvidence ? "answered no, but evidence exists"
                                                      : "answered yes, nothing in the repository shows it";
}

// "src/train.py:3", or the path alone for a path rule (raw: the caller escapes it).
inline std::string hit_location(const EvidenceHit& h) {
    return h.path + (h.line > 0 ? ":" + std::to_string(h.line) : std::string());
}

// Who holds the overall level, after "Why level N:": "every dimension is at level N" when all of them do, else
// "held by 3 dimensions" (`held`: the number of why_level's reasons). Raw text: no report text is in it.
inline std::string held_by_text(const Assessment& a, std::size_t held) {
    return held == a.dimensions.size() ? "every dimension is at level " + std::to_string(a.overall_level)
                                       : "held by " + plural(held, "dimension", "dimensions");
}

// "Level from evidence: 1; 12 questions need a person (not counted as no)." (with "; 2 dimensions the files do
// not show, left out" before the stop when some are) for an assessment from evidence (assess --scan with answers
// missing; docs/scoring.md, "From evidence"), else "". Raw text: the ids are not in it.
inline std::string from_evidence_text(const Assessment& a) {
    if (!a.from_evidence) return {};
    const auto not_shown = static_cast<std::size_t>(
        std::count_if(a.dimensions.begin(), a.dimensions.end(), [](const DimensionResult& d) { return !d.shown; }));
    return "Level from evidence: " + std::to_string(a.overall_level) + "; " +
           plural(a.needs_person.size(), "question needs", "questions need") + " a person (not counted as no)" +
           (not_shown ? "; " + plural(not_shown, "dimension", "dimensions") + " the files do not show, left out" : "") + ".";
}

// "levels above 2 not assessed (37 questions left out)" when the answers assessed only the levels up to 2
// (docs/scoring.md, "Scope"), else "": every format shows it by the overall level, which is capped there.
inline std::string scope_note(const Assessment& a) {
    if (!a.up_to_level) return "";
    std::size_t n = 0;
    for (const auto& q : a.questions) n += q.status == QuestionStatus::NotAssessed;
    return "levels above " + std::to_string(*a.up_to_level) + " not assessed (" +
           plural(n, "question", "questions") + " left out)";
}

}  // namespace mm::render_util
