// When and what was assessed: the date of an assessment and the Git commit of the repository assessed, so that
// a report read later, elsewhere (a wiki, an archive, another team's inbox) says what it describes.
// Pure functions and plain file reads: the tool runs no program (no `git`), so reading a commit is done here.
#pragma once

#include <ctime>
#include <optional>
#include <string>

namespace mm {

// Whether `s` is a calendar date written YYYY-MM-DD (year 1000 to 9999; February 29 only in leap years).
bool is_date(const std::string& s);

// The UTC calendar date (YYYY-MM-DD) of a Unix time. For SOURCE_DATE_EPOCH, which the reproducible-builds
// specification defines in UTC.
std::string utc_date(long long epoch_seconds);

// Days from 1970-01-01 to a date for which is_date holds (negative before it): date arithmetic without time_t.
long long day_number(const std::string& date);

// The local calendar date of a time: "today" as the person running the tool sees it.
std::string local_date(std::time_t t);

// The date a report carries, from `--date` (`option`), the environment's SOURCE_DATE_EPOCH
// (`source_date_epoch`, null when unset) and `today`:
// - "none": no date (for byte-identical output);
// - YYYY-MM-DD: that date;
// - not given (empty): SOURCE_DATE_EPOCH's UTC date when it is set, else `today`.
// Throws InputError naming `--date` or `SOURCE_DATE_EPOCH` for a value that is not one of these (a malformed
// SOURCE_DATE_EPOCH is an error, as the specification asks, not silently today).
std::optional<std::string> resolve_date(const std::string& option, const char* source_date_epoch,
                                        const std::string& today);

// Whether `s` is a full Git object name: 40 (SHA-1) or 64 (SHA-256) lowercase hex digits.
bool is_commit(const std::string& s);

// `--commit SHA`: the object name lowercased, or "none" kept as it is (no commit, even after --scan). Throws
// InputError naming `--commit` otherwise: an abbreviated hash is refused, as it may become ambiguous in the
// repository later, and a report travels.
std::string check_commit_option(const std::string& option);

// The commit checked out in the Git repository holding `dir` (itself or the nearest parent with a `.git`), read
// from the files as Git writes them: HEAD (a branch or a detached commit), loose refs, packed-refs, and a linked
// worktree's or submodule's `.git` file ("gitdir: ...") with its `commondir`.
struct GitHead {
    std::string commit;   // full object name; empty when there is none
    std::string ref;      // "refs/heads/main"; empty when detached
    bool repository = false;  // false: `dir` is not in a Git repository (nothing to say)
    std::string problem;  // in a repository without a readable commit: why (a new branch, reftable, a broken file)
};
GitHead read_git_head(const std::string& dir);

}  // namespace mm
