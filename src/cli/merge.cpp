// `merge`: several respondents' answers files to one (docs/answers-format.md, "Several respondents"), with the
// questions where they disagree listed on stderr and as comments at the top of the merged file.
#include <iostream>
#include <memory>

#include "cli/cli.hpp"
#include "mm/answers_file.hpp"
#include "mm/loading.hpp"
#include "mm/merge.hpp"
#include "mm/output.hpp"
#include "mm/source.hpp"

namespace mm::cli {

namespace {

struct MergeOptions {
    std::string questionnaire = "mlops";
    std::vector<std::string> inputs;
    std::string output;
};

ExitCode run_merge(const MergeOptions& o) {
    Questionnaire q = open_questionnaire(o.questionnaire);
    const std::vector<Respondent> respondents = load_respondents(q, o.inputs, "merge");
    MergedAnswers m = merge_answers(q, respondents);
    std::string names;
    for (const auto& n : m.respondents) names += (names.empty() ? "" : ", ") + n;
    std::string head = "# Merged from " + std::to_string(m.respondents.size()) + " respondents (" + names +
                       ") by mlops-maturity merge: per question the lower median of their answers\n"
                       "# (n/a when most of them said so); notes are kept with each respondent's name.\n";
    const auto lines = disagreement_lines(m.disagreements);
    if (!lines.empty()) {
        head += "# They disagree by a whole step or more on " + std::to_string(lines.size()) + " question" +
                (lines.size() == 1 ? "" : "s") + ":\n";
        for (const auto& l : lines) head += "#   " + terminal_safe(l) + "\n";
    }
    emit(head + render_answers_file(q, m.answers), o.output);
    for (const auto& l : lines) std::cerr << escape_controls("mlops-maturity: disagreement: " + l) << '\n';
    return ExitCode::Ok;
}

}  // namespace

std::vector<Respondent> load_respondents(const Questionnaire& q, const std::vector<std::string>& paths,
                                         const std::string& command) {
    check_stdin_once(paths, command);
    std::vector<Respondent> respondents;
    for (const auto& path : paths) {
        AnswerSet one = load_answers(read_source(path));
        check_answers(q, one);
        respondents.push_back({respondent_name(one, path), std::move(one)});
    }
    for (std::size_t i = 0; i < respondents.size(); ++i)
        for (std::size_t j = 0; j < i; ++j)
            if (respondents[i].name == respondents[j].name)
                throw InputError(Diagnostic{paths[i], 0, 0,
                                            "respondent '" + respondents[i].name + "' is also " + paths[j] +
                                                ": give each file a 'respondent:' name of its own"});
    return respondents;
}

void setup_merge(CLI::App& app, Context& ctx) {
    auto o = std::make_shared<MergeOptions>();
    CLI::App* sub = app.add_subcommand(
        "merge", "Several respondents' answers files to one, listing the questions where they disagree");
    sub->add_option("answers", o->inputs, "Answers files, one per respondent")->required()->expected(2, 1000);
    sub->add_option("-q,--questionnaire", o->questionnaire, "Built-in questionnaire id or a YAML file")
        ->capture_default_str();
    sub->add_option("-o,--output", o->output, "Write the merged answers to FILE (atomically) instead of stdout");
    sub->footer(
        "Each respondent is named by the file's 'respondent:' key, else the file name. Disagreements (no beside\n"
        "yes, choice levels that differ, n/a beside an answer) go to stderr and into the merged file as comments.\n\n"
        "Examples:\n"
        "  mlops-maturity merge alice.yaml bob.yaml carol.yaml -o team-answers.yaml\n"
        "  mlops-maturity assess -a alice.yaml -a bob.yaml -a carol.yaml");
    sub->callback([o, &ctx] { ctx.exit = run_merge(*o); });
}

}  // namespace mm::cli
