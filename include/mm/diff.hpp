// What changed between two assessments of the same questionnaire (`mlops-maturity diff`).
// diff_reports is pure (no I/O); the renderers lay the result out as text, JSON or Markdown.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "mm/report.hpp"

namespace mm {

struct LevelChange {
    std::string id;    // dimension id; empty for the overall level
    std::string name;
    int old_level = 0;
    int new_level = 0;
    double old_progress = 0.0;
    double new_progress = 0.0;
    bool in_old = true;  // false: the dimension is new
    bool in_new = true;  // false: the dimension was removed
    int change() const { return new_level - old_level; }
};

struct PracticeChange {
    std::string question;
    std::string dimension;
    int level = 0;         // the gap's level (in the new report when it has one, else the old)
    std::string text;
    std::string practice;
    int old_level = -1;    // still open: the level of the gap in the old report (choice questions can move)
};

struct ReportDiff {
    QuestionnaireInfo questionnaire;  // the new report's
    std::string old_digest, new_digest;
    std::string old_team, new_team;
    std::string old_date, new_date;        // YYYY-MM-DD when the reports carry one
    std::string old_version, new_version;  // questionnaire versions
    int old_rule = 1, new_rule = 1;        // scoring rules (docs/scoring.md)
    LevelChange overall;
    double old_score = 0.0, new_score = 0.0;
    std::vector<LevelChange> dimensions;       // in the new report's order, then removed ones
    std::vector<PracticeChange> adopted;       // a gap in OLD, answered and in place in NEW
    std::vector<PracticeChange> lost;          // in place in OLD (answered, no gap), a gap in NEW
    std::vector<PracticeChange> still_open;    // a gap in both
    std::vector<PracticeChange> newly_open;    // a gap in NEW that OLD did not ask or had n/a
    std::vector<PracticeChange> dropped;       // a gap in OLD that NEW does not ask or has n/a
    // A questionnaire scored by points (ml-test-score): both reports' points. The diff then compares the final
    // score and each section's points, not levels.
    std::optional<PointsResult> old_points, new_points;

    bool by_points() const { return old_points.has_value() && new_points.has_value(); }

    bool digest_changed() const { return old_digest != new_digest; }
    bool rule_changed() const { return old_rule != new_rule; }
    // Whether the overall level or any dimension's level went down; by points, the final score or a section's.
    bool regressed() const;
};

// Compares two reports. Throws InputError when they are of different questionnaires (by id).
ReportDiff diff_reports(const Report& old_report, const Report& new_report, const std::string& old_name = "OLD",
                        const std::string& new_name = "NEW");

// What makes the comparison suspect, one warning each (without the "mlops-maturity: warning: " prefix): two teams,
// another questionnaire version or digest, another scoring rule, NEW dated before OLD. Empty when none.
std::vector<std::string> diff_warnings(const ReportDiff& d);

struct TextOptions;
std::string render_diff_text(const ReportDiff& d, const TextOptions& options);
std::string render_diff_json(const ReportDiff& d);
std::string render_diff_markdown(const ReportDiff& d);

}  // namespace mm
