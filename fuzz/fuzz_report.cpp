// libFuzzer target: arbitrary bytes as a saved JSON report (`report`, `diff` and `aggregate` read these).
// read_report either returns a Report or throws InputError; a Report it returns must render in every report
// format. read_report_summary (the streaming reader behind `aggregate`) must agree to fail only by InputError.
#include <cstddef>
#include <cstdint>
#include <string>

#include "mm/aggregate.hpp"
#include "mm/diagnostics.hpp"
#include "mm/render.hpp"
#include "mm/report.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string text(reinterpret_cast<const char*>(data), size);
    try {
        (void)mm::read_report_summary(text, "fuzz-report.json");
    } catch (const mm::InputError& e) {
        for (const auto& d : e.diagnostics()) (void)mm::terminal_safe(d.str());
    }
    mm::Report r;
    try {
        r = mm::read_report(text, "fuzz-report.json");
    } catch (const mm::InputError& e) {
        for (const auto& d : e.diagnostics()) (void)mm::terminal_safe(d.str());
        return 0;
    }
    mm::TextOptions options;
    options.show_all = true;
    for (const auto& format : mm::report_formats()) (void)mm::render_report(r, format, options);
    return 0;
}
