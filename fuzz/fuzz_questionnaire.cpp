// libFuzzer target: arbitrary bytes as a questionnaire file. Loading must either succeed or throw InputError
// (exit 2); a loaded questionnaire must render in every form the tool prints it in. Anything else (another
// exception, a sanitizer report, a hang) is a bug.
#include <cstddef>
#include <cstdint>
#include <string>

#include "mm/answers_file.hpp"
#include "mm/diagnostics.hpp"
#include "mm/loading.hpp"
#include "mm/model.hpp"
#include "mm/render.hpp"
#include "mm/source.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    mm::SourceText source{"fuzz.yaml", std::string(reinterpret_cast<const char*>(data), size)};
    mm::Questionnaire q;
    try {
        q = mm::load_questionnaire(source);
    } catch (const mm::InputError& e) {
        for (const auto& d : e.diagnostics()) (void)mm::terminal_safe(d.str());
        return 0;
    }
    (void)mm::lint_questionnaire(q);
    mm::TextOptions options;
    (void)mm::render_questionnaire_text(q, options);
    (void)mm::render_questionnaire_json(q);
    (void)mm::render_answers_file(q, mm::AnswerSet{});
    return 0;
}
