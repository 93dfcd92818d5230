// A Git repository's own files, read as Git writes them (src/git_files.hpp).
#include "git_files.hpp"

#include <fcntl.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <set>
#include <string_view>
#include <system_error>
#include <vector>

#include "file_io.hpp"

namespace mm {

namespace {

constexpr std::size_t kMaxGitFile = 4096;          // a `.git` file, HEAD, a loose ref, commondir: one line each
constexpr std::size_t kMaxPackedRefs = 64u << 20;  // packed-refs: a line a ref
constexpr std::size_t kMaxShallow = 16u << 20;     // shallow: one commit id a line
constexpr int kMaxSymbolicHops = 5;

// Whether `path` is there at all (a link or a FIFO too).
bool exists(const std::string& path) {
    struct stat st {};
    return ::lstat(path.c_str(), &st) == 0;
}

// Whether `path` is a regular file of no bytes (git leaves an empty packed-refs when the last packed ref goes).
bool empty_regular_file(const std::string& path) {
    struct stat st {};
    return ::lstat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) && st.st_size == 0;
}

std::string trimmed(std::string_view s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ' || s.back() == '\t'))
        s.remove_suffix(1);
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    return std::string(s);
}

// `path` as a file names it: an absolute path, or one relative to the directory `base`.
std::string joined(const std::string& base, const std::string& path) {
    return !path.empty() && path[0] == '/' ? path : base + "/" + path;
}

std::string file_text(const std::string& path, std::size_t max) { return read_small_file(AT_FDCWD, path.c_str(), max); }

// The Git directories a `.git` at `dot` leads to (a directory, or a file naming one), as find_git_dirs.
std::optional<GitDirs> follow_dot_git(const std::string& work_tree, const std::string& dot, std::string& problem) {
    struct stat st {};
    if (::stat(dot.c_str(), &st) != 0) {
        if (errno != ENOENT && errno != ENOTDIR) problem = std::string("cannot read .git: ") + std::strerror(errno);
        return std::nullopt;
    }
    GitDirs d;
    if (S_ISDIR(st.st_mode)) {
        if (!exists(dot + "/HEAD")) return std::nullopt;  // a folder of loose objects, not a repository
        d.git = dot;
    } else if (S_ISREG(st.st_mode)) {
        // A linked worktree or a submodule: "gitdir: PATH", PATH relative to the directory holding the file.
        const std::string text = trimmed(file_text(dot, kMaxGitFile));
        if (text.rfind("gitdir:", 0) != 0) {
            problem = "the .git file does not name a git directory ('gitdir: PATH')";
            return std::nullopt;
        }
        const std::string named = trimmed(std::string_view(text).substr(7));
        if (named.empty()) {  // git: "invalid gitfile format"; joined() would make the work tree the Git directory
            problem = "the .git file does not name a git directory ('gitdir: PATH')";
            return std::nullopt;
        }
        d.git = joined(work_tree, named);
        if (!is_directory(d.git)) {
            problem = "the .git file names " + named +
                      ", which is not a directory here (a worktree or submodule moved away from its repository?)";
            return std::nullopt;
        }
    } else {
        problem = ".git is neither a directory nor a file";
        return std::nullopt;
    }
    // A linked worktree's Git directory holds its own HEAD; the objects and branches are in the common directory.
    const std::string common = trimmed(file_text(d.git + "/commondir", kMaxGitFile));
    d.common = common.empty() ? d.git : joined(d.git, common);
    return d;
}

// The id `name` has in packed-refs ("<id> <name>" lines; '#' starts the header, '^' a peeled tag's target); "" when
// it is not there, or when packed-refs cannot be read (then `problem` says why).
std::string packed_ref(const GitDirs& d, const std::string& name, std::string& problem) {
    const std::string path = d.common + "/packed-refs";
    const std::string packed = file_text(path, kMaxPackedRefs);
    if (packed.empty()) {
        if (exists(path) && !empty_regular_file(path))
            problem = "packed-refs cannot be read (not a regular file, or over 64 MiB)";
        return {};
    }
    std::size_t pos = 0;
    while (pos < packed.size()) {
        std::size_t end = packed.find('\n', pos);
        if (end == std::string::npos) end = packed.size();
        const std::string_view line(packed.data() + pos, end - pos);
        pos = end + 1;
        const std::size_t space = line.find_first_of(" \t");  // git takes a tab there too
        if (space == std::string_view::npos || line.empty() || line[0] == '#' || line[0] == '^') continue;
        std::string id(line.substr(0, space));
        if (is_object_name(id) && trimmed(line.substr(space + 1)) == name) return id;
    }
    return {};
}

// The text of the ref `name`: its loose file, else its line in packed-refs; "" when it has none (a branch not
// born yet) or one that cannot be read (then `problem` says why). Branches, tags and remotes are shared by every
// worktree, so they are read from the common directory only; other refs (refs/bisect, refs/worktree) from the
// worktree's own directory first.
std::string ref_text(const GitDirs& d, const std::string& name, std::string& problem) {
    const bool shared =
        name.rfind("refs/heads/", 0) == 0 || name.rfind("refs/tags/", 0) == 0 || name.rfind("refs/remotes/", 0) == 0;
    const std::vector<std::string> bases =
        shared ? std::vector<std::string>{d.common} : std::vector<std::string>{d.git, d.common};
    for (const std::string& base : bases) {
        const std::string path = base + "/" + name;
        std::string text = trimmed(file_text(path, kMaxGitFile));
        if (!text.empty()) return text;
        if (exists(path) && !is_directory(path)) {
            problem = name + " cannot be read (a link, not a regular file, empty or over 4 KiB)";
            return {};
        }
    }
    return packed_ref(d, name, problem);
}

}  // namespace

bool is_object_name(const std::string& s) {
    return (s.size() == 40 || s.size() == 64) &&
           std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

bool is_ref_name(const std::string& name) {
    if (name.rfind("refs/", 0) != 0 || name.size() > 255 || name.back() == '/') return false;
    std::size_t start = 0;
    while (start < name.size()) {
        std::size_t end = name.find('/', start);
        if (end == std::string::npos) end = name.size();
        const std::string_view part(name.data() + start, end - start);
        if (part.empty() || part == "." || part.find("..") != std::string_view::npos) return false;
        start = end + 1;
    }
    return std::none_of(name.begin(), name.end(),
                        [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == '\\' || c == 0x7f; });
}

std::optional<GitDirs> find_git_dirs(const std::string& dir, GitSearch search, std::string& problem) {
    problem.clear();
    if (search == GitSearch::here) return follow_dot_git(dir, dir + "/.git", problem);
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::path p = fs::absolute(dir.empty() ? fs::path(".") : fs::path(dir), ec).lexically_normal();
    if (ec) return std::nullopt;
    if (!p.has_filename() && p.has_relative_path()) p = p.parent_path();  // "a/b/" to "a/b"
    // The nearest directory that holds a `.git` leading to a repository, as git itself finds the repository of a
    // subdirectory.
    for (;;) {
        if (auto dirs = follow_dot_git(p.string(), (p / ".git").string(), problem); dirs || !problem.empty())
            return dirs;
        if (!p.has_relative_path()) return std::nullopt;  // the root: not in a repository
        p = p.parent_path();
    }
}

std::set<std::string> shallow_boundary(const GitDirs& dirs) {
    std::set<std::string> ids;
    const std::string text = file_text(dirs.common + "/shallow", kMaxShallow);
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        if (end == std::string::npos) end = text.size();
        std::string line = trimmed(std::string_view(text).substr(pos, end - pos));
        if (is_object_name(line)) ids.insert(std::move(line));
        pos = end + 1;
    }
    return ids;
}

ResolvedHead resolve_head(const GitDirs& dirs) {
    ResolvedHead head;
    const std::string head_path = dirs.git + "/HEAD";
    std::string text = trimmed(file_text(head_path, kMaxGitFile));
    if (text.empty()) {
        head.problem = "cannot read HEAD (not a regular file, empty or over 4 KiB)";
        return head;
    }
    for (int hop = 0; hop < kMaxSymbolicHops; ++hop) {
        if (text.rfind("ref:", 0) != 0) {
            if (is_object_name(text)) {
                head.id = text;
            } else {
                head.problem = "HEAD" + (head.ref.empty() ? std::string() : " (" + head.ref + ")") +
                               " holds neither a commit id nor a branch";
            }
            return head;
        }
        const std::string name = trimmed(std::string_view(text).substr(4));
        if (!is_ref_name(name)) {
            head.problem = "HEAD names '" + name + "', which is not a branch under refs/";
            return head;
        }
        head.ref = name;
        // Git writes HEAD as "ref: refs/heads/.invalid" beside the binary tables of a reftable repository.
        if (is_directory(dirs.common + "/reftable")) {
            head.problem = "the repository keeps its refs in the reftable format, which this tool does not read";
            return head;
        }
        text = ref_text(dirs, name, head.problem);
        if (!head.problem.empty()) return head;
        if (text.empty()) {
            head.unborn = true;
            return head;
        }
    }
    head.problem = "HEAD's branches name one another more than 5 deep";
    return head;
}

}  // namespace mm
