// `assess` on a terminal: when to prompt, where answers are saved, resuming, and what to print when the walk
// stops. The walk itself is mm/prompt.hpp; this file binds it to files, the real terminal and exit codes.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>

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
};

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

    // After the report: one line on the terminal telling how to gate CI with the saved answers.
    void print_gate_hint(const Assessment& a);

private:
    std::string command_with_answers() const;
    void say(const std::string& text);

    InterviewOptions o_;
    std::string save_path_;
    std::unique_ptr<PosixTerminal> term_;
};

}  // namespace mm::cli
