// A team's levels over time (`mlops-maturity history`): saved reports of one questionnaire, ordered by date, with
// the practices adopted and lost between consecutive ones. build_history is pure (no I/O); the renderers lay the
// result out as text, JSON, Markdown or an HTML page with an inline SVG line chart.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "mm/diff.hpp"
#include "mm/report.hpp"

namespace mm {

struct TextOptions;

// A saved report and where it was read from (the name shown for it).
struct NamedReport {
    std::string source;
    Report report;
};

// One report in the history.
struct HistoryPoint {
    std::string source;
    std::string date;  // YYYY-MM-DD
    std::string team;
    std::string questionnaire_version;
    int rule = 1;
    int overall_level = 0;
    double score = 0.0;
    // A level per dimension of History::dimensions, in that order; -1 when this report does not have the
    // dimension or did not assess it.
    std::vector<int> levels;
};

// From one report to the next.
struct HistoryStep {
    std::size_t from = 0, to = 0;  // indexes into History::points
    std::vector<PracticeChange> adopted;
    std::vector<PracticeChange> lost;
};

struct History {
    QuestionnaireInfo questionnaire;  // the latest report's
    std::vector<std::pair<std::string, std::string>> dimensions;  // id and name: the latest report's, then older ones
    std::vector<HistoryPoint> points;                             // ordered by date (then by source)
    std::vector<HistoryStep> steps;                               // points.size() - 1 of them
    // What makes the comparison suspect, one sentence each: several teams, several questionnaire versions or
    // digests, several scoring rules. Every format shows them.
    std::vector<std::string> notes;
};

// Orders the reports by date and compares consecutive ones. Throws InputError (naming the report) when there are
// none, when one has no date, or when they are of different questionnaires (by id).
History build_history(std::vector<NamedReport> reports);

std::string render_history_text(const History& h, const TextOptions& options);
std::string render_history_json(const History& h);
std::string render_history_markdown(const History& h);
// One self-contained page (no script, no network): a line chart of the overall and dimension levels over time as
// inline SVG, the table, and the practices adopted and lost.
std::string render_history_html(const History& h);

}  // namespace mm
