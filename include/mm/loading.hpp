// Text to model: questionnaires and answers files, with every problem located (FILE:LINE:COL).
#pragma once

#include <string>
#include <vector>

#include "mm/diagnostics.hpp"
#include "mm/model.hpp"
#include "mm/source.hpp"

namespace mm {

// Parses and validates a questionnaire. Throws InputError listing every error found.
Questionnaire load_questionnaire(const SourceText& source);

// The questionnaire behind `-q NAME|FILE` (the rule of resolve_questionnaire): a built-in one from its compiled
// form, which the build loaded from its YAML (no parsing at run time), else the file loaded by load_questionnaire.
Questionnaire open_questionnaire(const std::string& spec);
// A built-in questionnaire from its compiled form: what load_questionnaire gives for its text.
Questionnaire load_builtin(const BuiltinQuestionnaire& builtin);

// Problems that do not stop a questionnaire from working but probably are mistakes: a dimension with no
// question at some level (that level is then met by default). `validate` prints them; `--strict` fails on them.
std::vector<Diagnostic> lint_questionnaire(const Questionnaire& q);

// Parses an answers file (YAML or JSON) into an AnswerSet without a questionnaire; see check_answers.
AnswerSet load_answers(const SourceText& source);

// Checks answers against the questionnaire: the questionnaire id, unknown question ids (with the nearest id as
// a suggestion), values the question does not accept, profile answers. Throws InputError.
void check_answers(const Questionnaire& q, const AnswerSet& answers);

// Parses one answer value as written in a file or in `--answer ID=VALUE`: yes/true, partial, no/false, n/a, or
// a whole number (a choice level). Returns false for anything else.
bool parse_answer_value(const std::string& text, bool quoted, Answer& out);

// Applies `--answer ID=VALUE` overrides (they win over the file). A profile question id sets the profile.
// Throws InputError naming the option for a malformed one.
void apply_answer_overrides(const Questionnaire& q, AnswerSet& answers, const std::vector<std::string>& overrides);

// "sha256:<hex>" of the bytes.
std::string content_digest(const std::string& bytes);

}  // namespace mm
