// `diff`: what changed between two saved reports of the same questionnaire; a CI guard against backsliding.
#include <unistd.h>

#include <iostream>
#include <memory>

#include "cli/cli.hpp"
#include "mm/diff.hpp"
#include "mm/output.hpp"
#include "mm/source.hpp"

namespace mm::cli {

namespace {

struct DiffOptions {
    std::string old_path;
    std::string new_path;
    std::string format = "text";
    std::string output;
    std::string color = "auto";
    bool fail_on_regression = false;
};

ExitCode run_diff(const DiffOptions& o) {
    if (o.old_path == "-" && o.new_path == "-")
        throw InputError(Diagnostic{"diff", 0, 0, "only one of OLD and NEW can be standard input ('-')"});
    SourceText old_src = read_source(o.old_path);
    SourceText new_src = read_source(o.new_path);
    Report old_report = read_report(old_src.text, old_src.name);
    Report new_report = read_report(new_src.text, new_src.name);
    ReportDiff d = diff_reports(old_report, new_report, old_src.name, new_src.name);
    for (const auto& w : diff_warnings(d))
        std::cerr << escape_controls("mlops-maturity: warning: " + w) << '\n';

    emit(find_format(diff_formats(), o.format).render(d, text_options(o.output, o.color)), o.output);
    if (o.fail_on_regression && d.regressed()) {
        std::cerr << "mlops-maturity: regression: a maturity level went down since " << terminal_safe(old_src.name)
                  << '\n';
        return ExitCode::GateFailed;
    }
    return ExitCode::Ok;
}

}  // namespace

const FormatTable<ReportDiff>& diff_formats() {
    static const FormatTable<ReportDiff> formats{
        {"text", [](const ReportDiff& d, const TextOptions& o) { return render_diff_text(d, o); }},
        {"json", [](const ReportDiff& d, const TextOptions&) { return render_diff_json(d); }},
        {"markdown", [](const ReportDiff& d, const TextOptions&) { return render_diff_markdown(d); }},
    };
    return formats;
}

void setup_diff(CLI::App& app, Context& ctx) {
    auto o = std::make_shared<DiffOptions>();
    CLI::App* sub = app.add_subcommand("diff", "Compare two saved reports: level changes, practices adopted and lost");
    sub->add_option("old", o->old_path, "The earlier JSON report")->required();
    sub->add_option("new", o->new_path, "The later JSON report")->required();
    sub->add_option("-f,--format", o->format, "Output format")
        ->check(CLI::IsMember(format_names(diff_formats())))
        ->capture_default_str();
    sub->add_option("-o,--output", o->output, "Write to FILE (atomically) instead of stdout");
    sub->add_flag("--fail-on-regression", o->fail_on_regression,
                  "Exit 1 when the overall level or any dimension's level went down");
    add_color_option(*sub, o->color);
    sub->footer(
        "Examples:\n"
        "  mlops-maturity diff last-quarter.json report.json\n"
        "  mlops-maturity diff main-report.json report.json --fail-on-regression -f markdown >> \"$GITHUB_STEP_SUMMARY\"");
    sub->callback([o, &ctx] { ctx.exit = run_diff(*o); });
}

}  // namespace mm::cli
