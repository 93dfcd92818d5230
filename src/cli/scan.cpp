// `scan`: what a repository shows about each practice, and the answers it suggests (docs/scan.md).
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <iostream>
#include <memory>

#include "cli/cli.hpp"
#include "mm/answers_file.hpp"
#include "mm/loading.hpp"
#include "mm/output.hpp"
#include "mm/scan.hpp"
#include "mm/source.hpp"

namespace mm::cli {

namespace {

struct ScanCliOptions {
    std::string dir = ".";
    std::string questionnaire = "mlops";
    std::string format = "text";
    std::string output;
    std::string max_file_size = "4M";
    std::string color = "auto";
    ScopeOptions scope;
};

constexpr std::size_t kWarningsShown = 20;

void print_warnings(const ScanResult& r) {
    std::size_t n = std::min(r.warnings.size(), kWarningsShown);
    for (std::size_t i = 0; i < n; ++i) std::cerr << "mlops-maturity: warning: " << terminal_safe(r.warnings[i]) << '\n';
    if (r.warnings.size() > n)
        std::cerr << "mlops-maturity: warning: ... and " << (r.warnings.size() - n) << " more warnings\n";
}

// A line of a YAML comment: control characters (a newline in a directory name) would end the comment.
std::string comment_safe(std::string s) {
    for (char& c : s)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
    return s;
}

ExitCode run_scan(const ScanCliOptions& o) {
    Questionnaire q = open_questionnaire(o.questionnaire);
    ScanOptions so = scan_options(o.scope);
    so.max_file_size = parse_size(o.max_file_size, "--max-file-size");
    ScanResult r = scan_repository(q, o.dir, so);
    // A course or several projects scanned as one suggest nothing, in every format (the warning says why): their
    // evidence is not one team's practice. What was found is still listed, to pick a project from.
    const bool suggest = !mixed_layout_unchosen(r, o.scope);
    if (!suggest) {
        warn_mixed_layout(r);
        for (QuestionEvidence& e : r.questions) {
            e.suggestion.reset();
            e.suggested_option = 0;
        }
    }
    emit(find_format(scan_formats(), o.format).render(ScanView{q, r, suggest}, text_options(o.output, o.color)),
         o.output);
    return ExitCode::Ok;
}

std::string scan_text(const ScanView& v, const TextOptions& o) {
    return render_scan_text(v.questionnaire, v.scan, o.color, o.width);
}

std::string scan_json(const ScanView& v, const TextOptions&) {
    return render_scan_json(v.questionnaire, v.scan, tool_version());
}

// An answers file that says what was scanned.
std::string scan_yaml(const ScanView& v, const TextOptions&) {
    const ScanResult& r = v.scan;
    std::string out = "# Scanned: " + comment_safe(r.root) +
                      (r.project.empty() ? "" : " --project " + comment_safe(r.project)) +
                      "; layout: " + comment_safe(layout_text(r)) + "\n";
    if (!v.suggest)
        out +=
            "# No answers suggested: the evidence of a course or of several projects is not one team's "
            "practice.\n# Scan one with --project DIR, or use --whole-repo.\n";
    return out + render_answers_file(v.questionnaire, suggested_answers(v.questionnaire, r));
}

}  // namespace

const FormatTable<ScanView>& scan_formats() {
    static const FormatTable<ScanView> formats{{"text", scan_text}, {"json", scan_json}, {"yaml", scan_yaml}};
    return formats;
}

std::uint64_t parse_size(const std::string& text, const std::string& option) {
    std::uint64_t n = 0;
    const char* end = text.data() + text.size();
    auto [p, ec] = std::from_chars(text.data(), end, n);
    std::string suffix(p, end);
    std::uint64_t unit = 1;
    if (suffix == "K" || suffix == "KiB" || suffix == "k") unit = 1u << 10;
    else if (suffix == "M" || suffix == "MiB") unit = 1u << 20;
    else if (suffix == "G" || suffix == "GiB") unit = 1u << 30;
    else if (!suffix.empty()) ec = std::errc::invalid_argument;
    if (ec != std::errc() || p == text.data() || n > (std::uint64_t{1} << 40) / unit)
        throw InputError(Diagnostic{option, 0, 0, "'" + text + "' is not a size (bytes, or with K, M or G: 4M)"});
    return n * unit;
}

ScanResult scan_repository(const Questionnaire& q, const std::string& dir, const ScanOptions& options,
                           const std::string& commit_problem) {
    ScanResult r = scan_tree(q, dir, options);
    // One cause (HEAD names no branch, a missing objects directory), one warning with both of its effects.
    if (!commit_problem.empty() && r.history_problem == commit_problem) {
        auto said = std::find(r.warnings.begin(), r.warnings.end(), history_unreadable(commit_problem));
        if (said != r.warnings.end())
            *said = ".git: " + commit_problem +
                    ": history rules show nothing and the report records no commit; give it with --commit SHA";
    }
    print_warnings(r);
    return r;
}

void add_scope_options(CLI::App& sub, ScopeOptions& o, CLI::Option* needs) {
    CLI::Option* exclude = sub.add_option("--exclude", o.exclude,
                                          "Leave out what matches GLOB (.gitignore syntax, relative to DIR); "
                                          "repeatable")
                               ->type_name("GLOB");
    CLI::Option* project = sub.add_option("--project", o.project,
                                          "Scan only this directory of DIR (a project), with the repository's CI "
                                          "that runs it")
                               ->type_name("DIR");
    CLI::Option* whole = sub.add_flag("--whole-repo", o.whole_repo,
                                      "Suggest answers from a course or several projects as if they were one");
    if (needs) {
        exclude->needs(needs);
        project->needs(needs);
        whole->needs(needs);
    }
    whole->excludes(project);
}

ScanOptions scan_options(const ScopeOptions& scope) {
    ScanOptions so;
    so.exclude = scope.exclude;
    so.project = scope.project;
    return so;
}

bool mixed_layout_unchosen(const ScanResult& scan, const ScopeOptions& o) {
    return scan.layout.mixed() && scan.project.empty() && !o.whole_repo;
}

std::string mixed_layout_text(const ScanResult& scan) {
    return terminal_safe(scan.root) + " looks like " + terminal_safe(layout_text(scan)) +
           ": its evidence is not one team's practice";
}

void warn_mixed_layout(const ScanResult& scan) {
    // A student's single submission has no project to pick: only --whole-repo is a way out.
    const char* ways_out = scan.layout.coursework.empty()
                               ? "pick one with --project DIR (or leave folders out with --exclude GLOB), or use "
                                 "--whole-repo to take the evidence of the whole repository"
                               : "use --whole-repo to take its evidence anyway";
    std::cerr << "mlops-maturity: warning: " << mixed_layout_text(scan) << ", so no answers are suggested from it; "
              << ways_out << "\n";
}

std::vector<Contradiction> scan_into_answers(const Questionnaire& q, AnswerSet& answers, const ScanResult& r,
                                             bool require_evidence, bool prefill) {
    std::vector<Contradiction> contradictions = find_contradictions(q, answers, r);
    if (prefill) prefill_answers(q, r, answers);
    for (auto& c : contradictions) {
        std::string what = c.kind == Contradiction::Kind::NoButEvidence
                               ? "answered no, but the repository shows evidence (" +
                                     evidence_note(*r.find(c.question)) + "); is the answer out of date?"
                               : "answered yes, but none of its evidence rules matched (unverified)";
        std::cerr << "mlops-maturity: contradiction: " << terminal_safe(c.question) << ": " << terminal_safe(what)
                  << '\n';
    }
    if (require_evidence) apply_require_evidence(answers, contradictions);
    return contradictions;
}

void setup_scan(CLI::App& app, Context& ctx) {
    auto o = std::make_shared<ScanCliOptions>();
    CLI::App* sub = app.add_subcommand(
        "scan", "Look for evidence of each practice in a repository and suggest answers (executes nothing)");
    sub->add_option("dir", o->dir, "Directory to scan")->capture_default_str();
    sub->add_option("-q,--questionnaire", o->questionnaire, "Built-in questionnaire id or a YAML file")
        ->capture_default_str();
    sub->add_option("-f,--format", o->format, "text, json, or yaml (an answers file for 'assess -a')")
        ->check(CLI::IsMember(format_names(scan_formats())))
        ->capture_default_str();
    sub->add_option("-o,--output", o->output, "Write to FILE (atomically) instead of stdout");
    sub->add_option("--max-file-size", o->max_file_size, "Larger files are not read (bytes, or 512K, 4M, 1G)")
        ->capture_default_str();
    add_scope_options(*sub, o->scope);
    add_color_option(*sub, o->color);
    sub->footer(
        "Examples:\n"
        "  mlops-maturity scan                                   what this repository shows\n"
        "  mlops-maturity scan course-repo --project 04-deployment   one project of a monorepo or course\n"
        "  mlops-maturity scan ../repo -f yaml -o answers.yaml   suggested answers, to review and commit\n"
        "  mlops-maturity assess -a answers.yaml --scan . --require-evidence --min-level 2");
    sub->callback([o, &ctx] { ctx.exit = run_scan(*o); });
}

}  // namespace mm::cli
