#include "cli/interactive.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>

#include <fmt/format.h>

#include "mm/answers_file.hpp"
#include "mm/loading.hpp"
#include "mm/output.hpp"
#include "mm/prompt.hpp"
#include "mm/render.hpp"
#include "mm/source.hpp"

namespace mm::cli {

namespace {

// A word the shell reads back as itself.
std::string shell_quote(const std::string& s) {
    if (!s.empty() && s.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_./-=:,+@%") ==
                          std::string::npos)
        return s;
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

bool exists(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0;
}

// A device, FIFO or socket (--save /dev/null): answers are written into it, and there is nothing in it to
// resume from.
bool is_node(const std::string& path) {
    struct stat st {};
    return ::stat(path.c_str(), &st) == 0 && (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode) || S_ISFIFO(st.st_mode) ||
                                              S_ISSOCK(st.st_mode));
}

}  // namespace

bool can_prompt(bool no_input) {
    if (no_input) return false;
    if (const char* ci = std::getenv("CI"); ci && (std::strcmp(ci, "true") == 0 || std::strcmp(ci, "1") == 0))
        return false;
    if (::isatty(STDIN_FILENO) != 1) return false;
    int fd = ::open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) return false;
    ::close(fd);
    return true;
}

std::string Interview::command_with_answers() const {
    std::string cmd = "mlops-maturity assess";
    if (o_.questionnaire_spec != "mlops") cmd += " -q " + shell_quote(o_.questionnaire_spec);
    cmd += " --answers " + shell_quote(save_path_);
    if (!o_.scan_dir.empty()) cmd += " --scan " + shell_quote(o_.scan_dir);
    return cmd;
}

void Interview::say(const std::string& text) {
    if (term_) term_->write(text);
}

std::map<std::string, Suggestion> walk_suggestions(const Questionnaire& q, const ScanResult& scan) {
    std::map<std::string, Suggestion> out;
    for (const auto& e : scan.questions) {
        if (e.hits.empty()) continue;
        Suggestion sg;
        const Question* qu = q.find_question(e.question);
        if (qu && qu->type == QuestionType::Practice) sg.answer = e.suggestion;
        sg.hits = e.hits;
        sg.hit_count = e.hit_count;
        sg.note = evidence_note(e);
        out.emplace(e.question, std::move(sg));
    }
    return out;
}

std::optional<ExitCode> Interview::run(const Questionnaire& q, AnswerSet& answers, const ScanResult* scan) {
    save_path_ = !o_.save_path.empty() ? o_.save_path : !o_.answers_path.empty() ? o_.answers_path
                                                                                 : kDefaultAnswersFile;
    term_ = PosixTerminal::open(o_.color);
    if (!term_) return std::nullopt;  // the terminal went away since can_prompt(): score what there is

    bool resumed = false;
    if (o_.answers_path.empty() && exists(save_path_) && !is_node(save_path_)) {
        // An earlier session left answers here: carry on from them rather than overwrite them.
        try {
            answers = load_answers(read_source(save_path_));
            check_answers(q, answers);
        } catch (const InputError& e) {
            std::vector<Diagnostic> diags = e.diagnostics();
            diags.push_back(Diagnostic{save_path_, 0, 0,
                                       "this answers file is left from an earlier session and cannot be resumed; "
                                       "fix it, remove it, or start afresh with --save OTHER_FILE"});
            throw InputError(std::move(diags));
        }
        resumed = true;
        say("Resuming from " + terminal_safe(save_path_) + ".\n");
    }
    if (answers.questionnaire_id.empty()) answers.questionnaire_id = q.id;

    const std::size_t to_ask = questions_to_ask(q, answers, o_.review);
    if (to_ask == 0) {
        if (resumed || !o_.answers_path.empty())
            say("Every question is answered; add --review to go through them again.\n");
        // Nothing was saved, so the hints must name the file the answers came from, not an unwritten --save.
        if (!o_.answers_path.empty() && !exists(save_path_)) save_path_ = o_.answers_path;
        term_->restore();
        return std::nullopt;
    }

    const SaveAnswers save = [&](const AnswerSet& a) { write_file_atomic(save_path_, render_answers_file(q, a)); };
    if (!exists(save_path_)) save(answers);  // fail now, not after the first answer, when it cannot be written

    WalkOptions wo;
    wo.review = o_.review;
    wo.save_path = save_path_;
    if (scan) {
        wo.suggestions = walk_suggestions(q, *scan);
        wo.evidence_root = scan->root;
    }
    const WalkOutcome outcome = run_walk(q, answers, *term_, wo, save);
    term_->restore();
    if (outcome == WalkOutcome::Completed) return std::nullopt;

    const std::size_t all = questions_to_ask(q, answers, true);
    const std::size_t left = questions_to_ask(q, answers, false);
    std::string msg = outcome == WalkOutcome::Interrupted ? "Interrupted. " : "";
    msg += fmt::format("Answers saved to {} ({} of {} answered).\n", terminal_safe(save_path_), all - left, all);
    msg += "Resume with:\n  " + terminal_safe(command_with_answers()) + "\n";
    say(msg);
    return outcome == WalkOutcome::Quit ? ExitCode::Ok : ExitCode::Interrupted;
}

void Interview::print_gate_hint(const Assessment& a) {
    if (!term_) return;
    const int level = a.target ? a.target->level : a.overall_level;
    say(fmt::format("Gate this in CI: {} --min-level {}\n", terminal_safe(command_with_answers()), level));
}

}  // namespace mm::cli
