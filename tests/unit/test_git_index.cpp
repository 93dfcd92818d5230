// Tracked files and ignore files (docs/scan.md, "What is read"): as in git, .gitignore applies to untracked files
// only, so a file the repository tracks is evidence even where a pattern matches it. Repositories made here with
// libgit2, each file added to the index as `git add -f` would.
#include <git2.h>
#include <sys/stat.h>

#include <algorithm>
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

}  // namespace

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
    CHECK(tracked->files.size() == 2);

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
    damaged.file(".git/index", "DIRC\x00\x00\x00\x02garbage");
    CHECK_FALSE(read_tracked_paths(damaged.root, problem).has_value());
    CHECK_FALSE(problem.empty());
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
