// `list`: the built-in questionnaires.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <memory>

#include "cli/cli.hpp"
#include "mm/loading.hpp"
#include "mm/output.hpp"
#include "mm/source.hpp"
#include "../json_text.hpp"

namespace mm::cli {

namespace {

struct ListOptions {
    std::string format = "text";
};

ExitCode run_list(const ListOptions& o) {
    nlohmann::ordered_json j = nlohmann::ordered_json::array();
    // The id column is as wide as the longest id (ml-test-score), so the columns line up.
    std::size_t id_width = 2;
    for (const auto& b : builtin_questionnaires()) id_width = std::max(id_width, b.id.size());
    std::string text = fmt::format("{:<{}} {:<8} {:>9}  {}\n", "ID", id_width, "VERSION", "QUESTIONS", "TITLE");
    for (const auto& b : builtin_questionnaires()) {
        Questionnaire q = load_builtin(b);
        text += fmt::format("{:<{}} {:<8} {:>9}  {}\n", q.id, id_width, q.version, q.question_count(), q.title);
        j.push_back({{"id", q.id}, {"title", q.title}, {"version", q.version}, {"questions", q.question_count()},
                     {"levels", q.levels.size()}, {"dimensions", q.dimensions.size()}});
    }
    emit(o.format == "json" ? json_text(j) : text, "");
    return ExitCode::Ok;
}

}  // namespace

void setup_list(CLI::App& app, Context& ctx) {
    auto o = std::make_shared<ListOptions>();
    CLI::App* sub = app.add_subcommand("list", "List the built-in questionnaires");
    sub->add_option("-f,--format", o->format, "Output format")->check(CLI::IsMember({"text", "json"}))->capture_default_str();
    sub->footer("Example:\n  mlops-maturity list");
    sub->callback([o, &ctx] { ctx.exit = run_list(*o); });
}

}  // namespace mm::cli
