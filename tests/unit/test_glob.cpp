#include <string>
#include <vector>

#include "catch.hpp"
#include "glob_reference.hpp"
#include "mm/glob.hpp"

using mm::Gitignore;
using mm::GlobSet;
using mm::test::glob_match_reference;

namespace {

bool set_match(const std::string& glob, const std::string& path) {
    GlobSet set;
    set.add(glob);
    REQUIRE(set.compile());
    std::vector<int> out;
    set.match(path, out);
    return !out.empty();
}

// Both matchers, which must agree: the reference one and the compiled one the scan uses.
bool matches(const std::string& glob, const std::string& path) {
    bool reference = glob_match_reference(glob, path);
    bool compiled = set_match(glob, path);
    INFO("glob " << glob << " path " << path);
    CHECK(reference == compiled);
    return compiled;
}

}  // namespace

TEST_CASE("glob: * stays within a segment, ** crosses segments") {
    CHECK(matches("*.py", "train.py"));
    CHECK_FALSE(matches("*.py", "src/train.py"));
    CHECK(matches("**/*.py", "train.py"));
    CHECK(matches("**/*.py", "src/models/train.py"));
    CHECK_FALSE(matches("**/*.py", "src/train.pyc"));
    CHECK(matches("src/**/test_*.py", "src/test_a.py"));
    CHECK(matches("src/**/test_*.py", "src/a/b/test_a.py"));
    CHECK_FALSE(matches("src/**/test_*.py", "lib/src/test_a.py"));
    CHECK(matches("tests/**", "tests/a/b.py"));
    CHECK_FALSE(matches("tests/**", "tests"));
    CHECK(matches("**", "anything/at/all"));
    CHECK(matches("a**b", "axxb"));
    CHECK_FALSE(matches("a**b", "ax/xb"));
    CHECK(matches("**/dvc.yaml", "dvc.yaml"));
    CHECK(matches("**/dvc.yaml", "pipelines/churn/dvc.yaml"));
    CHECK_FALSE(matches("**/dvc.yaml", "pipelines/churn/dvc.yaml.bak"));
}

TEST_CASE("glob: ?, classes, braces and escapes") {
    CHECK(matches("file?.txt", "file1.txt"));
    CHECK_FALSE(matches("file?.txt", "file/.txt"));
    CHECK_FALSE(matches("file?.txt", "file12.txt"));
    CHECK(matches("[Rr]unbook.md", "runbook.md"));
    CHECK(matches("[Rr]unbook.md", "Runbook.md"));
    CHECK_FALSE(matches("[Rr]unbook.md", "xunbook.md"));
    CHECK(matches("v[0-9].txt", "v7.txt"));
    CHECK_FALSE(matches("v[!0-9].txt", "v7.txt"));
    CHECK(matches("v[^0-9].txt", "vx.txt"));
    CHECK(matches("[]]x", "]x"));
    CHECK_FALSE(matches("a[/]b", "a/b"));
    CHECK(matches("**/*.{yml,yaml}", "a/b.yaml"));
    CHECK(matches("**/*.{yml,yaml}", "b.yml"));
    CHECK_FALSE(matches("**/*.{yml,yaml}", "b.json"));
    CHECK(matches("{.github/workflows/*.y*ml,.gitlab-ci.yml}", ".gitlab-ci.yml"));
    CHECK(matches("{.github/workflows/*.y*ml,.gitlab-ci.yml}", ".github/workflows/ci.yaml"));
    CHECK(matches("**/{data,features}/**/*.py", "src/features/x/y.py"));
    CHECK(matches("a{b,{c,d}}e", "ade"));
    CHECK(matches("x\\*y", "x*y"));
    CHECK_FALSE(matches("x\\*y", "xzy"));
    CHECK(matches("a+b(c).txt", "a+b(c).txt"));
    CHECK(matches("caf\xc3\xa9/*", "caf\xc3\xa9/menu"));
}

TEST_CASE("glob: the compiled set agrees with the reference matcher") {
    const std::vector<std::string> globs = {
        "*", "**", "**/*", "*.py", "**/*.py", "a/*/c", "a/**/c", "**/b/**", "a?c", "[ab]*", "[!a]*", "{a,b}/**",
        "**/{x,y}z", ".github/workflows/*.y*ml", "**/*[Rr]unbook*", "a**", "**a", "a/**", "*/*", "?/?"};
    const std::vector<std::string> paths = {
        "a", "b", "c", "abc", "a/c", "a/b/c", "a/b/b/c", "b/x", "x/b/y", "yz", "q/xz", ".github/workflows/ci.yml",
        ".github/workflows/sub/ci.yml", "docs/Runbook.md", "runbook", "a.py", "src/a.py", "a/", "/a", "ab/c", "",
        "a//c"};
    for (const auto& g : globs) {
        GlobSet set;
        set.add(g);
        REQUIRE(set.compile());
        std::vector<int> out;
        for (const auto& p : paths) {
            set.match(p, out);
            INFO("glob " << g << " path '" << p << "'");
            CHECK(glob_match_reference(g, p) == !out.empty());
        }
    }
}

TEST_CASE("glob: classes and escapes are read the same way by every reader") {
    // A class's first byte is a member even when it is ']'; a '-' first or last is itself.
    CHECK(matches("[]a]", "]"));
    CHECK(matches("[]a]", "a"));
    CHECK_FALSE(matches("[]a]", "b"));
    CHECK(matches("[!]a]x", "bx"));
    CHECK_FALSE(matches("[!]a]x", "]x"));
    CHECK(matches("[a-]", "-"));
    CHECK(matches("[-a]", "-"));
    CHECK_FALSE(matches("[!a]", "/"));
    // Braces inside a class are members, not alternatives, even after '[!]' (brace expansion used to end the
    // class at that first ']').
    CHECK(mm::glob_error("[!]{a,b}]") == std::nullopt);
    CHECK(matches("[!]{a,b}]", "c"));
    CHECK_FALSE(matches("[!]{a,b}]", "a"));
    CHECK_FALSE(matches("[!]{a,b}]", "{"));
    CHECK(matches("x[{]y", "x{y"));
    // An escaped '[' or '{' is literal, for the checks and the expansion as for the matcher.
    CHECK(mm::glob_error("a\\[b") == std::nullopt);
    CHECK(matches("a\\[b", "a[b"));
    CHECK(matches("x\\{a,b}", "x{a,b}"));
    CHECK_FALSE(matches("x\\{a,b}", "xa"));
    CHECK(matches("{a\\,b,c}", "a,b"));
    CHECK_FALSE(matches("{a\\,b,c}", "b"));
    CHECK(mm::glob_error("a\\{b") == std::nullopt);
    CHECK(mm::glob_error("[a") == "'[' at position 1 is never closed");
    CHECK(mm::glob_error("[]") == "'[' at position 1 is never closed");
    CHECK(mm::glob_error("[!]") == "'[' at position 1 is never closed");
    // .gitignore drops a pattern with an unclosed class, not one with an escaped '['.
    Gitignore gi = Gitignore::parse("a\\[b\n[c\n");
    CHECK(gi.decide("a[b", false) == std::optional<bool>(true));
    CHECK_FALSE(gi.decide("[c", false).has_value());
}

TEST_CASE("glob set: one pass reports every matching glob") {
    GlobSet set;
    CHECK(set.add("**/*.py") == 0);
    CHECK(set.add("src/**") == 1);
    CHECK(set.add("**/*.md") == 2);
    REQUIRE(set.compile());
    std::vector<int> out;
    set.match("src/train.py", out);
    CHECK(out == std::vector<int>{0, 1});
    set.match("README.md", out);
    CHECK(out == std::vector<int>{2});
    set.match("data.csv", out);
    CHECK(out.empty());
}

TEST_CASE("glob errors") {
    CHECK(mm::glob_error("**/*.py") == std::nullopt);
    CHECK(mm::glob_error("").has_value());
    CHECK(mm::glob_error("/etc/passwd").has_value());
    CHECK(mm::glob_error("a/../b").has_value());
    CHECK(mm::glob_error("[abc").has_value());
    CHECK(mm::glob_error("{a,b").has_value());
    CHECK(mm::glob_error("a}").has_value());
}

TEST_CASE("gitignore: names, directories, extensions, anchors, ** and negation") {
    Gitignore gi = Gitignore::parse(
        "# comment\n"
        "\n"
        "__pycache__/\n"
        "*.pyc\n"
        "/mlruns\n"
        "data/raw/\n"
        "**/secret.txt\n"
        "logs/**\n"
        "*.log\n"
        "!keep.log\n"
        "trailing   \n"
        "\\#literal\n"
        "[unclosed\n");
    CHECK(gi.ignored("__pycache__", true));
    CHECK(gi.ignored("src/__pycache__", true));
    CHECK_FALSE(gi.ignored("__pycache__", false));  // dir/ matches directories only
    CHECK(gi.ignored("a.pyc", false));
    CHECK(gi.ignored("src/deep/a.pyc", false));
    CHECK(gi.ignored("mlruns", true));
    CHECK_FALSE(gi.ignored("src/mlruns", true));  // anchored to the root
    CHECK(gi.ignored("data/raw", true));
    CHECK_FALSE(gi.ignored("other/data/raw", true));  // a '/' inside anchors too
    CHECK(gi.ignored("secret.txt", false));
    CHECK(gi.ignored("a/b/secret.txt", false));
    CHECK(gi.ignored("logs/x.txt", false));
    CHECK(gi.ignored("run.log", false));
    CHECK_FALSE(gi.ignored("keep.log", false));  // the last matching pattern decides
    CHECK_FALSE(gi.ignored("sub/keep.log", false));
    CHECK(gi.ignored("trailing", false));
    CHECK(gi.ignored("#literal", false));
    CHECK_FALSE(gi.ignored("[unclosed", false));
    CHECK_FALSE(gi.ignored("src/train.py", false));
    CHECK(Gitignore::parse("").empty());
    CHECK(Gitignore::parse("# only\n\n").empty());
}
