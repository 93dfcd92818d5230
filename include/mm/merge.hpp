// Several respondents (docs/answers-format.md, "Several respondents"): people's answers files combined into one
// answer set by a documented rule, with the questions where they disagree. Pure: no I/O.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "mm/model.hpp"

namespace mm {

// One person's answers, and the name the merge shows for them.
struct Respondent {
    std::string name;
    AnswerSet answers;
};

// The respondent's name: the file's `respondent:`, else the file name without its directory and extension.
std::string respondent_name(const AnswerSet& answers, const std::string& path);

// A question where respondents differ by a whole step or more: "no" beside "yes", choice levels that differ, or
// "n/a" beside an answer. Who answered what, in the order given, and the merged answer.
struct Disagreement {
    std::string question;
    std::vector<std::pair<std::string, std::string>> answers;  // respondent, answer as written
    std::string merged;                                        // the merged answer as written, or "" (unanswered)
};

struct MergedAnswers {
    AnswerSet answers;
    std::vector<std::string> respondents;      // in the order given
    std::vector<Disagreement> disagreements;   // in questionnaire order
};

// Combines the answers of each question by the lower median (docs/answers-format.md): "n/a" when more than half
// of those who answered said so, else the lower median of the others on no < partial < yes (a choice question:
// of the option levels). Unanswered by everyone stays unanswered. Notes are kept, each prefixed with its
// respondent's name. Profiles must agree (throws InputError naming the question and who said what); the scope is
// the widest; waivers are kept, one per question (the earliest expiry). Each answer set must already be checked
// against `q` (check_answers).
MergedAnswers merge_answers(const Questionnaire& q, const std::vector<Respondent>& respondents);

// "data-versioning: alice yes, bob no (merged: no)", one line per disagreement.
std::vector<std::string> disagreement_lines(const std::vector<Disagreement>& disagreements);

}  // namespace mm
