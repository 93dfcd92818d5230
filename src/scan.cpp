// Scanning a repository for evidence (docs/scan.md), in three parts: the plan of the questionnaire's rules and
// the evaluation of what matched (scan_plan.cpp, pure), the walk of the tree (scan_walk.cpp: two threads take
// directories from a shared stack; each file's path is matched once against every glob, one automaton, and a file
// is read only when some content rule's `in` glob matches it, then searched once with an RE2::Set of exactly the
// patterns that apply to it), and here what joins them: the scanned root and --project checked, the root's
// ignore files, the counts of every thread summed.
#include "mm/scan.hpp"

#include <fcntl.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <cstring>
#include <iterator>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>

#include "commit_history.hpp"
#include "mm/diagnostics.hpp"
#include "mm/layout.hpp"
#include "scan_plan.hpp"
#include "scan_walk.hpp"
#include "text_encoding.hpp"

namespace mm {

const QuestionEvidence* ScanResult::find(const std::string& question) const {
    for (const auto& q : questions)
        if (q.question == question) return &q;
    return nullptr;
}

namespace {

using namespace scanning;

// --project DIR as a path relative to the scanned root ("a/b": no "./", no trailing "/"), checked to be a
// directory inside it. `..`, absolute paths and symbolic links are refused: the project is part of the tree.
std::string normalise_project(const std::string& given, int rootfd) {
    if (given.empty()) return {};
    auto bad = [&](const std::string& why) {
        return InputError(Diagnostic{"--project", 0, 0, "'" + given + "' " + why});
    };
    if (given[0] == '/') throw bad("must be a directory relative to the scanned directory, e.g. --project models/churn");
    std::string out;
    for (std::size_t start = 0; start <= given.size();) {
        std::size_t slash = given.find('/', start);
        if (slash == std::string::npos) slash = given.size();
        const std::string part = given.substr(start, slash - start);
        start = slash + 1;
        if (part.empty() || part == ".") continue;
        if (part == "..") throw bad("must be inside the scanned directory (no '..')");
        if (!out.empty()) out += '/';
        out += part;
    }
    if (out.empty()) return {};  // "." is the whole tree
    struct stat st {};
    if (::fstatat(rootfd, out.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0)
        throw bad(std::string("cannot be scanned: ") + std::strerror(errno));
    if (!S_ISDIR(st.st_mode)) throw bad("is not a directory");
    for (std::size_t at = out.find('/'); at != std::string::npos; at = out.find('/', at + 1))
        if (::fstatat(rootfd, out.substr(0, at).c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISDIR(st.st_mode))
            throw bad("is not a directory");  // a symbolic link on the way
    return out;
}

// The first bytes of the README at the top of the scanned tree (`dir`, relative to `rootfd`; "" for the root), for
// the layout's coursework check: a regular file, never followed through a link, at most 4 KiB. Empty if none.
std::string read_readme_head(int rootfd, const std::string& dir) {
    static const char* const names[] = {"README.md", "README.rst", "README.txt", "README", "readme.md", "Readme.md"};
    for (const char* name : names) {
        const std::string path = dir.empty() ? std::string(name) : dir + "/" + name;
        const Fd fd(::openat(rootfd, path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK));
        struct stat st {};
        if (!fd || ::fstat(fd.get(), &st) != 0 || !S_ISREG(st.st_mode)) continue;
        std::string text(4096, '\0');
        std::size_t got = 0;
        read_all(fd.get(), text.data(), text.size(), got);  // what was read before an error is enough
        text.resize(got);
        // As the rules read it (a README written in UTF-16 is still a course's README).
        std::string decoded;
        const std::string_view head = utf8_text(text, decoded);
        if (!head.empty()) return std::string(head);
    }
    return {};
}

// The history for the history rules, read on a thread of its own beside the walk. A repository can hold what
// makes a read block (a FIFO where a pack or an object should be) or last: the scan waits at most kHistoryWait
// after the walk, then goes on without it. A thread that ended in time is joined, so its thread-local state
// (libgit2's, OpenSSL's) is freed before the scan goes on; one that did not is detached, to end with the process.
class HistoryReader {
public:
    explicit HistoryReader(std::string dir) : state_(std::make_shared<State>()) {
        thread_ = std::thread([state = state_, dir = std::move(dir)] {
            std::string error;
            std::optional<CommitActivity> activity;
            try {
                activity = read_commit_activity(dir, error);
            } catch (const std::exception& e) {  // out of memory: the history shows nothing, the scan goes on
                error = e.what();
            }
            const std::lock_guard<std::mutex> lock(state->mutex);
            state->activity = std::move(activity);
            state->error = std::move(error);
            state->done = true;
            state->ready.notify_all();
        });
    }
    HistoryReader(const HistoryReader&) = delete;
    HistoryReader& operator=(const HistoryReader&) = delete;
    ~HistoryReader() {
        if (thread_.joinable()) thread_.detach();  // still reading after the wait (or never waited for)
    }

    // Whether the read ended within `wait`; then `activity` and `error` are what it gave.
    bool wait(std::chrono::seconds wait, std::optional<CommitActivity>& activity, std::string& error) {
        {
            std::unique_lock<std::mutex> lock(state_->mutex);
            if (!state_->ready.wait_for(lock, wait, [this] { return state_->done; })) return false;
            activity = state_->activity;
            error = state_->error;
        }
        thread_.join();  // it has done its work: only its return is left
        return true;
    }

private:
    struct State {
        std::mutex mutex;
        std::condition_variable ready;
        bool done = false;
        std::optional<CommitActivity> activity;
        std::string error;
    };
    std::shared_ptr<State> state_;
    std::thread thread_;
};

constexpr std::chrono::seconds kHistoryWait{10};

// The history rules' hits, and the warnings that say what the history could not show.
void add_history(HistoryReader& history, const Plan& plan, std::vector<LeafHit>& hits,
                 std::vector<std::string>& warnings, std::string& history_problem) {
    std::optional<CommitActivity> activity;
    std::string error;
    if (!history.wait(kHistoryWait, activity, error)) {
        warnings.push_back(".git: reading the history took over " + std::to_string(kHistoryWait.count()) +
                           " s (a FIFO or device where git keeps a file?); history rules show nothing");
        return;
    }
    if (!activity) {
        if (!error.empty()) {
            warnings.push_back(history_unreadable(error));
            history_problem = std::move(error);
        }
        return;
    }
    auto found = history_hits(plan, *activity);
    std::move(found.begin(), found.end(), std::back_inserter(hits));
    if (activity->shallow && !activity->capped) {
        CommitActivity seen = *activity;
        seen.shallow = false;  // said once, by the warning
        warnings.push_back(".git: a shallow clone (" + describe(seen) +
                           "): history rules see only these commits; clone with the full history "
                           "(actions/checkout: fetch-depth: 0; GitLab: GIT_DEPTH: 0)");
    }
    if (!activity->unreadable.empty())
        warnings.push_back(".git: commit " + activity->unreadable + "; the history behind it is not counted");
}

}  // namespace

std::string history_unreadable(const std::string& problem) {
    return ".git: cannot read the history (" + problem + "); history rules show nothing";
}

ScanResult scan_tree(const Questionnaire& q, const std::string& root, const ScanOptions& options) {
    const Plan plan = make_plan(q);

    struct stat st {};
    if (::stat(root.c_str(), &st) != 0)
        throw InputError(Diagnostic{root, 0, 0, std::string("cannot scan: ") + std::strerror(errno)});
    if (!S_ISDIR(st.st_mode)) throw InputError(Diagnostic{root, 0, 0, "cannot scan: not a directory"});
    const Fd rootfd(::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    std::unique_ptr<char, decltype(&std::free)> real(::realpath(root.c_str(), nullptr), &std::free);
    if (!rootfd || !real)
        throw InputError(Diagnostic{root, 0, 0, std::string("cannot scan: ") + std::strerror(errno)});

    const std::string project = normalise_project(options.project, rootfd.get());
    IgnoreChain ignores = with_ignore_file(nullptr, rootfd.get(), ".git/info/exclude", "");
    ignores = with_ignore_file(ignores, rootfd.get(), ".gitignore", "");
    std::unique_ptr<HistoryReader> history;
    if (!plan.history_leaves.empty()) history = std::make_unique<HistoryReader>(real.get());
    // What the repository tracks is never ignored, as in git: a file committed in spite of a pattern is the team's.
    std::unique_ptr<TrackedPathsReader> tracked;
    if (::faccessat(rootfd.get(), ".git", F_OK, AT_SYMLINK_NOFOLLOW) == 0)
        tracked = std::make_unique<TrackedPathsReader>(real.get());
    std::vector<Local> locals =
        walk(plan, std::move(ignores), options, rootfd.get(), root, real.get(), project, tracked.get());
    const std::string readme = read_readme_head(rootfd.get(), project);

    ScanResult result;
    result.root = root;
    result.project = project;
    std::vector<LeafHit> all;
    std::vector<DirInfo> dirs;
    std::vector<std::string> deploy_pipelines;
    for (auto& l : locals) {
        ScanStats& s = result.stats;
        s.files += l.stats.files;
        s.directories += l.stats.directories;
        s.files_read += l.stats.files_read;
        s.bytes_read += l.stats.bytes_read;
        s.ignored += l.stats.ignored;
        s.skipped_dirs += l.stats.skipped_dirs;
        s.skipped_binary += l.stats.skipped_binary;
        s.skipped_large += l.stats.skipped_large;
        s.skipped_symlinks += l.stats.skipped_symlinks;
        s.unreadable += l.stats.unreadable;
        s.excluded += l.stats.excluded;
        s.inert_workflows += l.stats.inert_workflows;
        std::move(l.dirs.begin(), l.dirs.end(), std::back_inserter(dirs));
        std::move(l.deploy_pipelines.begin(), l.deploy_pipelines.end(), std::back_inserter(deploy_pipelines));
        for (auto& w : l.warnings) result.warnings.push_back(std::move(w));
        std::move(l.hits.begin(), l.hits.end(), std::back_inserter(all));
    }
    if (history) add_history(*history, plan, all, result.warnings, result.history_problem);
    // One cause, one warning: a .git that leads nowhere is said by the history reader when it ran.
    if (const std::string problem = tracked ? tracked->problem() : std::string();
        !problem.empty() && std::none_of(result.warnings.begin(), result.warnings.end(), [&](const std::string& w) {
            return w.find("(" + problem + ")") != std::string::npos;
        }))
        result.warnings.push_back(".git: cannot read the index (" + problem +
                                  "); files it tracks that .gitignore matches are left out");
    std::sort(result.warnings.begin(), result.warnings.end());
    result.layout = detect_layout(std::move(dirs), readme, deploy_pipelines);
    result.questions = evaluate(q, plan, std::move(all), options.max_hits_per_question);
    return result;
}

}  // namespace mm
