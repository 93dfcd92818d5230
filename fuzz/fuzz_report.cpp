// libFuzzer target: arbitrary bytes as a saved JSON report (`report`, `diff` and `aggregate` read these).
// read_report either returns a Report or throws InputError; a Report it returns must render in every report
// format, and its JSON must be what nlohmann's dump prints for the same document (the report's streaming writer
// agrees with json_text byte for byte). read_report_summary (the streaming reader behind `aggregate`) must fail
// only by InputError, and its fast scanner must decide as nlohmann's reader does (the same summary or the same
// first error), also when reading into a summary that holds the previous input's, else the target aborts.
#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <functional>
#include <string>

#include "json_text.hpp"
#include "mm/aggregate.hpp"
#include "mm/diagnostics.hpp"
#include "mm/render.hpp"
#include "mm/report.hpp"
#include "report_summary.hpp"

namespace {

std::string outcome(const std::function<mm::ReportSummary()>& read) {
    try {
        return mm::summary_dump(read());
    } catch (const mm::InputError& e) {
        return "error: " + e.diagnostics().front().str();
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string text(reinterpret_cast<const char*>(data), size);
    const std::string summary = outcome([&] { return mm::read_report_summary(text, "fuzz-report.json"); });
    (void)mm::terminal_safe(summary);
    if (summary != outcome([&] { return mm::read_report_summary_reference(text, "fuzz-report.json"); })) std::abort();
    // Read again into a summary that holds the previous input's (aggregate reuses one per slot): the same outcome.
    static mm::ReportSummary reused;
    const std::string again = outcome([&] {
        mm::read_report_summary_into(text, "fuzz-report.json", reused);
        return reused;
    });
    if (again != summary) std::abort();
    mm::Report r;
    try {
        r = mm::read_report(text, "fuzz-report.json");
    } catch (const mm::InputError& e) {
        for (const auto& d : e.diagnostics()) (void)mm::terminal_safe(d.str());
        return 0;
    }
    mm::TextOptions options;
    options.show_all = true;
    for (const auto& format : mm::report_formats()) (void)format.render(r, options);  // every row of the table
    const std::string json = mm::render_json(r);
    if (json != mm::json_text(nlohmann::ordered_json::parse(json))) std::abort();
    return 0;
}
