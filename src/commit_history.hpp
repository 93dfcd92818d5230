// What a repository's git history shows about how its code is committed (docs/scan.md, "Git history"): how many
// commits HEAD reaches and on how many days they were made. Read with libgit2, which starts no process and runs
// nothing of the repository's (no hooks, no filters, no configured commands). Private to the library.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mm/model.hpp"

namespace mm::scanning {

struct CommitActivity {
    int commits = 0;       // reachable from HEAD, of the `read` newest; bots' aside
    std::size_t read = 0;  // the commits read, bots' too: at most kMaxHistoryThreshold (model.hpp)
    int days = 0;          // distinct days (each commit's author date, in the author's time zone)
    std::string first;     // the earliest of those days, YYYY-MM-DD
    std::string last;      // the latest
    int mainline = 0;      // of those, the main line: HEAD and its first parents
    int merged_requests = 0;  // of the main line, the changes that came through a pull or merge request, bots' aside
    int authors = 0;          // distinct authors of the commits counted (by e-mail address, any case), bots' aside
    bool shallow = false;     // a shallow clone whose boundary was reached: older commits are not here
    std::string unreadable;   // the first commit that could not be read, and why ("1a2b3c4d5e6f: ..."), or ""
    bool capped = false;   // more commits than were read
};

// Whether the history reaches every threshold a rule gives (the share as whole numbers: merged / main line >=
// share / 100; no main line reaches no share).
bool reaches(const CommitActivity& a, const HistoryThresholds& t);

// One commit's author time: seconds since the epoch, and the author's offset from UTC in minutes.
struct AuthorTime {
    std::int64_t seconds = 0;
    int offset_minutes = 0;
};

// The activity of these commits (pure; any order).
CommitActivity summarise_commits(const std::vector<AuthorTime>& times);

// Whether a commit with this message came through a pull or merge request, as the forges write it: GitHub's
// merge commit ("Merge pull request #12 from ...") or squash and rebase merges (a subject ending "(#12)"),
// GitLab's "See merge request group/project!12", Bitbucket's "Merged in ... (pull request #12)", Azure DevOps'
// "Merged PR 12: ...", Gerrit's "Reviewed-on:" trailer.
bool came_through_request(std::string_view message);

// Whether a change was made by a bot rather than the team: an author named as GitHub names apps
// ("dependabot[bot]", "pre-commit-ci[bot]"), or a merge of a bot's branch ("from org/dependabot/pip/...").
// Dependency updates merged by a bot's pull request say nothing of how the team's own code is reviewed.
bool made_by_bot(std::string_view author_name, std::string_view author_email, std::string_view message);

// Who wrote a commit, for counting authors: the e-mail address in lower case, or the name when there is none (as
// `git shortlog -e` groups them, without a mailmap).
std::string author_id(std::string_view author_name, std::string_view author_email);

// "85 commits on 19 days, 2023-01-05 to 2023-02-20", with what cut the count short: the excerpt a history rule
// cites.
std::string describe(const CommitActivity& a);

// libgit2 set up once for the readers here: no configuration search path, no owner check (a checkout owned by
// another user, as in CI containers, is read as is). Thread-safe.
void init_libgit2();

// The history of the git repository whose work tree is `root` (its `.git` there: a directory, or a file naming
// one; no search upward). No repository, or one with no commit yet: nullopt. A repository libgit2 cannot read:
// nullopt, with the reason in `error`.
std::optional<CommitActivity> read_commit_activity(const std::string& root, std::string& error);

}  // namespace mm::scanning
