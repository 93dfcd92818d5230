// `history`: one team's saved reports over time, ordered by date: levels, a line chart, practices adopted and lost.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>
#include <system_error>

#include "cli/cli.hpp"
#include "mm/history.hpp"
#include "mm/output.hpp"
#include "mm/source.hpp"

namespace mm::cli {

namespace {

namespace fs = std::filesystem;

struct HistoryOptions {
    std::vector<std::string> inputs;
    std::string format = "text";
    std::string output;
    std::string color = "auto";
};

// The report files: each file as given, and the `*.json` files directly in each directory, by name.
std::vector<std::string> report_paths(const std::vector<std::string>& inputs) {
    std::vector<std::string> out;
    for (const auto& in : inputs) {
        std::error_code ec;
        if (in == "-" || !fs::is_directory(in, ec)) {
            out.push_back(in);
            continue;
        }
        std::vector<std::string> found;
        for (fs::directory_iterator it(in, ec), end; !ec && it != end; it.increment(ec))
            if (it->path().extension() == ".json" && !it->is_directory(ec)) found.push_back(it->path().string());
        if (ec) throw InputError(Diagnostic{in, 0, 0, "cannot read the directory: " + ec.message()});
        if (found.empty())
            throw InputError(Diagnostic{in, 0, 0, "no JSON reports (*.json) in this directory"});
        std::sort(found.begin(), found.end());
        out.insert(out.end(), found.begin(), found.end());
    }
    return out;
}

ExitCode run_history(const HistoryOptions& o) {
    check_stdin_once(o.inputs, "history");
    std::vector<NamedReport> reports;
    for (const auto& path : report_paths(o.inputs)) {
        SourceText src = read_source(path);
        reports.push_back({src.name, read_report(src.text, src.name)});
    }
    History h = build_history(std::move(reports));
    for (const auto& n : h.notes) std::cerr << escape_controls("mlops-maturity: warning: " + n) << '\n';
    emit(find_format(history_formats(), o.format).render(h, text_options(o.output, o.color)), o.output);
    return ExitCode::Ok;
}

}  // namespace

const FormatTable<History>& history_formats() {
    static const FormatTable<History> formats{
        {"text", [](const History& h, const TextOptions& o) { return render_history_text(h, o); }},
        {"json", [](const History& h, const TextOptions&) { return render_history_json(h); }},
        {"markdown", [](const History& h, const TextOptions&) { return render_history_markdown(h); }},
        {"html", [](const History& h, const TextOptions&) { return render_history_html(h); }},
    };
    return formats;
}

void setup_history(CLI::App& app, Context& ctx) {
    auto o = std::make_shared<HistoryOptions>();
    CLI::App* sub = app.add_subcommand(
        "history", "One team's reports over time: levels by date, a line chart, practices adopted and lost");
    sub->add_option("reports", o->inputs, "JSON reports (with a date) of one questionnaire, or directories of them")
        ->required();
    sub->add_option("-f,--format", o->format, "Output format")
        ->check(CLI::IsMember(format_names(history_formats())))
        ->capture_default_str();
    sub->add_option("-o,--output", o->output, "Write to FILE (atomically) instead of stdout");
    add_color_option(*sub, o->color);
    sub->footer(
        "Reports are ordered by their date (assess --date, SOURCE_DATE_EPOCH or the day they were made); a\n"
        "directory stands for the *.json files directly in it. Reports of several teams, questionnaire versions\n"
        "or scoring rules are shown, with a warning that says so.\n\n"
        "Examples:\n"
        "  mlops-maturity history reports/\n"
        "  mlops-maturity history 2026-*.json -f html -o history.html");
    sub->callback([o, &ctx] { ctx.exit = run_history(*o); });
}

}  // namespace mm::cli
