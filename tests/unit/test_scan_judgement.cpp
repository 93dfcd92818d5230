// The scan's judgement (docs/scan.md, "What counts"): comments never count, the cited line is the strongest hit,
// a directory never matches a file glob, `except`, `unless`, `ignore_case`, and vendored directories.
#include <string>

#include "catch.hpp"
#include "evidence_text.hpp"
#include "fixture_tree.hpp"
#include "helpers.hpp"
#include "mm/scan.hpp"

using namespace mm;
using mm::test::Tree;

namespace {

// A questionnaire with one question per rule given, ids q0, q1, ...
Questionnaire with_rules(const std::vector<std::string>& rules) {
    std::string questions;
    for (std::size_t i = 0; i < rules.size(); ++i)
        questions += "      - id: q" + std::to_string(i) + "\n        level: 1\n        text: Q" + std::to_string(i) +
                     "?\n        practice: p\n        evidence:\n          - " + rules[i] + "\n";
    return test::scan_questionnaire("judgement", questions);
}

const QuestionEvidence& ev(const ScanResult& r, int i) {
    const QuestionEvidence* e = r.find("q" + std::to_string(i));
    REQUIRE(e != nullptr);
    return *e;
}

bool found(const ScanResult& r, int i) { return ev(r, i).suggestion.has_value(); }

std::string cited(const ScanResult& r, int i) {
    const auto& e = ev(r, i);
    REQUIRE(e.hits.size() == 1);
    return e.hits[0].path + ":" + std::to_string(e.hits[0].line);
}

}  // namespace

TEST_CASE("judgement: comment lines never count, per language") {
    Questionnaire q = with_rules({
        R"({content: 'register_model\(', in: "**/*.py"})",
        R"({content: '\bpytest\b', in: "**/*.y*ml"})",
        R"({content: 'import tracker', in: "**/*.{js,go}"})",
        R"({content: 'FROM users', in: "**/*.sql"})",
        R"({content: 'uvicorn', in: "**/Dockerfile"})",
        R"({content: 'import mlflow', in: "**/*.ipynb"})",
        R"({content: 'Release', in: "**/*.md"})",
    });
    SECTION("only comments: no evidence") {
        Tree t;
        t.file("a.py", "# mlflow.register_model(uri, 'm')\nx = 1  # mlflow.register_model(uri)\n");
        t.file("ci.yml", "steps:\n  # - run: pytest\n  - run: echo hi  # pytest later\n");
        t.file("web/a.js", "// import tracker\n/*\n import tracker\n*/\n");
        t.file("go/b.go", "  /* import tracker */\n");
        t.file("q.sql", "-- SELECT * FROM users\n");
        t.file("Dockerfile", "FROM python\n# CMD uvicorn app:app\n");
        t.file("n.ipynb", "{\"cells\": [{\"source\": [\n    \"# import mlflow\\n\",\n    \"x = 1\"\n]}]}\n");
        ScanResult r = scan_tree(q, t.root);
        for (int i = 0; i < 6; ++i) CHECK_FALSE(found(r, i));
        CHECK_FALSE(found(r, 6));  // no Markdown file yet
    }
    SECTION("the same text as code counts; a marker inside quotes is not a comment") {
        Tree t;
        t.file("a.py", "# mlflow.register_model(uri)\ncolor = '#fff'; mlflow.register_model(uri, 'm')\n");
        t.file("ci.yml", "steps:\n  # comment\n  - run: pytest -q\n");
        t.file("web/a.js", "const u = \"http://x\"; import tracker from 't'\n");
        t.file("q.sql", "-- all users\nSELECT * FROM users\n");
        t.file("Dockerfile", "# serve\nCMD uvicorn app:app\n");
        t.file("n.ipynb", "{\"cells\": [{\"source\": [\n    \"import mlflow\\n\"\n]}]}\n");
        t.file("RELEASING.md", "# Release steps\n");  // `#` in Markdown is a heading, not a comment
        ScanResult r = scan_tree(q, t.root);
        CHECK(cited(r, 0) == "a.py:2");
        CHECK(cited(r, 1) == "ci.yml:3");
        CHECK(cited(r, 2) == "web/a.js:1");
        CHECK(cited(r, 3) == "q.sql:2");
        CHECK(cited(r, 4) == "Dockerfile:2");
        CHECK(cited(r, 5) == "n.ipynb:2");
        CHECK(cited(r, 6) == "RELEASING.md:1");
    }
}

TEST_CASE("judgement: the cited line is the strongest hit, not the first") {
    Questionnaire q = with_rules({R"({content: 'register_model', in: "**/*.py"})"});
    Tree t;
    t.file("reg.py",
           "from mlflow import register_model\n"     // an import: 1
           "@registry.register_model\n"              // a decorator: 0
           "def register_model_version():\n"         // a definition: 0
           "    steps = ['register_model']\n"        // a use: 2
           "    mlflow.register_model(uri, 'm')\n"   // a call: 3
           "    mlflow.register_model(uri, 'n')\n");  // a later call: the first of equals wins
    t.file("only_import.py", "def register_model(x):\n    pass\nfrom mlflow import register_model\n");
    ScanResult r = scan_tree(q, t.root);
    const auto& hits = ev(r, 0).hits;
    REQUIRE(hits.size() == 2);
    CHECK(hits[0].path == "only_import.py");
    CHECK(hits[0].line == 3);  // an import beats a definition
    CHECK(hits[1].path == "reg.py");
    CHECK(hits[1].line == 5);
    CHECK(hits[1].excerpt == "mlflow.register_model(uri, 'm')");
}

TEST_CASE("judgement: hit strength and comment syntax by file name") {
    CHECK(hit_strength("x = mlflow.register_model(uri)", 4, 25) == 3);
    CHECK(hit_strength("client.create_model_version (name)", 7, 27) == 3);
    CHECK(hit_strength("    steps = ['register_model']", 14, 28) == 2);
    CHECK(hit_strength("from mlflow import register_model", 19, 33) == 1);
    CHECK(hit_strength("import mlflow", 0, 13) == 1);
    CHECK(hit_strength("def register_model(x):", 4, 18) == 0);
    CHECK(hit_strength("@registry.register_model(\"t\")", 10, 25) == 0);
    CHECK(comment_style("a/b.py").hash);
    CHECK(comment_style("Dockerfile.gpu").hash);
    CHECK(comment_style("serve.Dockerfile").hash);
    CHECK(comment_style("requirements-dev.txt").hash);
    CHECK(comment_style("ci/Jenkinsfile").slashes);
    CHECK(comment_style("main.tf").hash);
    CHECK(comment_style("main.tf").slashes);
    CHECK(comment_style("q.SQL").dashes);
    CHECK(comment_style("n.ipynb").notebook);
    CHECK_FALSE(comment_style("README.md").any());
    CHECK_FALSE(comment_style("notes.txt").any());
    CHECK_FALSE(comment_style("data.json").any());
    // `#` needs a blank before it (YAML, shell: `a#b` is text); `//` and `--` do not.
    CommentStyle hash = comment_style("x.yml");
    CHECK_FALSE(in_comment("url: http://a#pytest", 14, hash));
    CHECK(in_comment("run: x # pytest", 9, hash));
    CHECK_FALSE(in_comment("run: 'x # y' pytest", 13, hash));
}

TEST_CASE("judgement: a directory never matches a file glob") {
    Questionnaire q = with_rules({
        R"({path: "**/*.dvc"})",
        R"({path: "**/great_expectations"})",
        R"({path: "**/{.github,.gitlab}/{pull_request_template.md,merge_request_templates}"})",
        R"({path: "**/docs/**/release*"})",
    });
    Tree t;
    t.file(".dvc/config", "[core]\n");  // what `dvc init` leaves
    t.dir("great_expectations/expectations");
    t.dir(".gitlab/merge_request_templates");
    t.dir("docs/releases/2024");
    ScanResult r = scan_tree(q, t.root);
    CHECK_FALSE(found(r, 0));
    CHECK(found(r, 1));  // a literal last segment names a directory
    CHECK(found(r, 2));
    CHECK_FALSE(found(r, 3));
    t.file("data/raw.csv.dvc", "outs: []\n");
    t.file("docs/releases/release-1.md", "# 1.0\n");
    r = scan_tree(q, t.root);
    CHECK(cited(r, 0) == "data/raw.csv.dvc:0");
    CHECK(cited(r, 3) == "docs/releases/release-1.md:0");
}

TEST_CASE("judgement: except, unless and ignore_case") {
    Questionnaire q = with_rules({
        R"({path: "**/Dockerfile", except: "**/.devcontainer/**"})",
        R"({content: '==', in: "**/requirements*.txt", except: "{docs/**,**/docs/**}"})",
        R"({content: '\bdeploy\b', in: ".github/workflows/*.yml", unless: 'gh-pages|mkdocs'})",
        R"({path: ".github/pull_request_template.md", ignore_case: true})",
        R"({path: ".github/pull_request_template.md"})",
        R"({content: 'needle', in: "**/*.TXT", ignore_case: true})",
    });
    SECTION("excepted, vetoed, other case") {
        Tree t;
        t.file(".devcontainer/Dockerfile", "FROM mcr.microsoft.com/devcontainers/python\n");
        t.file("docs/requirements.txt", "mkdocs==1.5.0\n");
        t.file("site/docs/requirements.txt", "sphinx==7.0\n");
        t.file(".github/workflows/docs.yml", "jobs:\n  deploy:\n    steps:\n      - run: mkdocs gh-deploy\n");
        t.file(".github/PULL_REQUEST_TEMPLATE.md", "## What\n");
        t.file("notes.txt", "needle\n");
        ScanResult r = scan_tree(q, t.root);
        CHECK_FALSE(found(r, 0));
        CHECK_FALSE(found(r, 1));
        CHECK_FALSE(found(r, 2));
        CHECK(cited(r, 3) == ".github/PULL_REQUEST_TEMPLATE.md:0");
        CHECK_FALSE(found(r, 4));  // case-sensitive without ignore_case
        CHECK(cited(r, 5) == "notes.txt:1");
    }
    SECTION("the same rules where they hold") {
        Tree t;
        t.file("Dockerfile", "FROM python\n");
        t.file("requirements.txt", "numpy==1.26.0\n");
        t.file(".github/workflows/cd.yml", "jobs:\n  deploy:\n    steps:\n      - run: ./deploy.sh\n");
        // an `unless` match inside a comment does not veto
        t.file(".github/workflows/cd2.yml", "# not mkdocs\njobs:\n  deploy: {}\n");
        ScanResult r = scan_tree(q, t.root);
        CHECK(cited(r, 0) == "Dockerfile:0");
        CHECK(cited(r, 1) == "requirements.txt:1");
        REQUIRE(ev(r, 2).hits.size() == 2);
        CHECK(ev(r, 2).hits[0].path == ".github/workflows/cd.yml");
        CHECK(ev(r, 2).hits[1].path == ".github/workflows/cd2.yml");
    }
}

TEST_CASE("judgement: vendored, third-party and template directories are not the team's code") {
    Questionnaire q = with_rules({R"({content: 'import mlflow', in: "**/*.py"})", R"({path: "**/*.proto"})"});
    Tree t;
    for (const char* d : {"vendor", "third_party", "third-party", "thirdparty", "external", "extern", "src/_vendor"}) {
        t.file(std::string(d) + "/lib/track.py", "import mlflow\n");
        t.file(std::string(d) + "/serving.proto", "syntax = \"proto3\";\n");
    }
    ScanResult r = scan_tree(q, t.root);
    CHECK_FALSE(found(r, 0));
    CHECK_FALSE(found(r, 1));
    CHECK(r.stats.skipped_dirs == 7);
    // a project template's placeholder directory is a project not yet made
    t.file("{{ cookiecutter.repo_name }}/src/train.py", "import mlflow\n");
    t.file("template/{{cookiecutter.project_slug}}/api.proto", "service A {}\n");
    r = scan_tree(q, t.root);
    CHECK_FALSE(found(r, 0));
    CHECK_FALSE(found(r, 1));
    t.file("{ not a template }/track.py", "import mlflow\n");
    r = scan_tree(q, t.root);
    CHECK(cited(r, 0) == "{ not a template }/track.py:1");
    t.file("vendors/track.py", "import mlflow\n");  // only the exact names
    r = scan_tree(q, t.root);
    REQUIRE(ev(r, 0).hits.size() == 2);
    CHECK(ev(r, 0).hits[0].path == "vendors/track.py");
}

TEST_CASE("judgement: a GitHub workflow whose every trigger is commented out is never evidence") {
    Questionnaire q = with_rules({R"({content: 'az ml online-deployment', in: ".github/workflows/*.y*ml"})",
                                  R"({path: ".github/workflows/*.yml"})"});
    Tree t;
    t.file(".github/workflows/deploy.yml",
           "name: deploy\non:\n  # push:\n  #   branches: [main]\n\njobs:\n  d:\n    steps:\n"
           "      - run: az ml online-deployment update -f d.yml\n");
    ScanResult r = scan_tree(q, t.root);
    CHECK_FALSE(found(r, 0));
    CHECK_FALSE(found(r, 1));
    CHECK(r.stats.inert_workflows == 1);
    // one event left (here workflow_dispatch) and the workflow runs: evidence again
    t.file(".github/workflows/deploy.yml",
           "name: deploy\non:\n  # push:\n  workflow_dispatch:\njobs:\n  d:\n    steps:\n"
           "      - run: az ml online-deployment update -f d.yml\n");
    r = scan_tree(q, t.root);
    CHECK(cited(r, 0) == ".github/workflows/deploy.yml:8");
    CHECK(found(r, 1));
    CHECK(r.stats.inert_workflows == 0);
    // judged on the text as the rules read it: a byte order mark does not hide the first key
    t.file(".github/workflows/deploy.yml", "\xEF\xBB\xBFon:\n  # push:\njobs: {}\n");
    r = scan_tree(q, t.root);
    CHECK(r.stats.inert_workflows == 1);
    t.file(".github/workflows/deploy.yml", "\xEF\xBB\xBFon: push\n");
    r = scan_tree(q, t.root);
    CHECK(r.stats.inert_workflows == 0);
    CHECK(found(r, 1));
    // a workflow too large to read is not judged, and its path still counts (as for any file)
    ScanOptions small;
    small.max_file_size = 10;
    r = scan_tree(q, t.root, small);
    CHECK_FALSE(found(r, 0));
    CHECK(found(r, 1));
    CHECK(r.stats.skipped_large == 1);
}

TEST_CASE("judgement: the new rule keys are checked when the questionnaire loads") {
    auto error = [](const std::string& rule) {
        return test::first_error([&] { with_rules({rule}); });
    };
    CHECK(error(R"({path: "a", unless: "x"})").find("'unless' goes with 'content'") != std::string::npos);
    CHECK(error(R"({all: [{path: "a"}], except: "b"})").find("'except' goes with 'path' or 'content'") !=
          std::string::npos);
    CHECK(error(R"({all: [{path: "a"}], ignore_case: true})").find("'ignore_case' goes with") != std::string::npos);
    CHECK(error(R"({path: "a", except: "src/[abc"})").find("invalid glob 'src/[abc'") != std::string::npos);
    CHECK(error(R"({content: "a", in: "b", unless: "(x"})").find("invalid RE2 pattern '(x'") != std::string::npos);
    CHECK(error(R"({path: "a", ignore_case: maybe})").find("'ignore_case'") != std::string::npos);
    CHECK(error(R"({all: [{path: "a", except: "b/**", ignore_case: true}]})").empty());
}
