// libFuzzer target: arbitrary bytes as a saved JSON report (report, diff, aggregate read these). read_report
// either returns a Report or throws InputError; a Report it returns must render as JSON and text.
#include <cstddef>
#include <cstdint>
#include <string>

#include "mm/diagnostics.hpp"
#include "mm/render.hpp"
#include "mm/report.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string text(reinterpret_cast<const char*>(data), size);
    mm::Report r;
    try {
        r = mm::read_report(text, "fuzz-report.json");
    } catch (const mm::InputError& e) {
        for (const auto& d : e.diagnostics()) (void)mm::terminal_safe(d.str());
        return 0;
    }
    (void)mm::render_json(r);
    mm::TextOptions options;
    options.show_all = true;
    (void)mm::render_text(r, options);
    return 0;
}
