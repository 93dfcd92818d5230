// Waivers (docs/answers-format.md, "Waivers"): a gap a team accepts for a while, with a reason, an owner and an
// expiry date. Reading them from an answers file, checking them against a questionnaire, and applying them to an
// assessment: pure functions of (questionnaire, answers, assessment, today), no I/O and no clock.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "mm/diagnostics.hpp"
#include "mm/model.hpp"
#include "mm/scoring.hpp"

namespace mm {

struct Node;

// Reads `waivers:` (a list of {question, reason, owner, expires}) into `out`, recording a located error in `sink`
// for a wrong shape, an unknown key, a missing or empty reason or owner, or an expiry that is not a YYYY-MM-DD date.
void read_waivers(const Node& list, DiagnosticSink& sink, std::vector<Waiver>& out);

// Checks waivers against the questionnaire: an unknown question (with "did you mean"), a question waived twice.
// Throws InputError located in the answers file.
void check_waivers(const Questionnaire& q, const AnswerSet& answers);

// Valid: a gap, on or before its last day. Expired: a gap, after its last day. NotAGap: the practice is in place,
// n/a or not asked, so there is nothing to waive.
enum class WaiverStatus { Valid, Expired, NotAGap };
// "valid", "expired", "not-a-gap" (the JSON report's values).
std::string to_string(WaiverStatus s);

struct WaiverResult {
    std::string question;
    std::string dimension;  // empty when the report does not say (not a gap)
    std::string reason;
    std::string owner;
    std::string expires;
    WaiverStatus status = WaiverStatus::Valid;
    long long days_left = 0;  // days from today to `expires`: 0 on the last day, negative once expired
};

// What the waivers change: the levels with the valid ones counted as in place, beside the assessment without them
// (the report's own levels), so a waiver never raises a level silently.
struct WaiverSummary {
    std::string today;  // the date the waivers were judged on
    int overall_level = 0;
    std::string overall_name;
    std::vector<std::pair<std::string, int>> dimensions;  // id and level with the valid waivers, in report order
    std::vector<WaiverResult> entries;                      // in the answers file's order

    // The waiver of a question, or null.
    const WaiverResult* find(const std::string& question) const;
    std::size_t count(WaiverStatus s) const;
};

// The result of applying waivers: the summary for the report, and the assessment the gate judges.
struct Waived {
    WaiverSummary summary;
    Assessment assessment;  // scored with every valid waiver's question in place
};

// Judges each waiver of `answers` on `today` (YYYY-MM-DD) against `unwaived` (score(q, answers, options)), then
// scores again with each valid waiver's question taken as in place (a practice: yes; a choice: its top option).
Waived apply_waivers(const Questionnaire& q, const AnswerSet& answers, const Assessment& unwaived,
                     const std::string& today, const ScoreOptions& options);

// Located warnings for waivers that do nothing: expired ones, and ones on a question that is not a gap.
std::vector<Diagnostic> waiver_warnings(const AnswerSet& answers, const WaiverSummary& summary);

// The gate judged on the levels with waivers. When it fails, each expired waiver that would have counted toward a
// failed bar (any for the overall level, the bar's dimension's for a dimension) is named in a failure of its own.
GateResult check_gate_with_waivers(const Waived& waived, const std::vector<Bar>& bars,
                                   std::optional<double> min_score = std::nullopt);

// "waived until 2027-01-31 (64 days left), owner alice: <reason>" or "waiver expired on ... (3 days ago), owner
// ...": how every report format describes a waiver.
std::string waiver_text(const WaiverResult& w);

// `--today`: the date waivers are judged on, from the option (YYYY-MM-DD), else SOURCE_DATE_EPOCH's UTC date,
// else `today`. Throws InputError naming `--today` (or SOURCE_DATE_EPOCH) for a value that is not a date.
std::string resolve_today(const std::string& option, const char* source_date_epoch, const std::string& today);

}  // namespace mm
