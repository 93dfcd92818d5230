// The compiled form of a questionnaire: the loaded model as bytes. The built-in questionnaires are loaded (and so
// checked) at build time and embedded in this form, so running the tool on one parses no YAML, compiles no RE2
// pattern and hashes nothing (bench/assess). User questionnaires are always loaded from their YAML.
#pragma once

#include <string>
#include <string_view>

#include "mm/model.hpp"

namespace mm {

// Every field of `q`, source_name and digest included (question_index is rebuilt on decoding).
std::string encode_questionnaire(const Questionnaire& q);

// The questionnaire encode_questionnaire() wrote. The bytes come from the build, never from a user, so malformed
// bytes are a bug of the build: std::logic_error.
Questionnaire decode_questionnaire(std::string_view bytes);

}  // namespace mm
