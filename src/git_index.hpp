// The files a repository tracks, from its index: as in git, .gitignore applies to untracked files only, so a file
// committed in spite of a pattern (`requirements.txt` under `**/*.txt`) is the team's all the same. Read with
// libgit2, from the index file alone. Private to the library.
#pragma once

#include <optional>
#include <string>
#include <unordered_set>

namespace mm::scanning {

struct TrackedPaths {
    std::unordered_set<std::string> files;  // tracked files and links, relative to the work tree ("src/a.py")
    std::unordered_set<std::string> dirs;   // every directory that holds one, at any depth ("src")

    bool tracks(const std::string& rel) const { return files.count(rel) != 0; }
    bool holds(const std::string& dir) const { return dirs.count(dir) != 0; }
};

// The largest index read: about 1.5 million entries of a typical path length.
constexpr std::size_t kMaxIndexBytes = 256u << 20;

// The paths tracked by the repository whose work tree is `root` (its `.git` there, no search upward). nullopt
// with `problem` empty: no repository or no index (a bare export, a fresh clone without a checkout); with
// `problem` set: an index that cannot be read (not a regular file, too large, damaged, a format libgit2 lacks).
std::optional<TrackedPaths> read_tracked_paths(const std::string& root, std::string& problem);

}  // namespace mm::scanning
