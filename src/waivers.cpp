// Waivers: read, checked, judged on a date and applied (include/mm/waivers.hpp).
#include "mm/waivers.hpp"

#include <algorithm>
#include <map>

#include "mm/document.hpp"
#include "mm/provenance.hpp"

namespace mm {

namespace {

bool blank(std::string_view s) { return s.find_first_not_of(" \t") == std::string_view::npos; }

// The text of a required, non-blank scalar `key` of a waiver, or nullopt after an error that says what it is for.
std::optional<std::string> required_text(const Node& entry, const char* key, const char* what_for,
                                         DiagnosticSink& sink) {
    const Node* n = entry.get(key);
    // A misspelt key ('expiry') already has its error, with "did you mean": one mistake, one error.
    if (!n)
        for (const auto& [k, v] : entry.entries)
            if (k.scalar != key && nearest(std::string(k.scalar), {key}) == key) return std::nullopt;
    if (!n || n->is_null() || (n->is_scalar() && blank(n->scalar))) {
        const SourcePos at = n ? n->pos : entry.pos;
        sink.error(at.line, at.column, std::string("a waiver needs '") + key + "': " + what_for);
        return std::nullopt;
    }
    return read_string(*n, sink, std::string("a waiver's '") + key + "'");
}

std::string plural_days(long long n) { return std::to_string(n) + (n == 1 ? " day" : " days"); }

}  // namespace

void read_waivers(const Node& list, DiagnosticSink& sink, std::vector<Waiver>& out) {
    if (list.is_null()) return;
    if (!expect_kind(list, Node::Kind::Sequence, sink, "'waivers'")) return;
    for (const Node& entry : list.items) {
        if (!expect_kind(entry, Node::Kind::Map, sink, "a waiver")) continue;
        check_keys(entry, sink, {"question", "reason", "owner", "expires"}, "a waiver");
        Waiver w;
        w.pos = entry.pos;
        auto question = required_text(entry, "question", "the id of the question whose gap is accepted", sink);
        auto reason = required_text(entry, "reason", "why the gap is accepted for now", sink);
        auto owner = required_text(entry, "owner", "who answers for closing the gap", sink);
        auto expires = required_text(entry, "expires", "the last day it counts, as YYYY-MM-DD", sink);
        if (const Node* n = entry.get("question")) w.question_pos = n->pos;
        if (const Node* n = entry.get("expires")) w.expires_pos = n->pos;
        if (expires && !is_date(*expires)) {
            sink.error(w.expires_pos.line, w.expires_pos.column,
                       "'expires' must be a date written YYYY-MM-DD (for example 2027-03-31), not '" + *expires +
                           "'");
            expires.reset();
        }
        if (!question || !reason || !owner || !expires) continue;
        w.question = *question;
        w.reason = *reason;
        w.owner = *owner;
        w.expires = *expires;
        out.push_back(std::move(w));
    }
}

void check_waivers(const Questionnaire& q, const AnswerSet& answers) {
    if (answers.waivers.empty()) return;  // every answers file comes here: most have none
    DiagnosticSink sink(answers.source_name);
    std::vector<std::string> ids;
    for (const auto& d : q.dimensions)
        for (const auto& qu : d.questions) ids.push_back(qu.id);
    std::map<std::string, const Waiver*> seen;
    for (const Waiver& w : answers.waivers) {
        const SourcePos at = w.question_pos;
        if (!q.find_question(w.question)) {
            std::string msg = "waiver for unknown question '" + w.question + "' of questionnaire '" + q.id + "'";
            if (q.find_profile(w.question)) {
                msg += ": it is a profile question, which has no gap to waive";
            } else if (std::string hint = sink.full() ? std::string() : nearest(w.question, ids); !hint.empty()) {
                msg += did_you_mean(hint);
            } else {
                msg += " (see the ids with 'mlops-maturity show " + q.id + "')";
            }
            sink.error(at.line, at.column, msg);
            continue;
        }
        auto [it, fresh] = seen.emplace(w.question, &w);
        if (!fresh)
            sink.error(at.line, at.column,
                       "'" + w.question + "' is waived twice (first on line " +
                           std::to_string(it->second->question_pos.line) + "): keep one waiver per question");
    }
    sink.throw_if_errors();
}

std::string to_string(WaiverStatus s) {
    switch (s) {
        case WaiverStatus::Valid: return "valid";
        case WaiverStatus::Expired: return "expired";
        case WaiverStatus::NotAGap: return "not-a-gap";
    }
    return "valid";
}

const WaiverResult* WaiverSummary::find(const std::string& question) const {
    for (const auto& e : entries)
        if (e.question == question) return &e;
    return nullptr;
}

std::size_t WaiverSummary::count(WaiverStatus s) const {
    return static_cast<std::size_t>(
        std::count_if(entries.begin(), entries.end(), [s](const WaiverResult& e) { return e.status == s; }));
}

Waived apply_waivers(const Questionnaire& q, const AnswerSet& answers, const Assessment& unwaived,
                     const std::string& today, const ScoreOptions& options) {
    Waived out;
    out.summary.today = today;
    std::map<std::string, std::string> gap_dimension;
    for (const auto& g : unwaived.gaps) gap_dimension.emplace(g.question, g.dimension);
    AnswerSet waived = answers;
    const long long now = day_number(today);
    for (const Waiver& w : answers.waivers) {
        WaiverResult r{w.question, {}, w.reason, w.owner, w.expires, WaiverStatus::Valid, day_number(w.expires) - now};
        auto gap = gap_dimension.find(w.question);
        if (gap == gap_dimension.end()) {
            r.status = WaiverStatus::NotAGap;
        } else {
            r.dimension = gap->second;
            r.status = r.days_left < 0 ? WaiverStatus::Expired : WaiverStatus::Valid;
        }
        if (r.status == WaiverStatus::Valid)
            if (const Question* qu = q.find_question(w.question)) {
                Answer a;
                a.pos = w.question_pos;
                if (qu->type == QuestionType::Practice || qu->options.empty()) {
                    a.kind = AnswerKind::Yes;
                } else {
                    a.kind = AnswerKind::Choice;
                    a.choice_level = qu->options.back().level;
                }
                waived.answers[w.question] = a;
                waived.sources.erase(w.question);
            }
        out.summary.entries.push_back(std::move(r));
    }
    out.assessment = score(q, waived, options);
    out.summary.overall_level = out.assessment.overall_level;
    out.summary.overall_name = out.assessment.overall_name;
    for (const auto& d : out.assessment.dimensions) out.summary.dimensions.emplace_back(d.id, d.level);
    return out;
}

std::vector<Diagnostic> waiver_warnings(const AnswerSet& answers, const WaiverSummary& summary) {
    std::vector<Diagnostic> out;
    for (std::size_t i = 0; i < answers.waivers.size() && i < summary.entries.size(); ++i) {
        const Waiver& w = answers.waivers[i];
        const WaiverResult& r = summary.entries[i];
        if (r.status == WaiverStatus::Expired) {
            out.push_back({answers.source_name, w.expires_pos.line, w.expires_pos.column,
                           "the waiver for '" + w.question + "' (owner " + w.owner + ") expired on " + w.expires +
                               " (" + plural_days(-r.days_left) + " ago): the gap counts again; close it, or "
                               "renew the waiver with a later date",
                           Severity::Warning});
        } else if (r.status == WaiverStatus::NotAGap) {
            auto a = answers.answers.find(w.question);
            const std::string why = a == answers.answers.end() ? "it is not asked for this profile"
                                                               : "it is answered " + answer_text(a->second);
            out.push_back({answers.source_name, w.question_pos.line, w.question_pos.column,
                           "the waiver for '" + w.question + "' waives nothing: " + why +
                               ", so it is not a gap; remove the waiver",
                           Severity::Warning});
        }
    }
    return out;
}

GateResult check_gate_with_waivers(const Waived& waived, const std::vector<Bar>& bars,
                                   std::optional<double> min_score) {
    GateResult g = check_gate(waived.assessment, bars, min_score);
    if (g.passed) return g;
    bool overall_failed = false;
    std::vector<std::string> failed_dimensions;
    for (const auto& bar : bars) {
        if (bar.dimension.empty()) {
            overall_failed = overall_failed || waived.assessment.overall_level < bar.level;
            continue;
        }
        for (const auto& d : waived.assessment.dimensions)
            if (d.id == bar.dimension && d.level < bar.level) failed_dimensions.push_back(d.id);
    }
    for (const auto& e : waived.summary.entries) {
        if (e.status != WaiverStatus::Expired) continue;
        const bool counts = overall_failed || std::find(failed_dimensions.begin(), failed_dimensions.end(),
                                                        e.dimension) != failed_dimensions.end();
        if (counts)
            g.failures.push_back("the waiver for '" + e.question + "' (owner " + e.owner + ") expired on " +
                                 e.expires + ": its gap counts again");
    }
    return g;
}

std::string waiver_text(const WaiverResult& w) {
    std::string when;
    switch (w.status) {
        case WaiverStatus::Valid:
            when = "waived until " + w.expires + " (" +
                   (w.days_left == 0 ? std::string("last day") : plural_days(w.days_left) + " left") + ")";
            break;
        case WaiverStatus::Expired:
            when = "waiver expired on " + w.expires + " (" + plural_days(-w.days_left) + " ago)";
            break;
        case WaiverStatus::NotAGap: when = "waiver not needed: not a gap"; break;
    }
    return when + ", owner " + w.owner + ": " + w.reason;
}

std::string resolve_today(const std::string& option, const char* source_date_epoch, const std::string& today) {
    if (!option.empty() && !is_date(option))
        throw InputError(Diagnostic{"--today", 0, 0,
                                    "'" + option + "' is not a date: use YYYY-MM-DD (for example 2026-03-31)"});
    return resolve_date(option, source_date_epoch, today).value_or(today);
}

}  // namespace mm
