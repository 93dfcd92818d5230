// A Git repository's own files, read as Git writes them, without running git: where the repository of a directory
// is (`.git`, a worktree's or submodule's `gitdir:` file, `commondir`), and what HEAD names (a branch, through loose
// refs and packed-refs, or a detached commit). A checkout is untrusted, so every file is read bounded, as a regular
// file only (never through a link, never a FIFO), and no name leads outside `refs/`. One resolver for the two
// readers: the commit a report records (provenance) and the history the scan counts (commit_history). Private to
// the library.
#pragma once

#include <optional>
#include <set>
#include <string>

namespace mm {

// Where a work tree's repository is.
struct GitDirs {
    std::string git;     // its Git directory: `.git`, or the directory a `.git` file names (its own HEAD)
    std::string common;  // where the objects and the shared refs are: a linked worktree's main Git directory
};

// Whether the repository is looked for in the directory given only (the scan: a subdirectory is not a
// repository of its own), or also in its parents, as git finds the repository of a subdirectory.
enum class GitSearch { here, upward };

// The repository of `dir`. nullopt with `problem` empty: no repository (no `.git`, or a `.git` directory without
// HEAD, which git does not take as one either). nullopt with `problem` set: a `.git` that leads nowhere.
std::optional<GitDirs> find_git_dirs(const std::string& dir, GitSearch search, std::string& problem);

// What HEAD names.
struct ResolvedHead {
    std::string id;       // the commit's full object name, 40 (SHA-1) or 64 (SHA-256) lowercase hex; "" when none
    std::string ref;      // the branch HEAD names ("refs/heads/main"); "" when detached
    bool unborn = false;  // the branch has no commit yet (a new repository): no id, and no problem
    std::string problem;  // why there is no id otherwise, as one phrase ("HEAD names 'x', which is not ...")
};

// HEAD of `dirs`, through at most 5 symbolic refs: the worktree's own HEAD; branches, tags and remotes from the
// common directory (loose file first, then packed-refs), other refs from the worktree's directory first.
ResolvedHead resolve_head(const GitDirs& dirs);

// The commits a shallow clone lists as its boundary (their parents are not here), from the common directory's
// `shallow` file: full object names; none when there is no such file or it cannot be read (16 MiB at most).
std::set<std::string> shallow_boundary(const GitDirs& dirs);

// Whether `s` is a full Git object name: 40 (SHA-1) or 64 (SHA-256) lowercase hex digits.
bool is_object_name(const std::string& s);

// Whether `name` is a ref this reader follows: under `refs/`, with no empty, "." or ".." part, no control
// character or backslash, at most 255 bytes. HEAD naming anything else (`ref: ../../etc/passwd`) is not read.
bool is_ref_name(const std::string& name);

}  // namespace mm
