// `init`: an answers template to fill in and commit.
#include <sys/stat.h>

#include <memory>

#include "cli/cli.hpp"
#include "mm/answers_file.hpp"
#include "mm/loading.hpp"
#include "mm/output.hpp"
#include "mm/source.hpp"

namespace mm::cli {

namespace {

struct InitOptions {
    std::string questionnaire = "mlops";
    std::string output;
    bool force = false;
};

ExitCode run_init(const InitOptions& o) {
    Questionnaire q = open_questionnaire(o.questionnaire);
    struct stat st {};
    if (!o.output.empty() && o.output != "-" && !o.force && ::stat(o.output.c_str(), &st) == 0)
        throw InputError(Diagnostic{o.output, 0, 0, "already exists; not overwriting answers (use --force to replace it)"});
    emit(render_answers_file(q, AnswerSet{}), o.output);
    return ExitCode::Ok;
}

}  // namespace

void setup_init(CLI::App& app, Context& ctx) {
    auto o = std::make_shared<InitOptions>();
    CLI::App* sub = app.add_subcommand("init", "Write an answers template: every question with its allowed values");
    sub->add_option("-q,--questionnaire", o->questionnaire, "Built-in questionnaire id or a YAML file")->capture_default_str();
    sub->add_option("-o,--output", o->output, "Write to FILE (atomically) instead of stdout");
    sub->add_flag("--force", o->force, "Replace FILE if it exists");
    sub->footer("Example:\n  mlops-maturity init -o answers.yaml && $EDITOR answers.yaml\n  mlops-maturity assess -a answers.yaml");
    sub->callback([o, &ctx] { ctx.exit = run_init(*o); });
}

}  // namespace mm::cli
