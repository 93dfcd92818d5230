// The walk of a scan (docs/scan.md): directories taken from a shared stack by several threads, honouring nested
// .gitignore files, --exclude and --project, each file's path matched once against the plan's globs and the file
// read (once, whole) only when a content rule applies to it. Private to the library.
#pragma once

#include <unistd.h>

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <re2/set.h>

#include "file_io.hpp"
#include "git_index.hpp"
#include "mm/glob.hpp"
#include "mm/layout.hpp"
#include "mm/scan.hpp"
#include "scan_plan.hpp"

namespace mm::scanning {

// The ignore files that apply in a directory, innermost first: its own .gitignore, its parents' up to the root,
// then the repository's .git/info/exclude. As in git, the innermost file with a matching pattern decides, and
// an ignored directory is not entered, so nothing below it can be re-included.
struct IgnoreScope {
    Gitignore rules;
    std::string base;  // the directory the patterns are relative to: "" for the root, else "dir/sub/"
    std::shared_ptr<const IgnoreScope> parent;

    static bool ignored(const IgnoreScope* scope, const std::string& rel, bool is_dir) {
        for (; scope; scope = scope->parent.get())
            if (auto d = scope->rules.decide(std::string_view(rel).substr(scope->base.size()), is_dir)) return *d;
        return false;
    }
};
using IgnoreChain = std::shared_ptr<const IgnoreScope>;

// `chain` extended by the ignore file at `path` under `dirfd`, for entries below `base`; `chain` itself when the
// file is absent, not a regular file, larger than 1 MiB or without patterns.
IgnoreChain with_ignore_file(IgnoreChain chain, int dirfd, const char* path, std::string base);

// One RE2::Set per combination of applicable patterns, per thread (no lock on the hot path).
struct SetEntry {
    std::unique_ptr<RE2::Set> set;
    std::vector<int> patterns;  // set index -> pattern id
    std::vector<int> leaves;    // the content leaves that apply
};

// What one thread of the walk found and counted, and its scratch space.
struct Local {
    std::vector<LeafHit> hits;
    ScanStats stats;
    std::vector<std::string> warnings;
    std::vector<DirInfo> dirs;  // for detect_layout
    std::vector<std::string> deploy_pipelines;  // for detect_layout: repository-level CI pipelines that deploy
    std::map<std::vector<int>, SetEntry> sets;
    std::vector<int> glob_hits, key, matched;
    std::vector<std::pair<int, Found>> found;
    std::unique_ptr<char[]> buffer;
    std::size_t capacity = 0;
    std::string decoded;    // a UTF-16 file's text as UTF-8 (text_encoding)
    std::string_view text;  // the last file read, as the rules see it: into `buffer` or `decoded`
};

// Walks the tree open at `rootfd` (the directory `root`, whose real path is `root_real`) on options.threads
// threads; `project` is --project normalised ("" or "a/b"), `ignores` the root's ignore files. One Local per
// thread. `tracked`, when the root is a git checkout: the files the repository tracks, which no ignore file leaves
// out (as in git, ignore patterns apply to untracked files only), asked for only when an entry is ignored.
std::vector<Local> walk(const Plan& plan, IgnoreChain ignores, const ScanOptions& options, int rootfd,
                        const std::string& root, const std::string& root_real, const std::string& project,
                        TrackedPathsReader* tracked = nullptr);

}  // namespace mm::scanning
