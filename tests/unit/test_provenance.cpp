// When and what was assessed: dates, SOURCE_DATE_EPOCH, commit hashes, and reading HEAD from a repository's files.
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "catch.hpp"
#include "helpers.hpp"
#include "mm/provenance.hpp"

using namespace mm;
namespace fs = std::filesystem;

namespace {

const std::string kSha1 = "0123456789abcdef0123456789abcdef01234567";
const std::string kSha2 = "89abcdef0123456789abcdef0123456789abcdef";

// A scratch directory, removed at the end of the test.
struct Scratch {
    fs::path root;
    Scratch() {
        std::string tmpl = (fs::temp_directory_path() / "mm-provenance-XXXXXX").string();
        root = ::mkdtemp(tmpl.data());
    }
    ~Scratch() {
        std::error_code ec;
        fs::remove_all(root, ec);
    }
    void write(const fs::path& relative, const std::string& text) const {
        fs::create_directories((root / relative).parent_path());
        std::ofstream(root / relative, std::ios::binary) << text;
    }
    std::string path(const fs::path& relative = {}) const { return (root / relative).string(); }
};

}  // namespace

TEST_CASE("is_date accepts calendar dates written YYYY-MM-DD only") {
    CHECK(is_date("2026-03-31"));
    CHECK(is_date("2024-02-29"));   // leap year
    CHECK(is_date("2000-02-29"));   // divisible by 400
    CHECK_FALSE(is_date("1900-02-29"));  // divisible by 100
    CHECK_FALSE(is_date("2026-02-29"));
    CHECK_FALSE(is_date("2026-04-31"));
    CHECK_FALSE(is_date("2026-13-01"));
    CHECK_FALSE(is_date("2026-00-10"));
    CHECK_FALSE(is_date("2026-1-01"));
    CHECK_FALSE(is_date("31.03.2026"));
    CHECK_FALSE(is_date("2026-03-31T00:00"));
    CHECK_FALSE(is_date("0999-01-01"));
    CHECK_FALSE(is_date(""));
}

TEST_CASE("utc_date converts Unix time to the UTC calendar date") {
    CHECK(utc_date(0) == "1970-01-01");
    CHECK(utc_date(86399) == "1970-01-01");
    CHECK(utc_date(86400) == "1970-01-02");
    CHECK(utc_date(951782400) == "2000-02-29");
    CHECK(utc_date(1774915200) == "2026-03-31");
    CHECK(utc_date(4102444800) == "2100-01-01");  // past 2038
    CHECK(utc_date(-1) == "1969-12-31");
}

TEST_CASE("resolve_date: --date, else SOURCE_DATE_EPOCH, else today, and 'none' for no date") {
    CHECK(resolve_date("", nullptr, "2026-11-28") == std::optional<std::string>("2026-11-28"));
    CHECK(resolve_date("", "1774915200", "2026-11-28") == std::optional<std::string>("2026-03-31"));
    CHECK(resolve_date("2025-01-02", "1774915200", "2026-11-28") == std::optional<std::string>("2025-01-02"));
    CHECK(resolve_date("none", "1774915200", "2026-11-28") == std::nullopt);
    CHECK(test::first_error([] { resolve_date("2026-02-30", nullptr, "2026-11-28"); }) ==
          "mlops-maturity: error: --date: '2026-02-30' is not a date: use YYYY-MM-DD (for example 2026-03-31), or "
          "'none' to leave the date out");
    // The specification asks for an error, not a silent fallback, when SOURCE_DATE_EPOCH is malformed.
    for (const char* bad : {"", "-1", "1.5", " 12", "12abc", "9999999999999999"}) {
        INFO(bad);
        CHECK_THAT(test::first_error([&] { resolve_date("", bad, "2026-11-28"); }),
                   Catch::StartsWith("mlops-maturity: error: SOURCE_DATE_EPOCH='"));
    }
}

TEST_CASE("check_commit_option takes a full hash (lowercased) or 'none'") {
    CHECK(is_commit(kSha1));
    CHECK(is_commit(std::string(64, 'a')));
    CHECK_FALSE(is_commit("0123456"));
    CHECK_FALSE(is_commit(std::string(40, 'g')));
    CHECK_FALSE(is_commit(std::string(40, 'A')));
    CHECK(check_commit_option("0123456789ABCDEF0123456789ABCDEF01234567") == kSha1);
    CHECK(check_commit_option("none") == "none");
    CHECK_THAT(test::first_error([] { check_commit_option("0123abc"); }),
               Catch::StartsWith("mlops-maturity: error: --commit: '0123abc' is not a full commit hash"));
}

TEST_CASE("read_git_head reads a branch from a loose ref, from packed-refs, or a detached HEAD") {
    Scratch s;
    s.write("repo/.git/HEAD", "ref: refs/heads/main\n");
    s.write("repo/.git/refs/heads/main", kSha1 + "\n");
    fs::create_directories(s.root / "repo/src/deep");

    GitHead h = read_git_head(s.path("repo"));
    CHECK(h.repository);
    CHECK(h.commit == kSha1);
    CHECK(h.ref == "refs/heads/main");
    CHECK(h.problem.empty());
    // A subdirectory is in the repository of the nearest parent that has .git, as for git itself.
    CHECK(read_git_head(s.path("repo/src/deep")).commit == kSha1);

    // Packed: no loose file, the branch is in packed-refs (with its header and a peeled tag line).
    fs::remove(s.root / "repo/.git/refs/heads/main");
    s.write("repo/.git/packed-refs", "# pack-refs with: peeled fully-peeled sorted \n" + kSha2 +
                                         " refs/heads/feature\n" + kSha1 + " refs/heads/main\n^" + kSha2 + "\n");
    CHECK(read_git_head(s.path("repo")).commit == kSha1);
    // A loose ref wins over a packed one (git writes the loose file when a packed branch moves).
    s.write("repo/.git/refs/heads/main", kSha2 + "\n");
    CHECK(read_git_head(s.path("repo")).commit == kSha2);

    // Detached HEAD.
    s.write("repo/.git/HEAD", kSha1 + "\n");
    h = read_git_head(s.path("repo"));
    CHECK(h.commit == kSha1);
    CHECK(h.ref.empty());
}

TEST_CASE("read_git_head follows a linked worktree's .git file to its HEAD and the common refs") {
    Scratch s;
    s.write("main/.git/HEAD", "ref: refs/heads/main\n");
    s.write("main/.git/refs/heads/main", kSha1 + "\n");
    s.write("main/.git/refs/heads/topic", kSha2 + "\n");
    s.write("main/.git/worktrees/wt/HEAD", "ref: refs/heads/topic\n");
    s.write("main/.git/worktrees/wt/commondir", "../..\n");
    s.write("wt/.git", "gitdir: " + s.path("main/.git/worktrees/wt") + "\n");
    GitHead h = read_git_head(s.path("wt"));
    CHECK(h.commit == kSha2);
    CHECK(h.ref == "refs/heads/topic");
    // A relative gitdir (submodules write one) is relative to the directory holding the .git file.
    s.write("wt/.git", "gitdir: ../main/.git/worktrees/wt\n");
    CHECK(read_git_head(s.path("wt")).commit == kSha2);
}

TEST_CASE("read_git_head says why a repository has no commit to record") {
    Scratch s;
    // Not a repository: nothing to say (the scratch directory lives under the system's temporary directory).
    fs::create_directories(s.root / "plain");
    if (!read_git_head(s.path("plain")).repository) {
        GitHead h = read_git_head(s.path("plain"));
        CHECK(h.commit.empty());
        CHECK(h.problem.empty());
    }
    // A new repository: the branch has no commit yet.
    s.write("new/.git/HEAD", "ref: refs/heads/main\n");
    GitHead h = read_git_head(s.path("new"));
    CHECK(h.repository);
    CHECK(h.commit.empty());
    CHECK(h.problem == "branch main has no commit yet");
    // HEAD cannot send the reader outside the repository.
    s.write("evil/.git/HEAD", "ref: refs/../../../etc/passwd\n");
    CHECK(read_git_head(s.path("evil")).problem ==
          "HEAD names 'refs/../../../etc/passwd', which is not a branch under refs/");
    // A .git file without a gitdir line.
    s.write("broken/.git", "nonsense\n");
    CHECK(read_git_head(s.path("broken")).problem == "the .git file does not name a git directory ('gitdir: PATH')");
    CHECK(read_git_head(s.path("broken")).repository);
    // Reftable repositories keep refs in a binary format.
    s.write("reftable/.git/HEAD", "ref: refs/heads/.invalid\n");
    fs::create_directories(s.root / "reftable/.git/reftable");
    CHECK_THAT(read_git_head(s.path("reftable")).problem, Catch::Contains("reftable"));
    // A ref holding something else than a hash.
    s.write("garbage/.git/HEAD", "ref: refs/heads/main\n");
    s.write("garbage/.git/refs/heads/main", "not a hash\n");
    CHECK(read_git_head(s.path("garbage")).problem == "HEAD (refs/heads/main) holds neither a commit id nor a branch");
}

TEST_CASE("read_git_head never blocks on a FIFO, and never reads through a link, in a checkout's .git") {
    // A checkout is untrusted: `assess --scan` reads its HEAD, which a FIFO would have hung for good.
    Scratch s;
    s.write("fifo/.git/refs/heads/main", kSha1 + "\n");
    REQUIRE(::mkfifo(s.path("fifo/.git/HEAD").c_str(), 0600) == 0);
    GitHead h = read_git_head(s.path("fifo"));
    CHECK(h.repository);
    CHECK(h.commit.empty());
    CHECK(h.problem == "cannot read HEAD (not a regular file, empty or over 4 KiB)");

    s.write("branch/.git/HEAD", "ref: refs/heads/main\n");
    fs::create_directories(s.root / "branch/.git/refs/heads");
    REQUIRE(::mkfifo(s.path("branch/.git/refs/heads/main").c_str(), 0600) == 0);
    CHECK(read_git_head(s.path("branch")).problem ==
          "refs/heads/main cannot be read (a link, not a regular file, empty or over 4 KiB)");

    s.write("packed/.git/HEAD", "ref: refs/heads/main\n");
    REQUIRE(::mkfifo(s.path("packed/.git/packed-refs").c_str(), 0600) == 0);
    CHECK(read_git_head(s.path("packed")).problem == "packed-refs cannot be read (not a regular file, or over 64 MiB)");

    fs::create_directories(s.root / "dotgit");
    REQUIRE(::mkfifo(s.path("dotgit/.git").c_str(), 0600) == 0);
    CHECK(read_git_head(s.path("dotgit")).problem == ".git is neither a directory nor a file");

    s.write("linked/.git/HEAD", "ref: refs/heads/main\n");
    s.write("elsewhere/main", kSha1 + "\n");
    fs::create_directories(s.root / "linked/.git/refs/heads");
    fs::create_symlink(s.root / "elsewhere/main", s.root / "linked/.git/refs/heads/main");
    CHECK(read_git_head(s.path("linked")).problem ==
          "refs/heads/main cannot be read (a link, not a regular file, empty or over 4 KiB)");
}

TEST_CASE("read_git_head skips a .git directory without HEAD, as git does, and finds the repository above") {
    Scratch s;
    s.write("repo/.git/HEAD", "ref: refs/heads/main\n");
    s.write("repo/.git/refs/heads/main", kSha1 + "\n");
    fs::create_directories(s.root / "repo/sub/.git/objects");  // loose objects, no HEAD: not a repository
    CHECK(read_git_head(s.path("repo/sub")).commit == kSha1);
    CHECK(read_git_head(s.path("repo/sub/")).commit == kSha1);
}

TEST_CASE("read_git_head reads packed-refs as git does: a tab as the separator, an empty file as no refs") {
    Scratch s;
    s.write("tab/.git/HEAD", "ref: refs/heads/main\n");
    s.write("tab/.git/packed-refs", kSha1 + "\trefs/heads/main\n");
    CHECK(read_git_head(s.path("tab")).commit == kSha1);
    // git leaves packed-refs empty when its last ref goes: the branch is unborn, nothing is broken
    s.write("empty/.git/HEAD", "ref: refs/heads/orphan\n");
    s.write("empty/.git/packed-refs", "");
    CHECK(read_git_head(s.path("empty")).problem == "branch orphan has no commit yet");
    // an empty gitdir names no directory; the work tree is not taken for one
    s.write("gitfile/.git", "gitdir:\n");
    s.write("gitfile/HEAD", kSha1 + "\n");
    GitHead h = read_git_head(s.path("gitfile"));
    CHECK(h.commit.empty());
    CHECK(h.problem == "the .git file does not name a git directory ('gitdir: PATH')");
}
