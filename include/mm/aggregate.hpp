// Many teams' reports of one questionnaire side by side (`mlops-maturity aggregate`): a team x dimension heatmap,
// the distribution of overall levels, and the practices missing most often. Pure: reports in, a value out.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "mm/report.hpp"

namespace mm {

struct TeamRow {
    std::string team;
    std::string source;          // the report's file name
    std::string date;            // the report's date (YYYY-MM-DD), or empty
    int overall_level = 0;
    double score = 0.0;
    std::optional<int> target;
    std::vector<int> levels;     // per Aggregate::dimensions; -1 when the report lacks that dimension or gives it no level (not assessed, not shown)
    std::size_t gaps = 0;
};

struct DimensionColumn {
    std::string id;
    std::string name;
    std::vector<std::size_t> distribution;  // teams per level 0..max
    double mean = 0.0;                      // mean level over teams that have the dimension
};

struct MissingPractice {
    std::string question;
    std::string dimension;
    int level = 0;
    std::string text;
    std::string practice;
    std::size_t needed = 0;    // teams for which it is a gap up to their target (blocking or next)
    std::size_t blocking = 0;  // teams for which it blocks their next level
    std::size_t missing = 0;   // teams for which it is a gap at all (optional ones included)
};

// A report left out because a later report of the same team was given (Aggregator::add).
struct Superseded {
    std::string team;
    std::string source, date;            // the report left out
    std::string kept_source, kept_date;  // the team's report that is shown
};

struct Aggregate {
    QuestionnaireInfo questionnaire;          // of the first report
    std::vector<DimensionColumn> dimensions;  // in the first report's order, then any others as they appear
    std::vector<TeamRow> teams;               // in the order added
    std::vector<std::size_t> overall_distribution;  // teams per overall level 0..max
    std::vector<MissingPractice> most_missing;      // by needed, then blocking, then missing, then level and id
    std::size_t practices_missing = 0;              // distinct practices missing in at least one team
    std::size_t digests = 0;                        // distinct questionnaire digests seen (1 when all agree)
    std::vector<int> rules;                         // distinct scoring rules of the reports kept, ascending
    std::vector<Superseded> superseded;             // in the order the left-out reports were given
    // Some report was scored by points (ml-test-score): aggregate compares levels only, which for such a
    // questionnaire say only whether every test is automated; `aggregate` warns so.
    bool by_points = false;
};

// A team's name when its report has none: the file's base name without its extension ("reports/ml-a.json" ->
// "ml-a").
std::string team_name_from_path(const std::string& path);

// What aggregation keeps of one report: enough for a row and the practice counts, not the whole report.
// read_report_summary fills it straight from the JSON text, without building a Report (see bench/aggregate).
struct ReportSummary {
    std::string team;
    std::string date;  // YYYY-MM-DD, or empty: which of a team's reports is the latest
    QuestionnaireInfo questionnaire;
    int rule = 1;  // `scoring_rule` (docs/scoring.md); 1 in reports written before it
    int overall_level = 0;
    double score = 0.0;
    std::optional<int> target;
    bool by_points = false;  // the report has `points` (its questionnaire is scored by points)
    struct Dim {
        std::string id;
        std::string name;
        int level = 0;
        // False when the report gives the dimension no level to compare: nothing in it applied (`assessed: false`),
        // or, from evidence, no file could show it (`shown: false`).
        bool counted = true;
    };
    std::vector<Dim> dimensions;
    struct GapRef {
        std::string question;
        std::string dimension;
        int level = 0;
        std::string text;
        std::string practice;
        GapGroup group = GapGroup::Next;
    };
    std::vector<GapRef> gaps;
};

ReportSummary summarize(const Report& r);

// Reads the parts of a saved JSON report that aggregation needs, checking the schema version and the shape of
// those parts like read_report does. Throws InputError (with `file`).
ReportSummary read_report_summary(const std::string& text, const std::string& file);
// The same into `out`, which may hold an earlier report's summary: it is overwritten (on InputError, left partly
// written), reusing the storage of its strings and vectors, so a reader of many reports does not allocate each
// report's strings anew.
void read_report_summary_into(const std::string& text, const std::string& file, ReportSummary& out);

// Of two reports of one team, whether `later` (given after `earlier`) is the one to keep: the later date, a report
// without a date counting as older than any with one; on the same date (or neither dated) the one given later.
bool supersedes(const std::string& later_date, const std::string& earlier_date);

class Aggregator {
public:
    // Adds one team's report. Throws InputError naming `source` when it is of another questionnaire (by id) than
    // the first one added. A report that names its team (`team`) as an earlier one did replaces it when it is
    // the latest (`supersedes`), in the earlier one's row, or is left out; either way the aggregate lists the
    // report left out (`superseded`). Teams named after their file are never merged: "reports/*/report.json"
    // are different teams.
    // Copies what it keeps of `r` (a team row, and the names and texts of dimensions and practices it meets first),
    // so the caller may reuse `r` for the next report.
    void add(const ReportSummary& r, const std::string& source);
    std::size_t size() const { return result_.teams.size(); }
    // The result, with the `top` practices missing most often.
    Aggregate finish(std::size_t top) &&;

private:
    struct Contribution;
    void count(const TeamRow& row, const Contribution& c);

    Aggregate result_;
    std::string first_source_;
    std::unordered_map<std::string, std::size_t> dimension_index_;
    std::unordered_map<std::string, std::size_t> practice_index_;
    std::vector<MissingPractice> practices_;
    std::unordered_set<std::string> digests_;  // of the reports kept: a set, 10,000 digests stay linear
    // What each row's report adds to the counts, counted in finish() once each team's latest report is known:
    // the digest and each gap's practice and group. A few bytes per gap: memory stays flat over 10,000 reports.
    struct Contribution {
        std::string digest;
        int rule = 1;
        std::vector<std::pair<std::size_t, GapGroup>> gaps;
    };
    std::vector<Contribution> contributions_;
    std::unordered_map<std::string, std::size_t> named_rows_;  // a report's own team name -> its row
    struct LeftOut {
        std::size_t row;  // the team's row, whose report is the one kept in the end
        std::string source, date;
    };
    std::vector<LeftOut> left_out_;
};

struct TextOptions;
std::string render_aggregate_text(const Aggregate& a, const TextOptions& options);
std::string render_aggregate_json(const Aggregate& a);
std::string render_aggregate_markdown(const Aggregate& a);
std::string render_aggregate_html(const Aggregate& a);
// The team x dimension table as CSV (RFC 4180; cells that a spreadsheet would run as a formula are prefixed '\'').
std::string render_aggregate_csv(const Aggregate& a);

}  // namespace mm
