// `assess` on a terminal: when to prompt, where answers are saved, resuming, and what to print when the walk
// stops. The walk itself is mm/prompt.hpp; this file binds it to files, the real terminal and exit codes.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "mm/diagnostics.hpp"
#include "mm/model.hpp"
#include "mm/prompt.hpp"
#include "mm/scan.hpp"
#include "mm/scoring.hpp"
#include "mm/terminal.hpp"

namespace mm::cli {

inline constexpr const char* kDefaultAnswersFile = "mlops-maturity-answers.yaml";

// Whether questions may be asked: standard input is a terminal, /dev/tty opens, neither --no-input nor
// CI=true (or 1) says otherwise.
bool can_prompt(bool no_input);

struct InterviewOptions {
    std::string questionnaire_spec = "mlops";  // as given to -q, for the resume and gate commands
    std::string answers_path;                  // --answers, or "" for none
    std::string save_path;                     // --save, or "" for the default
    bool review = false;
    std::string color = "auto";
    std::string scan_dir;  // --scan, or "": repeated in the resume and gate commands
    std::string team;      // --team, or "": saved in the answers file (`team:`) and repeated in the commands
    std::string format = "text";  // -f and -o: repeated in the resume command
    std::string output;
    // --target-level and the --min-level bars: the target the walk offers to stop at (prompt.hpp, offer_scope).
    ScoreOptions target;
};

// A command shown to the user (the resume, gate and "full report" hints): words grouped so that a flag stays
// with its value, paths shown relative to the current directory when they are under it, and lines broken only
// between groups, with a shell continuation (" \").
class HintCommand {
public:
    explicit HintCommand(std::string program) { groups_.push_back(std::move(program)); }
    HintCommand& add(const std::string& flag) { return groups_.push_back(flag), *this; }
    HintCommand& add(const std::string& flag, const std::string& value);
    HintCommand& add_path(const std::string& flag, const std::string& path);
    // The command on lines of at most `width` columns (a single group wider than that stays whole), the first
    // indented by `indent` spaces, the rest by `indent` + 2.
    std::string text(int width, int indent) const;

private:
    std::vector<std::string> groups_;
};

// A word the shell reads back as itself.
std::string shell_quote(const std::string& s);
// `path` relative to the current directory when it lies under it ("../x" and absolute paths elsewhere stay
// as given).
std::string shown_path(const std::string& path);

// The walk's view of a scan: per question with evidence, the hits, and the suggested answer for a practice
// question.
std::map<std::string, Suggestion> walk_suggestions(const Questionnaire& q, const ScanResult& scan);

class Interview {
public:
    explicit Interview(InterviewOptions options) : o_(std::move(options)) {}

    // Asks what is left to ask, saving after every answer. Without --answers, an existing save file is loaded
    // first (the session resumes). Returns the exit code when the walk was stopped (q: 0; Ctrl-C, SIGTERM,
    // SIGHUP: 130), or nothing to go on to the report. With `scan` (assess --scan on a terminal), each question's
    // evidence is shown under it and its suggested answer is what Enter takes.
    std::optional<ExitCode> run(const Questionnaire& q, AnswerSet& answers, const ScanResult* scan = nullptr);

    // After the report: how to gate CI with the saved answers, with a bar the team passes today (its overall
    // level) and a ratchet (diff --fail-on-regression against the last saved report), the target as the goal.
    void print_gate_hint(const Assessment& a);
    // The command that scores the saved answers again, with the flags the user gave.
    HintCommand command_with_answers(bool with_format = true) const;
    int width() const;
    // Whether the walk ran on a terminal (hints go there).
    bool on_terminal() const { return term_ != nullptr; }
    void say(const std::string& text);

private:

    InterviewOptions o_;
    std::string save_path_;
    std::unique_ptr<PosixTerminal> term_;
};

}  // namespace mm::cli
