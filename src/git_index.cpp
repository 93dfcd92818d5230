// The files a repository tracks (src/git_index.hpp).
#include "git_index.hpp"

#include <git2.h>
#include <sys/stat.h>

#include <memory>

#include "commit_history.hpp"
#include "git_files.hpp"

namespace mm::scanning {

std::optional<TrackedPaths> read_tracked_paths(const std::string& root, std::string& problem) {
    problem.clear();
    std::string where;
    const std::optional<GitDirs> dirs = find_git_dirs(root, GitSearch::here, where);
    if (!dirs) return std::nullopt;  // a .git that leads nowhere is said once, by the history reader
    const std::string path = dirs->git + "/index";
    struct stat st {};
    if (::lstat(path.c_str(), &st) != 0) return std::nullopt;
    // libgit2 opens the file itself: only a regular file of bounded size is handed to it, so a FIFO cannot block
    // the scan and a forged size cannot exhaust memory.
    if (!S_ISREG(st.st_mode) || static_cast<std::size_t>(st.st_size) > kMaxIndexBytes) {
        problem = S_ISREG(st.st_mode) ? "the index is over 256 MiB" : "the index is not a regular file";
        return std::nullopt;
    }
    init_libgit2();
    git_index* raw = nullptr;
    if (git_index_open(&raw, path.c_str()) != 0) {
        const git_error* e = git_error_last();
        problem = e != nullptr && e->message != nullptr ? e->message : "the index cannot be read";
        return std::nullopt;
    }
    const std::unique_ptr<git_index, decltype(&git_index_free)> index(raw, &git_index_free);
    TrackedPaths tracked;
    const std::size_t n = git_index_entrycount(index.get());
    tracked.files.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        const git_index_entry* e = git_index_get_byindex(index.get(), i);
        if (e == nullptr || e->path == nullptr) continue;
        std::string rel = e->path;
        // A sparse index keeps a directory outside the sparse cone as one entry ("dir/"): nothing of it is checked
        // out, so it holds no file the walk could see.
        if (!rel.empty() && rel.back() == '/') continue;
        for (std::size_t slash = rel.find('/'); slash != std::string::npos; slash = rel.find('/', slash + 1))
            tracked.dirs.insert(rel.substr(0, slash));
        tracked.files.insert(std::move(rel));
    }
    return tracked;
}

}  // namespace mm::scanning
