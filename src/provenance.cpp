// When and what was assessed (include/mm/provenance.hpp).
#include "mm/provenance.hpp"

#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <utility>

#include <fmt/format.h>

#include "git_files.hpp"
#include "mm/diagnostics.hpp"

namespace mm {

namespace {

bool leap(long long y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(long long y, int m) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : kDays[m - 1];
}

bool all_digits(const std::string& s, std::size_t from, std::size_t n) {
    for (std::size_t i = from; i < from + n; ++i)
        if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    return true;
}

std::string format_date(long long y, unsigned m, unsigned d) { return fmt::format("{:04}-{:02}-{:02}", y, m, d); }

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

}  // namespace

bool is_date(const std::string& s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-' || !all_digits(s, 0, 4) || !all_digits(s, 5, 2) ||
        !all_digits(s, 8, 2))
        return false;
    const long long y = std::stoll(s.substr(0, 4));
    const int m = std::stoi(s.substr(5, 2));
    const int d = std::stoi(s.substr(8, 2));
    return y >= 1000 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

// Days since 1970-01-01 to a civil date: H. Hinnant's civil_from_days, exact for every day of the proleptic
// Gregorian calendar (no time_t or gmtime limits, no time zone).
std::string utc_date(long long epoch_seconds) {
    long long days = epoch_seconds / 86400;
    if (epoch_seconds % 86400 < 0) --days;
    const long long z = days + 719468;
    const long long era = (z >= 0 ? z : z - 146096) / 146097;
    const long long doe = z - era * 146097;
    const long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long long mp = (5 * doy + 2) / 153;
    const unsigned d = static_cast<unsigned>(doy - (153 * mp + 2) / 5 + 1);
    const unsigned m = static_cast<unsigned>(mp < 10 ? mp + 3 : mp - 9);
    return format_date(yoe + era * 400 + (m <= 2 ? 1 : 0), m, d);
}

// H. Hinnant's days_from_civil, the inverse of the above.
long long day_number(const std::string& date) {
    long long y = std::stoll(date.substr(0, 4));
    const long long m = std::stoll(date.substr(5, 2));
    const long long d = std::stoll(date.substr(8, 2));
    if (m <= 2) --y;
    const long long era = (y >= 0 ? y : y - 399) / 400;
    const long long yoe = y - era * 400;
    const long long doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

std::string local_date(std::time_t t) {
    std::tm tm{};
    if (!localtime_r(&t, &tm)) return utc_date(static_cast<long long>(t));
    return format_date(tm.tm_year + 1900LL, static_cast<unsigned>(tm.tm_mon + 1), static_cast<unsigned>(tm.tm_mday));
}

std::optional<std::string> resolve_date(const std::string& option, const char* source_date_epoch,
                                        const std::string& today) {
    if (option == "none") return std::nullopt;
    if (!option.empty()) {
        if (is_date(option)) return option;
        throw InputError(Diagnostic{"--date", 0, 0,
                                    "'" + option + "' is not a date: use YYYY-MM-DD (for example 2026-03-31), or "
                                    "'none' to leave the date out"});
    }
    if (source_date_epoch) {
        // The specification: a decimal number of seconds since the epoch, ASCII digits only (no sign, no
        // blanks); anything else is an error rather than a silent fallback to today.
        const std::string v = source_date_epoch;
        if (v.empty() || v.size() > 15 || !all_digits(v, 0, v.size()))
            throw InputError(Diagnostic{"", 0, 0,
                                        "SOURCE_DATE_EPOCH='" + v + "' is not a number of seconds since "
                                        "1970-01-01 UTC: set it to one (for example $(git log -1 --format=%ct)), "
                                        "or unset it"});
        return utc_date(std::stoll(v));
    }
    return today;
}

bool is_commit(const std::string& s) { return is_object_name(s); }

std::string check_commit_option(const std::string& option) {
    if (option == "none") return option;
    std::string sha = lower(option);
    if (is_commit(sha)) return sha;
    throw InputError(Diagnostic{"--commit", 0, 0,
                                "'" + option + "' is not a full commit hash (40 hex digits, or 64 in a SHA-256 "
                                "repository): use the output of 'git rev-parse HEAD', or 'none'"});
}

GitHead read_git_head(const std::string& dir) {
    GitHead head;
    const std::optional<GitDirs> dirs = find_git_dirs(dir, GitSearch::upward, head.problem);
    head.repository = dirs.has_value() || !head.problem.empty();
    if (!dirs) return head;
    ResolvedHead resolved = resolve_head(*dirs);
    head.commit = std::move(resolved.id);
    head.ref = std::move(resolved.ref);
    head.problem = resolved.unborn
                       ? "branch " + (head.ref.rfind("refs/heads/", 0) == 0 ? head.ref.substr(11) : head.ref) +
                             " has no commit yet"
                       : std::move(resolved.problem);
    return head;
}

}  // namespace mm
