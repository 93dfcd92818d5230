// The gap list as CSV (docs/reports.md, "CSV"), for backlog tools that turn rows into tickets: RFC 4180, and safe
// to open in a spreadsheet (a cell that would start a formula is prefixed with a quote).
#include <string>

#include "mm/render.hpp"
#include "render_escape_csv.hpp"
#include "render_waivers.hpp"

namespace mm {

std::string render_csv(const Report& r) {
    const auto row = [](std::initializer_list<std::string> cells) {
        std::string out;
        bool first = true;
        for (const auto& c : cells) {
            out += (first ? "" : ",") + csv_cell(c);
            first = false;
        }
        return out + "\r\n";
    };
    std::string out = row({"id", "dimension", "level", "priority", "practice", "tools", "waiver"});
    for (const Gap& g : r.assessment.gaps) {
        std::string practice = g.practice;
        if (g.next_option) practice = "Next: " + g.next_option_text + ". " + practice;
        std::string tools;
        for (const auto& t : g.tools) tools += (tools.empty() ? "" : ", ") + t;
        const WaiverResult* w = render_waivers::of_gap(r, g.question);
        out += row({g.question, g.dimension, std::to_string(g.level), std::to_string(g.priority), practice, tools,
                    w ? waiver_text(*w) : std::string()});
    }
    return out;
}

}  // namespace mm
