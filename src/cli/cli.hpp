// The command line: one file per subcommand (options struct, setup, run), wired together in app.cpp.
#pragma once

#include <CLI/CLI.hpp>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "mm/diagnostics.hpp"
#include "mm/merge.hpp"
#include "mm/model.hpp"
#include "mm/render.hpp"
#include "mm/scan.hpp"
#include "mm/scoring.hpp"

namespace mm {
struct Aggregate;
struct History;
struct ReportDiff;
}  // namespace mm

namespace mm::cli {

// Where a subcommand leaves its exit code for main to return.
struct Context {
    ExitCode exit = ExitCode::Ok;
};

using Setup = void (*)(CLI::App& app, Context& ctx);

// The subcommands, in the order `--help` lists them.
struct Command {
    const char* name;
    Setup setup;
};
const std::vector<Command>& commands();

void setup_assess(CLI::App& app, Context& ctx);
void setup_list(CLI::App& app, Context& ctx);
void setup_show(CLI::App& app, Context& ctx);
void setup_validate(CLI::App& app, Context& ctx);
void setup_init(CLI::App& app, Context& ctx);
void setup_report(CLI::App& app, Context& ctx);
void setup_diff(CLI::App& app, Context& ctx);
void setup_aggregate(CLI::App& app, Context& ctx);
void setup_history(CLI::App& app, Context& ctx);
void setup_merge(CLI::App& app, Context& ctx);
void setup_scan(CLI::App& app, Context& ctx);

// ---- shared by subcommands ----

const char* tool_version();

// --color auto|always|never, decided by use_color (mm/terminal.hpp).
void add_color_option(CLI::App& sub, std::string& mode);
// How a text report is laid out for where it goes (`-o FILE`; empty or "-" is stdout): colour per --color and the
// terminal's width when stdout is the destination, else no colour and 80 columns.
TextOptions text_options(const std::string& output, const std::string& color_mode);

// Parses `--min-level` values ("2", "data=3") against the questionnaire; throws InputError.
std::vector<Bar> parse_bars(const Questionnaire& q, const std::vector<std::string>& specs);

// `--roadmap` is a view of the text and Markdown reports; throws InputError for another format.
void check_roadmap_format(bool roadmap, const std::string& format);

// Prints diagnostics (warnings included) to stderr.
void print_diagnostics(const std::vector<Diagnostic>& diags);

// "4M", "512K", "1048576" as bytes; throws InputError naming `option`.
std::uint64_t parse_size(const std::string& text, const std::string& option);

// Standard input ('-') can be read once: throws InputError naming `where` (an option such as "--answers", or a
// command) when `inputs` has it twice or more.
void check_stdin_once(const std::vector<std::string>& inputs, const std::string& where);

// Several respondents' answers files (`assess -a A -a B`, `merge A B`, src/cli/merge.cpp): each loaded and checked
// against `q` on its own, and named (respondent_name). Throws InputError for standard input given twice and for
// two files with the same respondent name.
std::vector<Respondent> load_respondents(const Questionnaire& q, const std::vector<std::string>& paths,
                                         const std::string& command);

// `assess --scan DIR` (src/cli/scan.cpp), in two steps, for a scan that the interactive mode shows before the
// answers are complete: scan_repository() scans and prints the warnings; scan_into_answers() pre-fills the
// questions `answers` leaves open (given answers win), prints contradictions to stderr, applies
// --require-evidence, and returns the contradictions for the report. `prefill` false: only the contradictions
// (evidence of a course or of several projects suggests nothing). `commit_problem`: why the report will record no
// commit of DIR; when it is also why the history rules saw nothing, the two warnings are said as one.
ScanResult scan_repository(const Questionnaire& q, const std::string& dir, const ScanOptions& options,
                           const std::string& commit_problem = {});
std::vector<Contradiction> scan_into_answers(const Questionnaire& q, AnswerSet& answers, const ScanResult& scan,
                                             bool require_evidence, bool prefill = true);

// --project, --exclude and --whole-repo, shared by `scan` and `assess --scan` (docs/scan.md, "Projects inside a
// repository").
struct ScopeOptions {
    std::vector<std::string> exclude;
    std::string project;
    bool whole_repo = false;
};
void add_scope_options(CLI::App& sub, ScopeOptions& o, CLI::Option* needs = nullptr);
// The scan options those flags give (the file-size bound stays the default).
ScanOptions scan_options(const ScopeOptions& scope);
// Whether a course or several projects was scanned as a whole with neither --project nor --whole-repo: its
// evidence may then suggest no answer, and gives no level. mixed_layout_text() says so, "ROOT looks like
// LAYOUT: its evidence is not one team's practice", for the warning and the error that end it differently;
// warn_mixed_layout() prints the warning with the ways out.
bool mixed_layout_unchosen(const ScanResult& scan, const ScopeOptions& o);
std::string mixed_layout_text(const ScanResult& scan);
void warn_mixed_layout(const ScanResult& scan);

// ---- output formats: one table per view (mm/format_table.hpp); `-f` checks against its names ----

const FormatTable<Aggregate>& aggregate_formats();
const FormatTable<ReportDiff>& diff_formats();
const FormatTable<History>& history_formats();
// What `scan` lays out: the questionnaire, the scan, and whether it suggests answers (mixed_layout_unchosen).
struct ScanView {
    const Questionnaire& questionnaire;
    const ScanResult& scan;
    bool suggest;
};
const FormatTable<ScanView>& scan_formats();

// Runs `body` and maps what it throws to the exit-code contract, with the message on stderr: InputError 2 (its
// diagnostics), OutputError, out of memory and any other exception 3 ("internal error ... (please report this)").
int guarded(const std::function<int()>& body);

// Runs the command line; returns the process exit code.
int main(int argc, char** argv);

}  // namespace mm::cli
