// Reading a repository's history for the history rules: the commits HEAD reaches, newest first, at most
// kMaxHistoryThreshold of them, each reduced to its author date.
#include "commit_history.hpp"

#include <git2.h>
#include <re2/re2.h>
#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
#include <queue>
#include <set>
#include <utility>
#include <vector>

#include "file_io.hpp"
#include "git_files.hpp"
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

}  // namespace

// libgit2's global state, set up once. The repository is read through its object database alone (no
// configuration is read at all: not the user's, not the repository's, whose includes could name any file), so
// the owner check and the configuration search paths are set only for what libgit2 might still look up.
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

namespace {

std::string_view text_of(const char* s) { return s != nullptr ? std::string_view(s) : std::string_view(); }

// A commit's message as git shows it (leading blank lines dropped), or "" (a commit object may have none).
std::string_view message_of(const git_commit* c) { return text_of(git_commit_message(c)); }

constexpr std::size_t kMaxCommitObject = 1u << 20;  // a commit: its header and message

bool is_sha1(const std::string& s) { return s.size() == GIT_OID_HEXSZ && is_object_name(s); }

// HEAD's id; nullopt with no error: an unborn branch.
std::optional<git_oid> head_id(const GitDirs& d, std::string& error) {
    const ResolvedHead head = resolve_head(d);
    if (head.unborn) return std::nullopt;
    git_oid id;
    if (!head.problem.empty()) {
        error = head.problem;
    } else if (!is_sha1(head.id) || git_oid_fromstrn(&id, head.id.data(), head.id.size()) != 0) {
        error = "a SHA-256 repository, which this build cannot read";
    } else {
        return id;
    }
    return std::nullopt;
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
using Odb = std::unique_ptr<git_odb, Freer<git_odb, git_odb_free>>;
using Object = std::unique_ptr<git_object, Freer<git_object, git_object_free>>;
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
    // Never destroyed: a history read the scan stopped waiting for may still be running when the process ends.
    static const RE2& subject = *new RE2(
        R"(^(Merge pull request #[0-9]+ |Merged in .*\(pull request #[0-9]+\)|Merged PR [0-9]+:)|\(#[0-9]+\)\s*$)",
        RE2::Quiet);
    static const RE2& trailer = *new RE2(R"((?m)^(See merge request \S+![0-9]+|Reviewed-on: \S+))", RE2::Quiet);
    const std::size_t end = message.find('\n');
    const std::string_view first = message.substr(0, end);
    return RE2::PartialMatch(re2::StringPiece(first.data(), first.size()), subject) ||
           (end != std::string_view::npos &&
            RE2::PartialMatch(re2::StringPiece(message.data() + end, message.size() - end), trailer));
}

std::string author_id(std::string_view author_name, std::string_view author_email) {
    std::string id(author_email.empty() ? author_name : author_email);
    for (char& c : id) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return id;
}

bool made_by_bot(std::string_view author_name, std::string_view author_email, std::string_view message) {
    // The bot's branch is the whole branch name's start: "from org/dependabot/pip/x", not "alice/feature/dependabot-x".
    static const RE2& bot_branch = *new RE2(
        R"(^(Merge pull request #[0-9]+ from [^/\s]+/|Merge branch ')(dependabot/|renovate/|pre-commit-ci-update-config|snyk-))",
        RE2::Quiet);
    if (author_name.find("[bot]") != std::string_view::npos || author_email.find("[bot]") != std::string_view::npos)
        return true;
    const std::string_view first = message.substr(0, message.find('\n'));
    return RE2::PartialMatch(re2::StringPiece(first.data(), first.size()), bot_branch);
}

bool reaches(const CommitActivity& a, const HistoryThresholds& t) {
    const bool share =
        t.merged_share == 0 || (a.mainline > 0 && static_cast<long long>(a.merged_requests) * 100 >=
                                                      static_cast<long long>(t.merged_share) * a.mainline);
    return a.commits >= t.commits && a.days >= t.days && a.merged_requests >= t.merged_requests && share &&
           a.authors >= t.authors;
}

std::string describe(const CommitActivity& a) {
    std::string s = std::to_string(a.commits) +
                    (a.capped ? " of the newest " + std::to_string(a.read) : std::string()) +
                    (a.commits == 1 && !a.capped ? " commit" : " commits") + " on " + std::to_string(a.days) +
                    (a.days == 1 ? " day" : " days");
    if (a.authors > 1) s += " by " + std::to_string(a.authors) + " authors";
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
    const std::optional<GitDirs> dirs = find_git_dirs(root, GitSearch::here, error);
    if (!dirs) return std::nullopt;
    if (!is_directory(dirs->common + "/objects")) {
        error = "no objects directory in the repository";
        return std::nullopt;
    }
    const std::optional<git_oid> head = head_id(*dirs, error);
    if (!head) return std::nullopt;
    const std::string objects = dirs->common + "/objects";
    if (struct stat st{}; ::lstat((objects + "/info/alternates").c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
        error = "objects/info/alternates is not a regular file";
        return std::nullopt;
    }
    git_odb* raw_odb = nullptr;
    if (git_odb_open(&raw_odb, objects.c_str()) != 0) {
        error = last_error();
        return std::nullopt;
    }
    const Odb odb(raw_odb);
    git_repository* raw_repo = nullptr;
    if (git_repository_wrap_odb(&raw_repo, odb.get()) != 0) {
        error = last_error();
        return std::nullopt;
    }
    const Repository repo(raw_repo);
    const std::set<std::string> boundary = shallow_boundary(*dirs);

    // Newest first by commit time, as `git log` walks, each commit once. Not libgit2's revwalk: it needs the
    // repository's configuration, and before 1.7 it does not stop at a shallow clone's boundary.
    struct Pending {
        std::int64_t commit_time;
        AuthorTime author;
        std::string author_id;  // the author's e-mail address in lower case (the name when it has none)
        bool merged_request;
        bool bot;
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
    CommitActivity a;
    // "" when the commit `id` (for HEAD, or a tag naming one) was taken in, else why not. Its header is read
    // first: a parent that is not a commit is not counted (git refuses it), nor an object too large to be one (a
    // forged message that inflates to gigabytes).
    auto visit = [&](const git_oid& id, bool is_head) -> std::string {
        if (index_of.count(key(id)) != 0) return {};
        std::size_t size = 0;
        git_object_t type = GIT_OBJECT_INVALID;
        if (git_odb_read_header(&size, &type, odb.get(), &id) != 0) return last_error();
        if (type != GIT_OBJECT_COMMIT && !(is_head && type == GIT_OBJECT_TAG)) return "not a commit";
        if (size > kMaxCommitObject) return "a commit object of " + std::to_string(size) + " bytes, not read";
        git_object* raw = nullptr;
        git_object* peeled = nullptr;
        if (git_object_lookup(&raw, repo.get(), &id, GIT_OBJECT_ANY) != 0) return last_error();
        const Object object(raw);
        if (git_object_peel(&peeled, object.get(), GIT_OBJECT_COMMIT) != 0) return "not a commit";  // a tag's target
        const Commit commit(reinterpret_cast<git_commit*>(peeled));
        const git_signature* author = git_commit_author(commit.get());
        if (author == nullptr) return "a commit without an author";
        const std::string_view message = message_of(commit.get());
        Pending p{static_cast<std::int64_t>(git_commit_time(commit.get())),
                  {static_cast<std::int64_t>(author->when.time), author->when.offset},
                  author_id(text_of(author->name), text_of(author->email)),
                  came_through_request(message),
                  made_by_bot(text_of(author->name), text_of(author->email), message),
                  {}};
        char hex[GIT_OID_HEXSZ + 1];
        git_oid_tostr(hex, sizeof hex, git_commit_id(commit.get()));
        const unsigned parents = git_commit_parentcount(commit.get());
        if (boundary.count(hex) == 0)
            for (unsigned i = 0; i < parents; ++i) p.parents.push_back(*git_commit_parent_id(commit.get(), i));
        else if (parents > 0)
            a.shallow = true;  // a shallow clone's boundary: its parents are not here
        index_of.emplace(key(id), pending.size());
        queue.emplace(p.commit_time, pending.size());
        pending.push_back(std::move(p));
        return {};
    };
    if (const std::string why = visit(*head, true); !why.empty()) {
        error = "HEAD: " + why;
        return std::nullopt;
    }
    std::vector<AuthorTime> times;
    std::set<std::string> authors;
    std::size_t& read = a.read;
    while (!queue.empty() && read < static_cast<std::size_t>(kMaxHistoryThreshold)) {
        const std::size_t at = queue.top().second;
        queue.pop();
        ++read;
        pending[at].read = true;
        if (!pending[at].bot) {
            times.push_back(pending[at].author);
            authors.insert(pending[at].author_id);
        }
        for (const git_oid& parent : pending[at].parents)
            if (const std::string why = visit(parent, false); !why.empty() && a.unreadable.empty()) {
                // One commit that cannot be read (missing, damaged, forged) ends its line, not the history.
                char hex[GIT_OID_HEXSZ + 1];
                git_oid_tostr(hex, sizeof hex, &parent);
                a.unreadable = std::string(hex).substr(0, 12) + ": " + why;
            }
    }
    const CommitActivity counted = summarise_commits(times);
    a.commits = counted.commits;
    a.days = counted.days;
    a.first = counted.first;
    a.last = counted.last;
    a.capped = !queue.empty();
    a.authors = static_cast<int>(authors.size());
    // The main line: HEAD and its first parents, as far as the commits read go. Its merge commits and squashed
    // changes are how changes reached the branch; the commits of a merged branch are not. Bots' are not the team's.
    for (std::size_t at = 0, steps = 0; pending[at].read && steps++ < read;) {  // git's ids admit no cycle
        if (!pending[at].bot) {
            ++a.mainline;
            a.merged_requests += pending[at].merged_request ? 1 : 0;
        }
        if (pending[at].parents.empty()) break;
        auto next = index_of.find(key(pending[at].parents.front()));
        if (next == index_of.end()) break;
        at = next->second;
    }
    return a;
}

}  // namespace mm::scanning
