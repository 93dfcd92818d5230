// `assess`: questionnaire + answers -> score -> gate -> report.
#include <unistd.h>

#include <cstdlib>
#include <ctime>
#include <future>
#include <iostream>
#include <memory>

#include "cli/cli.hpp"
#include "cli/interactive.hpp"
#include "mm/loading.hpp"
#include "mm/merge.hpp"
#include "mm/output.hpp"
#include "mm/provenance.hpp"
#include "mm/report.hpp"
#include "mm/source.hpp"
#include "mm/waivers.hpp"

namespace mm::cli {

namespace {

struct AssessOptions {
    std::string questionnaire = "mlops";
    std::string answers_path;                // one answers file (also the interactive mode's)
    std::vector<std::string> answers_paths;  // -a, repeatable: several respondents, merged
    std::vector<std::string> answer_overrides;
    std::string format = "text";
    std::string output;
    std::vector<std::string> min_levels;
    double min_score = -1.0;  // --min-score X (points questionnaires); below 0: not given
    int target_level = -1;
    std::string team;
    std::string color = "auto";
    bool all = false;
    bool no_input = false;
    std::string save_path;  // --save: where the interactive session keeps its answers
    bool review = false;    // --review: ask every question again, current answers shown
    std::string scan_dir;           // --scan: evidence pre-fills answers not given
    bool require_evidence = false;  // --require-evidence: unverified "yes" counts as "no"
    ScopeOptions scope;             // --project, --exclude, --whole-repo (with --scan)
    int top = -1;                   // --top N: the one-screen summary with N next steps
    bool roadmap = false;           // --roadmap: what each level above the current one takes
    bool require_complete = false;  // --require-complete: an unanswered question is an error (exit 2)
    std::string date;               // --date YYYY-MM-DD|none; empty: SOURCE_DATE_EPOCH, else today
    std::string commit;             // --commit SHA|none; empty: the commit checked out in --scan's directory
    std::string today;              // --today YYYY-MM-DD: the day waivers are judged on; empty: as --date's default
};

constexpr std::size_t kSummarySteps = 5;

// The command that shows everything the summary left out: the one given, with --all.
HintCommand full_report_command(const AssessOptions& o, const Interview* interview) {
    if (interview) return interview->command_with_answers(false).add("--all");
    HintCommand cmd("mlops-maturity assess");
    if (o.questionnaire != "mlops") cmd.add_path("-q", o.questionnaire);
    for (const auto& p : o.answers_paths) cmd.add_path("--answers", p);
    for (const auto& a : o.answer_overrides) cmd.add("--answer", a);
    if (!o.team.empty()) cmd.add("--team", o.team);
    if (!o.scan_dir.empty()) cmd.add_path("--scan", o.scan_dir);
    if (!o.scope.project.empty()) cmd.add_path("--project", o.scope.project);
    for (const auto& e : o.scope.exclude) cmd.add("--exclude", e);
    if (o.scope.whole_repo) cmd.add("--whole-repo");
    if (o.target_level >= 0) cmd.add("--target-level", std::to_string(o.target_level));
    for (const auto& m : o.min_levels) cmd.add("--min-level", m);
    if (o.min_score >= 0) cmd.add("--min-score", points_text(o.min_score));
    // Given on the command line, not by the environment (which gives them again to the command shown).
    auto given = [](const std::string& value, const char* env) {
        const char* e = std::getenv(env);
        return !value.empty() && (!e || value != e);
    };
    if (given(o.date, "MLOPS_MATURITY_DATE")) cmd.add("--date", o.date);
    if (given(o.commit, "MLOPS_MATURITY_COMMIT")) cmd.add("--commit", o.commit);
    return cmd.add("--all");
}

// Why the report will record no commit of the repository --scan looked in: "" when it records one, or when DIR is
// in no repository (nothing to say). A repository whose commit cannot be read gets a warning, not an error: the
// assessment stands.
std::string commit_problem(const std::optional<GitHead>& head) {
    return head && head->repository && head->commit.empty() ? head->problem : std::string();
}

const char* kHowToAnswer =
    "mlops-maturity: error: no answers given, and no terminal to ask them in.\n"
    "Provide answers in one of these ways:\n"
    "  mlops-maturity init -q {q} -o answers.yaml     # write a template, fill it in, commit it\n"
    "  mlops-maturity assess -q {q} --answers answers.yaml\n"
    "  mlops-maturity assess -q {q} --answer ID=VALUE ...\n"
    "or run 'mlops-maturity assess' in a terminal to answer interactively.\n";

// The views of the report (--roadmap, --top, --all) that go together with -f; throws InputError.
void check_views(const AssessOptions& o) {
    check_roadmap_format(o.roadmap, o.format);
    if (o.top >= 0 && o.format != "text")
        throw InputError(Diagnostic{"", 0, 0, "--top shortens the text report; drop it or use -f text"});
    if (o.top >= 0 && (o.all || o.roadmap))
        throw InputError(Diagnostic{"", 0, 0,
                                    "--top cannot be combined with --all or --roadmap; choose one view"});
}

// Unanswered questions count as not in place, which is right for a template filled in on purpose but
// surprising for a file left half done: say so on stderr (a walk on a terminal ends by saying so), and fail
// with --require-complete.
void check_complete(const AssessOptions& o, const Assessment& a, bool interviewed) {
    const std::string missing = unanswered_summary(a);
    if (missing.empty()) return;
    // The answers file named in the messages: none for standard input.
    const std::string file = o.answers_path == "-" ? std::string() : o.answers_path;
    if (o.require_complete)
        throw InputError(Diagnostic{"", 0, 0, missing + " and --require-complete is given: answer them" +
                                                  (file.empty() ? std::string() : " in " + file)});
    if (!interviewed)
        std::cerr << escape_controls("mlops-maturity: warning: " + missing +
                                     " and count as not in place; run 'mlops-maturity assess" +
                                     (file.empty() ? std::string() : " -a " + file) +
                                     "' in a terminal to answer them, or use --require-complete to fail")
                  << '\n';
}

// The gate of a points questionnaire is its final score (--min-score); of any other, its levels (--min-level). The
// other option would gate on a number the report does not lead with, so it is refused (docs/ci.md).
std::optional<double> check_gate_options(const Questionnaire& q, const AssessOptions& o) {
    const bool points = q.scoring_method == ScoringMethod::Points;
    if (points && !o.min_levels.empty())
        throw InputError(Diagnostic{"--min-level", 0, 0,
                                    "'" + q.id + "' is scored by points, not levels: gate on its final score with "
                                    "--min-score X (the lowest section score, 0 to 7 for ml-test-score)"});
    if (!points && o.min_score >= 0)
        throw InputError(Diagnostic{"--min-score", 0, 0,
                                    "'" + q.id + "' is scored by levels, not points: gate on them with --min-level N"});
    if (o.min_score < 0) return std::nullopt;
    return o.min_score;
}

// Frees what `value` holds now (assigning a new value gives the memory back; clear() would keep the capacity).
template <typename T>
void release(T& value) {
    value = T{};
}

// The one answers file (or standard input), read and parsed on a thread of its own while the questionnaire
// loads: both may be large YAML (a user questionnaire of 100,000 questions parses for seconds), and with two
// cores the shorter parse then costs no time. Its errors reach the caller where it used to be read, after the
// questionnaire's and the options', so which error shows first is unchanged. Invalid when there is nothing to
// read ahead, or no thread could be started (then it is read in place).
std::future<AnswerSet> read_answers_ahead(const AssessOptions& o) {
    if (o.answers_path.empty() || o.answers_paths.size() > 1) return {};
    try {
        return std::async(std::launch::async, [path = o.answers_path] { return load_answers(read_source(path)); });
    } catch (const std::system_error&) {
        return {};
    }
}

ExitCode run_assess(const AssessOptions& o) {
    std::future<AnswerSet> answers_ahead = read_answers_ahead(o);
    Questionnaire q = open_questionnaire(o.questionnaire);
    // Bars and views are checked before anything is asked or written, so a typo in CI fails fast.
    std::vector<Bar> bars = parse_bars(q, o.min_levels);
    const std::optional<double> min_score = check_gate_options(q, o);
    check_views(o);
    // When and what: checked before anything is asked, like the bars.
    const std::optional<std::string> date = resolve_date(o.date, std::getenv("SOURCE_DATE_EPOCH"),
                                                         local_date(std::time(nullptr)));
    const std::string commit = o.commit.empty() ? std::string() : check_commit_option(o.commit);
    const std::string today = resolve_today(o.today, std::getenv("SOURCE_DATE_EPOCH"), local_date(std::time(nullptr)));
    if (o.target_level > q.max_level())
        throw InputError(Diagnostic{"--target-level", 0, 0,
                                    "must be a level from 0 to " + std::to_string(q.max_level())});

    AnswerSet answers;
    // On a terminal, with nothing scripted, the answers are asked for (src/cli/interactive.cpp); --scan alone
    // is not scripted: its evidence is shown under the questions and suggests the default answers. Answers on
    // standard input are scripted: there is no file to save to or resume from.
    const bool several = o.answers_paths.size() > 1;  // several respondents: merged, never asked
    const bool scripted = !o.answer_overrides.empty() || o.answers_path == "-" || several;
    ScoreOptions so;
    if (o.target_level >= 0) so.target_level = o.target_level;
    so.gate = bars;
    std::optional<Interview> interview;
    if (!scripted && can_prompt(o.no_input))
        interview.emplace(InterviewOptions{o.questionnaire, o.answers_path, o.save_path, o.review, o.color,
                                           o.scan_dir, o.team, o.format, o.output, so});
    // Nothing to take answers from: no terminal to ask on, no answers file, no --answer.
    const bool no_answers = !interview && o.answers_path.empty() && !several && o.answer_overrides.empty();
    std::optional<MergedAnswers> merged;
    if (several) {
        merged = merge_answers(q, load_respondents(q, o.answers_paths, "--answers"));
        answers = merged->answers;
    } else if (!o.answers_path.empty()) {
        answers = answers_ahead.valid() ? answers_ahead.get() : load_answers(read_source(o.answers_path));
        check_answers(q, answers);
    } else if (no_answers && o.scan_dir.empty()) {
        std::string msg = kHowToAnswer;
        for (std::size_t at; (at = msg.find("{q}")) != std::string::npos;) msg.replace(at, 3, q.id);
        std::cerr << msg;
        return ExitCode::BadInput;
    }
    std::optional<ScanResult> scan;
    // The commit checked out where --scan looks, read from the repository's files unless --commit gives one.
    std::optional<GitHead> head;
    if (!o.scan_dir.empty() && commit.empty()) head = read_git_head(o.scan_dir);
    const std::string no_commit = commit_problem(head);  // said with the history's warning when it is its cause
    bool no_commit_said = false;
    // A course or several projects scanned as one suggest nothing (a warning says so), so they get no level
    // from evidence either.
    bool suggest = false;
    if (!o.scan_dir.empty()) {
        scan = scan_repository(q, o.scan_dir, scan_options(o.scope), no_commit);  // before asking: it is shown
        no_commit_said = !no_commit.empty() && scan->history_problem == no_commit;
        const bool unchosen = mixed_layout_unchosen(*scan, o.scope);
        // With nothing but that evidence to go on there is nothing to assess: one error, not a level 0 that
        // would read as the team's.
        if (no_answers && unchosen)
            throw InputError(Diagnostic{"", 0, 0,
                                        mixed_layout_text(*scan) +
                                            (scan->layout.coursework.empty()
                                                 ? ", so it gives no level; assess one project with --project DIR, "
                                                   "give answers with -a FILE, or use --whole-repo to take the "
                                                   "whole repository's evidence"
                                                 : ", so it gives no level; give answers with -a FILE, or use "
                                                   "--whole-repo to take its evidence anyway")});
        if (unchosen) warn_mixed_layout(*scan);
        suggest = !unchosen;
    }
    if (interview)
        if (std::optional<ExitCode> stopped = interview->run(q, answers, scan && suggest ? &*scan : nullptr))
            return *stopped;
    apply_answer_overrides(q, answers, o.answer_overrides);
    std::optional<std::vector<Contradiction>> contradictions;
    if (scan) contradictions = scan_into_answers(q, answers, *scan, o.require_evidence, suggest);

    so.from_evidence = suggest;
    Assessment a = score(q, answers, so);
    check_complete(o, a, interview.has_value());
    std::optional<GateResult> gate;
    // Waivers: the report keeps the levels without them; the gate judges the levels with the valid ones.
    std::optional<Waived> waived;
    if (!answers.waivers.empty()) {
        waived = apply_waivers(q, answers, a, today, so);
        print_diagnostics(waiver_warnings(answers, waived->summary));
    }
    if (!bars.empty() || min_score)
        gate = waived ? check_gate_with_waivers(*waived, bars, min_score) : check_gate(a, bars, min_score);
    Report report = make_report(q, std::move(a), gate);
    if (waived) report.waivers = std::move(waived->summary);
    if (merged) {
        report.respondents = std::move(merged->respondents);
        report.disagreements = std::move(merged->disagreements);
    }
    report.tool_version = tool_version();
    report.team = !o.team.empty() ? o.team : answers.team;
    report.contradictions = std::move(contradictions);
    if (date) report.date = *date;
    if (commit != "none") report.commit = commit.empty() && head ? head->commit : commit;
    if (!no_commit.empty() && !no_commit_said)
        std::cerr << escape_controls("mlops-maturity: warning: " + o.scan_dir +
                                     ": no commit recorded in the report: " + no_commit + "; give it with --commit SHA")
                  << '\n';
    // The report holds all that is rendered: the questionnaire, the answers and the scan go before rendering
    // builds its own copy of it all (on a 100,000-question questionnaire they are a third of the peak memory).
    release(q);
    release(answers);
    release(merged);
    release(waived);
    release(scan);

    TextOptions to = text_options(o.output, o.color);
    to.show_all = o.all;
    // On a terminal the text report is one screen (the level, why, the first steps) and says how to see the
    // rest; anywhere else (a pipe, -o, CI) it is the full report, as before. --top N asks for the short form.
    const bool to_terminal = (o.output.empty() || o.output == "-") && ::isatty(STDOUT_FILENO) == 1;
    const bool summary = o.format == "text" && !o.all && !o.roadmap && (o.top >= 0 || to_terminal);
    if (o.roadmap) {
        emit(o.format == "markdown" ? render_roadmap_markdown(report) : render_roadmap_text(report, to), o.output);
    } else if (summary) {
        std::string text = render_text_summary(report, to, o.top >= 0 ? static_cast<std::size_t>(o.top)
                                                                          : kSummarySteps);
        std::string more = "Full report: ";
        text += "\n" + more + full_report_command(o, interview ? &*interview : nullptr)
                                  .text(to.width, static_cast<int>(more.size()))
                                  .substr(more.size());
        emit(text, o.output);
    } else {
        emit(render_report(report, o.format, to), o.output);
    }
    if (interview) interview->print_gate_hint(report.assessment);

    if (gate && !gate->passed) {
        for (const auto& f : gate->failures) std::cerr << "mlops-maturity: gate failed: " << terminal_safe(f) << '\n';
        return ExitCode::GateFailed;
    }
    return ExitCode::Ok;
}

}  // namespace

void setup_assess(CLI::App& app, Context& ctx) {
    auto o = std::make_shared<AssessOptions>();
    CLI::App* sub = app.add_subcommand("assess", "Score answers, print the maturity report and gap report, gate CI");
    sub->add_option("-q,--questionnaire", o->questionnaire, "Built-in questionnaire id or a YAML file")
        ->capture_default_str();
    sub->add_option("-a,--answers", o->answers_paths,
                    "Answers file (YAML or JSON; '-' for stdin); repeat it for several respondents, merged by the "
                    "lower median, with their disagreements listed");
    sub->add_option("--answer", o->answer_overrides, "ID=VALUE, repeatable; wins over the answers file")
        ->type_name("ID=VALUE");
    sub->add_option("-f,--format", o->format, "Report format")
        ->check(CLI::IsMember(format_names(report_formats())))
        ->capture_default_str();
    sub->add_option("-o,--output", o->output, "Write the report to FILE (atomically) instead of stdout");
    sub->add_option("--min-level", o->min_levels,
                    "Fail (exit 1) below this level: N for overall, DIM=N for a dimension; repeatable")
        ->type_name("N|DIM=N");
    sub->add_option("--min-score", o->min_score,
                    "Points questionnaires (ml-test-score): fail (exit 1) when the final score is below X")
        ->type_name("X")
        ->check(CLI::Range(0.0, 1000.0));
    sub->add_option("--target-level", o->target_level, "Target level, instead of the one recommended from the profile")
        ->check(CLI::Range(0, 4));
    sub->add_option("--team", o->team, "Name of the team assessed, stored in the report");
    sub->add_flag("--all", o->all, "The full text report, practices beyond the target level in full "
                                   "(on a terminal the report is otherwise one screen)");
    sub->add_option("--top", o->top, "Text: the one-screen summary with the first N next steps "
                                     "(the default on a terminal, N=5)")
        ->type_name("N")
        ->check(CLI::Range(0, 1000));
    sub->add_flag("--roadmap", o->roadmap, "Text or Markdown: per level above the current one, the defining "
                                           "practices missing, then the supporting ones counted");
    sub->add_flag("--no-input", o->no_input, "Never prompt (also when CI=true is set)");
    sub->add_option("--save", o->save_path,
                    "On a terminal: keep answers in FILE, written after every key (default: the --answers file, "
                    "else mlops-maturity-answers.yaml; an existing one is resumed)")
        ->type_name("FILE");
    sub->add_flag("--review", o->review, "On a terminal: ask every question again, with its current answer shown");
    CLI::Option* scan = sub->add_option("--scan", o->scan_dir, "Pre-fill answers not given from evidence in DIR "
                                        "(on a terminal: shown under each question, Enter takes the suggestion); "
                                        "list answers it contradicts")->type_name("DIR");
    sub->add_flag("--require-evidence", o->require_evidence, "With --scan: an unverified 'yes' counts as 'no'")
        ->needs(scan);
    add_scope_options(*sub, o->scope, scan);
    sub->add_flag("--require-complete", o->require_complete,
                  "Fail (exit 2) when a question that applies is unanswered, instead of warning and counting it as "
                  "not in place");
    sub->add_option("--date", o->date, "Date of the assessment stored in the report: YYYY-MM-DD, or 'none' for "
                                       "byte-identical output (default: SOURCE_DATE_EPOCH's date, else today)")
        ->type_name("YYYY-MM-DD|none")
        ->envname("MLOPS_MATURITY_DATE");
    sub->add_option("--commit", o->commit, "Git commit assessed, stored in the report: a full hash, or 'none' "
                                           "(default: the commit checked out in the --scan directory)")
        ->type_name("SHA|none")
        ->envname("MLOPS_MATURITY_COMMIT");
    sub->add_option("--today", o->today, "The day waivers in the answers file are judged on: YYYY-MM-DD (default: "
                                         "SOURCE_DATE_EPOCH's date, else today)")
        ->type_name("YYYY-MM-DD");
    add_color_option(*sub, o->color);
    sub->footer(
        "Examples:\n"
        "  mlops-maturity assess -a answers.yaml\n"
        "  mlops-maturity assess -a answers.yaml --min-level 2 --min-level monitoring=3\n"
        "  mlops-maturity assess -a answers.yaml -f json -o report.json\n"
        "  mlops-maturity assess -q ml-test-score -a tests.yaml --min-score 2\n"
        "  mlops-maturity assess -a answers.yaml --roadmap\n"
        "  mlops-maturity assess -q my-questionnaire.yaml --answer data-versioning=yes");
    sub->callback([o, &ctx] {
        if (o->answers_paths.size() == 1) o->answers_path = o->answers_paths.front();
        ctx.exit = run_assess(*o);
    });
}

}  // namespace mm::cli
