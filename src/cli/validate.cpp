// `validate`: check questionnaires, reporting every problem in every file.
#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "cli/cli.hpp"
#include "mm/loading.hpp"
#include "mm/output.hpp"
#include "mm/source.hpp"

namespace mm::cli {

namespace {

struct ValidateOptions {
    std::vector<std::string> files;
    bool strict = false;
};

ExitCode run_validate(const ValidateOptions& o) {
    bool all_valid = true;
    std::string out;
    for (const auto& file : o.files) {
        try {
            Questionnaire q = open_questionnaire(file);
            auto warnings = lint_questionnaire(q);
            print_diagnostics(warnings);
            if (o.strict && !warnings.empty()) {
                all_valid = false;
                std::cerr << escape_controls(file) << ": invalid with --strict (" << warnings.size() << " warnings)\n";
                continue;
            }
            auto count = [](std::size_t n, const char* what) {
                return fmt::format("{} {}{}", n, what, n == 1 ? "" : "s");
            };
            out += fmt::format("{}: valid ({}, {}, {}, {}{})\n", escape_controls(file), q.id, count(q.levels.size(), "level"),
                               count(q.dimensions.size(), "dimension"), count(q.question_count(), "question"),
                               warnings.empty() ? "" : ", " + count(warnings.size(), "warning"));
        } catch (const InputError& e) {
            all_valid = false;
            print_diagnostics(e.diagnostics());
        }
    }
    emit(out, "");
    return all_valid ? ExitCode::Ok : ExitCode::BadInput;
}

}  // namespace

void setup_validate(CLI::App& app, Context& ctx) {
    auto o = std::make_shared<ValidateOptions>();
    CLI::App* sub = app.add_subcommand("validate", "Check questionnaire files and report every problem");
    sub->add_option("files", o->files, "Questionnaire files (or built-in ids)")->required();
    sub->add_flag("--strict", o->strict, "Treat warnings as errors");
    sub->footer("Examples:\n  mlops-maturity validate my-questionnaire.yaml\n  mlops-maturity validate --strict questionnaires/*.yaml");
    sub->callback([o, &ctx] { ctx.exit = run_validate(*o); });
}

}  // namespace mm::cli
