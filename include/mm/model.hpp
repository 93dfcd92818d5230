// The domain model: questionnaires, answers and the result of scoring them.
// Plain values with no I/O and no third-party types, so every other module can share them.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

namespace mm {

// A position in a source file, 1-based; 0 means "unknown".
struct SourcePos {
    int line = 0;
    int column = 0;
};

struct Level {
    int level = 0;
    std::string name;
    std::string description;
};

struct ChoiceOption {
    int level = 0;
    std::string text;
    std::string practice;  // optional: the next step when this option is the gap
};

// A condition over profile answers: for every profile question id, the values that satisfy it.
struct Condition {
    std::vector<std::pair<std::string, std::vector<std::string>>> clauses;
    bool empty() const { return clauses.empty(); }
};

// One evidence rule: a path glob, a content pattern within files matching a glob, or all of several rules.
// The most commits a history rule may ask for, and so the most a scan reads from HEAD, newest first
// (docs/scan.md, "Git history"): about 11 ms of reading, where 10,000 took 115 ms.
inline constexpr int kMaxHistoryThreshold = 1000;

// What a history rule asks of the scanned root's git history (0: not asked): commits reachable from HEAD, the
// distinct days they were authored on; on the main line (HEAD and its first parents), the changes that came
// through a pull or merge request, and their percentage of it; the distinct authors of the commits.
struct HistoryThresholds {
    int commits = 0;
    int days = 0;
    int merged_requests = 0;
    int merged_share = 0;
    int authors = 0;

    bool operator==(const HistoryThresholds& o) const { return key() == o.key(); }
    bool operator<(const HistoryThresholds& o) const { return key() < o.key(); }

private:
    std::tuple<int, int, int, int, int> key() const { return {commits, days, merged_requests, merged_share, authors}; }
};

struct EvidenceRule {
    // History: the scanned root's git history (docs/questionnaire-format.md, "Evidence rules").
    enum class Kind { Path, Content, All, History };
    Kind kind = Kind::Path;
    std::string glob;      // Path: the glob; Content: the files to search
    std::string pattern;   // Content: an RE2 pattern
    std::string except;    // Path, Content: a glob of paths that are not evidence for this rule ("" = none)
    std::string unless;    // Content: an RE2 pattern; a file where it matches is not evidence ("" = none)
    bool ignore_case = false;  // Path, Content: `glob` and `except` match paths case-insensitively
    std::vector<EvidenceRule> all;
    HistoryThresholds history;      // History: what the history must reach
    bool suggests_partial = false;  // top-level rules only
    // Choice questions, top-level rules only: the option (its level) the rule suggests when it matches
    // (`suggests: 2`). A choice rule without it shows evidence but suggests nothing.
    std::optional<int> suggests_option;
    SourcePos pos;
};

enum class QuestionType { Practice, Choice };

struct Question {
    std::string id;
    QuestionType type = QuestionType::Practice;
    int level = 0;  // practice questions only
    std::string text;
    std::string help;
    std::string practice;
    std::vector<std::string> tools;
    std::vector<std::string> references;
    double weight = 1.0;
    // Rule 2: the question defines its level(s) (`core: true`); only defining practices can hold a team below a
    // level. Supporting questions count in the score and the gaps. Ignored by rule 1.
    bool core = false;
    std::vector<ChoiceOption> options;  // choice questions only, sorted by level
    Condition applies_when;
    std::vector<EvidenceRule> evidence;
    // From evidence: a scan that does not show the practice in full (finds nothing, or only a hint: a rule that
    // `suggests: partial`) leaves the question to a person rather than counting it as "no" or "partial"
    // (`if_not_shown: needs-person`). For a practice that usually lives outside the project's repository (a
    // monitoring platform's settings, a scheduler, a data platform): there, what the files lack says nothing.
    bool needs_person_if_not_shown = false;
    SourcePos pos;

    // Whether evidence can ever show the practice in full: a practice with a rule that suggests `yes`, or a choice
    // with a rule that names an option. The others (a backlog, business KPIs, on-call; or a practice whose files
    // can only hint, every rule `suggests: partial`) need a person in an assessment from evidence (docs/scoring.md,
    // "From evidence"); the scan still shows their hints.
    bool evidence_can_show() const {
        for (const auto& r : evidence)
            if (type == QuestionType::Practice ? !r.suggests_partial : r.suggests_option.has_value()) return true;
        return false;
    }

    const ChoiceOption* option_at(int lvl) const {
        for (const auto& o : options)
            if (o.level == lvl) return &o;
        return nullptr;
    }
};

struct Dimension {
    std::string id;
    std::string name;
    std::string description;
    std::vector<Question> questions;
    SourcePos pos;
};

struct ProfileOption {
    std::string value;
    std::string text;
    std::string see_also;  // optional: another questionnaire's id that a team with this answer should also take
};

struct ProfileQuestion {
    std::string id;
    std::string text;
    std::string help;
    std::vector<ProfileOption> options;
    SourcePos pos;

    const ProfileOption* option(const std::string& value) const {
        for (const auto& o : options)
            if (o.value == value) return &o;
        return nullptr;
    }
};

struct TargetRule {
    Condition when;  // empty: always matches
    int level = 0;
    std::string reason;
};

// Bounds of a questionnaire, shared by its loader and the saved-report reader (a report lists its questionnaire's
// levels and profile answers, so a report that exceeds them cannot come from a valid questionnaire).
inline constexpr std::size_t kMinLevels = 2;
inline constexpr std::size_t kMaxLevels = 5;               // levels 0 up to at most 4
inline constexpr std::size_t kMaxProfileQuestions = 100;  // each is a screen of the interactive mode

// How a questionnaire is scored (docs/scoring.md): the staircase of levels (the default), or the points of the ML
// Test Score (`scoring: {method: points}`: each question 0, 0.5 or 1, a dimension is a section whose score is the
// sum, the final score the lowest section).
enum class ScoringMethod { Staircase, Points };

struct Questionnaire {
    std::string id;
    std::string title;
    std::string version;
    std::string description;
    std::vector<Level> levels;  // consecutive from 0
    double pass_threshold = 1.0;
    // The scoring rule of docs/scoring.md: 1 (every practice of a level counts), 2 (opted into with
    // `scoring: {rule: 2}`: the defining practices of a level decide whether it is met) or 3 (rule 2, and a level
    // can be met because the levels above it vouch for it).
    int scoring_rule = 1;
    ScoringMethod scoring_method = ScoringMethod::Staircase;
    std::vector<ProfileQuestion> profile;
    std::vector<TargetRule> target_rules;
    std::vector<Dimension> dimensions;
    std::string source_name;  // display name of where it was loaded from
    std::string digest;       // sha256 of the canonical content (see docs/report-format.md)

    int max_level() const { return levels.empty() ? 0 : levels.back().level; }
    const Level* level_info(int lvl) const {
        for (const auto& l : levels)
            if (l.level == lvl) return &l;
        return nullptr;
    }
    std::string level_name(int lvl) const {
        const Level* l = level_info(lvl);
        return l ? l->name : std::string();
    }
    std::size_t question_count() const {
        std::size_t n = 0;
        for (const auto& d : dimensions) n += d.questions.size();
        return n;
    }
    // Where each question id sits (dimension, question), built by index_questions(), which the loader calls:
    // find_question runs once per answer, so a linear search made checking a large answers file quadratic. A
    // missing or stale entry (a questionnaire built or changed by hand) falls back to the search, so a lookup is
    // never wrong, only slower.
    std::unordered_map<std::string, std::pair<std::size_t, std::size_t>> question_index;
    void index_questions() {
        question_index.clear();
        for (std::size_t di = 0; di < dimensions.size(); ++di)
            for (std::size_t qi = 0; qi < dimensions[di].questions.size(); ++qi)
                question_index.emplace(dimensions[di].questions[qi].id, std::make_pair(di, qi));
    }
    const Question* find_question(const std::string& qid, const Dimension** dim = nullptr) const {
        if (auto it = question_index.find(qid); it != question_index.end()) {
            const auto [di, qi] = it->second;
            if (di < dimensions.size() && qi < dimensions[di].questions.size() &&
                dimensions[di].questions[qi].id == qid) {
                if (dim) *dim = &dimensions[di];
                return &dimensions[di].questions[qi];
            }
        }
        for (const auto& d : dimensions)
            for (const auto& q : d.questions)
                if (q.id == qid) {
                    if (dim) *dim = &d;
                    return &q;
                }
        return nullptr;
    }
    const ProfileQuestion* find_profile(const std::string& pid) const {
        for (const auto& p : profile)
            if (p.id == pid) return &p;
        return nullptr;
    }
    const Dimension* find_dimension(const std::string& did) const {
        for (const auto& d : dimensions)
            if (d.id == did) return &d;
        return nullptr;
    }
};

// ---- answers ----

enum class AnswerKind { Yes, Partial, No, NotApplicable, Choice };

struct Answer {
    AnswerKind kind = AnswerKind::No;
    int choice_level = 0;  // AnswerKind::Choice only
    SourcePos pos;
};

// Where an answer came from: given by the team, or suggested by evidence found in a repository.
enum class AnswerSource { Given, Evidence };
// "given" or "evidence" (the JSON report's `source` of an answer).
std::string to_string(AnswerSource source);

struct EvidenceHit {
    std::string path;  // relative, '/'-separated
    int line = 0;      // 0 for path rules
    std::string excerpt;
};

// A given answer that the repository contradicts (assess --scan): "no" with evidence found, or "yes" on a
// question with evidence rules where none matched.
struct Contradiction {
    enum class Kind { NoButEvidence, YesUnverified };
    std::string question;
    Kind kind = Kind::NoButEvidence;
    std::vector<EvidenceHit> evidence;  // NoButEvidence: what was found
};
// "no-but-evidence" or "yes-unverified".
std::string to_string(Contradiction::Kind kind);

// `waivers:` in an answers file: a gap the team accepts for a while, with why, who answers for it and until when
// (docs/answers-format.md, "Waivers"). Checked and applied by include/mm/waivers.hpp.
struct Waiver {
    std::string question;
    std::string reason;
    std::string owner;
    std::string expires;  // YYYY-MM-DD: the last day it counts
    SourcePos pos;        // the entry
    SourcePos question_pos;
    SourcePos expires_pos;
};

struct AnswerSet {
    std::string questionnaire_id;  // empty when the file did not name one
    std::string team;              // `team:`, the team assessed; `assess --team` wins over it
    std::string respondent;        // `respondent:`, who answered (several respondents: include/mm/merge.hpp)
    // `scope: {up_to_level: N}`: only the levels up to N are assessed (docs/scoring.md, "Scope"); none: all of them.
    std::optional<int> up_to_level;
    std::map<std::string, Answer> answers;
    std::map<std::string, std::string> notes;
    std::map<std::string, std::string> profile;
    std::map<std::string, AnswerSource> sources;              // absent: given
    std::map<std::string, std::vector<EvidenceHit>> evidence; // per question, when scanned
    std::string source_name;
    // Where entries were written, for messages: "questionnaire", "notes.ID", "profile.ID".
    std::map<std::string, SourcePos> positions;
    // Values under `answers:` that are not answers (e.g. `serving: batch`), as written. check_answers reports
    // them, because only the questionnaire tells "not an answer" from "a profile answer in the wrong place".
    struct Rejected {
        SourcePos pos;
        std::string shown;  // the value quoted, for the message
        std::string value;  // the value as written (empty for a list or mapping), for "did you mean"
        SourcePos key_pos;
    };
    std::map<std::string, Rejected> rejected;
    std::vector<Waiver> waivers;  // in file order
};

std::string to_string(AnswerKind kind);
// The answer as written in an answers file: yes, partial, no, n/a, or the choice level.
std::string answer_text(const Answer& a);

}  // namespace mm
