// The one resolver of a repository's own files (src/git_files.hpp): what a ref name may be, what an object name
// is, and where the repository of a directory is, here only or upward. Reading HEAD through it is tested with
// its two readers, in test_provenance.cpp and test_commit_history.cpp.
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "catch.hpp"
#include "git_files.hpp"

using namespace mm;
namespace fs = std::filesystem;

TEST_CASE("git files: a ref name HEAD may follow stays under refs/") {
    CHECK(is_ref_name("refs/heads/main"));
    CHECK(is_ref_name("refs/heads/feature/drift-check"));
    CHECK(is_ref_name("refs/remotes/origin/main"));
    CHECK_FALSE(is_ref_name("HEAD"));
    CHECK_FALSE(is_ref_name("heads/main"));
    CHECK_FALSE(is_ref_name("refs/../../etc/passwd"));
    CHECK_FALSE(is_ref_name("refs/heads/a..b"));  // git refuses ".." anywhere in a name
    CHECK_FALSE(is_ref_name("refs/heads/./main"));
    CHECK_FALSE(is_ref_name("refs//heads"));
    CHECK_FALSE(is_ref_name("refs/heads/"));
    CHECK_FALSE(is_ref_name("refs/heads/a\\b"));
    CHECK_FALSE(is_ref_name("refs/heads/a\x01"));
    CHECK_FALSE(is_ref_name("refs/heads/" + std::string(250, 'x')));
}

TEST_CASE("git files: an object name is 40 or 64 lowercase hex digits") {
    CHECK(is_object_name(std::string(40, 'a')));
    CHECK(is_object_name(std::string(64, '0')));
    CHECK_FALSE(is_object_name(std::string(39, 'a')));
    CHECK_FALSE(is_object_name(std::string(41, 'a')));
    CHECK_FALSE(is_object_name(std::string(40, 'A')));
    CHECK_FALSE(is_object_name(std::string(39, 'a') + "g"));
}

TEST_CASE("git files: the repository of a directory, here only or upward") {
    std::string tmpl = (fs::temp_directory_path() / "mm-git-files-XXXXXX").string();
    const fs::path root = ::mkdtemp(tmpl.data());
    fs::create_directories(root / "repo/.git/objects");
    std::ofstream(root / "repo/.git/HEAD") << "ref: refs/heads/main\n";
    fs::create_directories(root / "repo/src");
    std::string problem;
    auto here = find_git_dirs((root / "repo").string(), GitSearch::here, problem);
    REQUIRE(here.has_value());
    CHECK(here->git == (root / "repo/.git").string());
    CHECK(here->common == here->git);
    // A subdirectory is not a repository of its own for the scan, and is in its parent's for provenance.
    CHECK_FALSE(find_git_dirs((root / "repo/src").string(), GitSearch::here, problem).has_value());
    CHECK(problem.empty());
    auto up = find_git_dirs((root / "repo/src").string(), GitSearch::upward, problem);
    REQUIRE(up.has_value());
    CHECK(up->git == (root / "repo/.git").string());
    // A linked worktree: its own Git directory, and the common one its commondir names.
    fs::create_directories(root / "repo/.git/worktrees/wt");
    std::ofstream(root / "repo/.git/worktrees/wt/HEAD") << "ref: refs/heads/topic\n";
    std::ofstream(root / "repo/.git/worktrees/wt/commondir") << "../..\n";
    fs::create_directories(root / "wt");
    std::ofstream(root / "wt/.git") << "gitdir: ../repo/.git/worktrees/wt\n";
    auto wt = find_git_dirs((root / "wt").string(), GitSearch::here, problem);
    REQUIRE(wt.has_value());
    CHECK(fs::equivalent(wt->common, root / "repo/.git"));
    const ResolvedHead head = resolve_head(*wt);
    CHECK(head.unborn);
    CHECK(head.ref == "refs/heads/topic");
    CHECK(head.problem.empty());
    fs::remove_all(root);
}
