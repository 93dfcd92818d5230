// The files a repository tracks, from its index: as in git, .gitignore applies to untracked files only, so a file
// committed in spite of a pattern (`requirements.txt` under `**/*.txt`) is the team's all the same. Read from the
// index file alone, by a reader of its paths: libgit2 reads only from a path (so a FIFO swapped in could block
// it) and builds its whole index, 90 ms for 100,000 entries where the paths alone take a tenth of that. Private
// to the library.
#pragma once

#include <algorithm>
#include <future>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mm::scanning {

struct TrackedPaths {
    std::vector<std::string> files;  // tracked files and links, relative to the work tree ("src/a.py"), sorted

    bool tracks(const std::string& rel) const { return std::binary_search(files.begin(), files.end(), rel); }
    // Whether the directory `dir` holds a tracked file, at any depth.
    bool holds(const std::string& dir) const {
        const std::string prefix = dir + "/";
        const auto it = std::lower_bound(files.begin(), files.end(), prefix);
        return it != files.end() && it->compare(0, prefix.size(), prefix) == 0;
    }
};

// The largest index read: about 1.5 million entries of a typical path length.
constexpr std::size_t kMaxIndexBytes = 256u << 20;

// The paths of a git index (versions 2 to 4), in the index's order, into `paths`. false, with `problem` set and
// `paths` empty, for bytes that are not a whole index this reader can follow (damaged, a split index).
bool parse_index_paths(std::string_view bytes, std::vector<std::string>& paths, std::string& problem);

// The paths tracked by the repository whose work tree is `root` (its `.git` there, no search upward). nullopt
// with `problem` empty: no repository or no index (a bare export, a fresh clone without a checkout); with
// `problem` set: an index that cannot be read (not a regular file, too large, damaged, a split index).
std::optional<TrackedPaths> read_tracked_paths(const std::string& root, std::string& problem);

// The tracked paths of the repository at `root`, read on a thread of their own from construction and waited for
// only by the first call of get(): the walk asks only when it meets an ignored entry, and a fresh clone (CI) has
// none, so it never waits. get() is thread-safe.
class TrackedPathsReader {
public:
    explicit TrackedPathsReader(std::string root);
    TrackedPathsReader(const TrackedPathsReader&) = delete;
    TrackedPathsReader& operator=(const TrackedPathsReader&) = delete;
    ~TrackedPathsReader();  // waits for the read, if get() never did

    // The tracked paths; null when there are none to know (no index, or one that cannot be read).
    const TrackedPaths* get();
    // Why the index could not be read, once get() was called; "" otherwise.
    std::string problem();

private:
    std::string problem_;  // written by the reading thread before it ends, read after it is waited for
    std::once_flag waited_;
    std::optional<TrackedPaths> tracked_;
    bool asked_ = false;
    // Last: the thread it starts writes problem_, which must exist first; destroyed first, waiting for the thread.
    std::future<std::optional<TrackedPaths>> reading_;
};

}  // namespace mm::scanning
