// libFuzzer target: arbitrary bytes as an answers file for the built-in mlops questionnaire. load_answers and
// check_answers either succeed or throw InputError; accepted answers must score and pass through the gate.
#include <cstddef>
#include <cstdint>
#include <string>

#include "mm/diagnostics.hpp"
#include "mm/loading.hpp"
#include "mm/model.hpp"
#include "mm/render.hpp"
#include "mm/report.hpp"
#include "mm/scoring.hpp"
#include "mm/source.hpp"

namespace {

const mm::Questionnaire& questionnaire() {
    static const mm::Questionnaire q = mm::load_questionnaire(mm::resolve_questionnaire("mlops"));
    return q;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const mm::Questionnaire& q = questionnaire();
    mm::SourceText source{"fuzz-answers.yaml", std::string(reinterpret_cast<const char*>(data), size)};
    mm::AnswerSet answers;
    try {
        answers = mm::load_answers(source);
        mm::check_answers(q, answers);
    } catch (const mm::InputError& e) {
        for (const auto& d : e.diagnostics()) (void)mm::terminal_safe(d.str());
        return 0;
    }
    // Accepted answers must score and gate; rendering reports is fuzzed by fuzz_report (and would halve the
    // speed here).
    mm::Assessment a = mm::score(q, answers);
    (void)mm::check_gate(a, {mm::Bar{"", 2}, mm::Bar{q.dimensions.front().id, 1}});
    return 0;
}
