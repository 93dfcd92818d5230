// The layout of a repository (docs/scan.md, "Projects inside a repository"): one project, several independent
// projects, or teaching material (a course, an example gallery). Evidence from many projects or homework folders
// is not one team's practice, so scan and assess say so and do not pre-fill answers from it. Pure functions of
// what the walk recorded, plus the rule that keeps a repository's CI with `--project`.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace mm {

// What the walk records about one directory (at most kLayoutDepth below the scanned root).
struct DirInfo {
    std::string rel;          // relative to the scanned root (or to the --project directory), '/'-separated
    bool strong = false;      // holds pyproject.toml or setup.py
    bool weak = false;        // holds requirements.txt, environment.yml, conda.yaml, Pipfile, a Dockerfile,
                              // MLproject or dvc.yaml
    bool code = false;        // holds a source file (.py, .ipynb, .R, ...) or a src/ directory
    bool package = false;     // holds __init__.py: a Python package
    bool pipeline = false;    // holds dvc.yaml or MLproject: a pipeline, which encloses the roots below it
    // The directories its manifests depend on by a local path, as written (`../redbox-core` from Poetry's
    // `{path = "../redbox-core"}`, `-e ../core` in requirements): see local_path_dependencies().
    std::vector<std::string> uses = {};
    // The distribution its manifests declare (`anemoi-models`), and the distributions they require, by name,
    // normalised (see package_name()): roots that require one another's package are components of one system.
    std::string provides = {};
    std::vector<std::string> requires_packages = {};
    // A uv workspace its pyproject.toml declares (`[tool.uv.workspace]`): the globs of its members and of the
    // directories it excludes, relative to it. Members share one lock file: the top's are its code base.
    std::vector<std::string> workspace_members = {};
    std::vector<std::string> workspace_excludes = {};
};

inline constexpr int kLayoutDepth = 3;

enum class LayoutKind { Single, Projects, Course };
// "single", "projects", "course".
std::string to_string(LayoutKind kind);

struct Layout {
    LayoutKind kind = LayoutKind::Single;
    std::vector<std::string> projects;  // independent project roots, sorted
    std::vector<std::string> teaching;  // teaching directories, then the numbered modules, sorted
    std::string coursework;             // the README title that calls the scanned tree homework, or empty
    // Whether the evidence should not pre-fill answers: anything but a single project.
    bool mixed() const { return kind != LayoutKind::Single; }
};

// A DVC or MLflow pipeline file (dvc.yaml, MLproject): a weak manifest that encloses the roots below it.
bool is_pipeline_file(std::string_view name);
// Which manifest a file name is: 2 strong (a project of its own), 1 weak (needs code beside it), 0 none.
int manifest_strength(std::string_view name);
// A source file a project's code is in.
bool is_code_file(std::string_view name);
// homework, homeworks, solution, solutions, exercise, exercises, exercise_files, assignment(s).
bool is_teaching_dir(std::string_view name);
// A numbered module of a course: 01-intro, 2_setup, week1, week-2, module-3, lesson3, lecture_4, day5, unit6.
bool is_numbered_module(std::string_view name);

// A manifest whose local path dependencies the layout reads (by its path from the scanned root): pyproject.toml,
// setup.py, setup.cfg, Pipfile, requirements*.txt, requirements*.in, and any .txt in a requirements/ folder.
bool is_dependency_manifest(std::string_view path);
// The local paths a manifest's text depends on, as written, relative to its directory: Poetry, uv, PDM and
// Pipenv `path = "../x"`, a PEP 508 `name @ file:../x` (PDM's `file:///${PROJECT_ROOT}/../x` too), a
// requirements line `-e ../x`, `../x`, `-e ..[extra]` or `-e file:..#egg=x`. Only paths that start with `./` or
// `../` (or are `.` or `..`); the manifest's own directory (`-e .`) is left out.
std::vector<std::string> local_path_dependencies(std::string_view text);
// A distribution's name as PEP 503 compares names: lower case, each run of `-`, `_` and `.` one `-`.
std::string package_name(std::string_view name);
// The distribution the manifest `file` (a file name: pyproject.toml, setup.cfg, setup.py) declares, normalised:
// `name` under pyproject's `[project]` or `[tool.poetry]`, under setup.cfg's `[metadata]`, or the `name=` setup.py
// gives `setup(` (a literal, or a variable assigned one); empty for other manifests or when there is none.
std::string declared_package(std::string_view file, std::string_view text);
// The distributions the manifest `file` requires, by name, normalised, each once in the order first met: quoted PEP 508
// requirements ("anemoi-models[x]>=0.9") in pyproject.toml, setup.cfg and setup.py (its requirement arguments and
// the lists it assigns to variables named for requirements), keys of Poetry's dependency tables, and requirement
// lines of the other manifests. It also takes words that only look like requirements (a build backend,
// an extra naming the package itself); the layout only uses the names that other roots of the tree declare.
std::vector<std::string> required_packages(std::string_view file, std::string_view text);
// The member and exclude globs of a uv workspace that the manifest `file` (only pyproject.toml) declares under
// `[tool.uv.workspace]` (`members = ["packages/*", "src/cli"]`, `exclude = [...]`), as written; empty otherwise.
struct Workspace {
    std::vector<std::string> members;
    std::vector<std::string> excludes;
};
Workspace uv_workspace(std::string_view file, std::string_view text);

// The title of a README (its first Markdown or reStructuredText heading, else its first line of text; HTML and
// badge lines skipped), from its first bytes; empty when there is none.
std::string readme_title(std::string_view text);
// A title that calls the repository a student's work: homework, an assignment, coursework, a problem set, or
// "HW 4", "Lab 2", "Exercise 3" (a word and a number), any case.
bool is_coursework_title(std::string_view title);

// The layout of the directories walked (docs/scan.md gives the thresholds); `readme` is the text of the scanned
// tree's README (its first bytes), whose title may call the tree coursework. `deploy_pipelines`: the texts of the
// tree's repository-level CI pipelines that deploy (deploys_from_ci()); the roots one of them names are deployed
// together, as one system.
Layout detect_layout(std::vector<DirInfo> dirs, std::string_view readme = {},
                     const std::vector<std::string>& deploy_pipelines = {});
// Whether a CI pipeline's text deploys, promotes or rolls out something other than documentation (a deploy
// step or job, snake-case job names included; not a GitHub Pages, MkDocs or Sphinx site).
bool deploys_from_ci(std::string_view text);
// Whether `text` names `path` as a whole path, or a path inside it: "src/calibrate" in "cd src/calibrate/jobs" or
// "context: src/calibrate", not in "src/calibrate-old".
bool names_path(std::string_view text, std::string_view path);

// ---- --project DIR ----

// A root-level entry that belongs to the whole repository and is kept when --project picks a project:
// .git, .github, .gitlab, .gitlab-ci.yml, Jenkinsfile, .circleci, azure-pipelines.y(a)ml, .azure-pipelines,
// .buildkite, bitbucket-pipelines.yml, .pre-commit-config.yaml, CODEOWNERS.
bool is_repository_level(std::string_view root_entry);
// A CI pipeline definition among the repository-level files (a GitHub workflow, .gitlab-ci.yml, a Jenkinsfile,
// CircleCI, Azure Pipelines, Buildkite, Bitbucket): kept with --project only when it runs the project.
bool is_ci_pipeline(std::string_view rel);
// A CI pipeline's definition among them: a YAML file or a Jenkinsfile, not a CODEOWNERS or an issue template that
// sits in `.gitlab/` beside the pipelines (what the layout reads for the roots a pipeline deploys).
bool is_pipeline_definition(std::string_view rel);
// Whether a CI pipeline (its text) runs the project at `project`: it names the project's path, or it has no
// path filter (`paths:`, `changes:`, `changeset`), so it runs on every change at the root.
bool ci_runs_project(std::string_view text, std::string_view project);

// ---- CI files that never run ----

// A GitHub Actions workflow, by its path relative to the repository root (`.github/workflows/*.yml|yaml`).
bool is_github_workflow(std::string_view rel);
// Whether a GitHub Actions workflow (its text as the rules read it: `utf8_text`, so no byte order mark) can never
// start: it has a top-level `on:` whose every event is commented out (GitHub rejects a workflow without a
// trigger). A text without `on:` is not judged (false).
bool github_workflow_never_runs(std::string_view text);

}  // namespace mm
