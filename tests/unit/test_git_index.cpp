// Tracked files and ignore files (docs/scan.md, "What is read"): as in git, .gitignore applies to untracked files
// only, so a file the repository tracks is evidence even where a pattern matches it. Repositories made here with
// libgit2, each file added to the index as `git add -f` would.
#include <git2.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "catch.hpp"
#include "fixture_tree.hpp"
#include "git_index.hpp"
#include "mm/scan.hpp"

using namespace mm;
using namespace mm::scanning;
using mm::test::Tree;

namespace {

// A repository at `t.root` whose index tracks `tracked` (paths of files already in the tree), forced past any
// ignore file.
void track(const Tree& t, const std::vector<std::string>& tracked) {
    git_libgit2_init();
    git_repository* repo = nullptr;
    REQUIRE(git_repository_init(&repo, t.root.c_str(), 0) == 0);
    git_index* index = nullptr;
    REQUIRE(git_repository_index(&index, repo) == 0);
    for (const auto& rel : tracked) REQUIRE(git_index_add_bypath(index, rel.c_str()) == 0);
    REQUIRE(git_index_write(index) == 0);
    git_index_free(index);
    git_repository_free(repo);
    git_libgit2_shutdown();
}

// A questionnaire of one question whose one rule is a path rule for `glob`.
Questionnaire path_rule(const std::string& glob) {
    return mm::test::scan_questionnaire("tracked",
                                        "      - id: q\n        level: 1\n        text: Q?\n        help: h\n"
                                        "        practice: p\n        evidence:\n          - {path: \"" +
                                            glob + "\"}\n");
}

// Whether a path rule for `glob` found `rel` in a scan of `t`.
bool found(const Tree& t, const std::string& glob, const std::string& rel) {
    const ScanResult r = scan_tree(path_rule(glob), t.root);
    const auto& hits = r.questions.at(0).hits;
    return std::any_of(hits.begin(), hits.end(), [&](const EvidenceHit& e) { return e.path == rel; });
}

// The bytes of a git index of `version` holding `paths` in order, as git writes them: a header, each entry's 62
// bytes of stat data, object name and flags (and a second flags word when `extended`, version 3), its path
// (version 4: as an edit of the one before) and padding, then `extensions` and a 20-byte checksum (not checked).
std::string index_bytes(unsigned version, const std::vector<std::string>& paths, bool extended = false,
                        const std::string& extensions = "", std::size_t object_name = 20) {
    auto be32 = [](std::uint32_t v) {
        return std::string{static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
                           static_cast<char>(v)};
    };
    std::string out = "DIRC" + be32(version) + be32(static_cast<std::uint32_t>(paths.size()));
    std::string previous;
    for (const auto& path : paths) {
        const std::size_t start = out.size();
        out += std::string(40 + object_name, '\0');
        const unsigned flags = (extended ? 0x4000u : 0u) | std::min<std::size_t>(path.size(), 0xfff);
        out += std::string{static_cast<char>(flags >> 8), static_cast<char>(flags)};
        if (extended) out += std::string(2, '\0');
        if (version == 4) {
            std::size_t common = 0;
            while (common < previous.size() && common < path.size() && previous[common] == path[common]) ++common;
            out += static_cast<char>(previous.size() - common);  // below 128: one byte
            out += path.substr(common) + '\0';
        } else {
            out += path;
            const std::size_t length = out.size() - start + 1;
            out += std::string(((length + 7) & ~std::size_t{7}) - length + 1, '\0');
        }
        previous = path;
    }
    return out + extensions + std::string(object_name, '\x5a');
}

std::vector<std::string> parsed(const std::string& bytes, std::string& problem) {
    std::vector<std::string> paths;
    problem.clear();
    parse_index_paths(bytes, paths, problem);
    return paths;
}

}  // namespace

TEST_CASE("index paths: versions 2, 3 and 4, as git writes them") {
    const std::vector<std::string> paths = {"README.md", "src/pkg/__init__.py", "src/pkg/model.py", "src/train.py",
                                            std::string(300, 'x') + "/deep.py"};
    std::string problem;
    CHECK(parsed(index_bytes(2, paths), problem) == paths);
    CHECK(problem.empty());
    CHECK(parsed(index_bytes(3, paths, true), problem) == paths);  // intent-to-add, skip-worktree: 2 more bytes
    CHECK(parsed(index_bytes(4, paths), problem) == paths);        // each path an edit of the one before
    CHECK(parsed(index_bytes(2, {}), problem).empty());
    CHECK(problem.empty());
    // optional extensions (a cached tree) are skipped
    CHECK(parsed(index_bytes(2, paths, false, "TREE" + std::string("\0\0\0\x03", 4) + "abc"), problem) == paths);
}

TEST_CASE("index paths: what this reader does not follow is said, never half read") {
    std::string problem;
    std::vector<std::string> paths = {"a.py", "b.py"};
    CHECK(parsed("", problem).empty());
    CHECK(problem == "not a git index (no DIRC signature)");
    CHECK(parsed("PACK" + index_bytes(2, paths).substr(4), problem).empty());
    CHECK(problem == "not a git index (no DIRC signature)");
    std::string v5 = index_bytes(2, paths);
    v5[7] = 5;
    CHECK(parsed(v5, problem).empty());
    CHECK(problem == "index version 5, which this tool does not read");
    // a count the file has no room for, a cut file, a second flags word in version 2, a version 4 edit that strips
    // more than the path before had
    std::string forged = index_bytes(2, paths);
    forged[8] = '\x7f';
    CHECK(parsed(forged, problem).empty());
    CHECK(problem == "the index is damaged (more entries than it has room for)");
    const std::string whole = index_bytes(2, paths);
    CHECK(parsed(whole.substr(0, whole.size() - 20 - 10), problem).empty());
    CHECK(problem == "the index is damaged (entry 2 of 2 runs past its end)");
    CHECK(parsed(index_bytes(2, paths, true), problem).empty());
    std::string strip = index_bytes(4, {"a.py"});
    strip[12 + 62] = 9;  // strip 9 bytes of the empty path before the first
    CHECK(parsed(strip, problem).empty());
    CHECK(problem == "the index is damaged (entry 1 of 1 runs past its end)");
    // a split index keeps its entries in another file: said, not read as a partial list
    CHECK(parsed(index_bytes(2, paths, false, "link" + std::string("\0\0\0\x14", 4) + std::string(20, 'h')), problem)
              .empty());
    CHECK(problem == "a split index (core.splitIndex), which this tool does not read");
    // an extension whose size runs past the checksum, or beyond the file: it could hide a `link` behind it
    CHECK(parsed(index_bytes(2, paths, false, "UNTR" + std::string("\0\0\0\x02", 4) + "abcdef"), problem).empty());
    CHECK(problem.rfind("the index is damaged, or of a SHA-256 repository", 0) == 0);
    // a SHA-256 repository's index: 32-byte object names shift every entry
    CHECK(parsed(index_bytes(2, {"src/a.py", "src/b.py", "train.py"}, false, "", 32), problem).empty());
    CHECK_FALSE(problem.empty());
    // version 4 can repeat a long path in a few bytes: the paths may take at most twice the file's size
    std::vector<std::string> repeated(2000, std::string(4000, 'p'));
    CHECK(parsed(index_bytes(4, repeated), problem).empty());
    CHECK(problem == "the index is damaged (its paths take more than twice its size)");
    std::vector<std::string> few(20, std::string(4000, 'p'));
    CHECK(parsed(index_bytes(4, few), problem).size() == 20);  // within 1 MiB more than twice the size
    CHECK(parsed(index_bytes(2, {std::string(4097, 'x')}), problem).empty());
    CHECK(problem == "the index is damaged (entry 1 has a path over 4 KiB)");
}

TEST_CASE("tracked paths: the index's files, and every directory that holds one") {
    Tree t;
    t.file("requirements.txt", "numpy==1.0\n");
    t.file("src/pkg/model.py", "x = 1\n");
    track(t, {"requirements.txt", "src/pkg/model.py"});
    std::string problem;
    const auto tracked = read_tracked_paths(t.root, problem);
    REQUIRE(tracked.has_value());
    CHECK(problem.empty());
    CHECK(tracked->tracks("requirements.txt"));
    CHECK(tracked->tracks("src/pkg/model.py"));
    CHECK_FALSE(tracked->tracks("src/pkg"));
    CHECK(tracked->holds("src"));
    CHECK(tracked->holds("src/pkg"));
    CHECK_FALSE(tracked->holds("src/pkg/model.py"));
    CHECK(tracked->files == std::vector<std::string>{"requirements.txt", "src/pkg/model.py"});
    CHECK_FALSE(tracked->holds("sr"));  // a name's prefix is no directory

    // No repository, or a repository without an index (an export, a clone with no checkout): nothing, no problem.
    Tree plain;
    CHECK_FALSE(read_tracked_paths(plain.root, problem).has_value());
    CHECK(problem.empty());
    Tree fresh;
    fresh.file(".git/HEAD", "ref: refs/heads/main\n");
    CHECK_FALSE(read_tracked_paths(fresh.root, problem).has_value());
    CHECK(problem.empty());
}

TEST_CASE("tracked paths: an index that is a FIFO, or damaged, is said and not waited for") {
    Tree fifo;
    fifo.file(".git/HEAD", "ref: refs/heads/main\n");
    REQUIRE(::mkfifo(fifo.path(".git/index").c_str(), 0600) == 0);
    std::string problem;
    CHECK_FALSE(read_tracked_paths(fifo.root, problem).has_value());
    CHECK(problem == "the index is not a regular file");

    Tree damaged;
    damaged.file(".git/HEAD", "ref: refs/heads/main\n");
    // A version-2 header and then bytes that are no entry; the length is explicit, as the literal holds NULs.
    damaged.file(".git/index", std::string("DIRC\x00\x00\x00\x02\x00\x00\x00\x01garbage", 19));
    CHECK_FALSE(read_tracked_paths(damaged.root, problem).has_value());
    CHECK(problem == "the index is damaged (more entries than it has room for)");
    // the scan goes on, says so once, and applies .gitignore to every file as before
    damaged.file(".gitignore", "*.txt\n");
    damaged.file("requirements.txt", "numpy==1.0\n");
    CHECK_FALSE(found(damaged, "requirements.txt", "requirements.txt"));
    const ScanResult r = scan_tree(path_rule("*.txt"), damaged.root);
    REQUIRE(r.warnings.size() == 1);
    CHECK(r.warnings[0].rfind(".git: cannot read the index (", 0) == 0);
}

TEST_CASE("tracked paths: a tracked file is never ignored, an untracked one still is") {
    Tree t;
    t.file(".gitignore", "**/*.txt\nmodels/\n");
    t.file("requirements.txt", "numpy==1.0\n");  // committed in spite of **/*.txt (grants_tagger's)
    t.file("notes.txt", "scratch\n");            // ignored, untracked
    t.file("models/serve.py", "x = 1\n");        // tracked in an ignored directory
    t.file("models/tmp/run.py", "x = 1\n");      // untracked in the same directory: still ignored
    t.file("models/scratch.py", "x = 1\n");
    track(t, {".gitignore", "requirements.txt", "models/serve.py"});
    CHECK(found(t, "requirements.txt", "requirements.txt"));
    CHECK_FALSE(found(t, "notes.txt", "notes.txt"));
    CHECK(found(t, "models/serve.py", "models/serve.py"));
    CHECK_FALSE(found(t, "models/scratch.py", "models/scratch.py"));
    CHECK_FALSE(found(t, "models/tmp/run.py", "models/tmp/run.py"));
    // vendored and heavy directories stay unwalked, tracked or not: committed third-party code is not the team's
    t.file("node_modules/pkg/index.js", "x\n");
    t.file("vendor/lib/model.py", "x = 1\n");
    track(t, {"node_modules/pkg/index.js", "vendor/lib/model.py"});
    CHECK_FALSE(found(t, "node_modules/pkg/index.js", "node_modules/pkg/index.js"));
    CHECK_FALSE(found(t, "vendor/lib/model.py", "vendor/lib/model.py"));
    // a scan below the work tree's root has no index of its own: .gitignore files apply as before
    Tree outer;
    outer.file("sub/.gitignore", "*.txt\n");
    outer.file("sub/requirements.txt", "numpy==1.0\n");
    track(outer, {"sub/requirements.txt"});
    CHECK(scan_tree(path_rule("**/*.txt"), outer.path("sub")).questions.at(0).hits.empty());
}

TEST_CASE("tracked paths: the reader's thread starts after what it writes exists") {
    // It writes the reason an index cannot be read into the reader: a member constructed after the thread had
    // started was overwritten, then constructed again (a crash one scan in two on a real checkout).
    Tree t;
    t.file(".git/HEAD", "ref: refs/heads/main\n");
    t.file(".git/index", "not an index");
    for (int i = 0; i < 200; ++i) {
        TrackedPathsReader reader(t.root);
        CHECK(reader.get() == nullptr);
        CHECK(reader.problem() == "not a git index (no DIRC signature)");
    }
    // never asked: nothing to say, and the destructor waits for the thread
    for (int i = 0; i < 50; ++i) {
        TrackedPathsReader reader(t.root);
        CHECK(reader.problem().empty());
    }
}

TEST_CASE("tracked paths: a .git that leads nowhere, or a SHA-256 repository, is said once") {
    // without history rules, the index's warning says it (a tracked file may be left out)
    Tree t;
    t.file(".git", "gitdir: /nonexistent/repo\n");
    t.file(".gitignore", "ign/\n");
    t.file("ign/train.py", "x = 1\n");
    ScanResult r = scan_tree(path_rule("ign/train.py"), t.root);
    REQUIRE(r.warnings.size() == 1);
    CHECK(r.warnings[0].find("cannot read the index (the .git file names /nonexistent/repo") != std::string::npos);
    // with history rules, the history's warning says it, and the index's is not repeated
    const Questionnaire both = mm::test::scan_questionnaire(
        "both",
        "      - id: q\n        level: 1\n        text: Q?\n        help: h\n        practice: p\n"
        "        evidence:\n          - {path: \"ign/train.py\"}\n          - {history: {commits: 2}}\n");
    r = scan_tree(both, t.root);
    REQUIRE(r.warnings.size() == 1);
    CHECK(r.warnings[0].rfind(".git: cannot read the history (the .git file names /nonexistent/repo", 0) == 0);
    // an empty gitdir names no directory (git: "invalid gitfile format"), not the work tree itself
    Tree empty;
    empty.file(".git", "gitdir:\n");
    empty.file("HEAD", std::string(40, '1') + "\n");
    std::string problem;
    CHECK_FALSE(read_tracked_paths(empty.root, problem).has_value());
    CHECK(problem == "the .git file does not name a git directory ('gitdir: PATH')");
    // a SHA-256 repository (HEAD holds 64 hex digits): its index is not read
    Tree sha256;
    sha256.file(".git/HEAD", std::string(64, 'a') + "\n");
    sha256.file(".git/index", index_bytes(2, {"a.py"}, false, "", 32));
    CHECK_FALSE(read_tracked_paths(sha256.root, problem).has_value());
    CHECK(problem == "a SHA-256 repository's index, which this tool does not read");
}
