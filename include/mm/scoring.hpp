// The scoring rule of docs/scoring.md: answers to levels, progress, score and ordered gaps.
// Pure functions of (questionnaire, answers, options): no I/O.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "mm/model.hpp"

namespace mm {

struct LevelResult {
    int level = 0;
    double coverage = 1.0;  // 1.0 when no applicable practice is at this level
    bool met = true;
    int practices = 0;      // applicable practices counted at this level (choice questions count once per level)
    // The practices that decide `met`: all of them under rule 1; under rule 2 the defining (core) ones, or all
    // of them when the questionnaire marks none of this level's questions in this dimension as core.
    double defining_coverage = 1.0;
    int defining_practices = 0;
    // Rule 3: met only because the levels above vouch for it (docs/scoring.md); its own gaps stay in the gap list.
    bool met_from_above = false;
    // False above the answers' scope (docs/scoring.md, "Scope"): not met, nothing counted.
    bool assessed = true;
};

struct DimensionResult {
    std::string id;
    std::string name;
    int level = 0;
    double progress = 0.0;           // level + coverage of the next level
    std::vector<LevelResult> levels;  // levels 1..max, in order
    // Why the level is not higher: the defining practices of the next level that are not in place (question
    // ids, questionnaire order). Empty at the top level.
    std::vector<std::string> missing_for_next;
    // False when no practice of the dimension applies to the team (every question n/a or not asked, e.g. release
    // and monitoring for a proof of concept): its levels are met by default, so it never holds the overall level,
    // and reports show it as not assessed rather than at the top level.
    bool assessed = true;
    // False in an assessment from evidence when the files do not show the dimension's level 1 (every defining
    // practice there needs a person: no file can show it, or `if_not_shown: needs-person` and the scan did not): it is
    // left out of the level from evidence, and reports say a person must answer it.
    bool shown = true;
};

// NeedsPerson: left to a person in an assessment from evidence: a question no file can show, or one marked
// `if_not_shown: needs-person` that the scan did not show in full (docs/scoring.md, "From evidence"): left out of the
// sums instead of counting as not in place. NotAssessed: the question applies but lies above the answers' scope
// (docs/scoring.md, "Scope").
enum class QuestionStatus { Answered, Unanswered, NotApplicable, NotAsked, NeedsPerson, NotAssessed };
std::string to_string(QuestionStatus s);

struct QuestionResult {
    std::string question;
    std::string dimension;
    QuestionStatus status = QuestionStatus::Unanswered;
    Answer answer;          // meaningful when Answered or NotApplicable
    double credit = 0.0;    // practice: 0, 0.5, 1; choice: share of its option levels reached
    std::string note;
    std::string reason;     // NotAsked, NotAssessed: why ("not asked: Batch-only scoring")
    std::optional<Answer> answer_not_counted;  // NotAsked, NotAssessed: an answer given anyway, kept for the record
    AnswerSource source = AnswerSource::Given;
    std::vector<EvidenceHit> evidence;
};

enum class GapGroup { Blocking, Next, Optional };
std::string to_string(GapGroup g);

struct Gap {
    std::string question;
    std::string dimension;
    int level = 0;              // the level the gap belongs to
    std::string text;           // the question
    std::string practice;       // what to do next
    std::vector<std::string> tools;
    std::vector<std::string> references;
    double weight = 1.0;
    double credit = 0.0;        // how much of it is in place now
    bool unanswered = false;
    bool defining = true;       // counts toward its level being met (rule 1: always; rule 2: core practices)
    bool blocking = false;      // a defining practice at the level right above its dimension's: it stops the next level
    bool within_target = true;  // at or below the target level (always true without a target)
    GapGroup group = GapGroup::Next;
    int priority = 0;           // 1 = first
    std::optional<int> next_option;  // choice questions: the option to reach next
    std::string next_option_text;
};

struct Target {
    int level = 0;
    std::string source;  // "recommended", "given", or "gate" (a --min-level bar above the other two)
    std::string reason;
};

// Another questionnaire the team's profile points to (a profile option's `see_also`), and why: the option's text.
struct SeeAlso {
    std::string questionnaire;
    std::string because;
};

// A --min-level bar of the CI gate.
struct Bar {
    std::string dimension;  // empty: the overall level
    int level = 0;
};

struct ScoreOptions {
    std::optional<int> target_level;  // overrides the questionnaire's recommendation
    // The gate's bars: the effective target is never below them, so what a failed gate needs is never shown as
    // optional.
    std::vector<Bar> gate;
    // An assessment from evidence (assess --scan): an unanswered question that evidence can never answer
    // (Question::evidence_can_show) needs a person and is not counted as "no" (docs/scoring.md, "From evidence").
    bool from_evidence = false;
};

// The points of a questionnaire scored by the ML Test Score's method (docs/scoring.md, "Points (ML Test Score)").
struct SectionPoints {
    std::string id;    // the dimension's id
    std::string name;
    double score = 0.0;  // the sum of its tests' credits (0, 0.5 or 1 each)
    double max = 0.0;    // its number of tests
};

struct PointsResult {
    std::vector<SectionPoints> sections;  // questionnaire order
    double final_score = 0.0;             // the lowest section score
    std::string band;                     // points_band(final_score)
};

// The points of these sections (questionnaire order): the lowest section score as the final score (0 without
// sections) and its band. Scoring adds them up this way, and a saved report's are checked against it.
PointsResult points_of(std::vector<SectionPoints> sections);
// The most a final score can be: the smallest section's number of tests.
double points_ceiling(const PointsResult& p);
// Whether `s` is at the final score: a weakest section (several may tie).
bool is_weakest_section(const PointsResult& p, const SectionPoints& s);

// The paper's interpretation band of a final score, by id: "research-project" (0), "untested" (above 0, at most
// 1), "first-productionization" (up to 2), "reasonably-tested" (up to 3), "strong" (up to 5), "exceptional"
// (above 5).
std::string points_band(double final_score);
// What a band means, in our words ("First pass at making it production-ready").
std::string points_band_text(const std::string& band);
// A number of points as reports print it: "1.5", "2", "6.75" (at most two decimals, no trailing zeros).
std::string points_text(double points);
// The bands in order, lowest first.
const std::vector<std::string>& points_bands();

struct Assessment {
    int rule = 1;  // the scoring rule applied (docs/scoring.md)
    int overall_level = 0;
    std::string overall_name;
    double overall_score = 0.0;
    std::vector<DimensionResult> dimensions;
    std::vector<Gap> gaps;                  // in priority order
    std::vector<QuestionResult> questions;  // in questionnaire order
    std::vector<std::string> unanswered;    // question ids, in questionnaire order
    std::optional<Target> target;
    std::map<std::string, std::string> profile;
    std::vector<SeeAlso> see_also;  // in profile order
    // Why the overall level is not higher: the dimensions at the overall level (empty at the top level).
    std::vector<std::string> held_by;
    // From evidence (ScoreOptions::from_evidence, and some answer came from evidence or is missing): the overall
    // level is the level from evidence, and these questions (questionnaire order) need a person.
    bool from_evidence = false;
    std::vector<std::string> needs_person;
    // The answers' scope when it is below the top level: levels above it are not assessed, and every level is
    // capped at it (docs/scoring.md, "Scope").
    std::optional<int> up_to_level;
    // The points method (`scoring: {method: points}`): section points, the final score and its band. The levels
    // above are still computed and written, but the points are what the report leads with.
    std::optional<PointsResult> points;
};

// Whether a question applies to a team with this profile; when not, `reason` says why.
bool applies(const Questionnaire& q, const Question& question, const std::map<std::string, std::string>& profile,
             std::string* reason = nullptr);

// Whether a question is assessed under a scope of `up_to_level` (none: every question is): a practice at that
// level or below, or a choice question with an option level from 1 to it.
bool in_scope(const Question& question, std::optional<int> up_to_level);

// "not assessed: above level 2": the reason a question above the scope gives in reports.
std::string not_assessed_reason(int up_to_level);

// The target level recommended by the questionnaire's rules for this profile, or given in the options.
std::optional<Target> choose_target(const Questionnaire& q, const std::map<std::string, std::string>& profile,
                                    const ScoreOptions& options);

// The target after the gate: the higher of `chosen` and every overall bar (source "gate" when a bar is higher).
std::optional<Target> effective_target(std::optional<Target> chosen, const std::vector<Bar>& gate);

Assessment score(const Questionnaire& q, const AnswerSet& answers, const ScoreOptions& options = {});

// "40 of 78 questions are unanswered (data-a, data-b and 38 more)": the questions that apply to the team's profile
// and have no answer, which count as not in place; empty when there are none. For the warning (or, with
// --require-complete, the error) of `assess`.
std::string unanswered_summary(const Assessment& a);

// ---- the CI gate ----

struct GateResult {
    bool passed = true;
    std::vector<Bar> bars;
    std::vector<std::string> failures;  // "overall level 1 is below the required 2", "data: level 1 < 3"
    std::optional<double> min_score;  // --min-score: the points method's final score must reach it
};

// `min_score` (--min-score) applies to the points method only: it fails when the final score is below it
// ("final score 1.5 is below the required 2 (weakest section: Monitoring, 1.5 of 7)").
GateResult check_gate(const Assessment& a, const std::vector<Bar>& bars,
                      std::optional<double> min_score = std::nullopt);

// The first section at the final score (the first is_weakest_section), or null without sections.
const SectionPoints* weakest_section(const PointsResult& p);

// The level up to which a dimension's gaps are expected closed (JUnit's failures): the highest gate bar that
// applies to the dimension (an overall bar or one for it), else the target level, else the level right above
// the dimension's current one.
int required_level(const Assessment& a, const std::optional<GateResult>& gate, const DimensionResult& d);

}  // namespace mm
