#include "mm/model.hpp"

namespace mm {

std::string to_string(AnswerKind kind) {
    switch (kind) {
        case AnswerKind::Yes: return "yes";
        case AnswerKind::Partial: return "partial";
        case AnswerKind::No: return "no";
        case AnswerKind::NotApplicable: return "n/a";
        case AnswerKind::Choice: return "choice";
    }
    return "?";
}

std::string to_string(AnswerSource source) { return source == AnswerSource::Evidence ? "evidence" : "given"; }

std::string answer_text(const Answer& a) {
    return a.kind == AnswerKind::Choice ? std::to_string(a.choice_level) : to_string(a.kind);
}

}  // namespace mm
