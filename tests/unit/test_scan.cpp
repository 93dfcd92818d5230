// The evidence scan over fixture trees built in temporary directories, and the pure logic after it.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "catch.hpp"
#include "fixture_tree.hpp"
#include "helpers.hpp"
#include "mm/scan.hpp"

namespace fs = std::filesystem;
using namespace mm;
using mm::test::Tree;

namespace {

const char* kQuestions = R"(
      - id: by-path
        level: 1
        text: Path rule?
        practice: p
        evidence:
          - path: "**/dvc.yaml"
      - id: by-content
        level: 1
        text: Content rule?
        practice: p
        evidence:
          - {content: '^\s*(import|from)\s+mlflow\b', in: "**/*.py"}
      - id: by-all
        level: 1
        text: All rule?
        practice: p
        evidence:
          - all:
              - {path: ".github/workflows/*.y*ml"}
              - {content: 'pytest', in: ".github/workflows/*.y*ml"}
              - {path: "**/test_*.py"}
      - id: partial-only
        level: 1
        text: Partial rule?
        practice: p
        evidence:
          - {path: "**/Dockerfile", suggests: partial}
      - id: partial-and-yes
        level: 1
        text: Partial and yes?
        practice: p
        evidence:
          - {path: "**/Dockerfile", suggests: partial}
          - {content: 'docker build', in: "**/*.y*ml"}
      - id: directory
        level: 1
        text: Directory rule?
        practice: p
        evidence:
          - path: "**/great_expectations"
      - id: vcs
        level: 1
        text: Version control?
        practice: p
        evidence:
          - path: ".git"
      - id: no-rules
        level: 1
        text: No rules?
        practice: p
      - id: never
        level: 1
        text: Never matches?
        practice: p
        evidence:
          - {content: 'from evidently import', in: "**/*.py"}
)";

Questionnaire questionnaire() { return test::scan_questionnaire("scan-test", kQuestions); }

const QuestionEvidence& evidence(const ScanResult& r, const std::string& id) {
    const QuestionEvidence* e = r.find(id);
    REQUIRE(e != nullptr);
    return *e;
}

bool suggests(const ScanResult& r, const std::string& id, AnswerKind kind) {
    const auto& e = evidence(r, id);
    return e.suggestion && *e.suggestion == kind;
}

}  // namespace

TEST_CASE("scan: every kind of rule, with file and line") {
    Tree t;
    t.file("pipelines/dvc.yaml", "stages: {}\n");
    t.file("src/train.py", "\"\"\"Train.\"\"\"\n\nimport numpy\nimport mlflow\n");
    t.file(".github/workflows/ci.yml", "on: push\njobs:\n  t:\n    steps:\n      - run: pytest -q\n");
    t.file("tests/test_x.py", "def test_x(): pass\n");
    t.file("Dockerfile", "FROM python\n");
    t.dir("great_expectations/expectations");
    t.dir(".git/objects");
    t.file(".git/config", "import mlflow\n");
    Questionnaire q = questionnaire();
    ScanResult r = scan_tree(q, t.root);

    CHECK(suggests(r, "by-path", AnswerKind::Yes));
    CHECK(evidence(r, "by-path").hits.at(0).path == "pipelines/dvc.yaml");
    CHECK(evidence(r, "by-path").hits.at(0).line == 0);

    REQUIRE(suggests(r, "by-content", AnswerKind::Yes));
    const auto& hit = evidence(r, "by-content").hits.at(0);
    CHECK(hit.path == "src/train.py");
    CHECK(hit.line == 4);
    CHECK(hit.excerpt == "import mlflow");

    CHECK(suggests(r, "by-all", AnswerKind::Yes));
    CHECK(evidence(r, "by-all").hits.size() == 3);  // ci.yml as a path, ci.yml:5, tests/test_x.py
    CHECK(suggests(r, "partial-only", AnswerKind::Partial));
    CHECK(suggests(r, "partial-and-yes", AnswerKind::Partial));  // 'docker build' is nowhere
    CHECK(suggests(r, "directory", AnswerKind::Yes));            // path rules match directories
    CHECK(suggests(r, "vcs", AnswerKind::Yes));                  // .git is seen, but never entered
    CHECK(r.find("no-rules") == nullptr);
    CHECK_FALSE(evidence(r, "never").suggestion.has_value());  // no evidence: no suggestion, never "no"
    CHECK(evidence(r, "never").hits.empty());
    CHECK(r.stats.skipped_dirs == 1);
    for (const auto& e : r.questions)
        for (const auto& h : e.hits) CHECK(h.path.rfind(".git/", 0) != 0);
}

TEST_CASE("scan: 'all' needs every sub-rule, and a yes rule beats a partial one") {
    Tree t;
    t.file(".github/workflows/ci.yml", "jobs: {}\n");  // no pytest
    t.file("tests/test_x.py", "def test_x(): pass\n");
    t.file("Dockerfile", "FROM python\n");
    t.file("deploy/build.yaml", "script: docker build .\n");
    ScanResult r = scan_tree(questionnaire(), t.root);
    CHECK_FALSE(evidence(r, "by-all").suggestion.has_value());
    CHECK(evidence(r, "by-all").hits.empty());  // hits of an incomplete 'all' are not evidence
    CHECK(suggests(r, "partial-and-yes", AnswerKind::Yes));
    CHECK_FALSE(evidence(r, "by-path").suggestion.has_value());
}

TEST_CASE("scan: ignored, heavy and virtual-env directories are not searched") {
    Tree t;
    t.file(".gitignore", "# generated\n/generated/\n*.bak.py\nscratch\n!scratch/keep.py\n");
    t.file("generated/train.py", "import mlflow\n");
    t.file("src/old.bak.py", "import mlflow\n");
    t.file("scratch/keep.py", "import mlflow\n");  // its directory is ignored, so it stays ignored
    t.file("node_modules/pkg/dvc.yaml", "x\n");
    t.file(".venv/lib/site-packages/mlflow/__init__.py", "import mlflow\n");
    t.file("myenv/pyvenv.cfg", "home = /usr\n");
    t.file("myenv/lib/x.py", "import mlflow\n");
    t.file("build/lib/x.py", "import mlflow\n");
    t.file("sub/generated/dvc.yaml", "x\n");  // "/generated/" is anchored: this one counts
    ScanResult r = scan_tree(questionnaire(), t.root);
    CHECK_FALSE(evidence(r, "by-content").suggestion.has_value());
    CHECK(suggests(r, "by-path", AnswerKind::Yes));
    CHECK(evidence(r, "by-path").hits.size() == 1);
    CHECK(evidence(r, "by-path").hits.at(0).path == "sub/generated/dvc.yaml");
    CHECK(r.stats.ignored >= 3);
}

TEST_CASE("scan: a build directory is build output outside a git checkout, and the team's files in one") {
    // In a checkout, output is gitignored; an unignored build/ holds tracked files (Cloud Build configs).
    Tree t;
    t.file("build/deploy.py", "import mlflow\n");
    CHECK_FALSE(scan_tree(questionnaire(), t.root).find("by-content")->suggestion.has_value());
    t.dir(".git");
    ScanResult in_git = scan_tree(questionnaire(), t.root);
    REQUIRE(in_git.find("by-content")->suggestion.has_value());
    CHECK(in_git.find("by-content")->hits.at(0).path == "build/deploy.py");
    t.file(".gitignore", "build/\n");
    CHECK_FALSE(scan_tree(questionnaire(), t.root).find("by-content")->suggestion.has_value());
    // A worktree or submodule has a .git file.
    Tree w;
    w.file("build/deploy.py", "import mlflow\n");
    w.file(".git", "gitdir: ../main/.git/worktrees/w\n");
    CHECK(scan_tree(questionnaire(), w.root).find("by-content")->suggestion.has_value());
}

TEST_CASE("scan: nested .gitignore files and .git/info/exclude apply as in git") {
    Tree t;
    t.file(".git/info/exclude", "local-notes/\n");
    t.file(".gitignore", "*.gen.py\n");
    t.file("local-notes/train.py", "import mlflow\n");           // excluded by .git/info/exclude
    t.file("a/.gitignore", "/out/\ndvc.yaml\n!keep.gen.py\n");
    t.file("a/out/train.py", "import mlflow\n");                 // anchored to a/: ignored
    t.file("a/b/out/dvc.yaml", "x\n");                           // 'dvc.yaml' (unanchored) ignores it at any depth below a/
    t.file("a/keep.gen.py", "import mlflow  # kept\n");         // the deeper file re-includes what the root ignores
    t.file("a/b/other.gen.py", "import mlflow\n");               // still ignored by the root's *.gen.py
    t.file("c/out/train.py", "import mlflow\n");                 // a/.gitignore does not reach c/
    t.file("c/pipelines/dvc.yaml", "x\n");
    ScanResult r = scan_tree(questionnaire(), t.root);
    std::vector<std::string> content, paths;
    for (const auto& h : evidence(r, "by-content").hits) content.push_back(h.path);
    for (const auto& h : evidence(r, "by-path").hits) paths.push_back(h.path);
    CHECK(content == std::vector<std::string>{"a/keep.gen.py", "c/out/train.py"});
    CHECK(paths == std::vector<std::string>{"c/pipelines/dvc.yaml"});
}

TEST_CASE("scan: symbolic links never lead out of the tree, and loops end") {
    Tree outside;
    outside.file("secret/train.py", "import mlflow\n");
    outside.file("dvc.yaml", "x\n");
    Tree t;
    t.link(outside.path("secret"), "linked-dir");            // a directory outside: not followed
    t.link(outside.path("secret/train.py"), "src/out.py");   // a file outside: not read
    t.link(outside.path("dvc.yaml"), "dvc.yaml");            // not even matched by path rules
    t.link(t.root, "loop");                                  // the root itself
    t.link("..", "sub/up");                                  // a loop through a relative link
    t.link("missing.py", "dangling.py");
    ScanResult r = scan_tree(questionnaire(), t.root);
    CHECK_FALSE(evidence(r, "by-content").suggestion.has_value());
    CHECK_FALSE(evidence(r, "by-path").suggestion.has_value());
    CHECK(r.stats.skipped_symlinks == 6);

    // A file symlink inside the tree is followed.
    t.file("real/train.py", "import mlflow\n");
    t.link("../real/train.py", "src/in.py");
    ScanResult r2 = scan_tree(questionnaire(), t.root);
    REQUIRE(suggests(r2, "by-content", AnswerKind::Yes));
    CHECK(evidence(r2, "by-content").hits.size() == 2);
    CHECK(evidence(r2, "by-content").hits.at(1).path == "src/in.py");
}

TEST_CASE("scan: binary, huge and unreadable files are skipped, not fatal") {
    Tree t;
    std::string binary = std::string("import mlflow\n") + '\0' + "more";
    t.file("bin/model.py", binary);
    t.file("big/huge.py", std::string(2048, '#') + "\nimport mlflow\n");
    t.file("locked/secret.py", "import mlflow\n");
    t.dir("locked-dir");
    t.file("locked-dir/dvc.yaml", "x\n");
    ::chmod(t.path("locked/secret.py").c_str(), 0);
    ::chmod(t.path("locked-dir").c_str(), 0);
    ScanOptions o;
    o.max_file_size = 1024;
    ScanResult r = scan_tree(questionnaire(), t.root, o);
    CHECK(r.stats.skipped_binary == 1);
    CHECK(r.stats.skipped_large == 1);
    int probe = ::open(t.path("locked/secret.py").c_str(), O_RDONLY);
    bool root_reads_everything = probe >= 0;
    if (probe >= 0) ::close(probe);
    if (root_reads_everything) {
        WARN("running with permission to read mode-000 files (root?): unreadable-file checks skipped");
        CHECK(suggests(r, "by-content", AnswerKind::Yes));
    } else {
        CHECK_FALSE(evidence(r, "by-content").suggestion.has_value());
        CHECK(r.stats.unreadable == 2);
        REQUIRE(r.warnings.size() == 2);
        CHECK(r.warnings[0].find("locked-dir") != std::string::npos);
        CHECK(r.warnings[1].find("locked/secret.py") != std::string::npos);
    }
    // The size bound is configurable.
    o.max_file_size = 1u << 20;
    ScanResult r2 = scan_tree(questionnaire(), t.root, o);
    CHECK(r2.stats.skipped_large == 0);
    CHECK(suggests(r2, "by-content", AnswerKind::Yes));
}

TEST_CASE("scan: a root that is not a directory is an input error") {
    Tree t;
    t.file("f", "x");
    CHECK_THROWS_AS(scan_tree(questionnaire(), t.path("f")), InputError);
    CHECK_THROWS_AS(scan_tree(questionnaire(), t.path("missing")), InputError);
}

TEST_CASE("scan: results do not depend on the number of threads") {
    Tree t;
    for (int i = 0; i < 40; ++i) {
        t.file("pkg" + std::to_string(i) + "/dvc.yaml", "x\n");
        t.file("pkg" + std::to_string(i) + "/m.py", "import mlflow\n");
    }
    ScanOptions one, two;
    one.threads = 1;
    two.threads = 2;
    ScanResult a = scan_tree(questionnaire(), t.root, one), b = scan_tree(questionnaire(), t.root, two);
    REQUIRE(a.questions.size() == b.questions.size());
    for (std::size_t i = 0; i < a.questions.size(); ++i) {
        CHECK(a.questions[i].hit_count == b.questions[i].hit_count);
        REQUIRE(a.questions[i].hits.size() == b.questions[i].hits.size());
        for (std::size_t k = 0; k < a.questions[i].hits.size(); ++k)
            CHECK(a.questions[i].hits[k].path == b.questions[i].hits[k].path);
    }
    CHECK(evidence(a, "by-path").hit_count == 40);
    CHECK(evidence(a, "by-path").hits.size() == 20);  // capped
    CHECK(evidence(a, "by-path").hits.front().path == "pkg0/dvc.yaml");
}

TEST_CASE("evidence: pre-filling, contradictions and --require-evidence") {
    Questionnaire q = questionnaire();
    ScanResult scan;
    auto add = [&scan](const std::string& id, std::optional<AnswerKind> s, std::vector<EvidenceHit> hits) {
        QuestionEvidence e;
        e.question = id;
        e.rules = 1;
        e.suggestion = s;
        e.hits = hits;
        e.hit_count = hits.size();
        scan.questions.push_back(e);
    };
    add("by-path", AnswerKind::Yes, {{"dvc.yaml", 0, ""}});
    add("by-content", AnswerKind::Yes, {{"src/train.py", 3, "import mlflow"}});
    add("partial-only", AnswerKind::Partial, {{"Dockerfile", 0, ""}});
    add("never", std::nullopt, {});
    add("by-all", std::nullopt, {});

    AnswerSet given = test::answers("answers:\n  by-path: no\n  never: yes\n  by-all: partial\n  no-rules: yes\n");
    std::vector<Contradiction> cs = find_contradictions(q, given, scan);
    REQUIRE(cs.size() == 2);
    CHECK(cs[0].question == "by-path");
    CHECK(cs[0].kind == Contradiction::Kind::NoButEvidence);
    CHECK(cs[0].evidence.at(0).path == "dvc.yaml");
    CHECK(cs[1].question == "never");
    CHECK(cs[1].kind == Contradiction::Kind::YesUnverified);
    CHECK(to_string(cs[0].kind) == "no-but-evidence");
    CHECK(to_string(cs[1].kind) == "yes-unverified");

    AnswerSet filled = given;
    prefill_answers(q, scan, filled);
    CHECK(filled.answers.at("by-path").kind == AnswerKind::No);  // given answers win
    CHECK(filled.sources.count("by-path") == 0);
    CHECK(filled.evidence.at("by-path").size() == 1);            // but carry the evidence
    CHECK(filled.answers.at("by-content").kind == AnswerKind::Yes);
    CHECK(filled.sources.at("by-content") == AnswerSource::Evidence);
    CHECK(filled.notes.at("by-content") == "evidence: src/train.py:3");
    CHECK(filled.answers.at("partial-only").kind == AnswerKind::Partial);
    CHECK(filled.answers.count("directory") == 0);  // no evidence: stays unanswered
    // Pre-filled answers are not contradictions of themselves.
    CHECK(find_contradictions(q, filled, scan).size() == 2);

    CHECK(apply_require_evidence(filled, cs) == 1);
    CHECK(filled.answers.at("never").kind == AnswerKind::No);
    CHECK(filled.notes.at("never").find("--require-evidence") != std::string::npos);
    CHECK(filled.answers.at("no-rules").kind == AnswerKind::Yes);  // no rules: nothing to verify

    AnswerSet suggested = suggested_answers(q, scan);
    CHECK(suggested.answers.size() == 3);
    CHECK(suggested.questionnaire_id == "scan-test");
}

TEST_CASE("evidence note lists a few hits and counts the rest") {
    QuestionEvidence e;
    e.hits = {{"a", 0, ""}, {"b", 2, "x"}, {"c", 0, ""}, {"d", 0, ""}};
    e.hit_count = 6;
    CHECK(evidence_note(e) == "evidence: a; b:2; c (+3 more)");
}
