// `show`: a questionnaire, readable or as JSON.
#include <unistd.h>

#include <memory>

#include "cli/cli.hpp"
#include "mm/loading.hpp"
#include "mm/output.hpp"
#include "mm/source.hpp"

namespace mm::cli {

namespace {

struct ShowOptions {
    std::string questionnaire = "mlops";
    std::string format = "text";
    std::string color = "auto";
};

ExitCode run_show(const ShowOptions& o) {
    Questionnaire q = open_questionnaire(o.questionnaire);
    emit(o.format == "json" ? render_questionnaire_json(q) : render_questionnaire_text(q, text_options("", o.color)),
         "");
    return ExitCode::Ok;
}

}  // namespace

void setup_show(CLI::App& app, Context& ctx) {
    auto o = std::make_shared<ShowOptions>();
    CLI::App* sub = app.add_subcommand("show", "Show a questionnaire: its levels, dimensions and questions");
    sub->add_option("questionnaire", o->questionnaire, "Built-in questionnaire id or a YAML file")->capture_default_str();
    sub->add_option("-f,--format", o->format, "Output format")->check(CLI::IsMember({"text", "json"}))->capture_default_str();
    add_color_option(*sub, o->color);
    sub->footer("Examples:\n  mlops-maturity show mlops\n  mlops-maturity show my-questionnaire.yaml -f json");
    sub->callback([o, &ctx] { ctx.exit = run_show(*o); });
}

}  // namespace mm::cli
