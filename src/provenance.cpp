// When and what was assessed (include/mm/provenance.hpp).
#include "mm/provenance.hpp"

#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <system_error>

#include <fmt/format.h>

#include "mm/diagnostics.hpp"

namespace mm {

namespace fs = std::filesystem;

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

bool is_hex(const std::string& s) {
    for (char c : s)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// The first line of a small file, without its line end and trailing blanks; nullopt when it cannot be read.
// Git's HEAD, ref and `.git` files are one line; 4 KiB is far more than any holds.
std::optional<std::string> first_line(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) return std::nullopt;
    std::string line;
    line.resize(4096);
    in.read(line.data(), static_cast<std::streamsize>(line.size()));
    line.resize(static_cast<std::size_t>(in.gcount()));
    if (auto nl = line.find('\n'); nl != std::string::npos) line.resize(nl);
    while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back()))) line.pop_back();
    return line;
}

bool is_file(const fs::path& p) {
    std::error_code ec;
    return fs::is_regular_file(p, ec);
}

bool is_dir(const fs::path& p) {
    std::error_code ec;
    return fs::is_directory(p, ec);
}

// A ref name as Git allows it to be stored as a file under the Git directory: "refs/..." with no empty, "." or
// ".." component, so a crafted HEAD cannot send the reader outside the repository.
bool safe_ref(const std::string& ref) {
    if (ref.rfind("refs/", 0) != 0) return false;
    std::size_t start = 0;
    while (start <= ref.size()) {
        std::size_t end = ref.find('/', start);
        if (end == std::string::npos) end = ref.size();
        const std::string part = ref.substr(start, end - start);
        if (part.empty() || part == "." || part == ".." || part.find('\\') != std::string::npos) return false;
        start = end + 1;
    }
    return true;
}

// The object name `ref` points at in packed-refs ("<name> <ref>" lines; '#' starts the header, '^' a peeled tag).
std::optional<std::string> packed_ref(const fs::path& packed, const std::string& ref) {
    std::ifstream in(packed, std::ios::binary);
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line[0] == '#' || line[0] == '^') continue;
        const auto space = line.find(' ');
        if (space != std::string::npos && line.compare(space + 1, std::string::npos, ref) == 0)
            return line.substr(0, space);
    }
    return std::nullopt;
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

bool is_commit(const std::string& s) { return (s.size() == 40 || s.size() == 64) && is_hex(s); }

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
    std::error_code ec;
    fs::path p = fs::absolute(dir.empty() ? fs::path(".") : fs::path(dir), ec).lexically_normal();
    if (ec) return head;
    // The nearest directory that holds `.git`, as git itself finds the repository of a subdirectory.
    fs::path git_dir;
    for (;;) {
        const fs::path dot_git = p / ".git";
        if (is_dir(dot_git)) {
            git_dir = dot_git;
            break;
        }
        if (is_file(dot_git)) {
            // A linked worktree or a submodule: "gitdir: PATH", PATH relative to the directory holding the file.
            head.repository = true;
            const auto line = first_line(dot_git);
            if (!line || line->rfind("gitdir: ", 0) != 0) {
                head.problem = dot_git.string() + " does not say where the Git directory is (no 'gitdir: ' line)";
                return head;
            }
            const fs::path target = line->substr(8);
            git_dir = (target.is_absolute() ? target : p / target).lexically_normal();
            break;
        }
        if (!p.has_relative_path()) return head;  // the root: not in a repository
        p = p.parent_path();
    }
    head.repository = true;
    // A linked worktree's Git directory holds its own HEAD; the branches are in the common directory.
    fs::path common = git_dir;
    if (const auto c = first_line(git_dir / "commondir"); c && !c->empty()) {
        const fs::path target = *c;
        common = (target.is_absolute() ? target : git_dir / target).lexically_normal();
    }
    const auto content = first_line(git_dir / "HEAD");
    if (!content) {
        head.problem = "cannot read " + (git_dir / "HEAD").string();
        return head;
    }
    std::string value = *content;
    // HEAD names a branch ("ref: refs/heads/main"), whose file may itself be symbolic; a few hops at most.
    for (int hop = 0; hop < 5; ++hop) {
        if (value.rfind("ref: ", 0) != 0) {
            if (is_commit(value)) {
                head.commit = value;
                return head;
            }
            head.problem = "HEAD" + (head.ref.empty() ? std::string() : " (" + head.ref + ")") +
                           " does not hold a commit hash";
            return head;
        }
        const std::string ref = value.substr(5);
        if (!safe_ref(ref)) {
            head.problem = "HEAD points at '" + ref + "', which is not a ref this tool reads";
            return head;
        }
        head.ref = ref;
        if (is_dir(common / "reftable")) {
            head.problem = "the repository keeps its refs in the reftable format, which this tool does not read";
            return head;
        }
        std::optional<std::string> next = first_line(git_dir / ref);
        if (!next) next = first_line(common / ref);
        if (!next) {
            if (auto packed = packed_ref(common / "packed-refs", ref)) {
                value = *packed;
                continue;
            }
            head.problem = "branch " + (ref.rfind("refs/heads/", 0) == 0 ? ref.substr(11) : ref) +
                           " has no commit yet";
            return head;
        }
        value = *next;
    }
    head.problem = "HEAD is a chain of more than 5 symbolic refs";
    return head;
}

}  // namespace mm
