#include "cli/interactive.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>

#include <fmt/format.h>

#include "mm/answers_file.hpp"
#include "mm/background_save.hpp"
#include "mm/loading.hpp"
#include "mm/output.hpp"
#include "mm/prompt.hpp"
#include "mm/render.hpp"
#include "mm/source.hpp"

namespace mm::cli {

namespace {

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

// A word the shell reads back as itself.
std::string shell_quote(const std::string& s) {
    if (!s.empty() && s.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_./-=:,+@%") ==
                          std::string::npos)
        return s;
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

std::string shown_path(const std::string& path) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::path p(path);
    if (!p.is_absolute()) return path;
    const fs::path cwd = fs::current_path(ec);
    if (ec) return path;
    const fs::path rel = p.lexically_normal().lexically_relative(cwd.lexically_normal());
    if (rel.empty() || *rel.begin() == "..") return path;
    return rel.string();
}

HintCommand& HintCommand::add(const std::string& flag, const std::string& value) {
    groups_.push_back(flag + " " + shell_quote(value));
    return *this;
}

HintCommand& HintCommand::add_path(const std::string& flag, const std::string& path) {
    return add(flag, shown_path(path));
}

std::string HintCommand::text(int width, int indent) const {
    std::string out(static_cast<std::size_t>(indent), ' ');
    int column = indent;
    bool first = true;
    for (const auto& g : groups_) {
        const std::string word = terminal_safe(g);
        const int w = display_width(word);
        // Room for " word" and, when more follows, the " \" that continues the line; the last column is left
        // free, since some terminals wrap a line that fills it.
        const bool last = &g == &groups_.back();
        if (!first && column + 1 + w + (last ? 0 : 2) > width - 1) {
            out += " \\\n" + std::string(static_cast<std::size_t>(indent + 2), ' ');
            column = indent + 2;
        } else if (!first) {
            out += ' ';
            ++column;
        }
        out += word;
        column += w;
        first = false;
    }
    return out + "\n";
}

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

HintCommand Interview::command_with_answers(bool with_format) const {
    HintCommand cmd("mlops-maturity assess");
    // A built-in id is never an absolute path, so shown_path leaves it as it is.
    if (o_.questionnaire_spec != "mlops") cmd.add_path("-q", o_.questionnaire_spec);
    cmd.add_path("--answers", save_path_);
    if (!o_.team.empty()) cmd.add("--team", o_.team);
    if (!o_.scan_dir.empty()) cmd.add_path("--scan", o_.scan_dir);
    if (with_format) {
        if (o_.format != "text") cmd.add("-f", o_.format);
        if (!o_.output.empty()) cmd.add_path("-o", o_.output);
    }
    return cmd;
}

int Interview::width() const { return term_ ? std::min(term_->width(), 100) : 80; }

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
        say("Resuming from " + terminal_safe(shown_path(save_path_)) + ".\n");
    }
    if (answers.questionnaire_id.empty()) answers.questionnaire_id = q.id;
    // --team wins over the file's `team:` and is saved with the answers, so later runs need not repeat it.
    if (!o_.team.empty()) answers.team = o_.team;

    const std::size_t to_ask = questions_to_ask(q, answers, o_.review);
    if (to_ask == 0) {
        if (resumed || !o_.answers_path.empty())
            say("Every question is answered; add --review to go through them again.\n");
        // Nothing was saved, so the hints must name the file the answers came from, not an unwritten --save.
        if (!o_.answers_path.empty() && !exists(save_path_)) save_path_ = o_.answers_path;
        term_->restore();
        return std::nullopt;
    }

    // fail now, not after the first answer, when it cannot be written
    if (!exists(save_path_)) write_file_atomic(save_path_, render_answers_file(q, answers));
    // Each answer is saved on a thread of its own, so the next question is drawn without waiting for the disk
    // (bench/interactive); every way out of the walk below flushes, so what was answered is on disk before the
    // summary, the report or the exit (a failed write is reported by the next answer or by the flush).
    BackgroundSave saver;
    const std::string path = save_path_;
    const SaveAnswers save = [&saver, &q, path](const AnswerSet& a) {
        saver.save([&q, path, a] { write_file_atomic(path, render_answers_file(q, a)); });
    };

    WalkOptions wo;
    wo.review = o_.review;
    wo.save_path = shown_path(save_path_);
    wo.offer_scope = o_.target;
    if (scan) {
        wo.suggestions = walk_suggestions(q, *scan);
        wo.evidence_root = scan->root;
    }
    const WalkOutcome outcome = run_walk(q, answers, *term_, wo, save);
    saver.flush();
    term_->restore();
    if (outcome == WalkOutcome::Completed) return std::nullopt;

    const QuestionProgress p = question_progress(q, answers);
    std::string msg = outcome == WalkOutcome::Interrupted ? "Interrupted. " : "";
    msg += fmt::format("Answers saved to {} ({} of {} answered).\n", terminal_safe(shown_path(save_path_)),
                       p.applicable - p.left, p.applicable == 1 ? "1 question" : fmt::format("{} questions", p.applicable));
    msg += "Resume with:\n" + command_with_answers().text(width(), 2);
    say(msg);
    return outcome == WalkOutcome::Quit ? ExitCode::Ok : ExitCode::Interrupted;
}

void Interview::print_gate_hint(const Assessment& a) {
    if (!term_) return;
    // A bar the team passes today: failing CI on day one teaches a team to switch the gate off. The target is
    // where the bar goes next; the diff keeps any level from slipping back in between.
    const int today = a.overall_level;
    std::string head = "Gate this in CI";
    if (a.target && a.target->level > today)
        head += fmt::format(" (passes today; raise --min-level toward the target, {}):", a.target->level);
    else
        head += a.target ? " (the target is met):" : ":";
    // The report CI saves (the one asked for, when it is JSON), compared with the one saved on the main branch.
    const std::string report = o_.format == "json" && !o_.output.empty() ? shown_path(o_.output) : "report.json";
    HintCommand gate = command_with_answers(false);
    gate.add("--min-level", std::to_string(today)).add("-f", "json").add("-o", report);
    HintCommand diff("mlops-maturity diff");
    diff.add(shell_quote("main-" + std::filesystem::path(report).filename().string())).add(shell_quote(report)).add("--fail-on-regression");
    say(head + "\n" + gate.text(width(), 2) + diff.text(width(), 2));
}

}  // namespace mm::cli
