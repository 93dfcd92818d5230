// `report`: renders a saved JSON report again, in any report format, without the answers.
#include <unistd.h>

#include <memory>

#include "cli/cli.hpp"
#include "mm/output.hpp"
#include "mm/report.hpp"
#include "mm/source.hpp"

namespace mm::cli {

namespace {

struct ReportOptions {
    std::string input;
    std::string format = "text";
    std::string output;
    std::string color = "auto";
    bool all = false;
    bool roadmap = false;
};

ExitCode run_report(const ReportOptions& o) {
    check_roadmap_format(o.roadmap, o.format);
    SourceText src = read_source(o.input);
    Report report = read_report(src.text, src.name);
    TextOptions to = text_options(o.output, o.color);
    to.show_all = o.all;
    if (o.roadmap) {
        emit(o.format == "markdown" ? render_roadmap_markdown(report) : render_roadmap_text(report, to), o.output);
        return ExitCode::Ok;
    }
    emit(render_report(report, o.format, to), o.output);
    return ExitCode::Ok;
}

}  // namespace

void setup_report(CLI::App& app, Context& ctx) {
    auto o = std::make_shared<ReportOptions>();
    CLI::App* sub = app.add_subcommand("report", "Render a saved JSON report as text, Markdown, HTML or JUnit XML");
    sub->add_option("report", o->input, "A JSON report written by 'assess -f json' ('-' for stdin)")->required();
    sub->add_option("-f,--format", o->format, "Report format")
        ->check(CLI::IsMember(format_names(report_formats())))
        ->capture_default_str();
    sub->add_option("-o,--output", o->output, "Write to FILE (atomically) instead of stdout");
    sub->add_flag("--all", o->all, "Text: show practices beyond the target level in full");
    sub->add_flag("--roadmap", o->roadmap, "Text or Markdown: per level above the current one, the defining "
                                           "practices missing, then the supporting ones counted");
    add_color_option(*sub, o->color);
    sub->footer(
        "Examples:\n"
        "  mlops-maturity report report.json\n"
        "  mlops-maturity report report.json --roadmap\n"
        "  mlops-maturity report report.json -f html -o maturity.html\n"
        "  mlops-maturity report report.json -f markdown >> \"$GITHUB_STEP_SUMMARY\"\n"
        "  mlops-maturity report report.json -f junit -o maturity-junit.xml");
    sub->callback([o, &ctx] { ctx.exit = run_report(*o); });
}

}  // namespace mm::cli
