// Walking a repository for evidence (docs/scan.md). Two threads take directories from a shared stack; each
// file's path is matched once against every glob (one automaton), and a file is read only when some content
// rule's `in` glob matches it, then searched once with an RE2::Set of exactly the patterns that apply to it.
#include "mm/scan.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <re2/re2.h>
#include <re2/set.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <condition_variable>
#include <cstdlib>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <thread>
#include <tuple>
#include <utility>

#include "evidence_text.hpp"
#include "mm/diagnostics.hpp"
#include "mm/glob.hpp"
#include "mm/layout.hpp"

namespace mm {

const QuestionEvidence* ScanResult::find(const std::string& question) const {
    for (const auto& q : questions)
        if (q.question == question) return &q;
    return nullptr;
}

namespace {

constexpr std::size_t kBinaryProbe = 8192;
constexpr std::size_t kExcerptMax = 160;
constexpr std::size_t kMaxGitignore = 1u << 20;

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

// Whether a glob may match a directory: only when its last segment names one literally (`.git`,
// `**/great_expectations`, `{a,b}` of literal names). A wildcard in the last segment (`**/*.dvc`,
// `**/train*.py`, `x/**`) names files, so `.dvc/` (made by `dvc init`) is not a `*.dvc` file.
bool glob_names_directories(const std::string& glob) {
    std::size_t last = 0;
    int depth = 0;
    for (std::size_t i = 0; i < glob.size(); ++i) {
        char c = glob[i];
        if (c == '\\') ++i;
        else if (c == '{') ++depth;
        else if (c == '}') --depth;
        else if (c == '/' && depth == 0) last = i + 1;
    }
    for (std::size_t i = last; i < glob.size(); ++i) {
        char c = glob[i];
        if (c == '\\') ++i;
        else if (c == '*' || c == '?' || c == '[') return false;
    }
    return true;
}

// The rules of a questionnaire flattened into leaves (path or content rules), deduplicated, with every glob
// in one GlobSet and every distinct pattern numbered.
struct Plan {
    struct Leaf {
        bool content = false;
        int glob = -1;
        int pattern = -1;
        int except = -1;  // a glob: paths it matches are not evidence for this leaf
        int unless = -1;  // a pattern: files where it matches (outside comments) are not evidence
    };
    std::vector<Leaf> leaves;
    std::vector<int> order;  // leaf of each path/content rule, in questionnaire traversal order
    GlobSet globs;
    std::vector<std::vector<int>> path_leaves;     // per glob
    std::vector<std::vector<int>> content_leaves;  // per glob
    std::vector<bool> dir_ok;                      // per glob: may match a directory
    std::vector<std::string> patterns;             // "(?m)" + pattern
    std::vector<std::unique_ptr<RE2>> single;      // per pattern, to locate the first match

    std::map<std::pair<std::string, bool>, int> glob_ids;
    std::map<std::string, int> pattern_ids;
    std::map<std::tuple<bool, int, int, int, int>, int> leaf_ids;

    int glob_id(const std::string& g, bool ignore_case) {
        auto [it, fresh] = glob_ids.emplace(std::make_pair(g, ignore_case), static_cast<int>(glob_ids.size()));
        if (fresh) {
            globs.add_regex((ignore_case ? "(?i)" : "") + glob_to_regex(g));
            path_leaves.emplace_back();
            content_leaves.emplace_back();
            dir_ok.push_back(glob_names_directories(g));
        }
        return it->second;
    }
    int pattern_id(const std::string& p) {
        auto [it, fresh] = pattern_ids.emplace(p, static_cast<int>(patterns.size()));
        if (fresh) patterns.push_back("(?m)" + p);
        return it->second;
    }
    void add(const EvidenceRule& r) {
        if (r.kind == EvidenceRule::Kind::All) {
            for (const auto& sub : r.all) add(sub);
            return;
        }
        Leaf leaf;
        leaf.content = r.kind == EvidenceRule::Kind::Content;
        leaf.glob = glob_id(r.glob, r.ignore_case);
        if (leaf.content) leaf.pattern = pattern_id(r.pattern);
        if (!r.except.empty()) leaf.except = glob_id(r.except, r.ignore_case);
        if (leaf.content && !r.unless.empty()) leaf.unless = pattern_id(r.unless);
        auto [it, fresh] = leaf_ids.emplace(
            std::make_tuple(leaf.content, leaf.glob, leaf.pattern, leaf.except, leaf.unless),
            static_cast<int>(leaves.size()));
        if (fresh) {
            leaves.push_back(leaf);
            auto& by_glob = leaf.content ? content_leaves : path_leaves;
            by_glob[static_cast<std::size_t>(leaf.glob)].push_back(it->second);
        }
        order.push_back(it->second);
    }
};

RE2::Options content_options() {
    RE2::Options o;
    o.set_log_errors(false);
    o.set_max_mem(64 << 20);
    return o;
}

// The line cited for a pattern in one file (line 0: no match outside comments).
struct Found {
    int line = 0;
    std::string excerpt;
};

struct LeafHit {
    int leaf;
    std::string path;
    int line;
    std::string excerpt;
};

// One RE2::Set per combination of applicable patterns, per thread (no lock on the hot path).
struct SetEntry {
    std::unique_ptr<RE2::Set> set;
    std::vector<int> patterns;  // set index -> pattern id
    std::vector<int> leaves;    // the content leaves that apply
};

struct Local {
    std::vector<LeafHit> hits;
    ScanStats stats;
    std::vector<std::string> warnings;
    std::vector<DirInfo> dirs;  // for detect_layout
    std::map<std::vector<int>, SetEntry> sets;
    std::vector<int> glob_hits, key, matched;
    std::vector<std::pair<int, Found>> found;
    std::unique_ptr<char[]> buffer;
    std::size_t capacity = 0;
};

std::string excerpt_of(std::string_view line) {
    std::size_t b = 0, e = line.size();
    while (b < e && (line[b] == ' ' || line[b] == '\t')) ++b;
    while (e > b && (line[e - 1] == ' ' || line[e - 1] == '\t' || line[e - 1] == '\r')) --e;
    std::string_view s = line.substr(b, e - b);
    if (s.size() <= kExcerptMax) return std::string(s);
    std::size_t cut = kExcerptMax;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // a UTF-8 boundary
    return std::string(s.substr(0, cut)) + "...";
}

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

// The patterns of an ignore file at `path` under `dirfd`; empty when it is absent, not a regular file or larger
// than kMaxGitignore.
Gitignore read_ignore_file(int dirfd, const char* path) {
    int fd = ::openat(dirfd, path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW);
    if (fd < 0) return {};
    struct stat st {};
    std::string text;
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && static_cast<std::size_t>(st.st_size) <= kMaxGitignore) {
        text.resize(static_cast<std::size_t>(st.st_size));
        std::size_t got = 0;
        while (got < text.size()) {
            ssize_t n = ::read(fd, text.data() + got, text.size() - got);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) break;
            got += static_cast<std::size_t>(n);
        }
        text.resize(got);
    }
    ::close(fd);
    return Gitignore::parse(text);
}

// `chain` extended by the ignore file at `path` under `dirfd`, for entries below `base`; `chain` itself when the
// file is absent or has no patterns.
IgnoreChain with_ignore_file(IgnoreChain chain, int dirfd, const char* path, std::string base) {
    Gitignore rules = read_ignore_file(dirfd, path);
    if (rules.empty()) return chain;
    auto scope = std::make_shared<IgnoreScope>();
    scope->rules = std::move(rules);
    scope->base = std::move(base);
    scope->parent = std::move(chain);
    return scope;
}

class Walker {
    struct PendingDir {
        std::string rel;      // relative to the root, "" for the root
        IgnoreChain ignores;  // the ignore files that apply to its entries
    };

public:
    Walker(Plan& plan, IgnoreChain root_ignores, const ScanOptions& options, int rootfd, std::string root,
           std::string root_real, std::string project)
        : plan_(plan), root_ignores_(std::move(root_ignores)), options_(options), rootfd_(rootfd),
          root_(std::move(root)), root_real_(std::move(root_real)), project_(std::move(project)) {
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
        int fd = ::openat(rootfd_, rel.empty() ? "." : rel.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (fd < 0) return warn(local, rel, "read directory", errno);
        struct stat st {};
        if (::fstat(fd, &st) != 0 || !first_visit(st)) {  // a bind mount looping back: never twice
            ::close(fd);
            return;
        }
        DIR* dir = ::fdopendir(fd);
        if (!dir) {
            int err = errno;
            ::close(fd);
            return warn(local, rel, "read directory", err);
        }
        struct Entry {
            std::string name;
            unsigned char type;
        };
        std::vector<Entry> entries;
        bool venv = false, gitignore = false;
        errno = 0;
        while (struct dirent* e = ::readdir(dir)) {
            const char* n = e->d_name;
            if (n[0] == '.' && (n[1] == 0 || (n[1] == '.' && n[2] == 0))) continue;
            if (std::strcmp(n, "pyvenv.cfg") == 0) venv = true;
            if (std::strcmp(n, ".gitignore") == 0) gitignore = true;
            entries.push_back({n, e->d_type});
        }
        if (venv && !rel.empty()) {  // a virtual environment under another name
            ++local.stats.skipped_dirs;
            ::closedir(dir);
            return;
        }
        ++local.stats.directories;
        // The root's .gitignore is already in the chain (read before the walk, with .git/info/exclude).
        IgnoreChain ignores = gitignore && !rel.empty() ? with_ignore_file(pending.ignores, fd, ".gitignore", rel + "/")
                                                        : pending.ignores;
        const IgnoreScope* scope = ignores.get();
        // The layout (projects, teaching folders) is read from the directories inside the scope, near its top.
        DirInfo info;
        std::string_view layout_rel;
        bool record = false;
        if (!rel.empty() && scope_of(rel, true, layout_rel) == Scope::Inside) {
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
                if (::fstatat(fd, e.name.c_str(), &cst, AT_SYMLINK_NOFOLLOW) != 0) continue;
                type = S_ISDIR(cst.st_mode) ? DT_DIR : S_ISREG(cst.st_mode) ? DT_REG : S_ISLNK(cst.st_mode) ? DT_LNK
                                                                                                           : DT_FIFO;
            }
            const bool is_dir = type == DT_DIR;
            const Scope in = scope_of(child, is_dir, match);
            if (in == Scope::Out || excludes_.ignored(child, is_dir)) { ++local.stats.excluded; continue; }
            const bool ci_check = in == Scope::Repository && is_ci_pipeline(child);
            if (type == DT_DIR) {
                if (IgnoreScope::ignored(scope, child, true)) { ++local.stats.ignored; continue; }
                if (in != Scope::Path) match_path(child, match, local);
                if (heavy_dir(e.name.c_str()) || vendored_dir(e.name.c_str()) ||
                    build_output_dir(e.name.c_str(), git_checkout_)) {
                    ++local.stats.skipped_dirs;
                    continue;
                }
                subdirs.push_back({child, ignores});
                if (record && e.name == "src") info.code = true;
            } else if (type == DT_REG) {
                if (IgnoreScope::ignored(scope, child, false)) { ++local.stats.ignored; continue; }
                ++local.stats.files;
                if (record) {
                    const int strength = manifest_strength(e.name);
                    info.strong = info.strong || strength == 2;
                    info.weak = info.weak || strength == 1;
                    info.code = info.code || is_code_file(e.name);
                }
                file(fd, e.name.c_str(), child, match, ci_check, local);
            } else if (type == DT_LNK) {
                if (IgnoreScope::ignored(scope, child, false)) { ++local.stats.ignored; continue; }
                symlink(child, match, ci_check, local);
            }
            // FIFOs, sockets and devices are never opened.
        }
        if (record) local.dirs.push_back(std::move(info));
        ::closedir(dir);
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
        std::size_t size = 0;
        if (ci_check) {
            if (!read(dirfd, name, rel, local, size)) return;
            if (!ci_runs_project(std::string_view(local.buffer.get(), size), project_)) {
                ++local.stats.excluded;
                return;
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
        if (local.key.empty()) return;
        const SetEntry& entry = set_for(local);
        if (!ci_check && !read(dirfd, name, rel, local, size)) return;
        search(entry, std::string_view(local.buffer.get(), size), rel, local);
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

    bool read(int dirfd, const char* name, const std::string& rel, Local& local, std::size_t& size) {
        int fd = dirfd >= 0 ? ::openat(dirfd, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
                            : ::open(name, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
        if (fd < 0) {
            warn(local, rel, "read", errno);
            return false;
        }
        struct stat st {};
        if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
            ::close(fd);
            return false;
        }
        const std::uint64_t max = options_.max_file_size;
        if (static_cast<std::uint64_t>(st.st_size) > max) {
            ++local.stats.skipped_large;
            ::close(fd);
            return false;
        }
        // One read of the whole file into a buffer reused across files; one byte more detects growth.
        std::size_t want = static_cast<std::size_t>(st.st_size) + 1;
        if (local.capacity < want) {
            local.capacity = std::max<std::size_t>(want, 64 * 1024);
            local.buffer.reset(new char[local.capacity]);
        }
        size = 0;
        while (size < want) {
            ssize_t n = ::read(fd, local.buffer.get() + size, want - size);
            if (n < 0) {
                if (errno == EINTR) continue;
                int err = errno;
                ::close(fd);
                warn(local, rel, "read", err);
                return false;
            }
            if (n == 0) break;
            size += static_cast<std::size_t>(n);
        }
        ::close(fd);
        if (size > max || size == want) {  // grew while we read it
            ++local.stats.skipped_large;
            return false;
        }
        if (std::memchr(local.buffer.get(), 0, std::min(size, kBinaryProbe))) {
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
        for (int p : local.matched) local.found.emplace_back(p, locate(p, text, style));
    }

    const RE2& single(int p) const { return *plan_.single[static_cast<std::size_t>(p)]; }

    // The strongest match of pattern `p` outside comments (hit_strength; the first of equals), as its line and
    // that line as an excerpt; line 0 when every match is in a comment. At most kMaxCandidates lines are
    // weighed, one match per line, so a file full of matches costs one pass.
    Found locate(int p, std::string_view text, const CommentStyle& style) const {
        constexpr int kMaxCandidates = 1000;
        re2::StringPiece piece(text.data(), text.size()), m;
        int best = -1;
        std::size_t best_off = 0, best_start = 0, best_stop = 0;
        std::size_t pos = 0;
        for (int n = 0; n < kMaxCandidates && pos <= text.size(); ++n) {
            if (!single(p).Match(piece, pos, piece.size(), RE2::UNANCHORED, &m, 1)) break;
            std::size_t off = static_cast<std::size_t>(m.data() - text.data());
            std::size_t end = off + m.size();
            // A match that starts with blank lines ((?m)^\s*...) belongs to the line where its text starts.
            while (off < end && (text[off] == '\n' || text[off] == '\r' || text[off] == ' ' || text[off] == '\t')) ++off;
            if (off == end) off = static_cast<std::size_t>(m.data() - text.data());
            std::size_t start = off == 0 ? std::string_view::npos : text.rfind('\n', off - 1);
            start = start == std::string_view::npos ? 0 : start + 1;
            std::size_t stop = text.find('\n', off);
            if (stop == std::string_view::npos) stop = text.size();
            // Judged at the match's last byte on its first line: a pattern anchored at the start of the line
            // (`^[^@\n]*x\(`) starts before the comment marker it covers.
            std::size_t last = std::max(off, std::min(end, stop));
            if (last > off) --last;
            if (!in_comment(text, last, style)) {
                int strength = hit_strength(text.substr(start, stop - start), off - start, std::min(end, stop) - start);
                if (strength > best) {
                    best = strength;
                    best_off = off;
                    best_start = start;
                    best_stop = stop;
                }
                if (strength >= 3) break;
            }
            pos = std::max(stop + 1, end);  // the next line (or past a match that spans lines)
        }
        if (best < 0) return {};
        int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(best_off), '\n'));
        return {line, excerpt_of(text.substr(best_start, best_stop - best_start))};
    }

    Plan& plan_;
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
    std::mutex visited_mutex_;
    std::set<std::pair<dev_t, ino_t>> visited_;
};

struct Evaluated {
    bool matched = false;
    std::vector<EvidenceHit> hits;
};

Evaluated evaluate(const EvidenceRule& r, const Plan& plan, std::size_t& next,
                   const std::vector<std::vector<EvidenceHit>>& leaf_hits) {
    Evaluated out;
    if (r.kind == EvidenceRule::Kind::All) {
        out.matched = true;
        for (const auto& sub : r.all) {  // every sub-rule is visited, to keep `next` in step
            Evaluated e = evaluate(sub, plan, next, leaf_hits);
            out.matched = out.matched && e.matched;
            out.hits.insert(out.hits.end(), e.hits.begin(), e.hits.end());
        }
        if (!out.matched) out.hits.clear();
        return out;
    }
    const auto& hits = leaf_hits[static_cast<std::size_t>(plan.order[next++])];
    out.matched = !hits.empty();
    out.hits = hits;
    return out;
}

// --project DIR as a path relative to the scanned root ("a/b": no "./", no trailing "/"), checked to be a
// directory inside it. `..`, absolute paths and symbolic links are refused: the project is part of the tree.
std::string normalise_project(const std::string& given, int rootfd) {
    if (given.empty()) return {};
    auto bad = [&](const std::string& why) {
        return InputError(Diagnostic{"--project", 0, 0, "'" + given + "' " + why});
    };
    if (given[0] == '/') throw bad("must be a directory relative to the scanned directory, e.g. --project models/churn");
    std::string out;
    for (std::size_t start = 0; start <= given.size();) {
        std::size_t slash = given.find('/', start);
        if (slash == std::string::npos) slash = given.size();
        const std::string part = given.substr(start, slash - start);
        start = slash + 1;
        if (part.empty() || part == ".") continue;
        if (part == "..") throw bad("must be inside the scanned directory (no '..')");
        if (!out.empty()) out += '/';
        out += part;
    }
    if (out.empty()) return {};  // "." is the whole tree
    struct stat st {};
    if (::fstatat(rootfd, out.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0)
        throw bad(std::string("cannot be scanned: ") + std::strerror(errno));
    if (!S_ISDIR(st.st_mode)) throw bad("is not a directory");
    for (std::size_t at = out.find('/'); at != std::string::npos; at = out.find('/', at + 1))
        if (::fstatat(rootfd, out.substr(0, at).c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISDIR(st.st_mode))
            throw bad("is not a directory");  // a symbolic link on the way
    return out;
}

// The first bytes of the README at the top of the scanned tree (`dir`, relative to `rootfd`; "" for the root), for
// the layout's coursework check: a regular file, never followed through a link, at most 4 KiB. Empty if none.
std::string read_readme_head(int rootfd, const std::string& dir) {
    static const char* const names[] = {"README.md", "README.rst", "README.txt", "README", "readme.md", "Readme.md"};
    for (const char* name : names) {
        const std::string path = dir.empty() ? std::string(name) : dir + "/" + name;
        const int fd = ::openat(rootfd, path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
        if (fd < 0) continue;
        struct stat st {};
        std::string text;
        if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
            text.resize(4096);
            const ssize_t n = ::read(fd, text.data(), text.size());
            text.resize(n > 0 ? static_cast<std::size_t>(n) : 0);
        }
        ::close(fd);
        if (!text.empty()) return text;
    }
    return {};
}

}  // namespace

ScanResult scan_tree(const Questionnaire& q, const std::string& root, const ScanOptions& options) {
    Plan plan;
    for (const auto& d : q.dimensions)
        for (const auto& qu : d.questions)
            for (const auto& r : qu.evidence) plan.add(r);
    std::string error;
    if (!plan.globs.compile(&error)) throw InputError(Diagnostic{q.source_name, 0, 0, error});
    for (const auto& p : plan.patterns) {
        plan.single.push_back(std::make_unique<RE2>(p, content_options()));
        if (!plan.single.back()->ok())
            throw InputError(Diagnostic{q.source_name, 0, 0, "invalid RE2 pattern '" + p + "': " +
                                                                 plan.single.back()->error()});
    }

    struct stat st {};
    if (::stat(root.c_str(), &st) != 0)
        throw InputError(Diagnostic{root, 0, 0, std::string("cannot scan: ") + std::strerror(errno)});
    if (!S_ISDIR(st.st_mode)) throw InputError(Diagnostic{root, 0, 0, "cannot scan: not a directory"});
    int rootfd = ::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    std::unique_ptr<char, decltype(&std::free)> real(::realpath(root.c_str(), nullptr), &std::free);
    if (rootfd < 0 || !real) {
        int err = errno;
        if (rootfd >= 0) ::close(rootfd);
        throw InputError(Diagnostic{root, 0, 0, std::string("cannot scan: ") + std::strerror(err)});
    }

    const std::string project = normalise_project(options.project, rootfd);
    IgnoreChain ignores = with_ignore_file(nullptr, rootfd, ".git/info/exclude", "");
    ignores = with_ignore_file(ignores, rootfd, ".gitignore", "");
    std::vector<Local> locals;
    {
        Walker walker(plan, ignores, options, rootfd, root, real.get(), project);
        locals = walker.run();
    }
    const std::string readme = read_readme_head(rootfd, project);
    ::close(rootfd);

    ScanResult result;
    result.root = root;
    result.project = project;
    std::vector<LeafHit> all;
    std::vector<DirInfo> dirs;
    for (auto& l : locals) {
        ScanStats& s = result.stats;
        s.files += l.stats.files;
        s.directories += l.stats.directories;
        s.files_read += l.stats.files_read;
        s.bytes_read += l.stats.bytes_read;
        s.ignored += l.stats.ignored;
        s.skipped_dirs += l.stats.skipped_dirs;
        s.skipped_binary += l.stats.skipped_binary;
        s.skipped_large += l.stats.skipped_large;
        s.skipped_symlinks += l.stats.skipped_symlinks;
        s.unreadable += l.stats.unreadable;
        s.excluded += l.stats.excluded;
        std::move(l.dirs.begin(), l.dirs.end(), std::back_inserter(dirs));
        for (auto& w : l.warnings) result.warnings.push_back(std::move(w));
        std::move(l.hits.begin(), l.hits.end(), std::back_inserter(all));
    }
    std::sort(result.warnings.begin(), result.warnings.end());
    result.layout = detect_layout(std::move(dirs), readme);
    std::sort(all.begin(), all.end(), [](const LeafHit& a, const LeafHit& b) {
        return std::tie(a.leaf, a.path, a.line) < std::tie(b.leaf, b.path, b.line);
    });
    std::vector<std::vector<EvidenceHit>> leaf_hits(plan.leaves.size());
    for (auto& h : all) leaf_hits[static_cast<std::size_t>(h.leaf)].push_back({std::move(h.path), h.line, std::move(h.excerpt)});

    std::size_t next = 0;
    for (const auto& d : q.dimensions)
        for (const auto& qu : d.questions) {
            if (qu.evidence.empty()) continue;
            QuestionEvidence e;
            e.question = qu.id;
            e.dimension = d.id;
            e.rules = qu.evidence.size();
            bool full = false, partial = false;
            std::optional<int> option;  // choice questions: the highest option a matched rule names
            for (const auto& r : qu.evidence) {
                Evaluated ev = evaluate(r, plan, next, leaf_hits);
                if (!ev.matched) continue;
                if (qu.type == QuestionType::Choice) {
                    if (r.suggests_option) option = std::max(option.value_or(-1), *r.suggests_option);
                } else {
                    (r.suggests_partial ? partial : full) = true;
                }
                e.hits.insert(e.hits.end(), ev.hits.begin(), ev.hits.end());
            }
            if (option) {
                e.suggestion = AnswerKind::Choice;
                e.suggested_option = *option;
            } else if (full) {
                e.suggestion = AnswerKind::Yes;
            } else if (partial) {
                e.suggestion = AnswerKind::Partial;
            }
            std::sort(e.hits.begin(), e.hits.end(), [](const EvidenceHit& a, const EvidenceHit& b) {
                return std::tie(a.path, a.line) < std::tie(b.path, b.line);
            });
            e.hits.erase(std::unique(e.hits.begin(), e.hits.end(),
                                     [](const EvidenceHit& a, const EvidenceHit& b) {
                                         return a.path == b.path && a.line == b.line;
                                     }),
                         e.hits.end());
            e.hit_count = e.hits.size();
            if (e.hits.size() > options.max_hits_per_question) e.hits.resize(options.max_hits_per_question);
            result.questions.push_back(std::move(e));
        }
    return result;
}

}  // namespace mm
