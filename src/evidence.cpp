// What the evidence found by a scan means for the answers: suggestions, pre-filling, contradictions with
// given answers, and --require-evidence. Pure functions of plain values (docs/scan.md).
#include <algorithm>

#include "mm/scan.hpp"

namespace mm {

std::string to_string(Contradiction::Kind kind) {
    return kind == Contradiction::Kind::NoButEvidence ? "no-but-evidence" : "yes-unverified";
}

std::string evidence_note(const QuestionEvidence& e, std::size_t shown) {
    std::string out = "evidence: ";
    std::size_t n = std::min(shown, e.hits.size());
    for (std::size_t i = 0; i < n; ++i) {
        if (i) out += "; ";
        out += e.hits[i].path;
        if (e.hits[i].line > 0) out += ":" + std::to_string(e.hits[i].line);
    }
    if (e.hit_count > n) out += " (+" + std::to_string(e.hit_count - n) + " more)";
    return out;
}

namespace {

// A practice suggested yes or partial, or a choice whose matched rules name an option (docs/scan.md).
bool suggestible(const Question* qu, const QuestionEvidence& e) {
    return qu && e.suggestion.has_value() &&
           (qu->type == QuestionType::Choice) == (*e.suggestion == AnswerKind::Choice);
}

Answer suggested(const QuestionEvidence& e) {
    Answer a;
    a.kind = *e.suggestion;
    if (a.kind == AnswerKind::Choice) a.choice_level = e.suggested_option;
    return a;
}

}  // namespace

AnswerSet suggested_answers(const Questionnaire& q, const ScanResult& scan) {
    AnswerSet out;
    out.questionnaire_id = q.id;
    for (const auto& e : scan.questions) {
        if (!suggestible(q.find_question(e.question), e)) continue;
        out.answers[e.question] = suggested(e);
        out.sources[e.question] = AnswerSource::Evidence;
        out.evidence[e.question] = e.hits;
        out.notes[e.question] = evidence_note(e);
    }
    return out;
}

void prefill_answers(const Questionnaire& q, const ScanResult& scan, AnswerSet& answers) {
    for (const auto& e : scan.questions) {
        if (e.hits.empty()) continue;
        if (answers.answers.count(e.question)) {
            // Given answers win; they still carry what the repository shows.
            if (!answers.sources.count(e.question)) answers.evidence[e.question] = e.hits;
            continue;
        }
        if (!suggestible(q.find_question(e.question), e)) continue;
        answers.answers[e.question] = suggested(e);
        answers.sources[e.question] = AnswerSource::Evidence;
        answers.evidence[e.question] = e.hits;
        if (!answers.notes.count(e.question)) answers.notes[e.question] = evidence_note(e);
    }
}

std::vector<Contradiction> find_contradictions(const Questionnaire& q, const AnswerSet& answers,
                                               const ScanResult& scan) {
    std::vector<Contradiction> out;
    for (const auto& d : q.dimensions)
        for (const auto& qu : d.questions) {
            if (qu.type != QuestionType::Practice || qu.evidence.empty()) continue;
            auto a = answers.answers.find(qu.id);
            if (a == answers.answers.end()) continue;
            auto s = answers.sources.find(qu.id);
            if (s != answers.sources.end() && s->second == AnswerSource::Evidence) continue;
            const QuestionEvidence* e = scan.find(qu.id);
            bool found = e && e->suggestion.has_value();
            if (a->second.kind == AnswerKind::No && found)
                out.push_back({qu.id, Contradiction::Kind::NoButEvidence, e->hits});
            else if (a->second.kind == AnswerKind::Yes && !found)
                out.push_back({qu.id, Contradiction::Kind::YesUnverified, {}});
        }
    return out;
}

std::size_t apply_require_evidence(AnswerSet& answers, const std::vector<Contradiction>& contradictions) {
    std::size_t changed = 0;
    for (const auto& c : contradictions) {
        if (c.kind != Contradiction::Kind::YesUnverified) continue;
        auto a = answers.answers.find(c.question);
        if (a == answers.answers.end() || a->second.kind != AnswerKind::Yes) continue;
        a->second.kind = AnswerKind::No;
        std::string& note = answers.notes[c.question];
        note += std::string(note.empty() ? "" : " ") +
                "[answered yes; counted as no by --require-evidence: no evidence found in the repository]";
        ++changed;
    }
    return changed;
}

}  // namespace mm
