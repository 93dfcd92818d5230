// Projects inside a repository: the layout rules (pure), --project with the repository's CI, and --exclude.
#include <string>

#include "catch.hpp"
#include "fixture_tree.hpp"
#include "helpers.hpp"
#include "mm/diagnostics.hpp"
#include "mm/layout.hpp"
#include "mm/scan.hpp"

using namespace mm;
using mm::test::Tree;

namespace {

DirInfo project(const std::string& rel) { return {rel, true, false, false}; }
DirInfo plain(const std::string& rel) { return {rel, false, false, false}; }
// A directory holding __init__.py and code, with a project manifest or not.
DirInfo package(const std::string& rel, bool manifest) { return {rel, manifest, false, true, true}; }

const char* kQuestions = R"(
      - id: ci
        level: 1
        text: CI?
        practice: p
        evidence:
          - path: ".github/workflows/*.yml"
      - id: dvc
        level: 1
        text: DVC at the project's root?
        practice: p
        evidence:
          - path: "dvc.yaml"
      - id: mlflow
        level: 1
        text: MLflow?
        practice: p
        evidence:
          - {content: 'import mlflow', in: "**/*.py"}
      - id: vcs
        level: 1
        text: Git?
        practice: p
        evidence:
          - path: ".git"
)";

Questionnaire layout_questionnaire() { return test::scan_questionnaire("layout-test", kQuestions); }

std::vector<std::string> paths(const ScanResult& r, const std::string& id) {
    std::vector<std::string> out;
    for (const auto& h : r.find(id)->hits) out.push_back(h.path);
    return out;
}

}  // namespace

TEST_CASE("layout: three independent projects make a monorepo, two do not") {
    CHECK(detect_layout({project("a"), project("b")}).kind == LayoutKind::Single);
    Layout l = detect_layout({project("c"), project("a"), project("b")});
    CHECK(l.kind == LayoutKind::Projects);
    CHECK(l.projects == std::vector<std::string>{"a", "b", "c"});
}

TEST_CASE("layout: a project nested in another one is part of it") {
    Layout l = detect_layout({project("a"), project("a/sub"), project("a/sub/deeper"), project("b")});
    CHECK(l.kind == LayoutKind::Single);
    CHECK(l.projects == std::vector<std::string>{"a", "b"});
}

TEST_CASE("layout: a package importable from the top is part of the one code base, not a project of its own") {
    // OLMo: evaluation/, hf_olmo/ and inference/ each have requirements or a pyproject, and an __init__.py
    Layout olmo = detect_layout({package("evaluation", true), package("hf_olmo", true), package("inference", true)});
    CHECK(olmo.kind == LayoutKind::Single);
    CHECK(olmo.projects.empty());
    // a team monorepo: src/models/<server>/ importable because src/ and src/models/ are packages too
    Layout team =
        detect_layout({package("src", false), package("src/models", false), package("src/models/a", true),
                       package("src/models/b", true), package("src/models/c", true), package("python", true)});
    CHECK(team.kind == LayoutKind::Single);
    // a gallery's examples with __init__.py under a folder that is no package are still independent projects
    Layout gallery = detect_layout(
        {plain("examples"), package("examples/a", true), package("examples/b", true), package("examples/c", true)});
    CHECK(gallery.kind == LayoutKind::Projects);
    CHECK(gallery.projects == std::vector<std::string>{"examples/a", "examples/b", "examples/c"});
    // a packaged gallery (examples/__init__.py) is still a gallery, and a name Python cannot import is no package
    Layout packaged = detect_layout({package("examples", false), package("examples/churn", true),
                                     package("examples/fraud", true), package("examples/sentiment", true)});
    CHECK(packaged.kind == LayoutKind::Projects);
    Layout hyphens = detect_layout(
        {package("churn-prediction", true), package("fraud-detection", true), package("house-prices", true)});
    CHECK(hyphens.kind == LayoutKind::Projects);
    // the src layout: the import root is src/, which holds no __init__.py
    Layout src = detect_layout({plain("src"), package("src/acme_ml", false), package("src/acme_ml/common", false),
                                package("src/acme_ml/churn", true), package("src/acme_ml/fraud", true),
                                package("src/acme_ml/recsys", true)});
    CHECK(src.kind == LayoutKind::Single);
    // a package project still encloses the projects below it (nestauk's ojd_daps/flows/...)
    Layout enclosing = detect_layout(
        {package("ojd_daps", true), project("ojd_daps/dqa"), project("ojd_daps/flows/a"), project("ojd_daps/flows/b")});
    CHECK(enclosing.kind == LayoutKind::Single);
    CHECK(enclosing.projects.empty());
}

TEST_CASE("layout: a pipeline file without code encloses the stages below it") {
    // pipeline/dvc.yaml runs pipeline/prepare/, pipeline/train/ and pipeline/evaluate/: one project
    Tree t;
    t.file("pipeline/dvc.yaml", "stages: {}\n");
    for (const char* stage : {"prepare", "train", "evaluate"}) {
        t.file(std::string("pipeline/") + stage + "/Dockerfile", "FROM python:3.11\n");
        t.file(std::string("pipeline/") + stage + "/requirements.txt", "pandas\n");
        t.file(std::string("pipeline/") + stage + "/" + stage + ".py", "import pandas\n");
    }
    Layout l = scan_tree(layout_questionnaire(), t.root).layout;
    CHECK(l.kind == LayoutKind::Single);
    CHECK(l.projects == std::vector<std::string>{"pipeline"});
}

TEST_CASE("layout: a DVC or MLflow pipeline file makes a project only with code beside it") {
    // grants_tagger: one package at the top, its DVC pipelines in pipelines/<name>/ call it
    Tree pipelines;
    pipelines.file("setup.py", "from setuptools import setup\n");
    pipelines.file("grants_tagger/__init__.py", "");
    for (const char* p :
         {"pipelines/bertmesh/dvc.yaml", "pipelines/bioasq/dvc.yaml", "pipelines/science/dvc.yaml", "flows/MLproject"})
        pipelines.file(p, "stages: {}\n");
    CHECK(scan_tree(layout_questionnaire(), pipelines.root).layout.kind == LayoutKind::Single);
    // three pipelines, each with its own code, are three projects
    Tree gallery;
    for (const char* p : {"churn", "fraud", "prices"}) {
        gallery.file(std::string(p) + "/dvc.yaml", "stages: {}\n");
        gallery.file(std::string(p) + "/train.py", "import mlflow\n");
    }
    CHECK(scan_tree(layout_questionnaire(), gallery.root).layout.kind == LayoutKind::Projects);
}

TEST_CASE("layout: the local path dependencies a manifest declares") {
    using V = std::vector<std::string>;
    CHECK(local_path_dependencies("[tool.poetry.dependencies]\nredbox = {path=\"../redbox-core\", develop=true}\n") ==
          V{"../redbox-core"});
    CHECK(local_path_dependencies("[tool.uv.sources]\ncore = { path = '../core/' }\n") == V{"../core"});
    CHECK(local_path_dependencies("dependencies = [\"core @ file:../core\"]\n") == V{"../core"});
    CHECK(local_path_dependencies("numpy==1.26\n-e ../shared\n./libs/tools[dev]\n-e .\n") ==
          V{"../shared", "./libs/tools"});
    // a package index, a URL, an absolute path and a version are no local paths
    CHECK(local_path_dependencies("--index-url https://x/simple\ncore @ file:///opt/core\npath = \"/abs\"\n"
                                  "torch>=2.0 ; python_version > '3.9'\n")
              .empty());
    // `-e ..` (no slash), with extras, as a `file:` URL with an egg, and PDM's project-root URL
    CHECK(local_path_dependencies("-e ..\n-e ..[serving]\n-e file:../core#egg=core\n") == V{"..", "..", "../core"});
    CHECK(local_path_dependencies("dependencies = [\"core @ file:///${PROJECT_ROOT}/../core\"]\n") == V{"../core"});
    // a name that starts with dots is no path
    CHECK(local_path_dependencies("...\n.venv/bin/python\n").empty());
    CHECK(is_dependency_manifest("pyproject.toml"));
    CHECK(is_dependency_manifest("api/requirements-dev.txt"));
    CHECK(is_dependency_manifest("requirements.in"));            // pip-tools
    CHECK(is_dependency_manifest("api/requirements/base.txt"));  // a requirements/ folder
    CHECK_FALSE(is_dependency_manifest("api/notes/base.txt"));
    CHECK_FALSE(is_dependency_manifest("package.json"));
}

TEST_CASE("layout: project roots that depend on one another by a local path are one system") {
    auto uses = [](const std::string& rel, std::vector<std::string> u) {
        DirInfo d = project(rel);
        d.uses = std::move(u);
        return d;
    };
    // redbox: three apps on ../redbox-core are one system with it, beside a packaged django_app
    Layout redbox = detect_layout({uses("notebooks", {"../redbox-core", "../django_app"}), project("redbox-core"),
                                   uses("streamlit_app", {"../redbox-core"}), package("django_app", true)});
    CHECK(redbox.kind == LayoutKind::Single);
    CHECK(redbox.projects.empty());
    // joined to one another but to no package of the code base: they count once
    Layout joined =
        detect_layout({uses("a", {"../core"}), project("core"), uses("b", {"../core"}), project("x"), project("y")});
    CHECK(joined.kind == LayoutKind::Projects);
    CHECK(joined.projects == std::vector<std::string>{"a", "x", "y"});
    // a root that installs the repository's top package (`-e ..`) or a shared folder is part of the code base
    Layout top = detect_layout({uses("a", {".."}), uses("b", {"../shared"}), project("c"), plain("shared")});
    CHECK(top.kind == LayoutKind::Single);
    CHECK(top.projects == std::vector<std::string>{"c"});
    // a group is part of the code base when any root of it is
    Layout group = detect_layout({uses("a", {"../b", ".."}), project("b"), project("c"), project("d")});
    CHECK(group.projects == std::vector<std::string>{"c", "d"});
    // a dependency inside the root itself, or out of the scanned tree, joins nothing
    Layout own = detect_layout({uses("a", {"./vendor/lib", "../../elsewhere"}), project("b"), project("c")});
    CHECK(own.kind == LayoutKind::Projects);
    // a gallery's examples that install the library they show (`-e ../../`) are still a gallery
    Layout gallery = detect_layout({plain("examples"), uses("examples/churn", {"../.."}),
                                    uses("examples/fraud", {"../.."}), uses("examples/prices", {"../.."})});
    CHECK(gallery.kind == LayoutKind::Projects);
    // the walk reads them from the manifests
    Tree t;
    t.file("core/pyproject.toml", "[project]\nname='core'\n");
    for (const char* app : {"api", "batch", "ui"}) {
        t.file(std::string(app) + "/pyproject.toml", "[tool.poetry.dependencies]\ncore = {path = \"../core\"}\n");
        t.file(std::string(app) + "/app.py", "import core\n");
    }
    CHECK(scan_tree(layout_questionnaire(), t.root).layout.kind == LayoutKind::Single);
}

TEST_CASE("layout: the package a manifest declares, and those it requires by name") {
    using V = std::vector<std::string>;
    CHECK(package_name("Anemoi_Models.core") == "anemoi-models-core");
    CHECK(package_name("a--b__c") == "a-b-c");
    // pyproject: [project] or [tool.poetry], never another table's `name` (an index, an author)
    CHECK(declared_package("pyproject.toml",
                           "[build-system]\nrequires=['hatchling']\n[project]\nname = \"anemoi-models\"\n") ==
          "anemoi-models");
    CHECK(declared_package("pyproject.toml",
                           "[[tool.poetry.source]]\nname = \"torch-cpu\"\n[tool.poetry]\nname = 'core'\n") == "core");
    CHECK(declared_package("pyproject.toml", "[[tool.uv.index]]\nname = \"pytorch\"\n").empty());
    CHECK(declared_package("sub/setup.cfg", "[options]\nname = x\n[metadata]\nname = my_pkg\n") == "my-pkg");
    CHECK(declared_package("setup.py", "from setuptools import setup\nsetup(\n    name='Grants.Tagger',\n)\n") ==
          "grants-tagger");
    CHECK(declared_package("requirements.txt", "name==1.0\n").empty());
    // requirements: quoted PEP 508 strings, Poetry's dependency tables, requirement lines
    CHECK(required_packages("pyproject.toml",
                            "dependencies = [\n  \"anemoi-graphs>=0.5.2\",\n  "
                            "\"anemoi-models[migrations]>=0.9.5\",\n  \"torch ; sys_platform=='linux'\",\n]\n") ==
          V{"anemoi-graphs", "anemoi-models", "torch", "linux"});  // a marker's quoted word too: harmless
    CHECK(required_packages("pyproject.toml",
                            "[tool.poetry.group.dev.dependencies]\nCore_Lib = {version = \"^1\"}\n") == V{"core-lib"});
    CHECK(required_packages("requirements.txt", "numpy==1.26\nmy.lib[extra] >= 2  # ours\n-r base.txt\ntorch\n") ==
          V{"numpy", "my-lib", "torch"});
    CHECK(required_packages("setup.py", "install_requires=['core-lib>=1', \"pandas\"]\n") == V{"core-lib", "pandas"});
    // words of a description are no requirement: only a name followed by a version, extras, a marker or the quote
    CHECK(required_packages("pyproject.toml", "description = \"core library for x\"\n").empty());
}

TEST_CASE("layout: project roots that require one another's package by name are one system") {
    auto named = [](const std::string& rel, const std::string& provides, std::vector<std::string> requires_) {
        DirInfo d = project(rel);
        d.provides = provides;
        d.requires_packages = std::move(requires_);
        return d;
    };
    // anemoi-core: training requires the packages models/ and graphs/ declare, released from one repository
    Layout anemoi = detect_layout({named("graphs", "anemoi-graphs", {"torch"}), named("models", "anemoi-models", {}),
                                   named("training", "anemoi-training", {"anemoi-models", "anemoi-graphs"})});
    CHECK(anemoi.kind == LayoutKind::Single);
    CHECK(anemoi.projects == std::vector<std::string>{"graphs"});
    // nobody requires anyone: three projects
    Layout apart = detect_layout({named("a", "a", {"numpy"}), named("b", "b", {"pandas"}), named("c", "c", {})});
    CHECK(apart.kind == LayoutKind::Projects);
    // a name two roots declare (homework folders all called `hw`) names neither of them
    Layout homework = detect_layout({named("hw1", "hw", {"hw"}), named("hw2", "hw", {"hw"}), named("hw3", "hw", {})});
    CHECK(homework.kind == LayoutKind::Projects);
    // a root that requires the top's package is part of the code base
    DirInfo top = plain("");
    top.provides = "mylib";
    Layout library = detect_layout({top, named("bench", "bench", {"mylib"}), project("x"), project("y")});
    CHECK(library.projects == std::vector<std::string>{"x", "y"});
    // a root whose package the top requires is one of the top's libraries (ol-data-platform's dev group lists
    // ol-dbt-cli, which src/ol_dbt_cli declares)
    DirInfo platform = plain("");
    platform.provides = "ol-data-platform";
    platform.requires_packages = {"ol-dbt-cli", "pytest"};
    Layout warehouse = detect_layout({platform, named("dg_deployments/local", "local", {"dagster"}),
                                      named("src/ol_dbt_cli", "ol-dbt-cli", {"dbt-core"}),
                                      named("src/ol_superset", "ol-superset", {"requests"})});
    CHECK(warehouse.kind == LayoutKind::Single);
    CHECK(warehouse.projects == std::vector<std::string>{"dg_deployments/local", "src/ol_superset"});
    platform.requires_packages = {"pytest"};
    CHECK(detect_layout({platform, named("dg_deployments/local", "local", {"dagster"}),
                         named("src/ol_dbt_cli", "ol-dbt-cli", {"dbt-core"}),
                         named("src/ol_superset", "ol-superset", {"requests"})})
              .kind == LayoutKind::Projects);
    // a gallery's examples that require the library, or one another, stay a gallery
    Layout gallery = detect_layout({plain("examples"), named("examples/a", "a", {"b"}), named("examples/b", "b", {}),
                                    named("examples/c", "c", {"a"})});
    CHECK(gallery.kind == LayoutKind::Projects);
    // the walk reads them from the manifests
    Tree t;
    t.file("models/pyproject.toml", "[project]\nname = \"acme-models\"\n");
    t.file("graphs/setup.py", "setup(name='acme_graphs', install_requires=['torch'])\n");
    t.file("training/pyproject.toml",
           "[project]\nname = \"acme-training\"\ndependencies = [\"acme-models>=1\", "
           "\"acme-graphs\"]\n");
    for (const char* p : {"models/m.py", "graphs/g.py", "training/t.py"}) t.file(p, "import torch\n");
    CHECK(scan_tree(layout_questionnaire(), t.root).layout.kind == LayoutKind::Single);
    t.file("training/pyproject.toml", "[project]\nname = \"acme-training\"\ndependencies = [\"torch\"]\n");
    CHECK(scan_tree(layout_questionnaire(), t.root).layout.kind == LayoutKind::Projects);
}

TEST_CASE("layout: the walk reads the scanned top's package, which roots below may require by name") {
    // bugbug: the top declares the `bugbug` package; cloud functions and services below pin it
    Tree t;
    t.file("pyproject.toml", "[project]\nname = \"bugbug\"\ndependencies = [\"numpy\"]\n");
    t.file("bugbug/__init__.py", "");
    t.file("functions/comment_resolver/requirements.txt", "bugbug==0.0.573\nFlask==3.1.3\n");
    t.file("functions/sync_db/requirements.txt", "bugbug==0.0.573\n");
    t.file("services/mcp/pyproject.toml", "[project]\nname = \"mcp-server\"\ndependencies = [\"bugbug\"]\n");
    for (const char* p : {"functions/comment_resolver/main.py", "functions/sync_db/main.py", "services/mcp/app.py"})
        t.file(p, "import bugbug\n");
    const Layout whole = scan_tree(layout_questionnaire(), t.root).layout;
    CHECK(whole.kind == LayoutKind::Single);
    CHECK(whole.projects.empty());
    // with --project, the project's own top is the one whose package counts
    ScanOptions o;
    o.project = "services";
    t.file("services/pyproject.toml", "[project]\nname = \"svc-core\"\n");
    t.file("services/a/requirements.txt", "svc-core\n");
    t.file("services/b/requirements.txt", "svc-core\n");
    for (const char* p : {"services/a/main.py", "services/b/main.py"}) t.file(p, "import svc_core\n");
    CHECK(scan_tree(layout_questionnaire(), t.root, o).layout.kind == LayoutKind::Single);
    // without the top's manifest, the same roots are three independent projects
    std::filesystem::remove(t.path("pyproject.toml"));
    CHECK(scan_tree(layout_questionnaire(), t.root).layout.kind == LayoutKind::Projects);
}

TEST_CASE("layout: project roots that one CI pipeline deploys together are one system") {
    CHECK(names_path("context: src/calibrate\n", "src/calibrate"));
    CHECK(names_path("cd src/calibrate/jobs && make", "src/calibrate"));
    CHECK_FALSE(names_path("cd src/calibrate-old", "src/calibrate"));
    CHECK_FALSE(names_path("cd src/calibrated", "src/calibrate"));
    CHECK(deploys_from_ci("jobs:\n  deploy-predict:\n    runs-on: x\n"));
    CHECK(deploys_from_ci("jobs:\n  deploy_app:\n"));
    CHECK_FALSE(deploys_from_ci("jobs:\n  test:\n    steps:\n      - run: pytest\n"));
    CHECK_FALSE(deploys_from_ci("jobs:\n  deploy:\n    steps:\n      - uses: actions/deploy-pages@v4\n"));
    CHECK_FALSE(
        deploys_from_ci("name: Deploy schema.json to GitHub Pages\njobs:\n  deploy:\n    steps:\n"
                        "      - run: git push origin schemas\n"));
    CHECK_FALSE(deploys_from_ci("jobs:\n  deploy-models:\n    uses: org/wf/.github/workflows/cd-pypi.yml@v2\n"));
    const std::vector<DirInfo> services = {project("src/predict"), project("src/calibrate"), project("src/spatial"),
                                           project("packages/a"), project("packages/b")};
    const std::string deploy =
        "jobs:\n  deploy:\n    steps:\n      - with: {context: src/predict}\n"
        "      - with: {context: src/calibrate}\n";
    Layout airqo = detect_layout(services, {}, {deploy});
    CHECK(airqo.kind == LayoutKind::Single);
    CHECK(airqo.projects == std::vector<std::string>{"src/calibrate"});
    // named inside longer paths, or at the end of a sentence; not inside a longer name
    CHECK(detect_layout(services, {}, {"deploy: docker build ./src/predict/Dockerfile && cd src/calibrate."}).kind ==
          LayoutKind::Single);
    CHECK(detect_layout(services, {}, {"deploy: src/predicted src/calibrate-old src/spatial.py"}).kind ==
          LayoutKind::Projects);
    // without it, or when a pipeline deploys only one of them, five projects
    CHECK(detect_layout(services).kind == LayoutKind::Projects);
    CHECK(detect_layout(services, {}, {"deploy: {context: src/predict}\n"}).kind == LayoutKind::Projects);
    // a gallery's examples are not deployed together, whatever a pipeline names
    Layout gallery =
        detect_layout({plain("examples"), project("examples/a"), project("examples/b"), project("examples/c")}, {},
                      {"deploy:\n  - examples/a\n  - examples/b\n"});
    CHECK(gallery.kind == LayoutKind::Projects);
    // a course stays a course
    Layout course = detect_layout({project("01-intro"), project("02-train"), project("03-serve")}, {},
                                  {"deploy: 01-intro 02-train\n"});
    CHECK(course.kind == LayoutKind::Course);
    // the walk reads the repository's CI: a workflow that deploys the services makes one system, one that only
    // tests them does not
    Tree t;
    for (const char* p : {"src/predict", "src/calibrate", "src/spatial"}) {
        t.file(std::string(p) + "/requirements.txt", "flask\n");
        t.file(std::string(p) + "/app.py", "import flask\n");
    }
    t.file(".github/workflows/ci.yml",
           "on: push\njobs:\n  test:\n    steps:\n      - run: cd src/predict && pytest\n"
           "      - run: cd src/calibrate && pytest\n");
    CHECK(scan_tree(layout_questionnaire(), t.root).layout.kind == LayoutKind::Projects);
    t.file(".github/workflows/release.yml",
           "on: push\njobs:\n  deploy-apis:\n    steps:\n"
           "      - run: docker build src/predict\n"
           "      - run: docker build src/calibrate\n");
    CHECK(scan_tree(layout_questionnaire(), t.root).layout.kind == LayoutKind::Single);
}

TEST_CASE("layout: requirements or a Dockerfile make a project only with code beside them") {
    DirInfo docs_like{"x", false, true, false};
    DirInfo with_code{"y", false, true, true};
    CHECK(detect_layout({docs_like, {"x2", false, true, false}, {"x3", false, true, false}}).kind ==
          LayoutKind::Single);
    CHECK(detect_layout({with_code, {"y2", false, true, true}, {"y3", false, true, true}}).kind ==
          LayoutKind::Projects);
}

TEST_CASE("layout: documentation, tests and CI folders are never projects") {
    CHECK(detect_layout({project("docs"), project("tests"), project(".github/actions/x")}).projects.empty());
    CHECK(detect_layout({project("website/app"), project("a"), project("b")}).kind == LayoutKind::Single);
}

TEST_CASE("layout: teaching folders and numbered modules make a course") {
    CHECK(detect_layout({plain("homework")}).kind == LayoutKind::Single);  // one folder is not a course
    Layout hw = detect_layout({plain("w1/homework"), plain("w2/solutions")});
    CHECK(hw.kind == LayoutKind::Course);
    CHECK(hw.teaching == std::vector<std::string>{"w1/homework", "w2/solutions"});

    CHECK(detect_layout({plain("01-intro"), plain("02-setup")}).kind == LayoutKind::Single);
    Layout weeks = detect_layout({plain("01-intro"), plain("02-setup"), plain("03-deploy")});
    CHECK(weeks.kind == LayoutKind::Course);
    CHECK(weeks.teaching.size() == 3);
    // Modules count among siblings: three in three different folders are three projects' own numbering.
    CHECK(detect_layout({plain("a/01-intro"), plain("b/02-setup"), plain("c/03-deploy")}).kind ==
          LayoutKind::Single);
    // A course wins over its many project-like folders.
    CHECK(detect_layout({project("week1"), project("week2"), project("week3")}).kind == LayoutKind::Course);
}

TEST_CASE("layout: a README title that calls the tree homework makes it coursework") {
    // the title: the first Markdown heading, a setext or reStructuredText title, else the first line of text
    CHECK(readme_title("<p align=\"center\"><img src=\"logo.png\"></p>\n\n# MLOps HW #4\n\ntext\n") == "MLOps HW #4");
    CHECK(readme_title("[![CI](badge.svg)](ci)\nChurn model\n===========\n") == "Churn model");
    CHECK(readme_title("Fraud scoring service\n\nMore words.\n") == "Fraud scoring service");
    // an empty heading (a line of `#` alone) is skipped, never read past its end (found by fuzz_scan_text: the scan
    // of a repository whose README starts with `##` stopped with an internal error)
    CHECK(readme_title("##\n# Churn model\n") == "Churn model");
    CHECK(readme_title("#").empty());
    Tree hashes;
    hashes.file("README.md", "##\n");
    hashes.file("train.py", "print(1)\n");
    CHECK(scan_tree(layout_questionnaire(), hashes.root).layout.kind == LayoutKind::Single);
    CHECK(readme_title("  ##   Spaced title  \r\n") == "Spaced title");
    CHECK(readme_title("") == "");
    CHECK(readme_title("---\n\n<div>x</div>\n") == "");
    // what a student's work is called, in any case, and a word with its number
    for (const char* t : {"MLOps HW #4", "hw3: monitoring", "Homework 2 - Deployment", "ML Assignment", "Coursework",
                          "Problem Set 5", "Lab 2: Docker", "Exercise_3", "HW-1", "Course Work"})
        CHECK(is_coursework_title(t));
    // a project whose title only mentions such words in passing, or a word without its number, is not
    for (const char* t : {"MLOps Reference Stack", "Hardware-aware inference (HWA)", "Lab tools for ML",
                          "Exercise tracker app", "Task assignmentation", "Labels 2 go", "Showcase 10 models"})
        CHECK_FALSE(is_coursework_title(t));
    Layout l = detect_layout({plain("src")}, "# MLOps HW #4\n");
    CHECK(l.kind == LayoutKind::Course);
    CHECK(l.coursework == "MLOps HW #4");
    CHECK(l.mixed());
    CHECK(detect_layout({plain("src")}, "# Churn prediction service\n").kind == LayoutKind::Single);
    CHECK(detect_layout({plain("src")}, "# Churn prediction service\n").coursework.empty());
}

TEST_CASE("layout: what a numbered module and a teaching folder are") {
    for (const char* yes : {"01-intro", "2_setup", "3.basics", "week1", "Week-2", "module_3", "lesson3", "lecture-4",
                            "day5", "unit6", "chapter7", "week1-intro"})
        CHECK(is_numbered_module(yes));
    for (const char* no : {"3.0", "3.1", "v1", "2021", "src", "weekly", "models", "01", "py3"})
        CHECK_FALSE(is_numbered_module(no));
    for (const char* yes : {"homework", "Homeworks", "solution", "solutions", "exercises", "exercise_files"})
        CHECK(is_teaching_dir(yes));
    CHECK_FALSE(is_teaching_dir("home"));
    CHECK(manifest_strength("pyproject.toml") == 2);
    CHECK(manifest_strength("setup.py") == 2);
    CHECK(manifest_strength("dvc.yaml") == 1);  // a pipeline runs code: a project only with code beside it
    CHECK(manifest_strength("MLproject") == 1);
    CHECK(is_pipeline_file("dvc.yaml"));
    CHECK(is_pipeline_file("MLproject"));
    CHECK_FALSE(is_pipeline_file("dvc.lock"));
    CHECK(manifest_strength("requirements.txt") == 1);
    CHECK(manifest_strength("README.md") == 0);
}

TEST_CASE("project: a CI pipeline runs the project when it names its path or filters no paths") {
    CHECK(ci_runs_project("jobs:\n  t:\n    steps:\n      - run: pytest\n", "proj"));  // no filter
    CHECK(ci_runs_project("on:\n  push:\n    paths: ['proj/**']\n", "proj"));
    CHECK(ci_runs_project("defaults:\n  run:\n    working-directory: a/proj\npaths: [x]\n", "a/proj"));
    CHECK_FALSE(ci_runs_project("on:\n  push:\n    paths: ['other/**']\n", "proj"));
    CHECK_FALSE(ci_runs_project("on:\n  push:\n    paths:\n      - 'proj-old/**'\n", "proj"));
    CHECK_FALSE(ci_runs_project("rules:\n  - changes: [other/*]\n", "proj"));  // GitLab
}

TEST_CASE("CI files: a GitHub workflow never runs when every event under on: is commented out") {
    CHECK(is_github_workflow(".github/workflows/ci.yml"));
    CHECK(is_github_workflow(".github/workflows/ci.yaml"));
    CHECK_FALSE(is_github_workflow(".github/workflows/scripts/x.yml"));  // GitHub reads only the directory
    CHECK_FALSE(is_github_workflow("proj/.github/workflows/ci.yml"));
    CHECK_FALSE(is_github_workflow(".github/workflows/README.md"));
    CHECK(github_workflow_never_runs("name: d\non:\n  # push:\n  #   branches: [main]\n\njobs:\n  d: {}\n"));
    CHECK(github_workflow_never_runs("on: # nothing yet\njobs:\n  d: {}\n"));
    CHECK(github_workflow_never_runs("on:\n# schedule:\n#   - cron: '0 0 * * *'\n"));  // the end of the file
    CHECK_FALSE(github_workflow_never_runs("on: push\njobs:\n  d: {}\n"));
    CHECK_FALSE(github_workflow_never_runs("on: [push, pull_request]\n"));
    CHECK_FALSE(github_workflow_never_runs("on:\n  # push:\n  workflow_dispatch:\njobs: {}\n"));
    CHECK_FALSE(github_workflow_never_runs("on:\n- push\njobs: {}\n"));  // a list at the key's column
    CHECK_FALSE(github_workflow_never_runs("\"on\":\n  push:\n"));
    CHECK_FALSE(github_workflow_never_runs("true:\n  push:\n"));  // `on` as YAML 1.1 writes it back
    CHECK(github_workflow_never_runs("'on':\njobs: {}\n"));
    // no `on:` at all: not judged here (a fragment, or GitHub reports the error)
    CHECK_FALSE(github_workflow_never_runs("jobs:\n  t:\n    steps:\n      - run: pytest\n"));
    // an indented `on:` is not the trigger (had it been taken for one, this empty one would never run)
    CHECK_FALSE(github_workflow_never_runs("jobs:\n  t:\n    on:\nname: x\n"));
    // a document marker ends the block (a byte order mark is dropped before: test_scan_judgement.cpp)
    CHECK(github_workflow_never_runs("name: x\non:\n  # push:\n---\njobs: {}\n"));
}

TEST_CASE("project: the repository-level entries, and the CI pipelines among them") {
    for (const char* e : {".git", ".github", ".gitlab", ".gitlab-ci.yml", "Jenkinsfile", ".circleci",
                          "azure-pipelines.yml", "azure-pipelines.yaml", ".azure-pipelines", ".buildkite",
                          "bitbucket-pipelines.yml", ".pre-commit-config.yaml", "CODEOWNERS"}) {
        CAPTURE(e);
        CHECK(is_repository_level(e));
    }
    for (const char* e : {"src", ".gitignore", "README.md", "Makefile", ".github2", "github", ".GIT"}) {
        CAPTURE(e);
        CHECK_FALSE(is_repository_level(e));
    }
    for (const char* p : {".github/workflows/ci.yml", ".github/workflows/sub/x.yml", ".gitlab/ci/test.yml",
                          ".circleci/config.yml", ".azure-pipelines/pr.yml", ".buildkite/pipeline.yml",
                          ".gitlab-ci.yml", "Jenkinsfile", "azure-pipelines.yml", "azure-pipelines.yaml",
                          "bitbucket-pipelines.yml"}) {
        CAPTURE(p);
        CHECK(is_ci_pipeline(p));
    }
    // Repository-level, but no pipeline: the repository itself, other .github files, hooks, owners; a
    // pipeline's name below the root; the directories themselves.
    for (const char* p : {".git/config", ".github/CODEOWNERS", ".github/actions/setup/action.yml",
                          ".github/workflows", ".github/workflowsx/ci.yml", ".pre-commit-config.yaml", "CODEOWNERS",
                          "src/Jenkinsfile", "sub/.github/workflows/ci.yml", ".gitlab", ".circleci", ".gitlab-ci.yml/x",
                          "Jenkinsfile/x"}) {
        CAPTURE(p);
        CHECK_FALSE(is_ci_pipeline(p));
    }
}

TEST_CASE("scan: the walk records the layout") {
    Tree t;
    for (const char* p : {"alpha", "beta", "gamma"}) t.file(std::string(p) + "/pyproject.toml", "[project]\n");
    t.file("docs/requirements.txt", "mkdocs\n");
    ScanResult r = scan_tree(layout_questionnaire(), t.root);
    CHECK(r.layout.kind == LayoutKind::Projects);
    CHECK(r.layout.projects == std::vector<std::string>{"alpha", "beta", "gamma"});
    CHECK(layout_text(r) == "3 projects (alpha, beta, gamma)");

    // the same three with __init__.py: packages of one code base, importable from the top
    Tree packages;
    for (const char* p : {"alpha", "beta", "gamma"}) {
        packages.file(std::string(p) + "/pyproject.toml", "[project]\n");
        packages.file(std::string(p) + "/__init__.py", "");
    }
    CHECK(scan_tree(layout_questionnaire(), packages.root).layout.kind == LayoutKind::Single);

    Tree course;
    for (const char* p : {"01-intro/homework/a.py", "02-deploy/homework/b.py", "03-monitor/x.py"}) course.file(p, "");
    ScanResult c = scan_tree(layout_questionnaire(), course.root);
    CHECK(c.layout.kind == LayoutKind::Course);
    CHECK(layout_text(c) == "a course or example gallery (teaching folders: 01-intro/homework, 02-deploy/homework, "
                            "01-intro and 2 more)");
}

TEST_CASE("scan --project: only the project, matched from its root, with the CI that runs it") {
    Tree t;
    t.file(".git/HEAD", "ref\n");
    t.file(".github/workflows/all.yml", "on: push\njobs: {}\n");
    t.file(".github/workflows/proj.yml", "on:\n  push:\n    paths: ['apps/proj/**']\n");
    t.file(".github/workflows/other.yml", "on:\n  push:\n    paths: ['apps/other/**']\n");
    t.file("apps/proj/dvc.yaml", "stages: {}\n");
    t.file("apps/proj/train.py", "import mlflow\n");
    t.file("apps/other/dvc.yaml", "stages: {}\n");
    t.file("apps/other/train.py", "import mlflow\n");
    t.file("apps/README.md", "");
    t.file("root.py", "import mlflow\n");
    ScanOptions o;
    o.project = "./apps/proj/";
    ScanResult r = scan_tree(layout_questionnaire(), t.root, o);
    CHECK(r.project == "apps/proj");
    CHECK(paths(r, "ci") == std::vector<std::string>{".github/workflows/all.yml", ".github/workflows/proj.yml"});
    CHECK(paths(r, "dvc") == std::vector<std::string>{"apps/proj/dvc.yaml"});  // anchored glob, project's root
    CHECK(paths(r, "mlflow") == std::vector<std::string>{"apps/proj/train.py"});
    CHECK(paths(r, "vcs") == std::vector<std::string>{".git"});
    CHECK(r.stats.excluded == 4);  // other.yml, apps/other, apps/README.md, root.py

    ScanResult whole = scan_tree(layout_questionnaire(), t.root);
    CHECK(whole.find("dvc")->hits.empty());  // without --project, dvc.yaml is not at the root
    CHECK(paths(whole, "ci").size() == 3);
}

TEST_CASE("scan --project: refused unless a directory inside the tree") {
    Tree t;
    t.file("a/x.py", "");
    t.file("a/b/y.py", "");
    t.file("f.txt", "");
    t.link("a", "via");      // a symbolic link to a directory of the tree
    t.link("a/b", "a/lb");
    const Questionnaire q = layout_questionnaire();
    const std::pair<const char*, const char*> bad[] = {
        {"../a", "'../a' must be inside the scanned directory (no '..')"},
        {"a/../../a", "'a/../../a' must be inside the scanned directory (no '..')"},
        {"/etc", "'/etc' must be a directory relative to the scanned directory"},
        {"missing", "'missing' cannot be scanned: No such file or directory"},
        {"f.txt", "'f.txt' is not a directory"},
        {"via", "'via' is not a directory"},      // the project itself a link
        {"via/b", "'via/b' is not a directory"},  // a link on the way
        {"a/lb", "'a/lb' is not a directory"},
    };
    for (const auto& [project, error] : bad) {
        CAPTURE(project);
        ScanOptions o;
        o.project = project;
        const std::string message = test::first_error([&] { scan_tree(q, t.root, o); });
        CHECK(message.rfind("mlops-maturity: error: --project: '", 0) == 0);
        CHECK(message.find(error) != std::string::npos);
    }
    ScanOptions dot;
    dot.project = ".";
    CHECK(scan_tree(q, t.root, dot).project.empty());
    ScanOptions sub;
    sub.project = "./a//b/";
    CHECK(scan_tree(q, t.root, sub).project == "a/b");
}

TEST_CASE("scan --exclude: .gitignore patterns relative to the root leave entries out") {
    Tree t;
    t.file("homework/train.py", "import mlflow\n");
    t.file("w1/homework/train.py", "import mlflow\n");
    t.file("src/train.py", "import mlflow\n");
    ScanOptions o;
    o.exclude = {"homework/"};
    ScanResult r = scan_tree(layout_questionnaire(), t.root, o);
    CHECK(paths(r, "mlflow") == std::vector<std::string>{"src/train.py"});
    CHECK(r.stats.excluded == 2);
    o.exclude = {"/homework"};
    CHECK(paths(scan_tree(layout_questionnaire(), t.root, o), "mlflow").size() == 2);
}

TEST_CASE("layout (review of round 20): what joins roots, and what must not") {
    using V = std::vector<std::string>;
    // Only the requirement lists of a manifest name requirements: not setup.py's package_dir, nor a TOML setting
    CHECK(required_packages("setup.py", "setup(name='x', package_dir={'': 'src'}, install_requires=['core>=1'])\n") ==
          V{"core"});
    CHECK(required_packages("pyproject.toml",
                            "[tool.setuptools.packages.find]\nwhere = [\"src\"]\n"
                            "[tool.coverage.run]\nsource = [\"app\"]\n")
              .empty());
    CHECK(required_packages("pyproject.toml",
                            "[project]\nname = \"x\"\ndependencies = [\"a\", \"b[x]>=1\"]\n"
                            "[project.optional-dependencies]\ndev = [\n  \"c\",\n]\n"
                            "[dependency-groups]\ntest = [\"d\"]\n") == V{"a", "b", "c", "d"});
    // setup.cfg's options, unquoted, on the same line or the indented ones below
    CHECK(required_packages("setup.cfg",
                            "[metadata]\nname = train\n[options]\ninstall_requires =\n    numpy\n"
                            "    acme-core>=1.0\npackages = find:\n[options.extras_require]\n"
                            "dev = pytest\n") == V{"numpy", "acme-core", "pytest"});
    auto walk = [](Tree& t) { return scan_tree(layout_questionnaire(), t.root).layout; };
    // three projects whose manifests say `src` in settings, one of them named `src` (cookiecutter-data-science's
    // default)
    Tree c1;
    c1.file("churn/setup.py", "from setuptools import setup\nsetup(name='src', packages=['src'])\n");
    c1.file("fraud/setup.py", "from setuptools import setup\nsetup(name='fraud', package_dir={'': 'src'})\n");
    c1.file("nlp/pyproject.toml", "[project]\nname = \"nlp\"\n[tool.setuptools.packages.find]\nwhere = [\"src\"]\n");
    for (const char* p : {"churn/main.py", "fraud/main.py", "nlp/main.py"}) c1.file(p, "print(1)\n");
    CHECK(walk(c1).kind == LayoutKind::Projects);
    // a setup.cfg's install_requires joins as pyproject's dependencies do
    Tree c3;
    c3.file("core/setup.cfg", "[metadata]\nname = acme-core\n");
    for (const char* app : {"train", "serve", "extra"}) {
        c3.file(std::string(app) + "/setup.cfg", "[options]\ninstall_requires =\n    numpy\n    acme-core>=1.0\n");
        c3.file(std::string(app) + "/main.py", "print(1)\n");
    }
    c3.file("core/core.py", "print(1)\n");
    CHECK(walk(c3).kind == LayoutKind::Single);
    // a cookbook's recipes that install the library by name stay a gallery
    Tree g1;
    g1.file("lib/pyproject.toml", "[project]\nname = \"fastml\"\n");
    g1.file("lib/fastml.py", "print(1)\n");
    for (const char* r : {"churn", "fraud", "nlp"}) {
        g1.file(std::string("cookbook/") + r + "/requirements.txt", "fastml\n");
        g1.file(std::string("cookbook/") + r + "/main.py", "print(1)\n");
    }
    CHECK(walk(g1).kind == LayoutKind::Projects);
    // a CODEOWNERS or an issue template in .gitlab/ is no pipeline, whatever it says of deployment
    Tree o1;
    for (const char* p : {"churn", "fraud", "nlp"}) {
        o1.file(std::string(p) + "/requirements.txt", "flask\n");
        o1.file(std::string(p) + "/main.py", "print(1)\n");
    }
    o1.file(".gitlab/CODEOWNERS", "# review before any deployment change\n/churn/ @a\n/fraud/ @b\n/nlp/ @c\n");
    CHECK(walk(o1).kind == LayoutKind::Projects);

    const std::vector<DirInfo> three = {project("churn"), project("fraud"), project("nlp")};
    // a pipeline that deploys one project and names the others in a path filter, a comment or a matrix
    CHECK(detect_layout(three, {},
                        {"on:\n  push:\n    paths-ignore: ['fraud/**', 'nlp/**']\njobs:\n  deploy:\n"
                         "    steps:\n      - run: ./churn/deploy.sh\n"})
              .kind == LayoutKind::Projects);
    CHECK(detect_layout(three, {},
                        {"jobs:\n  deploy:\n    steps:\n      # fraud/ and nlp/ are not deployed\n"
                         "      - run: ./churn/deploy.sh\n"})
              .kind == LayoutKind::Projects);
    CHECK(detect_layout(three, {},
                        {"jobs:\n  test:\n    strategy:\n      matrix:\n        p: [churn, fraud, nlp]\n"
                         "  deploy:\n    steps:\n      - run: cd churn && ./deploy.sh\n"})
              .kind == LayoutKind::Projects);
    // a static site host deploys documentation
    CHECK_FALSE(
        deploys_from_ci("jobs:\n  deploy:\n    steps:\n      - run: jupyter-book build churn/ fraud/\n"
                        "      - uses: nwtgck/actions-netlify@v2\n"));
    // two systems deployed apart, and a project of its own: three projects, not one
    const std::vector<DirInfo> five = {project("churn-api"), project("churn-train"), project("fraud-api"),
                                       project("fraud-train"), project("nlp")};
    Layout two =
        detect_layout(five, {}, {"deploy: ./churn-api/ ./churn-train/\n", "deploy: ./fraud-api/ ./fraud-train/\n"});
    CHECK(two.kind == LayoutKind::Projects);
    CHECK(two.projects == V{"churn-api", "fraud-api", "nlp"});
    // a course keeps its projects listed
    Layout course = detect_layout({project("01-intro"), project("02-training"), project("03-deploy")}, {},
                                  {"deploy: ./01-intro/ ./02-training/ ./03-deploy/\n"});
    CHECK(course.kind == LayoutKind::Course);
    CHECK(course.projects.size() == 3);
}

TEST_CASE("layout (review of round 20): deploying pipelines past 16 MiB are all left out, and said") {
    Tree t;
    for (const char* p : {"churn", "fraud", "nlp"}) {
        t.file(std::string(p) + "/requirements.txt", "flask\n");
        t.file(std::string(p) + "/main.py", "print(1)\n");
    }
    // 66 workflows of 256 KiB that deploy churn and fraud together: over 16 MiB in all
    const std::string body = "on: push\njobs:\n  deploy:\n    steps:\n      - run: docker build ./churn/ ./fraud/\n";
    const std::string padded = body + "#" + std::string((std::size_t{256} << 10) - body.size() - 2, 'x') + "\n";
    for (int i = 0; i < 66; ++i) t.file(".github/workflows/deploy" + std::to_string(i) + ".yml", padded);
    const ScanResult over = scan_tree(layout_questionnaire(), t.root);
    CHECK(over.layout.kind == LayoutKind::Projects);
    REQUIRE_FALSE(over.warnings.empty());
    CHECK(over.warnings[0].find("the CI pipelines that deploy hold over 16 MiB of text") != std::string::npos);
    // one of them alone joins the two
    Tree one;
    for (const char* p : {"churn", "fraud", "nlp"}) {
        one.file(std::string(p) + "/requirements.txt", "flask\n");
        one.file(std::string(p) + "/main.py", "print(1)\n");
    }
    one.file(".github/workflows/deploy.yml", padded);
    const ScanResult within = scan_tree(layout_questionnaire(), one.root);
    CHECK(within.layout.kind == LayoutKind::Single);
    CHECK(within.warnings.empty());
}

TEST_CASE("layout: a uv workspace's members are one system") {
    const Workspace ws =
        uv_workspace("pyproject.toml",
                     "[project]\nname = \"platform\"\n\n[tool.uv.workspace]\nmembers = [\n  \"packages/*\",\n"
                     "  \"src/ol_dbt_cli\",  # the CLI\n]\nexclude = [\"src/ol_dlt\"]\n\n[tool.uv]\npackage = false\n");
    CHECK(ws.members == std::vector<std::string>{"packages/*", "src/ol_dbt_cli"});
    CHECK(ws.excludes == std::vector<std::string>{"src/ol_dlt"});
    // only under [tool.uv.workspace], and only in pyproject.toml
    CHECK(uv_workspace("pyproject.toml", "[tool.other]\nmembers = [\"a\"]\n").members.empty());
    CHECK(uv_workspace("setup.cfg", "[tool.uv.workspace]\nmembers = [\"a\"]\n").members.empty());

    // the walk reads the top's workspace: its members are its code base, an excluded one and a non-member are not
    Tree t;
    t.file("pyproject.toml",
           "[project]\nname = \"platform\"\n[tool.uv.workspace]\nmembers = [\"packages/*\", \"apps/cli\"]\n"
           "exclude = [\"packages/legacy\"]\n");
    for (const char* d : {"packages/a", "packages/b", "packages/legacy", "apps/cli", "apps/web"}) {
        t.file(std::string(d) + "/pyproject.toml", std::string("[project]\nname = \"") + d + "\"\n");
        t.file(std::string(d) + "/m.py", "import x\n");
    }
    const Layout l = scan_tree(layout_questionnaire(), t.root).layout;
    CHECK(l.kind == LayoutKind::Single);
    CHECK(l.projects == std::vector<std::string>{"apps/web", "packages/legacy"});
    // without the workspace, five projects
    t.file("pyproject.toml", "[project]\nname = \"platform\"\n");
    CHECK(scan_tree(layout_questionnaire(), t.root).layout.kind == LayoutKind::Projects);
    // a gallery's examples listed as members stay a gallery
    DirInfo top = plain("");
    top.workspace_members = {"examples/*"};
    CHECK(detect_layout({top, plain("examples"), project("examples/a"), project("examples/b"), project("examples/c")})
              .kind == LayoutKind::Projects);
}

TEST_CASE("layout: a Dockerfile that installs the top's package, and a root inside the top's package") {
    // a Dockerfile's pip install commands name what it requires; options, their values, paths and variables do not
    CHECK(required_packages("Dockerfile",
                            "FROM python:3.12\nRUN pip install --no-cache-dir -r requirements.txt ml4h==0.1 \\\n"
                            "    \"numpy>=1.26\" -e ./lib . $EXTRA && pip install pandas\n"
                            "RUN python -m pip install --index-url https://x.example/simple torch; echo done\n"
                            "# RUN pip install commented\n") ==
          std::vector<std::string>{"ml4h", "numpy", "pandas", "torch"});
    CHECK(required_packages("Dockerfile", "FROM python:3.12\nRUN uv pip install --system 'acme[serve]'\n") ==
          std::vector<std::string>{"acme"});
    CHECK(required_packages("Dockerfile", "FROM python:3.12\nRUN pip install -r requirements.txt\n").empty());

    // the walk reads them: a deployment folder whose image installs the team's package is part of its code base
    Tree t;
    t.file("setup.py", "from setuptools import setup\nsetup(name='ml4h', packages=['ml4h'])\n");
    t.file("ml4h/__init__.py", "");
    t.file("ml4h/models.py", "import keras\n");
    t.file("docker/deploy/Dockerfile", "FROM python:3.12\nRUN pip install ml4h\nCOPY run.py .\n");
    t.file("docker/deploy/run.py", "from ml4h.models import load\n");
    // a root inside the top's own package tree, whatever the folders between: part of the package
    t.file("ml4h/applications/ingest/requirements.txt", "pandas\n");
    t.file("ml4h/applications/ingest/ingest.py", "import pandas\n");
    t.file("tools/a/requirements.txt", "numpy\n");
    t.file("tools/a/a.py", "import numpy\n");
    t.file("tools/b/requirements.txt", "scipy\n");
    t.file("tools/b/b.py", "import scipy\n");
    t.file("tools/c/requirements.txt", "numpy\n");
    t.file("tools/c/c.py", "import numpy\n");
    Layout l = scan_tree(layout_questionnaire(), t.root).layout;
    CHECK(l.kind == LayoutKind::Projects);
    CHECK(l.projects == std::vector<std::string>{"tools/a", "tools/b", "tools/c"});
    // without the install, the deployment folder is a project of its own
    t.file("docker/deploy/Dockerfile", "FROM python:3.12\nRUN pip install keras\n");
    CHECK(scan_tree(layout_questionnaire(), t.root).layout.projects ==
          std::vector<std::string>{"docker/deploy", "tools/a", "tools/b", "tools/c"});
    // an examples folder inside the package is a gallery, not the package's own code
    DirInfo package = plain("pkg");
    package.package = true;
    CHECK(detect_layout({package, project("pkg/examples/a"), project("pkg/examples/b"), project("pkg/examples/c")})
              .kind == LayoutKind::Projects);
    CHECK(detect_layout({package, project("pkg/apps/a"), project("pkg/apps/b"), project("pkg/apps/c")}).kind ==
          LayoutKind::Single);
}

TEST_CASE("layout (held-out 17): setup.py's name is setup's, and its requirements may be built in variables") {
    using V = std::vector<std::string>;
    // the name given to setup(, not to a C extension before it; a variable assigned a literal (the template's NAME)
    CHECK(declared_package("native_client/ctcdecode/setup.py",
                           "ext = Extension(name='ds_ctcdecoder._swigwrapper', sources=['a.cpp'])\n"
                           "setup(\n    name='ds_ctcdecoder',\n    ext_modules=[ext],\n)\n") == "ds-ctcdecoder");
    CHECK(declared_package("setup.py",
                           "setup(ext_modules=[Extension(name='acme._impl', sources=[])], name=\"acme\")\n") == "acme");
    CHECK(declared_package("setup.py", "NAME = 'acme-core'  # the distribution\nsetup(name=NAME, version='1')\n") ==
          "acme-core");
    CHECK(declared_package("setup.py", "    project_name = 'deepspeech'\n    setup(name=project_name,\n") ==
          "deepspeech");
    // a name in a string, a comment or a comparison is no argument; without setup(, a literal name= still counts
    CHECK(declared_package("setup.py",
                           "doc = \"setup(name='wrong')\"\n# setup(name='wrong')\nif os.name == 'nt':\n"
                           "    pass\nsetup(name='right')\n") == "right");
    CHECK(declared_package("setup.py", "config = dict(name='acme', version='1')\nsetuptools.setup(**config)\n") ==
          "acme");
    CHECK(declared_package("setup.py", "setup(ext_modules=[Extension(name='acme._impl')])\n").empty());
    CHECK(declared_package("setup.py", "setup(name=unresolved)\n").empty());
    // requirement lists assigned to variables named for requirements, and the template's REQUIRED
    CHECK(required_packages("setup.py",
                            "install_requires_base = [\n    'absl-py',\n    'pandas',\n]\n"
                            "decoder_pypi_dep = [\n    'ds_ctcdecoder == {}'.format(version)\n]\n"
                            "setup(name='deepspeech_training', install_requires=install_requires_base)\n") ==
          V{"absl-py", "pandas", "ds-ctcdecoder"});
    CHECK(
        required_packages("setup.py", "REQUIRED = ['requests', 'acme-core>=1']\nsetup(install_requires=REQUIRED)\n") ==
        V{"requests", "acme-core"});
    // lists of other things are not requirements: classifiers, packages, a depth
    CHECK(required_packages("setup.py",
                            "depth = ['x>1']\nsetup(packages=['acme'], classifiers=['a :: b'],\n"
                            "      keywords=['ml'])\n")
              .empty());

    // DeepSpeech's layout: the top's training package requires the decoder, which sits beside the bindings and a
    // vendored library; with the decoder part of the code base, two roots remain, and that is one project
    auto walk = [](Tree& t) { return scan_tree(layout_questionnaire(), t.root).layout; };
    Tree t;
    t.file("setup.py",
           "def main():\n    install_requires_base = ['numpy']\n"
           "    decoder_pypi_dep = ['ds_ctcdecoder == {}'.format(version)]\n"
           "    setup(name='deepspeech_training', install_requires=install_requires_base + decoder_pypi_dep)\n");
    t.file("training/deepspeech_training/train.py", "import numpy\n");
    t.file("native_client/ctcdecode/setup.py",
           "ext = Extension(name='ds_ctcdecoder._swigwrapper')\nsetup(name='ds_ctcdecoder', ext_modules=[ext])\n");
    t.file("native_client/ctcdecode/__init__.py", "");
    t.file("native_client/kenlm/setup.py", "setup(name='kenlm', ext_modules=[Extension(name='kenlm')])\n");
    t.file("native_client/kenlm/kenlm.py", "print(1)\n");
    t.file("native_client/python/setup.py",
           "project_name = 'deepspeech'\nsetup(name=project_name, ext_modules=[Extension(name='deepspeech._impl')])\n");
    t.file("native_client/python/client.py", "print(1)\n");
    CHECK(walk(t).kind == LayoutKind::Single);
    // with the decoder's requirement only in a variable named otherwise, the three roots stay three projects
    t.file("setup.py",
           "decoder = ['ds_ctcdecoder == 1']\nsetup(name='deepspeech_training', install_requires=decoder)\n");
    CHECK(walk(t).kind == LayoutKind::Projects);
}

TEST_CASE("layout (held-out 19): the roots inside the models folder of a project are its models") {
    using V = std::vector<std::string>;
    auto with_code = [](const std::string& rel) { return DirInfo{rel, false, true, true}; };
    // ocp-ci-analysis: models/<name>/ each hold a model server's requirements.txt and code, beside the top's own
    // manifest and notebooks: one system, listed as its models folder (the one to pick with --project)
    Layout l = detect_layout({project(""), with_code("models/github-ttm"), with_code("models/optimal-stopping-point"),
                              with_code("models/thoth-ttm")});
    CHECK(l.kind == LayoutKind::Single);
    CHECK(l.projects == V{"models"});
    // ml4h: two models in model_zoo/ beside its setup.py, and a deployment image: a single project
    CHECK(detect_layout({project(""), with_code("docker/finngen_deploy"), with_code("model_zoo/PCLR"),
                         with_code("model_zoo/mi_feature_selection")})
              .kind == LayoutKind::Single);
    // deeper roots inside the models folder, any case and spelling, are its models too
    CHECK(detect_layout({project(""), with_code("Models/churn/serving"), with_code("Models/churn/training"),
                         with_code("Models/fraud/serving")})
              .kind == LayoutKind::Single);
    CHECK(detect_layout({project(""), with_code("model-zoo/a"), with_code("model-zoo/b"), with_code("model-zoo/c")})
              .kind == LayoutKind::Single);
    // with two more projects the repository is a monorepo, and the models are listed as their folder
    l = detect_layout(
        {project(""), with_code("etl"), with_code("models/churn"), with_code("models/ranking"), with_code("webapp")});
    CHECK(l.kind == LayoutKind::Projects);
    CHECK(l.projects == V{"etl", "models", "webapp"});
    // without a project at the top, a models folder may be a gallery of unrelated models: projects
    CHECK(detect_layout({plain(""), with_code("models/whisper-asr"), with_code("models/sdxl-turbo"),
                         with_code("models/llama3-chat")})
              .kind == LayoutKind::Projects);
    // a gallery's models, a models folder below the top, or a folder merely named like one, stay projects
    CHECK(detect_layout({project(""), with_code("examples/models/a"), with_code("examples/models/b"),
                         with_code("examples/models/c")})
              .kind == LayoutKind::Projects);
    CHECK(detect_layout(
              {project(""), with_code("vision/models/a"), with_code("vision/models/b"), with_code("nlp/models/c")})
              .kind == LayoutKind::Projects);
    CHECK(
        detect_layout({project(""), with_code("services/a"), with_code("services/b"), with_code("services/c")}).kind ==
        LayoutKind::Projects);
    CHECK(detect_layout({project(""), with_code("modelsx/a"), with_code("modelsx/b"), with_code("my_models/c")}).kind ==
          LayoutKind::Projects);
}
