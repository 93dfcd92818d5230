// Small builders shared by the unit tests.
#pragma once

#include <string>

#include "mm/loading.hpp"
#include "mm/source.hpp"

namespace mm::test {

inline Questionnaire questionnaire(const std::string& yaml, const std::string& name = "q.yaml") {
    return load_questionnaire(SourceText{name, yaml});
}

inline AnswerSet answers(const std::string& yaml, const std::string& name = "a.yaml") {
    return load_answers(SourceText{name, yaml});
}

inline std::string data_file(const std::string& relative) { return std::string(MM_TEST_DATA) + "/" + relative; }

// The message of the first diagnostic thrown by `f`, or "" when nothing was thrown.
template <typename F>
std::string first_error(F&& f) {
    try {
        f();
    } catch (const InputError& e) {
        return e.diagnostics().front().str();
    }
    return "";
}

// Every diagnostic thrown by `f`, one per line.
template <typename F>
std::string all_errors(F&& f) {
    try {
        f();
    } catch (const InputError& e) {
        return e.what();
    }
    return "";
}

}  // namespace mm::test
