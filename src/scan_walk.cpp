// The walk of a scan: threads, directories, ignore files, and one read per file (see scan_walk.hpp).
#include "scan_walk.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <set>
#include <thread>

#include "text_encoding.hpp"

namespace mm::scanning {

namespace {

constexpr std::size_t kBinaryProbe = 8192;
constexpr std::size_t kMaxGitignore = 1u << 20;

struct CloseDir {
    void operator()(DIR* dir) const { ::closedir(dir); }
};

// Directories that are never entered: version control, dependencies, virtual environments, caches and build
// outputs. Their own entry still counts for path rules (`.git` shows the code is under version control).
bool heavy_dir(const char* name) {
    static const char* const names[] = {
        ".git", ".hg", ".svn", "node_modules", "bower_components", ".venv", "venv", "site-packages",
        "__pycache__", "dist", "target", ".tox", ".nox", ".mypy_cache", ".pytest_cache",
        ".ruff_cache", ".ipynb_checkpoints", ".gradle", ".terraform", ".eggs", ".next", ".cache",
        "__MACOSX", ".dvc"};
    for (const char* n : names)
        if (std::strcmp(name, n) == 0) return true;
    std::size_t len = std::strlen(name);
    return len > 9 && std::strcmp(name + len - 9, ".egg-info") == 0;
}

// `build` is build output in many ecosystems and source in others (Cloud Build configs, Docker build contexts,
// release scripts). In a git checkout output is gitignored, and the walk honours .gitignore, so a `build` still
// there is the team's files; outside a checkout it is taken as output and not entered.
bool build_output_dir(const char* name, bool git_checkout) { return !git_checkout && std::strcmp(name, "build") == 0; }

// Directories that by convention hold other people's code (vendored dependencies, submodules of third-party
// libraries) or a template's placeholders: what is in them is not the team's practice, so they are never
// entered either.
bool vendored_dir(const char* name) {
    static const char* const names[] = {"vendor", "vendored", "_vendor", "third_party", "third-party",
                                        "thirdparty", "3rdparty", "external", "extern"};
    for (const char* n : names)
        if (std::strcmp(name, n) == 0) return true;
    // A project template's placeholder directory (cookiecutter, copier: `{{ cookiecutter.repo_name }}`) holds
    // the code of projects not yet made, not the team's practice.
    const char* open = std::strstr(name, "{{");
    return open && std::strstr(open, "}}");
}

// The patterns of an ignore file at `path` under `dirfd` (none when read_small_file reads nothing).
Gitignore read_ignore_file(int dirfd, const char* path) {
    return Gitignore::parse(read_small_file(dirfd, path, kMaxGitignore));
}

// What the manifest `name` under `dirfd` tells the layout (layout.cpp): the directories it depends on by a local
// path, the distribution it declares and those it requires by name. Nothing when it is larger than kMaxManifest
// (no manifest of a real project is).
void read_manifest(int dirfd, const std::string& name, DirInfo& info) {
    constexpr std::size_t kMaxManifest = std::size_t{256} * 1024;
    const std::string text = read_small_file(dirfd, name.c_str(), kMaxManifest);
    constexpr std::size_t kMaxRequired = 1024;
    for (auto& use : local_path_dependencies(text))
        if (info.uses.size() < kMaxRequired) info.uses.push_back(std::move(use));
    if (std::string provides = declared_package(name, text); !provides.empty() && info.provides.empty())
        info.provides = std::move(provides);
    if (Workspace ws = uv_workspace(name, text); !ws.members.empty() && info.workspace_members.empty()) {
        info.workspace_members = std::move(ws.members);
        info.workspace_excludes = std::move(ws.excludes);
    }
    // Each name once, and at most kMaxRequired per directory (paths too): a forged directory of requirements files,
    // each a quarter of a megabyte of one-letter lines, would otherwise hold a string per line.
    std::vector<std::string>& required = info.requires_packages;
    if (required.size() >= kMaxRequired) return;
    for (auto& r : required_packages(name, text)) required.push_back(std::move(r));
    std::sort(required.begin(), required.end());
    required.erase(std::unique(required.begin(), required.end()), required.end());
    if (required.size() > kMaxRequired) required.resize(kMaxRequired);
}

// Of the pipelines that deploy, what the layout reads (limits.md): the first 256 KiB of each, 16 MiB in all.
constexpr std::size_t kMaxDeployText = std::size_t{256} << 10;
constexpr std::size_t kMaxDeployTexts = std::size_t{16} << 20;

class Walker {
    struct PendingDir {
        std::string rel;      // relative to the root, "" for the root
        IgnoreChain ignores;  // the ignore files that apply to its entries
        bool ignored = false;  // an ignored directory, entered for the tracked files it holds, and only for them
    };

public:
    Walker(const Plan& plan, IgnoreChain root_ignores, const ScanOptions& options, int rootfd, std::string root,
           std::string root_real, std::string project, TrackedPathsReader* tracked)
        : plan_(plan),
          root_ignores_(std::move(root_ignores)),
          options_(options),
          rootfd_(rootfd),
          root_(std::move(root)),
          root_real_(std::move(root_real)),
          project_(std::move(project)),
          tracked_(tracked) {
        std::string patterns;
        for (const auto& e : options_.exclude) patterns += e + "\n";
        excludes_ = Gitignore::parse(patterns);
        git_checkout_ = ::faccessat(rootfd_, ".git", F_OK, AT_SYMLINK_NOFOLLOW) == 0;
    }

    std::vector<Local> run() {
        int n = std::max(1, options_.threads);
        std::vector<Local> locals(static_cast<std::size_t>(n));
        dirs_.push_back({std::string(), root_ignores_});
        std::vector<std::thread> threads;
        for (int i = 1; i < n; ++i) threads.emplace_back([this, &locals, i] { work(locals[static_cast<std::size_t>(i)]); });
        work(locals[0]);
        for (auto& t : threads) t.join();
        if (deploy_over_) {  // none kept, not those the walk happened to meet first: the layout says so
            for (auto& l : locals) l.deploy_pipelines.clear();
            locals[0].warnings.push_back("the CI pipelines that deploy hold over " +
                                         std::to_string(kMaxDeployTexts >> 20) +
                                         " MiB of text: the layout reads none of them to join what they deploy");
        }
        return locals;
    }

private:
    void work(Local& local) {
        std::unique_lock<std::mutex> lock(mutex_);
        for (;;) {
            cv_.wait(lock, [this] { return !dirs_.empty() || active_ == 0; });
            if (dirs_.empty()) break;
            PendingDir dir = std::move(dirs_.back());
            dirs_.pop_back();
            ++active_;
            lock.unlock();
            std::vector<PendingDir> subdirs;
            walk_dir(dir, local, subdirs);
            lock.lock();
            --active_;
            for (auto& s : subdirs) dirs_.push_back(std::move(s));
            if (!subdirs.empty() || active_ == 0) cv_.notify_all();
        }
        cv_.notify_all();
    }

    void warn(Local& local, const std::string& rel, const char* what, int err) {
        ++local.stats.unreadable;
        local.warnings.push_back(std::string("cannot ") + what + " '" + (rel.empty() ? "." : rel) +
                                 "': " + std::strerror(err));
    }

    bool first_visit(const struct stat& st) {
        std::lock_guard<std::mutex> lock(visited_mutex_);
        return visited_.emplace(st.st_dev, st.st_ino).second;
    }

    // Where an entry stands with --project (docs/scan.md): inside the project (matched by its path relative to the
    // project), the project directory itself or a directory on the way to it (entered, never matched), a
    // repository-level file (.github, CI files, .git: matched by its path in the repository), or out of scope.
    enum class Scope { Inside, Path, Repository, Out };
    Scope scope_of(const std::string& rel, bool is_dir, std::string_view& match) const {
        match = rel;
        if (project_.empty()) return Scope::Inside;
        const std::size_t n = project_.size();
        if (rel.size() > n && rel.compare(0, n, project_) == 0 && rel[n] == '/') {
            match = std::string_view(rel).substr(n + 1);
            return Scope::Inside;
        }
        if (is_dir && (rel == project_ || (project_.size() > rel.size() && project_.compare(0, rel.size(), rel) == 0 &&
                                           project_[rel.size()] == '/')))
            return Scope::Path;
        const std::size_t slash = rel.find('/');
        return is_repository_level(std::string_view(rel).substr(0, slash)) ? Scope::Repository : Scope::Out;
    }

    void walk_dir(const PendingDir& pending, Local& local, std::vector<PendingDir>& subdirs) {
        const std::string& rel = pending.rel;
        Fd fd(::openat(rootfd_, rel.empty() ? "." : rel.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
        if (!fd) return warn(local, rel, "read directory", errno);
        struct stat st {};
        if (::fstat(fd.get(), &st) != 0 || !first_visit(st)) return;  // a bind mount looping back: never twice
        std::unique_ptr<DIR, CloseDir> dir(::fdopendir(fd.get()));
        if (!dir) return warn(local, rel, "read directory", errno);
        const int dirfd = fd.release();  // closed with `dir`
        struct Entry {
            std::string name;
            unsigned char type;
        };
        std::vector<Entry> entries;
        bool venv = false, gitignore = false;
        errno = 0;
        while (struct dirent* e = ::readdir(dir.get())) {
            const char* n = e->d_name;
            if (n[0] == '.' && (n[1] == 0 || (n[1] == '.' && n[2] == 0))) continue;
            if (std::strcmp(n, "pyvenv.cfg") == 0) venv = true;
            if (std::strcmp(n, ".gitignore") == 0) gitignore = true;
            entries.push_back({n, e->d_type});
        }
        if (venv && !rel.empty()) {  // a virtual environment under another name
            ++local.stats.skipped_dirs;
            return;
        }
        ++local.stats.directories;
        // The root's .gitignore is already in the chain (read before the walk, with .git/info/exclude).
        IgnoreChain ignores = gitignore && !rel.empty()
                                  ? with_ignore_file(pending.ignores, dirfd, ".gitignore", rel + "/")
                                  : pending.ignores;
        const IgnoreScope* scope = ignores.get();
        // The layout (projects, teaching folders) is read from the directories inside the scope, near its top.
        // The scope's own top is recorded too (as ""): the package its manifest declares is the code base that the
        // roots below may require by name.
        DirInfo info;
        std::string_view layout_rel;
        bool record = project_.empty() ? rel.empty() : rel == project_;
        if (!record && !rel.empty() && scope_of(rel, true, layout_rel) == Scope::Inside) {
            record = std::count(layout_rel.begin(), layout_rel.end(), '/') < kLayoutDepth;
            info.rel = std::string(layout_rel);
        }
        std::string child;
        std::string_view match;
        for (const auto& e : entries) {
            child.assign(rel);
            if (!child.empty()) child += '/';
            child += e.name;
            unsigned char type = e.type;
            if (type == DT_UNKNOWN) {
                struct stat cst {};
                if (::fstatat(dirfd, e.name.c_str(), &cst, AT_SYMLINK_NOFOLLOW) != 0) continue;
                type = S_ISDIR(cst.st_mode) ? DT_DIR : S_ISREG(cst.st_mode) ? DT_REG : S_ISLNK(cst.st_mode) ? DT_LNK
                                                                                                           : DT_FIFO;
            }
            const bool is_dir = type == DT_DIR;
            const Scope in = scope_of(child, is_dir, match);
            if (in == Scope::Out || excludes_.ignored(child, is_dir)) { ++local.stats.excluded; continue; }
            const bool ci_check = in == Scope::Repository && is_ci_pipeline(child);
            if (type == DT_DIR) {
                // An ignored directory is entered only for the tracked files it holds (the index is asked only
                // here and for ignored files); a heavy or vendored one never is.
                const bool ignored = pending.ignored || IgnoreScope::ignored(scope, child, true);
                const bool never_entered = heavy_dir(e.name.c_str()) || vendored_dir(e.name.c_str()) ||
                                           build_output_dir(e.name.c_str(), git_checkout_);
                if (ignored && (never_entered || !holds_tracked(child))) {
                    ++local.stats.ignored;
                    continue;
                }
                if (in != Scope::Path) match_path(child, match, local);
                if (never_entered) {
                    ++local.stats.skipped_dirs;
                    continue;
                }
                subdirs.push_back({child, ignores, ignored});
                if (record && e.name == "src") info.code = true;
            } else if (type == DT_REG) {
                if (left_out(pending, scope, child)) {
                    ++local.stats.ignored;
                    continue;
                }
                ++local.stats.files;
                if (record) {
                    const int strength = manifest_strength(e.name);
                    info.strong = info.strong || strength == 2;
                    info.weak = info.weak || strength == 1;
                    info.code = info.code || is_code_file(e.name);
                    info.package = info.package || e.name == "__init__.py";
                    info.pipeline = info.pipeline || is_pipeline_file(e.name);
                    if (is_dependency_manifest(child)) read_manifest(dirfd, e.name, info);
                }
                file(dirfd, e.name.c_str(), child, match, ci_check, local);
            } else if (type == DT_LNK) {
                if (left_out(pending, scope, child)) {
                    ++local.stats.ignored;
                    continue;
                }
                symlink(child, match, ci_check, local);
            }
            // FIFOs, sockets and devices are never opened.
        }
        if (record) local.dirs.push_back(std::move(info));
    }

    // Whether a file (or a file symlink) is left out as ignored: in an ignored directory or matched by an ignore
    // file, and not tracked.
    bool left_out(const PendingDir& pending, const IgnoreScope* scope, const std::string& child) const {
        if (!pending.ignored && !IgnoreScope::ignored(scope, child, false)) return false;
        const TrackedPaths* tracked = tracked_ != nullptr ? tracked_->get() : nullptr;
        return tracked == nullptr || !tracked->tracks(child);
    }

    bool holds_tracked(const std::string& dir) const {
        const TrackedPaths* tracked = tracked_ != nullptr ? tracked_->get() : nullptr;
        return tracked != nullptr && tracked->holds(dir);
    }

    // A file symlink is followed only when its real path is inside the tree; directory symlinks never are.
    void symlink(const std::string& rel, std::string_view match, bool ci_check, Local& local) {
        std::string full = root_ + "/" + rel;
        std::unique_ptr<char, decltype(&std::free)> real(::realpath(full.c_str(), nullptr), &std::free);
        struct stat st {};
        if (!real || ::stat(real.get(), &st) != 0 || !S_ISREG(st.st_mode) || !inside(real.get())) {
            ++local.stats.skipped_symlinks;
            return;
        }
        ++local.stats.files;
        file(-1, real.get(), rel, match, ci_check, local);
    }

    bool inside(const char* real) const {
        if (root_real_ == "/") return true;
        std::size_t n = root_real_.size();
        return std::strncmp(real, root_real_.c_str(), n) == 0 && real[n] == '/';
    }

    // Whether `leaf` is excepted for a path that matched `globs` (sorted, as GlobSet::match leaves them): its
    // `except` glob is among them.
    bool excepted(int leaf, const std::vector<int>& globs) const {
        int x = plan_.leaves[static_cast<std::size_t>(leaf)].except;
        return x >= 0 && std::binary_search(globs.begin(), globs.end(), x);
    }

    // Path rules for a directory entry (matched as `match`, relative to the project; cited as `rel`): only globs
    // whose last segment names directories literally.
    void match_path(const std::string& rel, std::string_view match, Local& local) {
        plan_.globs.match(match, local.glob_hits);
        const std::vector<int>& globs = local.glob_hits;
        for (int g : globs) {
            if (!plan_.dir_ok[static_cast<std::size_t>(g)]) continue;
            for (int leaf : plan_.path_leaves[static_cast<std::size_t>(g)])
                if (!excepted(leaf, globs)) local.hits.push_back({leaf, rel, 0, {}});
        }
    }

    // `dirfd` >= 0: `name` is in that directory; else `name` is an absolute real path (a followed symlink).
    // `match` is the path the globs see (relative to the --project directory inside it); hits cite `rel`.
    // `ci_check`: a repository-level CI pipeline, kept with --project only when it runs the project.
    void file(int dirfd, const char* name, const std::string& rel, std::string_view match, bool ci_check,
              Local& local) {
        // A CI file is read before any rule sees it: one that does not run the project (with --project), or a
        // GitHub workflow that can never start (its triggers commented out), is not evidence of anything.
        // (With --project, a project's own .github/workflows is seen by the rules as the root's: judge both.)
        const bool workflow = is_github_workflow(rel) || is_github_workflow(match);
        const bool pipeline = is_pipeline_definition(rel);  // what it deploys tells the layout what is one system
        const bool read_first = ci_check || workflow || pipeline;
        bool unread = false;  // a workflow that could not be read (too large, binary): its path still counts
        if (read_first) {
            if (!read(dirfd, name, rel, local)) {
                if (ci_check) return;
                unread = true;
            } else {
                const std::string_view text = local.text;
                if (ci_check && !ci_runs_project(text, project_)) {
                    ++local.stats.excluded;
                    return;
                }
                if (workflow && github_workflow_never_runs(text)) {
                    ++local.stats.inert_workflows;
                    return;
                }
                if (pipeline && deploys_from_ci(text)) keep_deploy_pipeline(text, local);
            }
        }
        // The globs this path matched: they decide the path rules and `except` here, and the content leaves
        // after the search (nothing in between matches another path into the same scratch vector).
        plan_.globs.match(match, local.glob_hits);
        const std::vector<int>& globs = local.glob_hits;
        if (globs.empty()) return;
        local.key.clear();
        for (int g : globs) {
            for (int leaf : plan_.path_leaves[static_cast<std::size_t>(g)])
                if (!excepted(leaf, globs)) local.hits.push_back({leaf, rel, 0, {}});
            if (!plan_.content_leaves[static_cast<std::size_t>(g)].empty()) local.key.push_back(g);
        }
        if (local.key.empty() || unread) return;
        const SetEntry& entry = set_for(local);
        if (!read_first && !read(dirfd, name, rel, local)) return;
        search(entry, local.text, rel, local);
        // Each content leaf is evidence where its pattern has a hit outside comments, its `unless` pattern none,
        // and the path is not excepted.
        auto cited = [&local](int p) -> const Found* {
            for (const auto& [q, f] : local.found)
                if (q == p) return f.line > 0 ? &f : nullptr;
            return nullptr;
        };
        for (int leaf : entry.leaves) {
            const auto& l = plan_.leaves[static_cast<std::size_t>(leaf)];
            const Found* f = cited(l.pattern);
            if (!f || (l.unless >= 0 && cited(l.unless)) || excepted(leaf, globs)) continue;
            local.hits.push_back({leaf, rel, f->line, f->excerpt});
        }
    }

    SetEntry& set_for(Local& local) {
        auto it = local.sets.find(local.key);
        if (it != local.sets.end()) return it->second;
        SetEntry entry;
        std::set<int> patterns;
        for (int g : local.key)
            for (int leaf : plan_.content_leaves[static_cast<std::size_t>(g)]) {
                entry.leaves.push_back(leaf);
                const auto& l = plan_.leaves[static_cast<std::size_t>(leaf)];
                patterns.insert(l.pattern);
                if (l.unless >= 0) patterns.insert(l.unless);
            }
        entry.patterns.assign(patterns.begin(), patterns.end());
        entry.set = std::make_unique<RE2::Set>(content_options(), RE2::UNANCHORED);
        for (int p : entry.patterns) entry.set->Add(plan_.patterns[static_cast<std::size_t>(p)], nullptr);
        if (!entry.set->Compile()) entry.set.reset();  // too big: search pattern by pattern instead
        return local.sets.emplace(local.key, std::move(entry)).first->second;
    }

    // Reads the file whole into local.buffer; local.text is its text as the rules see it. False when it is not
    // read (unreadable, too large, growing, binary), with the reason counted.
    bool read(int dirfd, const char* name, const std::string& rel, Local& local) {
        local.text = {};  // nothing read yet (the buffer may be reallocated below)
        Fd fd(dirfd >= 0 ? ::openat(dirfd, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
                         : ::open(name, O_RDONLY | O_CLOEXEC | O_NONBLOCK));
        if (!fd) {
            warn(local, rel, "read", errno);
            return false;
        }
        struct stat st {};
        if (::fstat(fd.get(), &st) != 0 || !S_ISREG(st.st_mode)) return false;
        const std::uint64_t max = options_.max_file_size;
        if (static_cast<std::uint64_t>(st.st_size) > max) {
            ++local.stats.skipped_large;
            return false;
        }
        // One read of the whole file into a buffer reused across files; one byte more detects growth.
        std::size_t want = static_cast<std::size_t>(st.st_size) + 1;
        std::size_t size = 0;
        if (local.capacity < want) {
            local.capacity = std::max<std::size_t>(want, std::size_t{64} * 1024);
            local.buffer.reset(new char[local.capacity]);
        }
        if (const int err = read_all(fd.get(), local.buffer.get(), want, size)) {
            warn(local, rel, "read", err);
            return false;
        }
        fd.reset();
        if (size > max || size == want) {  // grew while we read it
            ++local.stats.skipped_large;
            return false;
        }
        // UTF-16 text (a BOM, then NUL bytes in every ASCII character) is transcoded before the binary probe.
        local.text = utf8_text(std::string_view(local.buffer.get(), size), local.decoded);
        if (std::memchr(local.text.data(), 0, std::min(local.text.size(), kBinaryProbe))) {
            ++local.stats.skipped_binary;
            return false;
        }
        ++local.stats.files_read;
        local.stats.bytes_read += size;
        return true;
    }

    // Which of the entry's patterns match `text`, and the line each cites (local.found; line 0 when every match
    // is in a comment).
    void search(const SetEntry& entry, std::string_view text, const std::string& rel, Local& local) {
        local.matched.clear();
        local.found.clear();
        re2::StringPiece piece(text.data(), text.size());
        bool fallback = !entry.set;
        if (entry.set) {
            RE2::Set::ErrorInfo info{};
            if (!entry.set->Match(piece, &local.matched, &info) && info.kind == RE2::Set::kOutOfMemory)
                fallback = true;
            for (int& m : local.matched) m = entry.patterns[static_cast<std::size_t>(m)];
        }
        if (fallback) {
            local.matched.clear();
            for (int p : entry.patterns)
                if (RE2::PartialMatch(piece, single(p))) local.matched.push_back(p);
        }
        if (local.matched.empty()) return;
        // The cited line of each pattern that matched: its strongest hit outside comments.
        const CommentStyle style = comment_style(rel);
        for (int p : local.matched) local.found.emplace_back(p, locate(single(p), text, style));
    }

    const RE2& single(int p) const { return *plan_.single[static_cast<std::size_t>(p)]; }

    // What the layout keeps of a pipeline that deploys: its first kMaxDeployText bytes, while all of them together
    // stay within kMaxDeployTexts. Past that, none is kept (run()): the walk meets files in no fixed order, and the
    // layout must not depend on it.
    void keep_deploy_pipeline(std::string_view text, Local& local) {
        const std::string_view kept = text.substr(0, kMaxDeployText);
        if (deploy_text_.fetch_add(kept.size()) + kept.size() > kMaxDeployTexts) {
            deploy_over_ = true;
            return;
        }
        local.deploy_pipelines.emplace_back(kept);
    }

    const Plan& plan_;
    IgnoreChain root_ignores_;
    const ScanOptions& options_;
    int rootfd_;
    std::string root_, root_real_;
    std::mutex mutex_;
    std::condition_variable cv_;
    std::vector<PendingDir> dirs_;
    int active_ = 0;
    std::string project_;  // --project, normalised: "" or "a/b"
    Gitignore excludes_;   // --exclude
    bool git_checkout_ = false;  // DIR holds `.git` (a directory, or a file for worktrees and submodules)
    TrackedPathsReader* tracked_;  // the files the repository tracks, read on demand; null outside a checkout
    std::mutex visited_mutex_;
    std::set<std::pair<dev_t, ino_t>> visited_;
    std::atomic<std::size_t> deploy_text_{0};  // bytes of deploying pipelines kept for the layout
    std::atomic<bool> deploy_over_{false};     // more than kMaxDeployTexts of them
};

}  // namespace

IgnoreChain with_ignore_file(IgnoreChain chain, int dirfd, const char* path, std::string base) {
    Gitignore rules = read_ignore_file(dirfd, path);
    if (rules.empty()) return chain;
    auto scope = std::make_shared<IgnoreScope>();
    scope->rules = std::move(rules);
    scope->base = std::move(base);
    scope->parent = std::move(chain);
    return scope;
}

std::vector<Local> walk(const Plan& plan, IgnoreChain ignores, const ScanOptions& options, int rootfd,
                        const std::string& root, const std::string& root_real, const std::string& project,
                        TrackedPathsReader* tracked) {
    Walker walker(plan, std::move(ignores), options, rootfd, root, root_real, project, tracked);
    return walker.run();
}

}  // namespace mm::scanning
