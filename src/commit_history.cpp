// Reading a repository's history for the history rules: the commits HEAD reaches, newest first, at most
// kMaxHistoryThreshold of them, each reduced to its author date.
#include "commit_history.hpp"

#include <git2.h>
#include <re2/re2.h>

#include <algorithm>
#include <map>
#include <memory>
#include <queue>
#include <set>
#include <utility>
#include <vector>

#include "mm/model.hpp"
#include "mm/provenance.hpp"

namespace mm::scanning {

namespace {

constexpr std::int64_t kSecondsPerDay = 86400;

// A commit's date is whatever its author wrote: kept within about 300,000 years of 1970, so the arithmetic
// below cannot overflow on a forged one.
constexpr std::int64_t kMaxSeconds = 10'000'000'000'000;

// Days since 1970-01-01 of a local time given in seconds since the epoch (floor division: before 1970 too).
std::int64_t day_number(const AuthorTime& t) {
    const std::int64_t seconds = std::clamp(t.seconds, -kMaxSeconds, kMaxSeconds);
    const std::int64_t offset =
        std::clamp(static_cast<std::int64_t>(t.offset_minutes), std::int64_t{-100'000}, std::int64_t{100'000});
    const std::int64_t local = seconds + offset * 60;
    return local >= 0 ? local / kSecondsPerDay : -((-local + kSecondsPerDay - 1) / kSecondsPerDay);
}

// libgit2's global state, set up once: no owner check (a checkout owned by another user, as in CI containers, is
// only read, and nothing of it runs) and no global or system configuration (the scan depends on the repository
// alone, not on who runs it).
void init_libgit2() {
    static const bool ready = [] {
        git_libgit2_init();
#if LIBGIT2_VER_MAJOR > 1 || (LIBGIT2_VER_MAJOR == 1 && LIBGIT2_VER_MINOR >= 5)
        git_libgit2_opts(GIT_OPT_SET_OWNER_VALIDATION, 0);
#endif
        for (int level : {GIT_CONFIG_LEVEL_SYSTEM, GIT_CONFIG_LEVEL_XDG, GIT_CONFIG_LEVEL_GLOBAL})
            git_libgit2_opts(GIT_OPT_SET_SEARCH_PATH, level, "");
        return true;
    }();
    (void)ready;
}

std::string_view text_of(const char* s) { return s != nullptr ? std::string_view(s) : std::string_view(); }

// A commit's whole message, or "" (a commit object may have none).
std::string_view message_of(const git_commit* c) {
    const char* m = git_commit_message_raw(c);
    return m != nullptr ? std::string_view(m) : std::string_view();
}

std::string last_error() {
    const git_error* e = git_error_last();
    return e != nullptr && e->message != nullptr ? e->message : "unknown error";
}

template <typename T, void (*Free)(T*)>
struct Freer {
    void operator()(T* p) const { Free(p); }
};
using Repository = std::unique_ptr<git_repository, Freer<git_repository, git_repository_free>>;
using Commit = std::unique_ptr<git_commit, Freer<git_commit, git_commit_free>>;

}  // namespace

CommitActivity summarise_commits(const std::vector<AuthorTime>& times) {
    CommitActivity a;
    std::set<std::int64_t> days;
    for (const auto& t : times) days.insert(day_number(t));
    a.commits = static_cast<int>(times.size());
    a.days = static_cast<int>(days.size());
    if (!days.empty()) {
        a.first = utc_date(*days.begin() * kSecondsPerDay);
        a.last = utc_date(*days.rbegin() * kSecondsPerDay);
    }
    return a;
}

bool came_through_request(std::string_view message) {
    static const RE2 subject(
        R"(^(Merge pull request #[0-9]+ |Merged in .*\(pull request #[0-9]+\)|Merged PR [0-9]+:)|\(#[0-9]+\)\s*$)",
        RE2::Quiet);
    static const RE2 trailer(R"((?m)^(See merge request \S+![0-9]+|Reviewed-on: \S+))", RE2::Quiet);
    const std::size_t end = message.find('\n');
    const std::string_view first = message.substr(0, end);
    return RE2::PartialMatch(re2::StringPiece(first.data(), first.size()), subject) ||
           (end != std::string_view::npos &&
            RE2::PartialMatch(re2::StringPiece(message.data() + end, message.size() - end), trailer));
}

bool made_by_bot(std::string_view author_name, std::string_view author_email, std::string_view message) {
    static const RE2 bot_branch(R"(^Merge pull request #[0-9]+ from \S+/(dependabot|renovate|pre-commit-ci|snyk-))",
                                RE2::Quiet);
    if (author_name.find("[bot]") != std::string_view::npos || author_email.find("[bot]") != std::string_view::npos)
        return true;
    const std::string_view first = message.substr(0, message.find('\n'));
    return RE2::PartialMatch(re2::StringPiece(first.data(), first.size()), bot_branch);
}

std::string describe(const CommitActivity& a) {
    std::string s = (a.capped ? "the newest " : "") + std::to_string(a.commits) +
                    (a.commits == 1 ? " commit" : " commits") + " on " + std::to_string(a.days) +
                    (a.days == 1 ? " day" : " days");
    if (!a.first.empty()) s += a.first == a.last ? ", " + a.first : ", " + a.first + " to " + a.last;
    if (a.merged_requests > 0)
        s += ", " + std::to_string(a.merged_requests) + " of " + std::to_string(a.mainline) +
             " on the main line through pull or merge requests";
    if (a.shallow) s += " (a shallow clone: older commits are not here)";
    return s;
}

std::optional<CommitActivity> read_commit_activity(const std::string& root, std::string& error) {
    init_libgit2();
    error.clear();
    git_repository* raw = nullptr;
    int rc = git_repository_open_ext(&raw, root.c_str(), GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr);
    Repository repo(raw);
    if (rc == GIT_ENOTFOUND) return std::nullopt;
    if (rc != 0) {
        error = last_error();
        return std::nullopt;
    }
    if (git_repository_head_unborn(repo.get()) == 1) return std::nullopt;
    git_oid head;
    if (git_reference_name_to_id(&head, repo.get(), "HEAD") != 0) {
        error = last_error();
        return std::nullopt;
    }
    const bool shallow = git_repository_is_shallow(repo.get()) == 1;

    // Newest first by commit time, as `git log` walks, each commit once. Not libgit2's revwalk: before 1.7 it
    // does not stop at a shallow clone's boundary and fails on the parent that is not there. A parent that is
    // missing ends its line in a shallow clone and is an error in a full one.
    struct Pending {
        std::int64_t commit_time;
        AuthorTime author;
        bool merged_request;
        std::vector<git_oid> parents;
        bool read = false;  // among the commits counted (the newest kMaxHistoryThreshold)
    };
    auto later_first = [](const std::pair<std::int64_t, std::size_t>& a,
                          const std::pair<std::int64_t, std::size_t>& b) {
        return a.first < b.first || (a.first == b.first && a.second > b.second);
    };
    std::vector<Pending> pending;                 // every commit seen, by index; HEAD first
    std::map<std::string, std::size_t> index_of;  // by raw object id
    std::priority_queue<std::pair<std::int64_t, std::size_t>, std::vector<std::pair<std::int64_t, std::size_t>>,
                        decltype(later_first)>
        queue(later_first);
    auto key = [](const git_oid& id) { return std::string(reinterpret_cast<const char*>(id.id), GIT_OID_RAWSZ); };
    auto visit = [&](const git_oid& id) -> int {
        if (index_of.count(key(id)) != 0) return 0;
        git_commit* c = nullptr;
        if (int r = git_commit_lookup(&c, repo.get(), &id); r != 0) return r;
        Commit commit(c);
        const git_signature* author = git_commit_author(commit.get());
        Pending p{static_cast<std::int64_t>(git_commit_time(commit.get())),
                  {static_cast<std::int64_t>(author->when.time), author->when.offset},
                  came_through_request(message_of(commit.get())) &&
                      !made_by_bot(text_of(author->name), text_of(author->email), message_of(commit.get())),
                  {}};
        for (unsigned i = 0; i < git_commit_parentcount(commit.get()); ++i)
            p.parents.push_back(*git_commit_parent_id(commit.get(), i));
        index_of.emplace(key(id), pending.size());
        queue.emplace(p.commit_time, pending.size());
        pending.push_back(std::move(p));
        return 0;
    };
    if (visit(head) != 0) {
        error = last_error();
        return std::nullopt;
    }
    std::vector<AuthorTime> times;
    while (!queue.empty() && times.size() < static_cast<std::size_t>(kMaxHistoryThreshold)) {
        const std::size_t at = queue.top().second;
        queue.pop();
        times.push_back(pending[at].author);
        pending[at].read = true;
        for (const git_oid& parent : pending[at].parents) {
            const int r = visit(parent);
            if (r == GIT_ENOTFOUND && shallow) continue;
            if (r != 0) {
                error = last_error();
                return std::nullopt;
            }
        }
    }
    CommitActivity a = summarise_commits(times);
    a.capped = !queue.empty();
    a.shallow = shallow;
    // The main line: HEAD and its first parents, as far as the commits read go. Its merge commits and squashed
    // changes are how changes reached the branch; the commits of a merged branch are not.
    for (std::size_t at = 0; pending[at].read;) {
        ++a.mainline;
        a.merged_requests += pending[at].merged_request ? 1 : 0;
        if (pending[at].parents.empty()) break;
        auto next = index_of.find(key(pending[at].parents.front()));
        if (next == index_of.end()) break;
        at = next->second;
    }
    return a;
}

}  // namespace mm::scanning
