// Writing answers files: the `init` template, the interactive autosave and `scan -f yaml` all produce the
// format that `--answers` reads (docs/answers-format.md), with each question's text and allowed values as comments.
#pragma once

#include <string>

#include "mm/model.hpp"

namespace mm {

std::string render_answers_file(const Questionnaire& q, const AnswerSet& answers);

// A YAML double-quoted scalar for any text.
std::string yaml_quote(const std::string& s);

}  // namespace mm
