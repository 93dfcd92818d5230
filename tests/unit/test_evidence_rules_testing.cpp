// The evidence rules of the "testing" area (tests in CI, CI on every change, lint, review, owners, version
// control, templates) on small fixture trees: for each judgement, a tree where it holds and one where it must not
// (the mistakes seen on the issue 14 bench, in general words).
#include <string>

#include "builtin_evidence.hpp"
#include "catch.hpp"

using namespace mm;
using mm::test::Files;
using mm::test::github_workflow;
using mm::test::suggestion;

namespace {

// A checkout (`.git`): a build/ directory of files there is the team's (Cloud Build configs live in build/).
const std::pair<std::string, std::string> kGit = {".git/HEAD", "ref: refs/heads/main\n"};
const char* kTest = "def test_add():\n    assert 1 + 1 == 2\n";
const char* kPytestWorkflow = "on: [push, pull_request]\njobs:\n  test:\n    steps:\n      - run: python -m pytest -q\n";
const char* kCloudBuild = "steps:\n- name: 'gcr.io/cloud-builders/git'\n  args: ['clone', '$_REPO_URL']\n"
                          "- name: '$_CICD_IMAGE_URI'\n  entrypoint: 'pytest'\n  args: ['src/tests/model_tests.py']\n";
const char* kScriptWorkflow = "on:\n  pull_request:\njobs:\n  w:\n    steps:\n      - run: anyscale jobs submit deploy/job.yaml --wait\n";
const char* kTestScript = "#!/bin/bash\npython -m pytest tests/code --verbose\n";

// The lint suggestion for a pull-request workflow whose one job runs these steps.
std::string lint(const std::string& steps) {
    return suggestion("mlops", "lint-precommit",
                      {{".github/workflows/lint.yml", github_workflow("pull_request", "lint", steps)}});
}

// The unit-tests-ci suggestion for one test file and a pull-request workflow whose one job runs these steps.
std::string tests_in_ci(const std::string& test_path, const std::string& test, const std::string& steps) {
    return suggestion(
        "mlops", "unit-tests-ci",
        {{test_path, test}, {".github/workflows/ci.yml", github_workflow("pull_request", "test", steps)}});
}

}  // namespace

TEST_CASE("testing rules: Cloud Build steps that run pytest are tests in CI") {
    // a Cloud Build config kept in build/ (found by its cloud-builders steps) runs the tests: yes, not partial
    CHECK(suggestion("mlops", "unit-tests-ci", {kGit, {"build/pipeline-deployment.yaml", kCloudBuild}, {"src/tests/a_tests.py", kTest}}) ==
          "yes");
    CHECK(suggestion("mlops", "unit-tests-ci", {{"cloudbuild.yaml", "steps:\n- name: python\n  entrypoint: pytest\n"},
                                               {"tests/test_a.py", kTest}}) == "yes");
    // a YAML that only mentions pytest, with no Cloud Build step, is not CI
    CHECK(suggestion("mlops", "unit-tests-ci", {{"config/settings.yaml", "runner: pytest\n"}, {"tests/test_a.py", kTest}}) ==
          "partial");
    // a build/ directory of build outputs (with subdirectories) is still not walked
    CHECK(suggestion("mlops", "unit-tests-ci", {{"build/lib/cloudbuild.yaml", kCloudBuild}, {"build/ci.yaml", kCloudBuild},
                                               {"tests/test_a.py", kTest}}) == "partial");
}

TEST_CASE("testing rules: CI that runs a script or job which runs pytest") {
    // a workflow submits a job whose shell script runs pytest: the tests run in CI
    CHECK(suggestion("mlops", "unit-tests-ci", {{".github/workflows/w.yml", kScriptWorkflow}, {"deploy/job.sh", kTestScript},
                                               {"tests/test_a.py", kTest}}) == "yes");
    // the same script with no CI calling scripts: tests run locally only
    CHECK(suggestion("mlops", "unit-tests-ci", {{"deploy/job.sh", kTestScript}, {"tests/test_a.py", kTest}}) == "partial");
    // Travis runs a script by its path (no ./ and no bash): the same link
    CHECK(suggestion("mlops", "unit-tests-ci",
                     {{".travis.yml", "jobs:\n  include:\n    - script: .travis/flows.sh\n"},
                      {".travis/flows.sh", kTestScript},
                      {"tests/test_a.py", kTest}}) == "yes");
    // a script whose pytest line is commented out runs no tests
    CHECK(suggestion("mlops", "unit-tests-ci", {{".github/workflows/w.yml", kScriptWorkflow},
                                               {"deploy/job.sh", "#!/bin/bash\n# pytest tests\necho hi\n"},
                                               {"tests/test_a.py", kTest}}) == "partial");
}

TEST_CASE("testing rules: tests of a project generator are not tests of code around a model") {
    const char* gen = "from conftest import bake_project\n\ndef test_baking(config):\n    with bake_project(config) as p:\n"
                      "        assert p.exists()\n";
    CHECK(suggestion("mlops", "unit-tests-ci", {{".github/workflows/ci.yml", kPytestWorkflow}, {"tests/test_creation.py", gen}}) ==
          "-");
    CHECK(suggestion("mlops", "unit-tests-ci", {{".github/workflows/ci.yml", kPytestWorkflow}, {"tests/test_creation.py", kTest}}) ==
          "yes");
}

TEST_CASE("testing rules: training code tests and pipeline step tests") {
    // a test of a training step named with 'step' inside another word (timesteps) is not a training test
    CHECK(suggestion("mlops", "training-code-tested", {{"tests/test_env.py", "def test_generate_timesteps():\n    pass\n"}}) ==
          "-");
    // tests of features or splitting are tests of some pipeline steps: partial even with CI
    CHECK(suggestion("mlops", "training-code-tested",
                     {{"Jenkinsfile", "pipeline { stages { stage('t') { steps { sh './run_tests.sh' } } } }\n"},
                      {"test/test_feature_set.py", "def test_feature_set_default():\n    pass\n"},
                      {"src/train.py", "model.fit(X_train, y_train)\n"}}) == "partial");
    CHECK(suggestion("mlops", "training-code-tested", {kGit, {"build/pipeline-deployment.yaml", kCloudBuild},
                                                       {"src/tests/pipeline_tests.py", "def test_e2e_pipeline():\n    pass\n"}}) ==
          "yes");
}

TEST_CASE("testing rules: model mechanics tests need a loss or NaN check") {
    // a test that trains and asserts the loss went down, run in CI: yes
    const char* loss = "def test_train_model():\n    r = train()\n    assert r.loss[0] > r.loss[1]  # loss decreased\n";
    CHECK(suggestion("mlops", "model-code-tests", {{".github/workflows/ci.yml", kPytestWorkflow}, {"tests/test_train.py", loss}}) ==
          "yes");
    // a test that fits a model and checks predictions (no loss, no NaN) in CI: partial
    const char* fit = "def test_train_model():\n    m = train_model(d)\n    np.testing.assert_almost_equal(m.predict(x), y)\n";
    CHECK(suggestion("mlops", "model-code-tests", {{".github/workflows/ci.yml", kPytestWorkflow}, {"tests/test_train.py", fit}}) ==
          "partial");
    // tests of a model cache or of argument parsing that mention 'model' are not model mechanics tests
    const char* cache = "def test_is_latest_deployable_model():\n    assert cache.latest() == 'x'\n"
                        "def test_acceptance_with_model_id():\n    assert parse(['--model-id', '1'])\n";
    CHECK(suggestion("mlops", "model-code-tests", {{"Jenkinsfile", "pipeline { stages { stage('t') { steps { sh './run_tests.sh' } } } }\n"},
                                                   {"test/test_model_cache.py", cache}}) == "-");
    // a NaN check of the data is not a check of the model's outputs
    CHECK(suggestion("mlops", "model-code-tests", {{".github/workflows/ci.yml", kPytestWorkflow},
                                                   {"data/data_test.py", "def test_missing():\n    assert not np.isnan(df.values).any()\n"}}) == "-");
}

TEST_CASE("testing rules: an endpoint test is an integration test, not an app unit test") {
    const char* endpoint = "def test_model_endpoint():\n    r = endpoint.predict(instances)\n    assert r\n";
    CHECK(suggestion("mlops", "app-unit-tests", {{"src/tests/model_deployment_tests.py", endpoint}}) == "-");
    CHECK(suggestion("mlops", "app-unit-tests", {{"tests/test_api.py", "def test_predict():\n    c = TestClient(app)\n"}}) ==
          "partial");
    // the same tests run by CI on every change: yes, as the help says
    CHECK(suggestion("mlops", "app-unit-tests",
                     {{"tests/test_api.py", "def test_predict():\n    c = TestClient(app)\n"},
                      {".github/workflows/ci.yml", kPytestWorkflow}}) == "yes");
    // CI that runs other tests does not make an untested API tested
    CHECK(suggestion("mlops", "app-unit-tests",
                     {{"tests/test_features.py", kTest}, {".github/workflows/ci.yml", kPytestWorkflow}}) == "-");
    // the deployment pipeline calls the deployed endpoint test or a smoke test of the service: yes
    const char* cb = "steps:\n- name: 'gcr.io/cloud-builders/git'\n  args: ['clone']\n- name: 'img'\n  entrypoint: 'pytest'\n"
                     "  args: ['src/tests/model_deployment_tests.py::test_model_endpoint']\n";
    CHECK(suggestion("mlops", "model-app-integration-test", {kGit, {"build/model-deployment.yaml", cb}}) == "yes");
    CHECK(suggestion("mlops", "model-app-integration-test",
                     {{".pipelines/cd.yml", "steps:\n- script: python -m ml_service.util.smoke_test_scoring_service --type ACI\n"}}) ==
          "yes");
    // a path filter naming the smoke test runs nothing
    CHECK(suggestion("mlops", "model-app-integration-test",
                     {{".pipelines/cd.yml", "trigger:\n  paths:\n    include:\n    - ml_service/util/smoke_test_scoring_service.py\n"}}) ==
          "-");
}

TEST_CASE("testing rules: pipeline end-to-end test run by CI") {
    const char* cb = "steps:\n- name: 'gcr.io/cloud-builders/git'\n  args: ['clone']\n- name: 'img'\n  entrypoint: 'pytest'\n"
                     "  args: ['src/tests/pipeline_deployment_tests.py::test_e2e_pipeline']\n";
    CHECK(suggestion("mlops", "pipeline-integration-test", {kGit, {"build/pipeline-deployment.yaml", cb}}) == "yes");
    // an end-to-end pipeline test nobody runs in CI is not evidence of one in CI
    CHECK(suggestion("mlops", "pipeline-integration-test",
                     {{"src/tests/pipeline_tests.py", "def test_e2e_pipeline():\n    pass\n"}}) == "-");
    // an integration-test directory is a hint of a pipeline test only when its tests exercise training; one that
    // tests the API (with its prediction pipeline mocked) is no pipeline test
    CHECK(suggestion("mlops", "pipeline-integration-test",
                     {{"tests/integration/test_flow.py",
                       "def test_training_flow_on_sample(tmp_path):\n    run_training(tmp_path)\n"}}) == "partial");
    CHECK(suggestion("mlops", "pipeline-integration-test",
                     {{"tests/integration/__init__.py", ""},
                      {"tests/integration/test_api.py",
                       "def test_predict(client):\n    with patch('app.run_prediction_pipeline'):\n"
                       "        assert client.post('/predict').status_code == 200\n"}}) == "-");
    CHECK(suggestion("mlops", "pipeline-integration-test",
                     {{"tests/e2e/test_model_fit.py", "def test_it():\n    m.fit(x, y)\n"}}) == "partial");
}

TEST_CASE("testing rules: load tests") {
    // a load test script is a hint (not run per release): partial
    CHECK(suggestion("mlops", "load-latency-tests", {{"charts/load_test.sh", "for i in 1 2; do curl $2; done\n"}}) == "partial");
    // loading a test set is not a load test
    CHECK(suggestion("mlops", "load-latency-tests", {{"steps/load_test_set.py", "def load():\n    pass\n"}}) == "-");
    // a locustfile alone does not show it runs before each release; CI running it headless does
    CHECK(suggestion("mlops", "load-latency-tests", {{"locustfile.py", "from locust import HttpUser\n"}}) == "partial");
    CHECK(suggestion("mlops", "load-latency-tests", {{"locustfile.py", "from locust import HttpUser\n"},
                                                     {".github/workflows/load.yml", "on: push\njobs:\n  l:\n    steps:\n      - run: locust -f locustfile.py --headless -u 10\n"}}) ==
          "yes");
}

TEST_CASE("testing rules: CI on every change needs a check, not only a report") {
    // a pull-request workflow that only reports metrics (CML) is CI in part
    const char* cml = "on: pull_request\njobs:\n  run:\n    steps:\n      - run: |\n          dvc pull eval\n"
                      "          cml comment create report.md\n";
    CHECK(suggestion("mlops", "ci-on-every-change", {{".github/workflows/cml.yaml", cml}}) == "partial");
    CHECK(suggestion("mlops", "ci-on-every-change", {{".github/workflows/ci.yml", kPytestWorkflow}}) == "yes");
    // a pull-request job that submits the test and training job counts as running the code
    CHECK(suggestion("mlops", "ci-on-every-change", {{".github/workflows/w.yml", kScriptWorkflow}}) == "yes");
    // a push trigger filtered to tags is a release workflow: the changes between releases go unchecked (partial);
    // one filtered to the branches production is built from checks what reaches production (yes), as do pull
    // requests and every push (CRLF line ends read the same)
    const std::string steps = "      - run: pytest\n";
    CHECK(suggestion("mlops", "ci-on-every-change",
                     {{".github/workflows/r.yml",
                       "on:\n  push:\n    tags: ['*']\n  workflow_dispatch:\n"
                       "jobs:\n  t:\n    steps:\n      - run: pytest\n"}}) == "partial");
    CHECK(suggestion("mlops", "ci-on-every-change",
                     {{".github/workflows/r.yml",
                       "on: {push: {tags: [\"v*\"]}}\njobs:\n  t:\n    steps:\n      - run: pytest\n"}}) == "partial");
    // pull_request_target runs the base branch's workflow on every pull request (forks included)
    CHECK(suggestion("mlops", "ci-on-every-change",
                     {{".github/workflows/r.yml", github_workflow("pull_request_target", "t", steps)}}) == "yes");
    CHECK(suggestion("mlops", "ci-on-every-change",
                     {{".github/workflows/r.yml",
                       github_workflow("pull_request_target", "t", "      - run: echo hi\n")}}) == "partial");
    // tags and branches, in either order: the branches' pushes are checked
    CHECK(suggestion("mlops", "ci-on-every-change",
                     {{".github/workflows/r.yml",
                       "on:\n  push:\n    tags:\n      - \"v*\"\n    branches:\n      - main\n"
                       "jobs:\n  t:\n    steps:\n      - run: pytest\n"}}) == "yes");
    CHECK(suggestion("mlops", "ci-on-every-change",
                     {{".github/workflows/r.yml",
                       "on:\n  push:\n    branches: [main]\n    tags: ['*']\n"
                       "jobs:\n  t:\n    steps:\n      - run: pytest\n"}}) == "yes");
    CHECK(suggestion("mlops", "ci-on-every-change",
                     {{".github/workflows/r.yml",
                       "on:\r\n  push:\r\n    tags:\r\n      - \"v*\"\r\n"
                       "jobs:\r\n  t:\r\n    steps:\r\n      - run: pytest\r\n"}}) == "partial");
    CHECK(suggestion("mlops", "ci-on-every-change",
                     {{".github/workflows/r.yml",
                       "on:\r\n  push:\r\n    branches: [\"main\"]\r\n    paths:\r\n      - \"model.py\"\r\n"
                       "jobs:\r\n  t:\r\n    steps:\r\n      - run: pytest\r\n"}}) == "yes");
    CHECK(suggestion("mlops", "ci-on-every-change",
                     {{".github/workflows/r.yml",
                       "on:\n  push:\n    branches: [main]\n  pull_request:\n"
                       "jobs:\n  t:\n    steps:\n      - run: pytest\n"}}) == "yes");
    CHECK(suggestion("mlops", "ci-on-every-change",
                     {{".github/workflows/r.yml", github_workflow("push", "b", steps)}}) == "yes");
    // a test step commented out is no check
    CHECK(suggestion("mlops", "ci-on-every-change",
                     {{".github/workflows/ci.yml", "on: [push]\njobs:\n  t:\n    steps:\n      # - run: pytest\n      - run: echo\n"}}) ==
          "partial");
    // a GitLab job that only reports: partial; one that runs tests: yes
    CHECK(suggestion("mlops", "ci-on-every-change", {{".gitlab-ci.yml", "report:\n  script:\n    - cml comment create r.md\n"}}) ==
          "partial");
    CHECK(suggestion("mlops", "ci-on-every-change", {{".gitlab-ci.yml", "test:\n  script:\n    - pytest\n"}}) == "yes");
    // a build run only by hand: partial; a stale-issue bot or a labeler: nothing
    CHECK(suggestion("mlops", "ci-on-every-change",
                     {{".github/workflows/build.yml", "on:\n  workflow_dispatch:\njobs:\n  b:\n    steps:\n      - run: python build.py\n"}}) ==
          "partial");
    CHECK(suggestion("mlops", "ci-on-every-change",
                     {{".github/workflows/stale.yml", "on:\n  schedule:\n    - cron: '0 0 * * *'\njobs:\n  s:\n    steps:\n      - uses: actions/stale@v3\n"}}) ==
          "-");
    // Cloud Build (its trigger is outside the repository) and Prow job configs: partial
    CHECK(suggestion("mlops", "ci-on-every-change", {kGit, {"build/pipeline-deployment.yaml", kCloudBuild}}) == "partial");
    // a Cloud Build config that only builds an image may be a release script run by hand: without a check, no CI
    const char* build_only =
        "steps:\n  - name: 'gcr.io/cloud-builders/docker'\n    args: ['build', '-t', 'img', '.']\nimages:\n  - 'img'\n";
    CHECK(suggestion("mlops", "ci-on-every-change", {{"cloudbuild.yaml", build_only}}) == "-");
    CHECK(suggestion("mlops", "ci-on-every-change",
                     {{"cloudbuild.yaml",
                       "steps:\n- name: 'gcr.io/cloud-builders/docker'\n  args: ['build', '.']\n- name: python\n"
                       "  entrypoint: ruff\n  args: ['check', '.']\n"}}) == "partial");
    CHECK(suggestion("mlops", "ci-on-every-change", {{"prow_config.yaml", "workflows:\n  - name: e2e\n"}}) == "partial");
    // an Azure pipeline with no CI and no PR trigger is run by hand or by another pipeline
    CHECK(suggestion("mlops", "ci-on-every-change", {{".pipelines/cd.yml", "pr: none\ntrigger: none\nsteps:\n- script: pytest\n"}}) ==
          "partial");
    // Travis (runs on every push) running a committed script that runs the tests: yes; a script that tests
    // nothing: the CI file alone, partial
    const char* travis = "jobs:\n  include:\n    - script: .travis/flows.sh\n";
    CHECK(suggestion("mlops", "ci-on-every-change", {{".travis.yml", travis}, {".travis/flows.sh", kTestScript}}) ==
          "yes");
    CHECK(suggestion("mlops", "ci-on-every-change", {{".travis.yml", travis}, {".travis/flows.sh", "echo hi\n"}}) ==
          "partial");
    // a push workflow that builds the images with compose builds every change
    CHECK(suggestion("mlops", "ci-on-every-change",
                     {{".github/workflows/docker.yml",
                       "on:\n  push:\njobs:\n  b:\n    steps:\n      - run: docker compose build\n"}}) == "yes");
}

TEST_CASE("testing rules: lint run by a CI script") {
    const char* jenkins = "pipeline { stages { stage('t') { steps { sh './run_tests.sh' } } } }\n";
    CHECK(suggestion("mlops", "lint-precommit", {{"Jenkinsfile", jenkins}, {"run_tests.sh", "pytest test\nflake8 src\n"}}) ==
          "partial");
    CHECK(suggestion("mlops", "lint-precommit", {{"Jenkinsfile", jenkins}, {"run_tests.sh", "pytest test\n# flake8 src\n"}}) == "-");
}

TEST_CASE("testing rules: review templates, code owners of a model") {
    CHECK(suggestion("mlops", "model-code-reviewed", {{".gitlab/merge_request_templates/Default.md", "## What\n"}}) == "partial");
    CHECK(suggestion("mlops", "model-code-reviewed", {{".github/PULL_REQUEST_TEMPLATE.md", "## What\n"}}) == "partial");
    // CODEOWNERS of a repository that holds no model is not a model owner
    CHECK(suggestion("mlops", "model-owners", {{".github/CODEOWNERS", "* @team\n"}, {"build.py", "print('image')\n"}}) == "-");
    // mlops (round 25): code owners recorded beside model code are the help's yes; mlops-ct's help asks for a list
    // that is current too, which a file cannot show, so it stays partial there
    CHECK(suggestion("mlops", "model-owners",
                     {{".github/CODEOWNERS", "* @team\n"}, {"src/train.py", "model.fit(X, y)\n"}}) == "yes");
    CHECK(suggestion("mlops-ct", "named-model-owner", {{".github/CODEOWNERS", "* @team\n"}, {"build.py", "print('image')\n"}}) ==
          "-");
    CHECK(suggestion("mlops-ct", "named-model-owner", {{".github/CODEOWNERS", "* @team\n"}, {"src/train.py", "model.fit(X, y)\n"}}) ==
          "partial");
}

TEST_CASE("testing rules: code in version control needs the team's code") {
    // a book or docs site in git (a .gitignore, notebooks, docs) holds no team code
    CHECK(suggestion("mlops", "code-in-vcs", {{".gitignore", "*.pyc\n"}, {"notebooks/helpers.py", "x = 1\n"},
                                              {"notebooks/01.ipynb", "{}"}, {"README.md", "# Book\n"}}) == "-");
    CHECK(suggestion("mlops-org", "code-in-version-control", {{".gitignore", "*.pyc\n"}, {"docs/index.md", "# Docs\n"}}) == "-");
    // a project whose .gitignore ignores itself still has .git; code at the root or in a package counts
    CHECK(suggestion("mlops", "code-in-vcs", {{".git/HEAD", "ref: refs/heads/main\n"}, {"train.py", "print(1)\n"}}) == "partial");
    CHECK(suggestion("mlops", "code-in-vcs", {{".gitignore", "data/\n"}, {"pkg/__init__.py", ""}}) == "partial");
    CHECK(suggestion("mlops-org", "code-in-version-control", {{".gitignore", "data/\n"}, {"setup.py", "setup()\n"}}) == "partial");
    // a project kept one or two directories down (deploying/model_package/setup.py, a package three deep) counts
    CHECK(suggestion("mlops", "code-in-vcs",
                     {{".gitignore", "*.pyc\n"}, {"deploying/model_package/setup.py", "setup()\n"}}) == "partial");
    CHECK(suggestion("mlops", "code-in-vcs", {{".gitignore", "*.pyc\n"}, {"deploying/pkg/model/__init__.py", ""}}) ==
          "partial");
    // a docs site's conf.py or an example folder's notebooks are still no project
    CHECK(suggestion("mlops", "code-in-vcs",
                     {{".gitignore", "_build/\n"}, {"docs/source/conf.py", "project = 'x'\n"}}) == "-");
}

TEST_CASE("testing rules: a project template shows a template, not the normal way to start") {
    CHECK(suggestion("mlops", "project-template", {{"cookiecutter.json", "{}"}}) == "partial");
    CHECK(suggestion("mlops", "project-template", {{"copier.yml", "a: 1\n"}}) == "partial");
    CHECK(suggestion("mlops", "project-template", {{"README.md", "# x\n"}}) == "-");
    CHECK(suggestion("mlops-ct", "shared-pipeline-templates", {{"cookiecutter.json", "{}"}}) == "partial");
}

TEST_CASE("testing rules: review findings on the held-out 4 rules (each a case the first version got wrong)") {
    // an API test that loads the trained model does not train
    CHECK(suggestion("mlops", "pipeline-integration-test",
                     {{"tests/integration/test_api.py",
                       "from app.model import load_trained_model\nMODEL = 'models/trained_model.pkl'\n"}}) == "-");
    // a dev container, a Binder image or a docs build's pyproject is tooling, not the team's code
    CHECK(suggestion("mlops", "code-in-vcs",
                     {{".gitignore", "*.pyc\n"},
                      {".devcontainer/Dockerfile", "FROM python\n"},
                      {"notebooks/a.ipynb", "{}"}}) == "-");
    CHECK(suggestion("mlops", "code-in-vcs", {{".gitignore", "*.pyc\n"}, {"binder/Dockerfile", "FROM python\n"}}) ==
          "-");
    CHECK(suggestion("mlops", "code-in-vcs",
                     {{".gitignore", "*.pyc\n"}, {"docs/source/pyproject.toml", "[project]\n"}}) == "-");
    // a file named for Cloud Build that runs tests with another image, YAML or JSON, is CI in part
    CHECK(suggestion("mlops", "ci-on-every-change",
                     {{"cloudbuild.yaml", "steps:\n- name: python:3.11\n  entrypoint: pytest\n"}}) == "partial");
    CHECK(suggestion("mlops", "ci-on-every-change",
                     {{"cloudbuild-ci.json", "{\"steps\": [{\"name\": \"python\", \"entrypoint\": \"pytest\"}]}\n"}}) ==
          "partial");
}

TEST_CASE("testing rules, round 8: lint enforced by CI, not by hooks alone nor by steps allowed to fail") {
    CHECK(suggestion("mlops", "lint-precommit",
                     {{".github/workflows/ci.yml",
                       github_workflow("push", "lint",
                                       "      - run: ruff check .\n      - run: ruff format --check .\n")}}) == "yes");
    // a linter alone, or a formatter alone, is half of "a linter and formatter" (round 10)
    CHECK(suggestion("mlops", "lint-precommit",
                     {{".github/workflows/ci.yml", github_workflow("push", "lint", "      - run: ruff check .\n")}}) ==
          "partial");
    CHECK(suggestion("mlops", "lint-precommit",
                     {{".github/workflows/lint.yml",
                       github_workflow("push", "lint", "      - uses: psf/black@stable\n")}}) == "partial");
    // a step allowed to fail blocks nothing
    CHECK(suggestion(
              "mlops", "lint-precommit",
              {{".github/workflows/ci.yml",
                github_workflow("push", "lint", "      - run: black --check .\n        continue-on-error: true\n")}}) ==
          "partial");
    // task runners' lint and check tasks
    CHECK(suggestion("mlops", "lint-precommit",
                     {{".github/workflows/ci.yml",
                       github_workflow("push", "lint", "      - run: mise run check\n")}}) == "yes");
    CHECK(suggestion("mlops", "lint-precommit", {{".gitlab-ci.yml", "lint:\n  script:\n    - tox -e lint\n"}}) ==
          "yes");
    // installing pre-commit, then a step's `run:` on the next line, is no `pre-commit run`
    CHECK(suggestion("mlops", "lint-precommit",
                     {{".github/workflows/update.yml", github_workflow("push", "lint",
                                                                       "      - name: Install pre-commit\n"
                                                                       "        run: pip install pre-commit\n"
                                                                       "      - run: pre-commit autoupdate\n")}}) ==
          "-");
    CHECK(suggestion("mlops", "lint-precommit",
                     {{".github/workflows/ci.yml",
                       github_workflow("push", "lint", "      - run: pre-commit run --all-files\n")}}) == "yes");
}

TEST_CASE("testing rules: review of round 8 lint (each a case the first version got wrong)") {
    // installing linters, or naming one in a step's name, runs nothing
    CHECK(suggestion(
              "mlops", "lint-precommit",
              {{".github/workflows/ci.yml",
                github_workflow("pull_request", "ci",
                                "      - name: Lint with ruff\n        run: pip install -r requirements.txt ruff mypy\n"
                                "      - run: pytest\n")}}) == "-");
    // another step allowed to fail (an upload) does not make the lint step optional
    CHECK(suggestion(
              "mlops", "lint-precommit",
              {{".github/workflows/ci.yml",
                github_workflow("pull_request", "ci",
                                "      - run: ruff check .\n      - run: black --check .\n      - run: pytest --cov\n"
                                "      - run: echo one\n"
                                "      - run: echo two\n      - uses: codecov/codecov-action@v4\n"
                                "        continue-on-error: true\n")}}) == "yes");
    // the same when continue-on-error comes before the lint command in its step
    CHECK(suggestion("mlops", "lint-precommit",
                     {{".github/workflows/ci.yml",
                       github_workflow(
                           "pull_request", "ci",
                           "      - name: style\n        continue-on-error: true\n        run: ruff check .\n")}}) ==
          "partial");
    // a multi-line run block and an environment list
    CHECK(suggestion("mlops", "lint-precommit",
                     {{".github/workflows/ci.yml",
                       github_workflow("pull_request", "ci",
                                       "      - run: |\n          pip install ruff\n          ruff check .\n"
                                       "          ruff format --check .\n")}}) == "yes");
    CHECK(suggestion("mlops", "lint-precommit", {{".gitlab-ci.yml", "lint:\n  script:\n    - tox -e py311,lint\n"}}) ==
          "yes");
}

TEST_CASE("testing rules: a test that fails below a metric bound, run by CI, gates each model") {
    const char* bound = "def test_accuracy(trained):\n    accuracy = score(trained)\n    assert accuracy > 0.9\n";
    const char* ci = "jobs:\n  test_model:\n    steps:\n      - run: tox -e test_package\n";
    CHECK(suggestion("mlops", "model-validation-gate",
                     {{"model_package/tests/test_prediction.py", bound}, {".circleci/config.yml", ci}}) == "yes");
    CHECK(suggestion("mlops", "model-validation-gate", {{"model_package/tests/test_prediction.py", bound}}) ==
          "partial");
    // a shape check is no quality bound, and a bound outside tests is a script's own business (other rules judge it)
    CHECK(suggestion("mlops", "model-validation-gate",
                     {{"tests/test_predict.py", "def test_shape():\n    assert len(preds) > 0\n"},
                      {".circleci/config.yml", ci}}) == "-");
    CHECK(suggestion("mlops", "model-validation-gate", {{"tests/test_x.py", "# assert accuracy > 0.9\n"}}) == "-");
}

TEST_CASE("testing rules: a challenger compared with the champion's metric before it replaces it") {
    CHECK(suggestion("mlops", "model-validation-gate",
                     {{"src/training/evaluate.py",
                       "champ_f1 = f1_score(y, champ_preds)\nis_better = chall_f1 > champ_f1\n"}}) == "yes");
    CHECK(suggestion("mlops", "model-validation-gate",
                     {{"src/training/evaluate.py", "champ_f1 = f1_score(y, champ_preds)\n"}}) == "-");
}

TEST_CASE("testing rules: a test's subject is the first words of its name, not any word in it") {
    // sciencebeam-airflow's DAG tests and uk-pvnet-app's data tests were read as model and training tests
    CHECK(suggestion("mlops", "model-code-tests",
                     {{"tests/dags_test.py", "def test_should_include_train_limit(self):\n"}}) == "-");
    CHECK(suggestion("mlops", "model-code-tests", {{"tests/test_sat.py", "def test_run_nan_in_sat_data(sat):\n"}}) ==
          "-");
    CHECK(suggestion("mlops", "training-code-tested",
                     {{"tests/test_app.py", "def test_get_scores_unsupported_features(c):\n"}}) == "-");
    CHECK(suggestion("mlops", "data-schema",
                     {{"tests/test_sat.py", "def test_interpolate_missing_satellite_timestamps():\n"}}) == "-");
    // the subject, alone or after the model it belongs to or a checking verb
    CHECK(suggestion("mlops", "model-code-tests", {{"tests/test_net.py", "def test_network_forward_shape():\n"}}) ==
          "partial");
    CHECK(suggestion("mlops", "model-code-tests", {{"tests/test_model.py", "def test_model_loss():\n"}}) == "partial");
    CHECK(suggestion("mlops", "training-code-tested", {{"tests/test_fit.py", "def test_pipeline_fit_saves(tmp):\n"}}) ==
          "partial");
    CHECK(suggestion("mlops", "data-schema", {{"data/data_test.py", "def test_check_schema():\n"}}) == "partial");
    // a cleaning step's test (it fills or drops values) checks no schema
    CHECK(suggestion("mlops", "data-schema", {{"tests/test_clean.py", "def test_fill_missing_values():\n"}}) == "-");
    // a test of something missing (a request field, a synopsis) checks no data schema; nor a NaN written as JSON
    // checks the model's numbers
    CHECK(suggestion("mlops", "data-schema",
                     {{"tests/test_model.py", "def test_missing_input_raises_invalid_input(self, model):\n"}}) == "-");
    CHECK(suggestion("mlops", "data-schema", {{"tests/test_preprocess.py", "def test_missing_synopsis():\n"}}) == "-");
    CHECK(suggestion("mlops", "data-schema", {{"tests/test_data.py", "def test_nulls_in_label_column():\n"}}) ==
          "partial");
    CHECK(suggestion("mlops", "model-code-tests", {{"tests/test_api.py", "def test_nan_in_json(self):\n"}}) == "-");
    CHECK(suggestion("mlops", "model-code-tests", {{"tests/test_model.py", "def test_no_nan_in_loss():\n"}}) ==
          "partial");
    CHECK(suggestion("mlops", "model-code-tests", {{"tests/test_model.py", "def test_nans_in_gradients():\n"}}) ==
          "partial");
}

TEST_CASE("testing rules: a make target named for tests, and an organisation's reusable CI workflow, run the tests") {
    // sciencebeam-airflow's Jenkinsfile: a variable before the target, a target whose name ends in "test"
    CHECK(suggestion("mlops", "unit-tests-ci",
                     {{"Jenkinsfile",
                       "node { stage 'Build and run tests', { sh \"make IMAGE_TAG=${commit} ci-build-and-test\" } }\n"},
                      {"tests/dag_test.py", kTest}}) == "yes");
    CHECK(suggestion("mlops", "unit-tests-ci",
                     {{"Jenkinsfile", "node { stage 'Build', { sh \"make IMAGE_TAG=${commit} ci-build\" } }\n"},
                      {"tests/dag_test.py", kTest}}) == "partial");
    // uk-pvnet-app: push and pull-request CI is the organisation's reusable workflow
    const char* reusable =
        "on:\n  push:\n    branches-ignore: ['main']\n  pull_request:\njobs:\n  branch-ci:\n"
        "    uses: openclimatefix/.github/.github/workflows/nondefault_branch_push_ci_python.yml@main\n";
    CHECK(suggestion("mlops", "unit-tests-ci",
                     {{".github/workflows/branch_ci.yml", reusable}, {"tests/test_app.py", kTest}}) == "yes");
    CHECK(suggestion("mlops", "ci-on-every-change", {{".github/workflows/branch_ci.yml", reusable}}) == "yes");
    // a reusable workflow that replies to issue comments checks nothing
    const char* bot =
        "on:\n  pull_request:\njobs:\n  reply:\n"
        "    uses: openclimatefix/.github/.github/workflows/internal-issue-comment.yml@main\n";
    CHECK(suggestion("mlops", "unit-tests-ci", {{".github/workflows/reply.yml", bot}, {"tests/test_app.py", kTest}}) ==
          "partial");
}

TEST_CASE("testing rules: review of round 11 (each a case the first version got wrong)") {
    // a word further on in a test's name is no subject, with CI too
    CHECK(suggestion("mlops", "training-code-tested",
                     {{".github/workflows/ci.yml", kPytestWorkflow},
                      {"tests/test_sat.py", "def test_should_include_train_limit():\n"}}) == "-");
    // a metric helper's range and a response's length are no quality bound
    CHECK(suggestion("mlops", "model-validation-gate",
                     {{".github/workflows/ci.yml", kPytestWorkflow},
                      {"tests/test_metrics.py", "score = weighted_f1(a, b)\nassert 0 <= score <= 1\n"}}) == "-");
    CHECK(suggestion("mlops", "model-validation-gate",
                     {{".github/workflows/ci.yml", kPytestWorkflow},
                      {"tests/test_api.py", "assert len(scores) > 0\n"}}) == "-");
    // a metric above zero only says it was computed: no bound a model could fail
    CHECK(suggestion("mlops", "model-validation-gate",
                     {{".github/workflows/ci.yml", kPytestWorkflow}, {"tests/test_model.py", "assert f1 > 0\n"}}) ==
          "-");
    CHECK(suggestion("mlops", "model-validation-gate",
                     {{".github/workflows/ci.yml", kPytestWorkflow},
                      {"tests/test_model.py", "assert metrics['f1'] >= 0.8\n"}}) == "yes");
    // a game's or an election's numbers are no challenger against a champion
    CHECK(suggestion("mlops", "model-validation-gate", {{"src/features.py", "hot = games.champ_win_score > 0.55\n"}}) ==
          "-");
    // make targets: a test or check segment, not a word that contains one
    auto make_step = [](const char* command) {
        return std::string("on: [push]\njobs:\n  b:\n    steps:\n      - run: ") + command + "\n";
    };
    for (const char* no : {"make typecheck", "make docker-push-latest", "make download-checkpoint"})
        CHECK(suggestion("mlops", "unit-tests-ci",
                         {{".github/workflows/b.yml", make_step(no)}, {"tests/test_f.py", kTest}}) == "partial");
    for (const char* yes :
         {"make IMAGE_TAG=\"${{ github.sha }}\" ci-build-and-test", "make -C training test", "make unittest"})
        CHECK(suggestion("mlops", "unit-tests-ci",
                         {{".github/workflows/b.yml", make_step(yes)}, {"tests/test_f.py", kTest}}) == "yes");
    // a reusable workflow that builds docs or checks PR titles runs no tests
    for (const char* no :
         {"acme/.github/.github/workflows/docs-ci.yml@main", "acme/.github/.github/workflows/pr-title-checks.yml@main"})
        CHECK(suggestion(
                  "mlops", "unit-tests-ci",
                  {{".github/workflows/r.yml", std::string("on: [pull_request]\njobs:\n  r:\n    uses: ") + no + "\n"},
                   {"tests/test_f.py", kTest}}) == "partial");
}

TEST_CASE("testing rules (held-out 9): schema tests about data, behavioural suites, scanners that scan") {
    // data-schema: `schema` names an API's or a configuration's too, and `null` any value; only tests about data
    CHECK(suggestion("mlops", "data-schema",
                     {{"src/documents/tests/test_api_schema.py", "    def test_schema_includes_endpoints(self):\n"}}) ==
          "-");
    CHECK(suggestion("mlops", "data-schema",
                     {{"app/tests/test_importer.py", "    def test_null_fk_stored_as_none(self):\n"}}) == "-");
    CHECK(suggestion("mlops", "data-schema",
                     {{"graphs/tests/edges/test_knn.py", "def test_schema_validates_mutual_knn():\n"}}) == "-");
    CHECK(suggestion("mlops", "data-schema",
                     {{"src/data/tests/test_load.py", "def test_schema_of_raw_listens():\n"}}) == "partial");
    CHECK(suggestion("mlops", "data-schema", {{"tests/test_dataset.py", "def test_columns_present():\n"}}) ==
          "partial");
    // a Spark schema declared in a schema module: types and nullability (partial); not in a test
    const char* spark =
        "from pyspark.sql.types import StructType, StructField, StringType\n"
        "listens = StructType([StructField('user_id', StringType(), nullable=False)])\n";
    CHECK(suggestion("mlops", "data-schema", {{"listenbrainz_spark/schema.py", spark}}) == "partial");
    CHECK(suggestion("mlops", "data-schema", {{"listenbrainz_spark/tests/test_schema.py", spark}}) == "-");
    CHECK(suggestion("mlops", "data-schema", {{"listenbrainz_spark/io.py", spark}}) == "-");

    // behavioural-tests: CheckList's words in a behavioural suite, or as a test's whole name
    CHECK(suggestion("mlops", "behavioural-tests",
                     {{"graphs/tests/edges/test_edge_attributes.py", "def test_directional_features(graph):\n"}}) ==
          "-");
    CHECK(suggestion("mlops", "behavioural-tests",
                     {{"tests/test_api.py", "def test_expanded_directional_and_trend_figures():\n"}}) == "-");
    CHECK(suggestion("mlops", "behavioural-tests", {{"tests/unit/test_loss.py", "def test_grid_invariance():\n"}}) ==
          "-");
    CHECK(suggestion("mlops", "behavioural-tests",
                     {{"tests/behavioural/test_sentiment.py", "def test_negation_invariance(model):\n"}}) == "yes");
    CHECK(suggestion("mlops", "behavioural-tests", {{"tests/test_model.py", "def test_directional(model):\n"}}) ==
          "yes");
    CHECK(suggestion("mlops", "behavioural-tests", {{"tests/test_model.py", "def test_mft(model):\n"}}) == "yes");

    // dependency-scanning: Dependabot's version updates scan nothing; a scanner run by a hook or a task is partial
    const char* dependabot = "version: 2\nupdates:\n  - package-ecosystem: pip\n    directory: /\n";
    CHECK(suggestion("mlops", "dependency-scanning", {{".github/dependabot.yml", dependabot}}) == "-");
    CHECK(suggestion("mlops", "dependency-scanning", {{"renovate.json", "{\"extends\": [\"config:base\"]}\n"}}) == "-");
    CHECK(suggestion("mlops", "dependency-scanning",
                     {{"renovate.json", "{\"vulnerabilityAlerts\": {\"enabled\": true}}\n"}}) == "partial");
    CHECK(suggestion("mlops", "dependency-scanning",
                     {{".pre-commit-config.yaml",
                       "repos:\n  - repo: https://github.com/mxab/pre-commit-trivy.git\n    hooks:\n"
                       "      - id: trivyfs-docker\n"}}) == "partial");
    CHECK(suggestion("mlops", "dependency-scanning",
                     {{"mise.toml", "[tasks.\"check:vuln\"]\nrun = \"uv run pip-audit\"\n"}}) == "partial");
    CHECK(suggestion("mlops", "dependency-scanning", {{"Makefile", "# audit:\n#\tpip-audit\n"}}) == "-");
    CHECK(suggestion("mlops", "dependency-scanning", {{"mise.toml", "[tools]\ntrivy = \"latest\"\n"}}) == "-");
    CHECK(suggestion("mlops", "dependency-scanning",
                     {{".github/workflows/ci.yml", "on: push\njobs:\n  a:\n    steps:\n      - run: pip-audit\n"}}) ==
          "yes");
}

TEST_CASE("platform rules (held-out 9): one kind of secret found by a hook, Scorecard's vulnerability check") {
    const char* hooks =
        "repos:\n  - repo: https://github.com/pre-commit/pre-commit-hooks\n    hooks:\n"
        "      - id: detect-private-key\n";
    CHECK(suggestion("mlops", "secret-scanning", {{".pre-commit-config.yaml", hooks}}) == "partial");
    CHECK(suggestion("mlops", "secret-scanning",
                     {{".pre-commit-config.yaml",
                       "repos:\n  - repo: x\n    hooks:\n      # - id: detect-private-key\n"}}) == "-");
    CHECK(suggestion("mlops", "secret-scanning",
                     {{".pre-commit-config.yaml",
                       "repos:\n  - repo: https://github.com/gitguardian/ggshield\n"
                       "    hooks:\n      - id: ggshield\n"}}) == "yes");
    CHECK(suggestion("mlops", "dependency-scanning",
                     {{".github/workflows/scorecard.yml",
                       "on: push\njobs:\n  a:\n    steps:\n      - uses: ossf/scorecard-action@v2.4.0\n"}}) ==
          "partial");
    CHECK(suggestion("mlops", "dependency-scanning",
                     {{".github/workflows/scorecard.yml",
                       "on: push\njobs:\n  a:\n    steps:\n      # - uses: ossf/scorecard-action@v2.4.0\n"}}) == "-");
}

TEST_CASE("rules (review of round 20): a database is no dataset, alerts turned off scan nothing, a task runs") {
    CHECK(suggestion("mlops", "data-schema", {{"tests/test_database.py", "def test_schema_created(db):\n"}}) == "-");
    CHECK(suggestion("mlops", "data-schema", {{"tests/test_data_loading.py", "def test_schema_of_rows():\n"}}) ==
          "partial");
    CHECK(suggestion("mlops", "dependency-scanning",
                     {{"renovate.json",
                       "{\"vulnerabilityAlerts\": {\"enabled\": false}, "
                       "\"osvVulnerabilityAlerts\": false}\n"}}) == "-");
    CHECK(suggestion("mlops", "dependency-scanning", {{"renovate.json", "{\"osvVulnerabilityAlerts\": true}\n"}}) ==
          "partial");
    // a scanner listed as a dependency runs nothing; as a task's command it runs
    CHECK(suggestion("mlops", "dependency-scanning",
                     {{"pyproject.toml", "[dependency-groups]\ndev = [\"pip-audit>=2.6\"]\n"}}) == "-");
    CHECK(suggestion("mlops", "dependency-scanning",
                     {{"pyproject.toml", "[tool.poe.tasks]\naudit = \"pip-audit --strict\"\n"}}) == "partial");
}

TEST_CASE("testing rules, round 21: an app test is named for predicting or the API as a word, not inside another") {
    // "undescore", "graph_scores" and "log_prob_scorer" hold the letters of "score" without being a prediction test
    for (const char* name : {"test_extra_undescore_removal", "test_graph_scores_match", "test_log_prob_scorer",
                             "test_apical_dendrite", "test_scores"}) {
        CAPTURE(name);
        CHECK(suggestion("mlops", "app-unit-tests",
                         {{"tests/test_x.py", std::string("def ") + name + "():\n    pass\n"}}) == "-");
    }
    for (const char* name : {"test_predict", "test_predict_soc_and_title", "test_batch_predictions", "test_api",
                             "test_scoring_endpoint", "test_predictor_loads"}) {
        CAPTURE(name);
        CHECK(suggestion("mlops", "app-unit-tests",
                         {{"tests/test_x.py", std::string("def ") + name + "():\n    pass\n"}}) == "partial");
    }
}

TEST_CASE("testing rules, round 21: pre-commit.ci runs the hooks on every pull request") {
    const char* hooks =
        "repos:\n  - repo: https://github.com/astral-sh/ruff-pre-commit\n    hooks:\n      - id: ruff\n";
    // a `ci:` section is read by pre-commit.ci alone: with a linter among the hooks, CI enforces it
    CHECK(suggestion("mlops", "lint-precommit",
                     {{".pre-commit-config.yaml", std::string(hooks) + "ci:\n  autoupdate_schedule: monthly\n"}}) ==
          "yes");
    // the hooks alone run only where a developer installed them
    CHECK(suggestion("mlops", "lint-precommit", {{".pre-commit-config.yaml", hooks}}) == "partial");
    // pre-commit.ci running whitespace hooks enforces no linter
    CHECK(suggestion("mlops", "lint-precommit",
                     {{".pre-commit-config.yaml",
                       "repos:\n  - repo: https://github.com/pre-commit/pre-commit-hooks\n    hooks:\n"
                       "      - id: trailing-whitespace\nci:\n  autofix_prs: true\n"}}) == "partial");
    // a commented-out section is not one
    CHECK(suggestion("mlops", "lint-precommit",
                     {{".pre-commit-config.yaml", std::string(hooks) + "# ci:\n#   autofix_prs: true\n"}}) ==
          "partial");
}

TEST_CASE("testing rules, round 21: R's and Ruby's test runners and test files") {
    const char* rspec = "RSpec.describe AnswerComposition::Composer do\n  it \"composes an answer\" do\n  end\nend\n";
    const char* testthat = "test_that(\"Minimal model fit runs\", {\n  expect_s3_class(fit, \"epinow\")\n})\n";
    // RSpec through bundler or rake, R CMD check, testthat through covr: CI runs the tests
    for (const char* run : {"bundle exec rake spec", "bundle exec rspec", "rails test", "R CMD check --as-cran .",
                            "Rscript -e 'covr::package_coverage()'", "Rscript -e 'devtools::test()'"}) {
        CAPTURE(run);
        CHECK(suggestion("mlops", "unit-tests-ci",
                         {{".github/workflows/ci.yml",
                           github_workflow("pull_request", "test", std::string("      - run: ") + run + "\n")},
                          {"spec/lib/composer_spec.rb", rspec},
                          {"tests/testthat/test-fit_model.R", testthat}}) == "yes");
    }
    CHECK(suggestion("mlops", "unit-tests-ci",
                     {{".github/workflows/check.yml",
                       github_workflow("pull_request", "check", "      - uses: r-lib/actions/check-r-package@v2\n")},
                      {"tests/testthat/test-fit_model.R", testthat}}) == "yes");
    // the test files alone run nowhere: partial, as for pytest files
    CHECK(suggestion("mlops", "unit-tests-ci", {{"spec/lib/composer_spec.rb", rspec}}) == "partial");
    CHECK(suggestion("mlops", "unit-tests-ci", {{"tests/testthat/test-fit_model.R", testthat}}) == "partial");
    // a spec file with no example, or a helper beside the tests, is no test
    CHECK(suggestion("mlops", "unit-tests-ci", {{"spec/spec_helper.rb", "RSpec.configure do |c|\nend\n"}}) == "-");
    CHECK(suggestion("mlops", "unit-tests-ci", {{"tests/testthat/helper-data.R", testthat}}) == "-");
}

TEST_CASE("testing rules, round 21: a workflow that calls a local reusable test workflow runs the tests") {
    const std::string caller =
        "on:\n  pull_request:\n    branches: [main]\njobs:\n  test:\n    uses: "
        "./.github/workflows/test-coverage.yaml\n";
    CHECK(suggestion("mlops", "ci-on-every-change", {{".github/workflows/ci.yaml", caller}}) == "yes");
    CHECK(suggestion("mlops", "ci-on-every-change",
                     {{".github/workflows/ci.yaml",
                       "on:\n  pull_request:\njobs:\n  test:\n    uses: ./.github/workflows/rspec.yml\n"}}) == "yes");
    // a workflow that only lists the test workflow among the paths it ignores calls nothing
    CHECK(suggestion("mlops", "ci-on-every-change",
                     {{".github/workflows/docs.yaml",
                       "on:\n  pull_request:\n    paths-ignore:\n      - .github/workflows/test-coverage.yaml\n"
                       "jobs:\n  docs:\n    steps:\n      - run: echo docs\n"}}) == "partial");
}

TEST_CASE("testing rules, round 21: RuboCop, lintr and reusable lint workflows") {
    // RuboCop and Standard check style and layout together: a linter and a formatter in one
    CHECK(suggestion("mlops", "lint-precommit",
                     {{".github/workflows/ci.yml",
                       github_workflow("pull_request", "lint", "      - run: bundle exec rubocop\n")}}) == "yes");
    CHECK(suggestion("mlops", "lint-precommit",
                     {{".github/workflows/ci.yml",
                       "on: [pull_request]\njobs:\n  lint:\n    uses: "
                       "alphagov/govuk-infrastructure/.github/workflows/rubocop.yml@main\n"}}) == "yes");
    // a reusable workflow named for linting, or lintr alone, is a linter without a formatter: partial
    CHECK(
        suggestion("mlops", "lint-precommit",
                   {{".github/workflows/ci.yml",
                     "on: [pull_request]\njobs:\n  lint:\n    uses: org/ci/.github/workflows/lint-python.yml@v1\n"}}) ==
        "partial");
    CHECK(suggestion("mlops", "lint-precommit",
                     {{".github/workflows/lint.yml",
                       github_workflow("pull_request", "lint",
                                       "      - run: Rscript -e 'lintr::lint_package()'\n")}}) == "partial");
    // pre-commit.ci with lintr among the hooks
    CHECK(suggestion(
              "mlops", "lint-precommit",
              {{".pre-commit-config.yaml",
                "repos:\n-   repo: https://github.com/lorenzwalthert/precommit\n    hooks:\n    -   id: lintr\nci:\n"
                "    autoupdate_schedule: monthly\n"}}) == "yes");
    // RuboCop named in a comment runs nothing
    CHECK(suggestion("mlops", "lint-precommit",
                     {{".github/workflows/ci.yml",
                       github_workflow("pull_request", "lint", "      # - run: bundle exec rubocop\n")}}) == "-");
}

TEST_CASE("testing rules, round 21: bundler's and GitHub's dependency reviews scan dependencies") {
    CHECK(suggestion("mlops", "dependency-scanning",
                     {{".github/workflows/ci.yml",
                       "on: [pull_request]\njobs:\n  deps:\n    uses: "
                       "alphagov/govuk-infrastructure/.github/workflows/dependency-review.yml@main\n"}}) == "yes");
    CHECK(suggestion("mlops", "dependency-scanning",
                     {{".github/workflows/ci.yml",
                       github_workflow("pull_request", "audit", "      - run: bundle audit check --update\n")}}) ==
          "yes");
    // CodeQL and Brakeman scan the code, not its dependencies
    CHECK(suggestion(
              "mlops", "dependency-scanning",
              {{".github/workflows/ci.yml",
                "on: [pull_request]\njobs:\n  codeql:\n    uses: "
                "alphagov/govuk-infrastructure/.github/workflows/codeql-analysis.yml@main\n"
                "  brakeman:\n    uses: alphagov/govuk-infrastructure/.github/workflows/brakeman.yml@main\n"}}) == "-");
}

TEST_CASE("testing rules, round 21: a GitLab job that waits for a person runs no test on a change") {
    const char* manual_after =
        "test:\n    stage: test\n    script:\n        - coverage run -m pytest\n    when: manual\n";
    const char* manual_before = "test:\n  when: manual\n  script:\n    - pytest\n";
    const char* automatic =
        "test:\n  stage: test\n  script:\n    - pytest\n\ndeploy:\n  script:\n    - ./deploy.sh\n  when: manual\n";
    const char* tests = "def test_bins():\n    assert get_bins([1])\n";
    for (const char* ci : {manual_after, manual_before}) {
        CAPTURE(ci);
        CHECK(suggestion("mlops", "unit-tests-ci", {{".gitlab-ci.yml", ci}, {"tests/test_bins.py", tests}}) ==
              "partial");
        CHECK(suggestion("mlops", "ci-on-every-change", {{".gitlab-ci.yml", ci}}) == "partial");
    }
    // a manual deploy job after an automatic test job leaves the tests running on every push
    CHECK(suggestion("mlops", "unit-tests-ci", {{".gitlab-ci.yml", automatic}, {"tests/test_bins.py", tests}}) ==
          "yes");
    CHECK(suggestion("mlops", "ci-on-every-change", {{".gitlab-ci.yml", automatic}}) == "yes");
}

TEST_CASE("testing rules, round 21: Taskcluster's .taskcluster.yml is a CI pipeline") {
    const char* tc =
        "version: 1\ntasks:\n  - taskId: tests\n    payload:\n      command:\n        - \"/bin/bash\"\n"
        "        - \"-lcx\"\n        - \"uv run pytest --cov=./ tests/test_*.py\"\n";
    const char* test = "def test_trainer():\n    assert train(tiny) is not None\n";
    CHECK(suggestion("mlops", "unit-tests-ci", {{".taskcluster.yml", tc}, {"tests/test_trainer.py", test}}) == "yes");
    CHECK(suggestion("mlops", "ci-on-every-change", {{".taskcluster.yml", tc}}) == "yes");
    // the same file anywhere else is no CI configuration
    CHECK(suggestion("mlops", "unit-tests-ci", {{"docs/taskcluster.yml", tc}, {"tests/test_trainer.py", test}}) ==
          "partial");
}

TEST_CASE("testing rules, round 22: JVM, .NET, Julia and Rust test files and their runners") {
    const std::vector<std::pair<const char*, const char*>> test_files = {
        {"src/test/java/org/acme/ScorerTest.java",
         "class ScorerTest {\n    @Test\n    void scoresAnEvent() {\n        assertEquals(1, scorer.score(e));\n    "
         "}\n}\n"},
        {"src/test/kotlin/org/acme/FeaturesTests.kt",
         "class FeaturesTests {\n    @Test\n    fun buildsFeatures() {}\n}\n"},
        {"src/test/scala/org/acme/ScorerSpec.scala",
         "class ScorerSpec extends AnyFlatSpec {\n  \"A scorer\" should \"score an event\" in {\n  }\n}\n"},
        {"Acme.Tests/ScorerTests.cs",
         "public class ScorerTests\n{\n    [Fact]\n    public void ScoresAnEvent() {}\n}\n"},
        {"test/runtests.jl", "using Test\n@testset \"features\" begin\n    @test featurize(x) == y\nend\n"},
        {"tests/scoring.rs", "#[test]\nfn scores_an_event() {\n    assert_eq!(score(&e), 1.0);\n}\n"},
    };
    for (const auto& [path, text] : test_files) {
        CAPTURE(path);
        // the test files alone run nowhere: partial
        CHECK(suggestion("mlops", "unit-tests-ci", {{path, text}}) == "partial");
    }
    // each language's runner in CI runs them
    const std::vector<std::pair<const char*, const char*>> runs = {
        {"./mvnw -B verify", "src/test/java/org/acme/ScorerTest.java"},
        {"sbt +test", "src/test/scala/org/acme/ScorerSpec.scala"},
        {"sbt clean coverage test", "src/test/scala/org/acme/ScorerSpec.scala"},
        {"julia --project -e 'using Pkg; Pkg.test()'", "test/runtests.jl"},
        {"dotnet test Acme.sln", "Acme.Tests/ScorerTests.cs"},
        {"cargo test --all", "tests/scoring.rs"},
    };
    for (const auto& [run, path] : runs) {
        CAPTURE(run);
        std::string text;
        for (const auto& [p, t] : test_files) {
            if (std::string(p) == path) text = t;
        }
        CHECK(suggestion("mlops", "unit-tests-ci",
                         {{".github/workflows/ci.yml",
                           github_workflow("pull_request", "test", std::string("      - run: ") + run + "\n")},
                          {path, text}}) == "yes");
    }
    CHECK(suggestion("mlops", "unit-tests-ci",
                     {{".github/workflows/ci.yml",
                       github_workflow("pull_request", "test", "      - uses: julia-actions/julia-runtest@v1\n")},
                      {"test/runtests.jl", "@testset \"x\" begin\n  @test f(1) == 2\nend\n"}}) == "yes");
    // Maven's quickstart archetype writes a test that asserts true: a placeholder, not a test of the code
    CHECK(suggestion("mlops", "unit-tests-ci",
                     {{"src/test/java/com/example/AppTest.java",
                       "public class AppTest {\n    @Test\n    public void shouldAnswerWithTrue()\n    {\n"
                       "        assertTrue( true );\n    }\n}\n"}}) == "-");
    // a Java class named for tests outside src/test/ is application code; Rust's unit tests live beside the code
    CHECK(suggestion("mlops", "unit-tests-ci", {{"src/main/java/org/acme/LoadTest.java", "class LoadTest {}\n"}}) ==
          "-");
    CHECK(suggestion("mlops", "unit-tests-ci",
                     {{"src/scoring.rs", "#[cfg(test)]\nmod tests {\n    #[test]\n    fn scores() {}\n}\n"}}) ==
          "partial");
    // `sbt assembly` builds, it tests nothing
    CHECK(suggestion(
              "mlops", "unit-tests-ci",
              {{".github/workflows/ci.yml", github_workflow("pull_request", "build", "      - run: sbt assembly\n")},
               {"src/test/scala/org/acme/ScorerSpec.scala",
                "class ScorerSpec extends AnyFlatSpec {\n  \"A scorer\" should \"score\" in {\n  }\n}\n"}}) ==
          "partial");
}

TEST_CASE("testing rules, round 22: linters and format checks of Go, Rust, JavaScript, JVM and .NET code") {
    // a linter and a format check: yes
    CHECK(lint("      - run: golangci-lint run ./...\n      - run: test -z \"$(gofmt -l .)\"\n") == "yes");
    CHECK(lint("      - run: cargo clippy -- -D warnings\n      - run: cargo fmt --all -- --check\n") == "yes");
    CHECK(lint("      - run: npx eslint src\n      - run: npx prettier --check .\n") == "yes");
    CHECK(lint("      - run: ./gradlew checkstyleMain spotlessCheck\n") == "yes");
    CHECK(lint("      - run: sbt \"scalafixAll --check\" scalafmtCheckAll\n") == "yes");
    // scalafix without --check rewrites the files: the format check alone enforces
    CHECK(lint("      - run: sbt scalafix scalafmtCheckAll\n") == "partial");
    // ktlint checks style and layout together, as RuboCop does
    CHECK(lint("      - run: ./gradlew ktlintCheck\n") == "yes");
    // one of them alone: partial
    CHECK(lint("      - uses: golangci/golangci-lint-action@v6\n") == "partial");
    CHECK(lint("      - run: dotnet format --verify-no-changes\n") == "partial");
    CHECK(lint("      - run: mvn -B spotless:check\n") == "partial");
    // installing a linter, formatting in place or a commented step enforces nothing
    CHECK(lint("      - run: npm install --save-dev eslint prettier\n") == "-");
    CHECK(lint("      - run: cargo fmt --all\n") == "-");
    CHECK(lint("      # - run: golangci-lint run\n") == "-");
}

TEST_CASE(
    "testing rules, round 22: an organisation's pre-commit action, hook files without a linter, CodeQL's schedule") {
    // an organisation's own composite action that runs the hooks, as pre-commit/action does
    CHECK(suggestion(
              "mlops", "lint-precommit",
              {{".github/workflows/pre-commit.yaml",
                github_workflow("pull_request", "pre-commit", "      - uses: ccao-data/actions/pre-commit@main\n")},
               {".pre-commit-config.yaml", "repos:\n  - repo: x\n    hooks:\n      - id: lintr\n"}}) == "yes");
    CHECK(suggestion("mlops", "lint-precommit",
                     {{".github/workflows/lint.yaml",
                       github_workflow("pull_request", "lint", "      - uses: ./.github/actions/pre-commit\n")}}) ==
          "yes");
    // a hook file whose hooks only run tests checks no style
    CHECK(suggestion("mlops", "lint-precommit",
                     {{".pre-commit-config.yaml",
                       "repos:\n  - repo: local\n    hooks:\n      - id: dashboard-integration-tests\n"
                       "        entry: pytest apps/forecast_dashboard/tests\n        language: system\n"}}) == "-");
    CHECK(suggestion("mlops", "lint-precommit",
                     {{".pre-commit-config.yaml",
                       "repos:\n  - repo: https://github.com/pre-commit/pre-commit-hooks\n    hooks:\n"
                       "      - id: check-yaml\n      - id: end-of-file-fixer\n"}}) == "partial");
    // a code-scanning workflow's schedule runs no step of the ML system
    CHECK(
        suggestion("mlops", "scheduled-job-from-code",
                   {{".github/workflows/codeql-analysis.yml",
                     "on:\n  schedule:\n    - cron: '25 6 * * 3'\njobs:\n  analyze:\n    steps:\n"
                     "      - uses: github/codeql-action/init@v3\n      - uses: github/codeql-action/analyze@v3\n"}}) ==
        "-");
    CHECK(suggestion("mlops", "scheduled-job-from-code",
                     {{".github/workflows/retrain.yml",
                       "on:\n  schedule:\n    - cron: '0 3 * * 1'\njobs:\n  retrain:\n    steps:\n"
                       "      - run: python -m pipeline.retrain\n"}}) != "-");
}

TEST_CASE("testing rules, round 22: a test that may fail blocks no change") {
    const Files tests = {{"tests/test_features.py", "def test_scale():\n    assert scale(2) == 1\n"}};
    auto with_ci = [&](const char* path, const std::string& ci) {
        Files files = tests;
        files.emplace_back(path, ci);
        return suggestion("mlops", "unit-tests-ci", files);
    };
    // a job that may fail (GitHub's job-level continue-on-error, as deepsea-ai's release job has)
    CHECK(with_ci(".github/workflows/release.yml",
                  "on: [push]\njobs:\n  release:\n    runs-on: ubuntu-latest\n    continue-on-error: true\n"
                  "    steps:\n      - uses: actions/checkout@v4\n      - run: poetry run pytest\n") == "partial");
    // a step that may fail, the flag before or after its command
    CHECK(with_ci(".github/workflows/ci.yml",
                  github_workflow("pull_request", "test", "      - run: pytest\n        continue-on-error: true\n")) ==
          "partial");
    CHECK(with_ci(".github/workflows/ci.yml",
                  github_workflow("pull_request", "test",
                                  "      - name: tests\n        continue-on-error: true\n        run: pytest -q\n")) ==
          "partial");
    CHECK(with_ci(".github/workflows/ci.yml",
                  github_workflow("pull_request", "test", "      - run: pytest || true\n")) == "partial");
    // GitLab's allow_failure, as its manual jobs
    CHECK(with_ci(".gitlab-ci.yml", "test:\n  script:\n    - pytest\n  allow_failure: true\n") == "partial");
    CHECK(with_ci(".gitlab-ci.yml", "test:\n  allow_failure: true\n  script:\n    - pytest\n") == "partial");
    // another job's flag, a lint step's flag or allow_failure: false leave the tests blocking
    CHECK(
        with_ci(".github/workflows/ci.yml",
                "on: [pull_request]\njobs:\n  docs:\n    continue-on-error: true\n    steps:\n      - run: make docs\n"
                "  test:\n    steps:\n      - run: pytest\n") == "yes");
    CHECK(with_ci(".github/workflows/ci.yml",
                  github_workflow("pull_request", "test",
                                  "      - run: pytest\n      - run: ruff check .\n      - run: mypy .\n"
                                  "      - run: pylint src\n        continue-on-error: true\n")) == "yes");
    CHECK(with_ci(".gitlab-ci.yml", "test:\n  script:\n    - pytest\n  allow_failure: false\n") == "yes");
}

TEST_CASE("testing rules, round 22: a step that may fail vetoes its own tests, not the next step's") {
    const Files tests = {{"tests/test_features.py", "def test_scale():\n    assert scale(2) == 1\n"}};
    Files files = tests;
    files.emplace_back(
        ".github/workflows/ci.yml",
        github_workflow("pull_request", "test",
                        "      - run: make docs\n        continue-on-error: true\n      - run: pytest\n"));
    CHECK(suggestion("mlops", "unit-tests-ci", files) == "yes");
}

TEST_CASE("rules, round 22 review: what the adversarial review found, each case its reproduction") {
    auto with_ci = [](const std::string& run, const Files& tests) {
        Files files = tests;
        files.emplace_back(".github/workflows/ci.yml",
                           github_workflow("pull_request", "test", "      - run: " + run + "\n"));
        return suggestion("mlops", "unit-tests-ci", files);
    };
    // generated placeholders test nothing: Spring Initializr, PkgTemplates, sbt's and Scala 3's seeds, Android
    const std::vector<std::pair<const char*, const char*>> placeholders = {
        {"src/test/java/com/acme/ScoringApplicationTests.java",
         "@SpringBootTest\nclass ScoringApplicationTests {\n\n\t@Test\n\tvoid contextLoads() {\n\t}\n\n}\n"},
        {"test/runtests.jl",
         "using ForecastKit\nusing Test\n\n@testset \"ForecastKit.jl\" begin\n    # Write your tests "
         "here.\nend\n"},
        {"src/test/scala/example/HelloSpec.scala",
         "class HelloSpec extends AnyFlatSpec with Matchers {\n  \"The Hello object\" should \"say hello\" in {\n"
         "    Hello.greeting shouldEqual \"hello\"\n  }\n}\n"},
        {"src/test/scala/MySuite.scala",
         "class MySuite extends munit.FunSuite {\n  test(\"example test that succeeds\") {\n"
         "    val obtained = 42\n    assertEquals(obtained, 42)\n  }\n}\n"},
        {"app/src/test/java/com/acme/ExampleUnitTest.kt",
         "class ExampleUnitTest {\n    @Test\n    fun addition_isCorrect() {\n        assertEquals(4, 2 + 2)\n    "
         "}\n}\n"},
    };
    for (const auto& [path, text] : placeholders) {
        CAPTURE(path);
        CHECK(with_ci("./mvnw -B verify && sbt test && ./gradlew test && julia -e 'using Pkg; Pkg.test()'",
                      {{path, text}}) == "-");
    }
    // one stray assertTrue(true) in a real test class is no placeholder
    CHECK(with_ci("./mvnw -B verify",
                  {{"src/test/java/com/acme/FeatureEncoderTest.java",
                    "class FeatureEncoderTest {\n  @Test\n  void encodes() {\n    assertEquals(3, enc.size());\n"
                    "    assertTrue(true); // reached without exception\n  }\n}\n"}}) == "yes");
    // application classes named like tests are not tests: JVM tests live under src/test/
    CHECK(with_ci("./mvnw -B verify", {{"src/main/java/com/acme/drift/KolmogorovSmirnovTest.java",
                                        "public class KolmogorovSmirnovTest {\n  public boolean test(double[] a, "
                                        "double[] b) { return true; }\n}\n"},
                                       {"src/main/scala/com/acme/FeatureSpec.scala",
                                        "case class FeatureSpec(name: String) {\n  def describe(): "
                                        "String = name\n}\n"}}) == "-");
    // JVM test styles: Kotest specs, ScalaTest's WordSpec and FreeSpec, Spock, Surefire's Test*.java
    const std::vector<std::pair<const char*, const char*>> styles = {
        {"src/test/kotlin/acme/ScorerSpec.kt",
         "class ScorerSpec : StringSpec({\n    \"scores\" {\n        score(1) shouldBe 2\n    }\n})\n"},
        {"src/test/kotlin/acme/ScorerTest.kt",
         "class ScorerTest : BehaviorSpec({\n    given(\"an event\") {\n        then(\"it scores\") {}\n    }\n})\n"},
        {"src/test/scala/acme/ScorerWordSpec.scala",
         "class ScorerWordSpec extends AnyWordSpec {\n  \"A scorer\" should {\n    \"score\" in {}\n  }\n}\n"},
        {"src/test/scala/acme/ScorerFreeSpec.scala", "class S extends AnyFreeSpec {\n  \"A scorer\" - {\n  }\n}\n"},
        {"src/test/groovy/acme/ScorerSpec.groovy",
         "class ScorerSpec extends Specification {\n  def \"scores\"() {\n"
         "    expect:\n    score(1) == 2\n  }\n}\n"},
        {"src/test/java/acme/TestScorer.java", "public class TestScorer {\n  @Test\n  public void scores() {}\n}\n"},
    };
    for (const auto& [path, text] : styles) {
        CAPTURE(path);
        CHECK(with_ci("./gradlew test", {{path, text}}) == "yes");
    }
    const Files scala = {{"src/test/scala/acme/ScorerSpec.scala",
                          "class ScorerSpec extends AnyFlatSpec {\n  \"A scorer\" should \"score\" in {\n  }\n}\n"}};
    // sbt commands that run no test: a setting that skips assembly's tests, a format check, compiling the tests
    // in sbt 1's syntax (sbt 0.13's `test:compile` still reads as a test run: the rule's end is a word boundary)
    CHECK(with_ci("sbt 'set assembly / test := {}' clean assembly", scala) == "partial");
    CHECK(with_ci("sbt scalafmtCheckAll Test/scalafmtCheck", scala) == "partial");
    CHECK(with_ci("sbt clean Test/compile assembly", scala) == "partial");
    // and the forms that run them (the second review: any word after `test`, `;`, `&&`, quotes, Jenkins' sh)
    for (const char* run :
         {"sbt \"testOnly *Spec\"", "sbt core/test", "sbt coverage test coverageReport", "sbt test it:test",
          "sbt +test publishLocal", "sbt -v test scalafmtCheckAll", "sbt test && sbt assembly",
          "sbt clean test; sbt assembly", "sbt \";clean;coverage;test;coverageReport\""}) {
        CAPTURE(run);
        CHECK(with_ci(run, scala) == "yes");
    }
    CHECK(suggestion("mlops", "unit-tests-ci",
                     {{"Jenkinsfile",
                       "pipeline {\n  stages {\n    stage('t') {\n      steps {\n        sh 'sbt clean test'\n"
                       "      }\n    }\n  }\n}\n"},
                      scala.front()}) == "yes");
    // Maven steps that skip the tests, or ignore their failures
    const Files java = {{"src/test/java/acme/ScorerTest.java", "class ScorerTest {\n  @Test\n  void s() {}\n}\n"}};
    CHECK(with_ci("./mvnw -B package -Dmaven.test.skip=true", java) == "partial");
    // a build job that skips the tests leaves another job's tests standing (the second review)
    CHECK(suggestion("mlops", "unit-tests-ci",
                     {{".github/workflows/ci.yml",
                       "on: [pull_request]\njobs:\n  test:\n    steps:\n      - run: ./mvnw -B verify\n  image:\n"
                       "    steps:\n      - run: ./mvnw -B verify -DskipTests jib:build\n"},
                      java.front()}) == "yes");
    CHECK(with_ci("mvn --batch-mode -Dmaven.test.failure.ignore=true test", java) == "partial");
    CHECK(with_ci("./gradlew testDebugUnitTest", java) == "yes");
    // Rust: unit tests beside the code, integration tests in folders, nextest; Julia's other test macros
    CHECK(with_ci("cargo test", {{"src/lib.rs", "#[cfg(test)]\nmod tests {\n    #[test]\n    fn scores() {}\n}\n"}}) ==
          "yes");
    CHECK(with_ci("cargo nextest run", {{"tests/it/scoring.rs", "#[test]\nfn scores() {}\n"}}) == "yes");
    CHECK(with_ci("julia --project=. test/runtests.jl",
                  {{"test/forecast.jl", "@safetestset \"forecast\" begin\n    @test f(1) == 2\nend\n"}}) == "yes");
    CHECK(with_ci("julia --project -e 'using Pkg; Pkg.test()'",
                  {{"test/scoring_tests.jl", "@testitem \"scores\" begin\n    @test score(1) == 2\nend\n"}}) == "yes");
}

TEST_CASE("rules, round 22 review: linters that rewrite or may fail, local actions, hook names, scanners' schedules") {
    // a bare `gofmt -l` lists files and exits 0; inside `test -z "$(...)"`, or go fmt then git diff, it enforces
    CHECK(lint("      - run: golangci-lint run\n      - run: gofmt -l .\n") == "partial");
    CHECK(lint("      - run: golangci-lint run\n      - run: test -z \"$(gofmt -l .)\"\n") == "yes");
    CHECK(lint("      - run: golangci-lint run\n      - run: go fmt ./... && git diff --exit-code\n") == "yes");
    // the new linters that may fail do not block the merge (partial, as flake8's): `|| true`, continue-on-error
    CHECK(lint("      - run: npx eslint src || true\n      - run: npx prettier --check .\n") == "partial");
    CHECK(lint("      - run: go vet ./...\n        continue-on-error: true\n") == "partial");
    CHECK(lint("      - run: cargo clippy\n        continue-on-error: true\n      - run: cargo fmt -- --check\n") ==
          "partial");
    CHECK(lint("      - run: ./gradlew spotlessCheck\n        continue-on-error: true\n") == "partial");
    // ktlint formatting in place enforces nothing; the downloaded binary checks
    CHECK(lint("      - run: ktlint --format\n") == "-");
    CHECK(lint("      - run: ./ktlint \"src/**/*.kt\"\n") == "yes");
    // Rust's actions
    CHECK(lint("      - uses: actions-rs/clippy-check@v1\n      - uses: actions-rust-lang/rustfmt@v1\n") == "yes");
    // a local action named pre-commit runs the hooks; one whose name only starts so does something else
    CHECK(lint("      - uses: ./.github/actions/pre-commit-autoupdate\n") == "-");
    CHECK(lint("      - uses: ./.github/actions/pre-commit-setup\n") == "-");
    CHECK(lint("      - uses: ./.github/actions/pre-commit\n") == "yes");
    // hook files whose hooks lint or format under other names
    CHECK(suggestion("mlops", "lint-precommit",
                     {{".pre-commit-config.yaml",
                       "repos:\n  - repo: x\n    hooks:\n      - id: reorder-python-imports\n      - id: bandit\n"}}) ==
          "partial");
    CHECK(suggestion("mlops", "lint-precommit",
                     {{".pre-commit-config.yaml", "repos:\n  - repo: x\n    hooks:\n      - id: go-vet\n"}}) ==
          "partial");
    // scheduled scanners and housekeeping bots are no scheduled job of the ML system
    for (const char* step :
         {"      - uses: google/osv-scanner-action/osv-scanner-action@v1\n", "      - run: semgrep ci\n",
          "      - uses: pypa/gh-action-pip-audit@v1\n", "      - uses: gitleaks/gitleaks-action@v2\n",
          "      - uses: anchore/scan-action@v3\n", "      - uses: lycheeverse/lychee-action@v1\n",
          "      - uses: renovatebot/github-action@v40\n"}) {
        CAPTURE(step);
        CHECK(suggestion("mlops", "scheduled-job-from-code",
                         {{".github/workflows/scan.yml", std::string("on:\n  schedule:\n    - cron: '0 3 * * 1'\n"
                                                                     "jobs:\n  scan:\n    steps:\n") +
                                                             step}}) == "-");
    }
}

TEST_CASE("rules, round 22 second review: may-fail vetoes that stay in their step, runners and test files") {
    const Files py = {{"tests/test_features.py", "def test_scale():\n    assert scale(2) == 1\n"}};
    auto workflow = [&](const std::string& ci, const Files& tests) {
        Files files = tests;
        files.emplace_back(".github/workflows/ci.yml", ci);
        return suggestion("mlops", "unit-tests-ci", files);
    };
    // a reporting step that may fail, beside the test step, leaves the tests blocking
    CHECK(workflow(
              github_workflow("pull_request", "test",
                              "      - run: pytest --junitxml=pytest.xml --cov=src\n"
                              "      - uses: MishaKav/pytest-coverage-comment@main\n        continue-on-error: true\n"
                              "        with:\n          pytest-xml-coverage-path: ./coverage.xml\n"),
              py) == "yes");
    // the next job's flag, and an installer's `|| true`, are not the test step's
    CHECK(workflow("on: [pull_request]\njobs:\n  test:\n    steps:\n      - run: pytest tests\n  nightly-deps:\n"
                   "    runs-on: ubuntu-latest\n    continue-on-error: true\n    steps:\n      - run: echo x\n",
                   py) == "yes");
    CHECK(
        workflow(github_workflow("pull_request", "test",
                                 "      - run: pip install pytest-xdist || true\n      - run: pytest -n auto tests\n"),
                 py) == "yes");
    // every runner's may-fail form is partial
    CHECK(workflow(github_workflow("pull_request", "test", "      - run: tox -e py311 || true\n"), py) == "partial");
    CHECK(workflow("on: [pull_request]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    continue-on-error: true\n"
                   "    steps:\n      - run: nox -s tests\n",
                   py) == "partial");
    const Files java = {{"core/src/test/java/acme/ScorerTest.java", "class ScorerTest {\n  @Test\n  void s() {}\n}\n"}};
    auto run = [&](const std::string& cmd, const Files& tests) {
        return workflow(github_workflow("pull_request", "test", "      - run: " + cmd + "\n"), tests);
    };
    // Gradle: a project path's test task; compiling the tests or excluding them runs none
    CHECK(run("./gradlew :core:test", java) == "yes");
    CHECK(run("./gradlew assemble testClasses", java) == "partial");
    CHECK(run("./gradlew build -x test", java) == "partial");
    // Kotlin Multiplatform's and Play's test folders
    CHECK(run("./gradlew allTests check", {{"shared/src/commonTest/kotlin/acme/FeatureTest.kt",
                                            "class FeatureTest {\n    @Test\n    fun f() {}\n}\n"}}) == "yes");
    CHECK(run("sbt test",
              {{"test/controllers/PredictControllerSpec.scala",
                "class PredictControllerSpec extends PlaySpec {\n  \"predict\" should {\n    \"score\" in {}\n"
                "  }\n}\n"}}) == "yes");
    // Rust: a source file with no #[test] is no test, whatever its functions are called
    CHECK(run("cargo test",
              {{"src/lib.rs", "impl Model {\n    fn describe(&self) -> String { String::new() }\n}\n"}}) == "-");
    // Julia: the template's comment kept above real tests, and a tests/ folder
    CHECK(run("julia -e 'using Pkg; Pkg.test()'",
              {{"test/runtests.jl",
                "@testset \"Kit.jl\" begin\n    # Write your tests here.\n    @test f(1) == 2\nend\n"}}) == "yes");
    CHECK(run("julia --project=. tests/runtests.jl",
              {{"tests/runtests.jl", "@testset \"x\" begin\n  @test f(1) == 2\nend\n"}}) == "yes");
    // Spring's contextLoads beside a real test
    CHECK(run("./mvnw -B verify",
              {{"src/test/java/acme/FraudApiApplicationTests.java",
                "@SpringBootTest\nclass FraudApiApplicationTests {\n  @Test\n  void contextLoads() {\n  }\n\n  @Test\n"
                "  void scorerRejectsNegativeAmounts() {\n    assertThrows(E.class, () -> s.score(-1));\n  }\n}\n"}}) ==
          "yes");
}

TEST_CASE(
    "rules, round 22 second review: schedules, trailing comments, images, R loaders, auth, scaling, Zuul, hooks") {
    // schedule names are whole parts (`calculate_profit` holds "fit"); Flask-APScheduler, keywords, strings, @repeat
    CHECK(suggestion("mlops", "scheduled-job-from-code",
                     {{"app.py", "import schedule\nschedule.every().day.at('23:00').do(calculate_profit)\n"}}) == "-");
    for (const char* app :
         {"from flask_apscheduler import APScheduler\nscheduler = APScheduler()\n@scheduler.task('cron', id='nightly', "
          "hour=2)\n"
          "def nightly_retrain():\n    pass\n",
          "from apscheduler.schedulers.background import BackgroundScheduler\ns = BackgroundScheduler()\n"
          "s.add_job(func=retrain_model, trigger='interval', hours=6)\n",
          "from apscheduler.schedulers.background import BackgroundScheduler\ns = BackgroundScheduler()\n"
          "s.add_job('forecaster.jobs:retrain_models', 'cron', hour=3)\n",
          "from schedule import every, repeat\n\n@repeat(every().day.at('02:00'))\ndef retrain():\n    pass\n",
          "import schedule  # lightweight in-process "
          "scheduler\nschedule.every().day.at('02:00').do(retrain_model)\n"}) {
        CAPTURE(app);
        CHECK(suggestion("mlops", "scheduled-job-from-code", {{"app.py", app}}) == "yes");
    }
    // a match that spans lines is judged where it starts, not at its first line's trailing comment
    CHECK(
        suggestion("mlops", "scoring-code-versioned",
                   {{"batch.py", "model = joblib.load('model.pkl')  # trained in CI\npreds = model.predict(df)\n"}}) ==
        "partial");
    CHECK(suggestion("mlops", "scoring-code-versioned",
                     {{"batch.py", "# model = joblib.load('model.pkl')\n# preds = model.predict(df)\n"}}) == "-");

    // serving images: any prefix of a serving name; not Python's file server
    for (const char* cmd :
         {"CMD [\"python\", \"model_api.py\"]", "CMD [\"python\", \"src/model_server.py\"]", "CMD python churn_app.py",
          "CMD [\"python\", \"generate_predictions.py\"]", "CMD [\"python\", \"model_inference.py\"]"}) {
        CAPTURE(cmd);
        CHECK(suggestion("mlops", "serving-containerised",
                         {{"Dockerfile", std::string("FROM python:3.12\n") + cmd + "\n"}}) == "partial");
    }
    CHECK(suggestion("mlops", "serving-containerised",
                     {{"Dockerfile", "FROM python:3.12\nCMD [\"python3\", \"-m\", \"http.server\", \"8080\"]\n"}}) ==
          "-");

    // R: base R's load() of a saved model, h2o's loader
    CHECK(suggestion("mlops", "scoring-code-versioned",
                     {{"score.R", "load(\"models/churn_model.RData\")\np <- predict(model, newdata = d)\n"},
                      {"Dockerfile", "FROM rocker/r-ver:4.4.1\n"}}) == "yes");
    CHECK(suggestion("mlops", "scoring-code-versioned",
                     {{"plumber.R", "m <- h2o.loadModel(\"models/gbm\")\np <- h2o.predict(m, as.h2o(d))\n"},
                      {"Dockerfile", "FROM rocker/r-ver:4.4.1\n"}}) == "yes");

    // docs turned off in production, and the predictions behind a password
    CHECK(suggestion("mlops", "endpoint-authentication",
                     {{"app/main.py",
                       "app = FastAPI(docs_url=None, redoc_url=None)\nsecurity = HTTPBasic()\n"
                       "@app.post('/predict')\ndef predict(c=Depends(security)):\n    pass\n"}}) == "partial");
    // scaling on a schedule is the help's partial, not scaling on load
    CHECK(suggestion("mlops", "autoscaling",
                     {{"cdk/lib/stack.ts",
                       "scaling.scaleOnSchedule('BusinessHours', { schedule: s, minCapacity: 2 });\n"}}) == "-");
    // Zuul: a project that uses templates (which define check and gate), a CRLF file
    CHECK(suggestion("mlops", "ci-on-every-change",
                     {{".zuul.yaml", "- project:\n    templates:\n      - openstack-python3-jobs\n"}}) == "yes");
    CHECK(suggestion("mlops", "ci-on-every-change",
                     {{"zuul.d/project.yaml", "- project:\r\n    check:\r\n      jobs:\r\n        - tox-py311\r\n"}}) ==
          "yes");
    // hooks that may fail; a widely used pre-commit runner action
    CHECK(suggestion("mlops", "lint-precommit",
                     {{".github/workflows/lint.yml",
                       github_workflow("pull_request", "lint",
                                       "      - run: pre-commit run --all-files --show-diff-on-failure || true\n")}}) ==
          "partial");
    CHECK(suggestion("mlops", "lint-precommit",
                     {{".github/workflows/lint.yml",
                       github_workflow("pull_request", "lint",
                                       "      - uses: cloudposse/github-action-pre-commit@v4.0.0\n")}}) == "yes");
}

TEST_CASE("testing rules, round 24: PHP's tests, runners, linters, lock file and code") {
    const char* phpunit_test =
        "<?php\nnamespace OCA\\App\\Tests\\Unit;\n\nuse PHPUnit\\Framework\\TestCase;\n\n"
        "class SampleGeneratorTest extends TestCase {\n    public function testGeneratesNegatives(): void {\n"
        "        $this->assertCount(3, generate(3));\n    }\n}\n";
    const std::string kSampleTest = "tests/Unit/Service/SampleGeneratorTest.php";
    // PHPUnit, Pest and composer's test scripts run PHPUnit test classes
    CHECK(tests_in_ci(kSampleTest, phpunit_test, "      - run: composer run test:unit\n") == "yes");
    CHECK(tests_in_ci(kSampleTest, phpunit_test, "      - run: vendor/bin/phpunit -c tests/phpunit.xml\n") == "yes");
    CHECK(tests_in_ci(kSampleTest, phpunit_test, "      - run: ./vendor/bin/pest\n") == "yes");
    CHECK(tests_in_ci(kSampleTest, phpunit_test, "      - run: composer test\n") == "yes");
    // a runner with no test file, or a class that is no test, is not tested code
    CHECK(suggestion("mlops", "unit-tests-ci",
                     {{"lib/Service/Trainer.php", "<?php\nclass Trainer {\n    public function train(): void {}\n}\n"},
                      {".github/workflows/phpunit.yml",
                       github_workflow("pull_request", "phpunit", "      - run: composer run test:unit\n")}}) == "-");

    // a composer lint or style script, or PHP_CodeSniffer, blocks the change like `make lint`
    CHECK(lint("      - run: composer run cs:check || ( echo 'run composer run cs:fix' && exit 1 )\n") == "yes");
    CHECK(lint("      - run: vendor/bin/phpcs --standard=PSR12 lib\n") == "yes");
    CHECK(lint("      - run: composer install\n") == "-");

    // PHP's lock file pins the environment, not a tool's own
    CHECK(suggestion("mlops", "pinned-environment", {{"composer.lock", "{\n    \"packages\": []\n}\n"}}) == "yes");
    CHECK(suggestion("mlops", "pinned-environment",
                     {{"vendor-bin/php-cs-fixer/composer.lock", "{\n    \"packages\": []\n}\n"}}) == "-");

    // a PHP project's code in git is code in version control
    CHECK(suggestion("mlops", "code-in-vcs",
                     {{".git/HEAD", "ref: refs/heads/main\n"}, {"composer.json", "{\"name\": \"acme/app\"}\n"}}) ==
          "partial");
    CHECK(suggestion("mlops", "code-in-vcs", {{"composer.json", "{\"name\": \"acme/app\"}\n"}}) == "-");
}

TEST_CASE("pipeline rules, round 24: lint and audit schedules, a DAG's schedule constant, ECS tasks") {
    // a weekly lint or dependency-audit run is housekeeping, not a recurring ML job
    const std::string weekly_lint =
        "on:\n  pull_request:\n  schedule:\n    - cron: '0 0 * * 0'\njobs:\n  lint:\n"
        "    runs-on: ubuntu-latest\n    steps:\n      - run: flake8 validator\n";
    CHECK(suggestion("mlops", "scheduled-job-from-code", {{".github/workflows/lint.yml", weekly_lint}}) == "-");
    const std::string audit =
        "on:\n  schedule:\n    - cron: '5 2 * * *'\njobs:\n  audit:\n    runs-on: ubuntu-latest\n"
        "    steps:\n      - run: npm audit fix\n";
    CHECK(suggestion("mlops", "scheduled-job-from-code", {{".github/workflows/npm-audit-fix.yml", audit}}) == "-");
    const std::string nightly =
        "on:\n  schedule:\n    - cron: '0 3 * * *'\njobs:\n  refresh:\n    runs-on: ubuntu-latest\n"
        "    steps:\n      - run: ./refresh_features.sh\n";
    CHECK(suggestion("mlops", "scheduled-job-from-code", {{".github/workflows/refresh.yml", nightly}}) == "partial");

    // an Airflow DAG scheduled through a module constant
    const char* dag =
        "DAG_SCHEDULE = \"0 2 * * 1\"\n\nwith DAG(\n    dag_id=\"train\",\n    schedule=DAG_SCHEDULE,\n"
        "    catchup=False,\n) as dag:\n    pass\n";
    CHECK(suggestion("mlops", "scheduled-job-from-code", {{"dags/train.py", dag}}) == "yes");
    const char* unscheduled =
        "DAG_SCHEDULE = None\n\nwith DAG(dag_id=\"train\", schedule=DAG_SCHEDULE) as dag:\n    pass\n";
    CHECK(suggestion("mlops", "scheduled-job-from-code", {{"dags/train.py", unscheduled}}) == "-");

    // Airflow's ECS and GKE operators run the step on managed compute
    CHECK(suggestion("mlops", "managed-compute",
                     {{"dags/train.py", "train = EcsRunTaskOperator(\n    task_id='train', cluster=CLUSTER)\n"}}) ==
          "yes");
    CHECK(suggestion("mlops", "managed-compute",
                     {{"dags/train.py", "# train = EcsRunTaskOperator(task_id='train')\n"}}) == "-");
}

TEST_CASE("rules, round 24 review: PHP's runners at a command, placeholders, may-fail runs, linters, lock files") {
    const char* php_test =
        "<?php\nclass ScalerTest extends TestCase {\n    public function testScales(): void {\n"
        "        $this->assertSame(2, scale(1));\n    }\n}\n";
    // Laravel's and Pest's generated example tests test nothing
    CHECK(tests_in_ci(
              "tests/Unit/ExampleTest.php",
              "<?php\nclass ExampleTest extends TestCase {\n    public function test_that_true_is_true(): void {\n"
              "        $this->assertTrue(true);\n    }\n}\n",
              "      - run: vendor/bin/phpunit\n") == "-");
    CHECK(tests_in_ci("tests/Unit/ExampleTest.php",
                      "<?php\nclass ExampleTest extends TestCase {}\ntest('that true is true', function () {\n"
                      "    expect(true)->toBeTrue();\n});\n",
                      "      - run: ./vendor/bin/pest\n") == "-");
    // PHP runs that may fail block nothing
    CHECK(tests_in_ci("tests/Unit/ScalerTest.php", php_test, "      - run: vendor/bin/phpunit || true\n") == "partial");
    CHECK(suggestion("mlops", "unit-tests-ci",
                     {{"tests/Unit/ScalerTest.php", php_test},
                      {".github/workflows/ci.yml",
                       "on: [pull_request]\njobs:\n  test:\n    runs-on: ubuntu-latest\n"
                       "    continue-on-error: true\n    steps:\n      - run: composer test\n"}}) == "partial");
    // PHPUnit named in a file name, a tool list or a dataset path runs nothing
    CHECK(tests_in_ci("tests/Unit/ScalerTest.php", php_test,
                      "      - run: rsync -az --exclude tests/ --exclude phpunit.xml.dist ./ host:/srv\n") ==
          "partial");
    CHECK(tests_in_ci("tests/test_augment.py", "def test_flip():\n    assert flip([1]) == [1]\n",
                      "      - run: python train.py --data data/pest\n") == "partial");
    // Laravel's, Sail's, ParaTest's and Codeception's runners; Symfony's and WordPress's test classes
    for (const char* run : {"php artisan test --parallel", "./vendor/bin/sail test", "vendor/bin/paratest",
                            "vendor/bin/codecept run unit"}) {
        CAPTURE(run);
        CHECK(tests_in_ci("tests/Unit/ScalerTest.php", php_test, std::string("      - run: ") + run + "\n") == "yes");
    }
    CHECK(tests_in_ci("tests/Controller/ScoreControllerTest.php",
                      "<?php\nfinal class ScoreControllerTest extends WebTestCase {\n    /** @test */\n"
                      "    public function it_scores_a_request(): void {}\n}\n",
                      "      - run: vendor/bin/phpunit\n") == "yes");
    CHECK(tests_in_ci(
              "tests/test-recommendations.php",
              "<?php\nclass Test_Recommendations extends WP_UnitTestCase {\n    public function test_sorted() {}\n}\n",
              "      - run: vendor/bin/phpunit\n") == "yes");
    // a domain model named like a test, with a relation named test..., is no test
    CHECK(tests_in_ci("app/Models/LabTest.php",
                      "<?php\nclass LabTest extends Model {\n    public function testResults(): HasMany {}\n}\n",
                      "      - run: vendor/bin/phpunit\n") == "-");

    // phpcs with ./ or php in front, Pint's and PHP-CS-Fixer's checks; not a fixer, not an installed tool
    CHECK(lint("      - run: ./vendor/bin/phpcs\n") == "yes");
    CHECK(lint("      - run: php vendor/bin/phpcs --standard=PSR12 src\n") == "yes");
    CHECK(lint("      - run: ./vendor/bin/pint --test\n") == "yes");
    CHECK(lint("      - run: vendor/bin/php-cs-fixer fix --dry-run --diff\n") == "yes");
    CHECK(lint("      - run: composer lint:fix\n") == "-");
    // PHP's linters that may fail do not block the change
    CHECK(lint("      - run: vendor/bin/phpcs --standard=WordPress .\n        continue-on-error: true\n") == "partial");
    CHECK(lint("      - run: composer cs:check || true\n") == "partial");
    CHECK(suggestion("mlops", "lint-precommit",
                     {{".gitlab-ci.yml",
                       "phpcs:\n  script:\n    - ./vendor/bin/phpcs --standard=PSR12 src\n"
                       "  allow_failure: true\n"}}) == "partial");
    CHECK(lint("      - uses: shivammathur/setup-php@v2\n        with:\n          tools: >-\n            composer,\n"
               "            phpcs,\n            cs2pr\n") == "-");

    // a front end's, a client's, an example's or a site's composer.lock pins no training environment
    for (const char* path : {"web/composer.lock", "examples/php-client/composer.lock", "website/composer.lock",
                             "clients/php/composer.lock", "dev-tools/composer.lock"}) {
        CAPTURE(path);
        CHECK(suggestion("mlops", "pinned-environment", {{"train.py", "model.fit(X, y)\n"}, {path, "{}\n"}}) == "-");
    }
    // a GitHub Pages site's Gemfile is no code base
    CHECK(suggestion("mlops", "code-in-vcs",
                     {{".gitignore", "_site\n"}, {"Gemfile", "gem \"github-pages\"\n"}, {"index.md", "# Paper\n"}}) ==
          "-");
}

TEST_CASE("pipeline rules, round 24 review: schedule constants, housekeeping runs, Airflow's operators") {
    auto dag = [](const std::string& code) {
        return suggestion("mlops", "scheduled-job-from-code", {{"dags/train.py", code}});
    };
    CHECK(
        dag("SCHEDULE_INTERVAL = \"@daily\"\nwith DAG(\"t\", schedule_interval=SCHEDULE_INTERVAL) as d:\n    pass\n") ==
        "yes");
    CHECK(dag("SCHEDULE = \"0 4 * * *\"\nwith DAG(\"t\", schedule=SCHEDULE) as d:\n    pass\n") == "yes");
    CHECK(dag("DAG_SCHEDULE: str = \"0 2 * * 1\"\nwith DAG(\"t\", schedule=DAG_SCHEDULE) as d:\n    pass\n") == "yes");
    CHECK(dag("DAG_SCHEDULE = timedelta(hours=6)\nwith DAG(\"t\", schedule=DAG_SCHEDULE) as d:\n    pass\n") == "yes");
    // a commented-out use leaves the DAG unscheduled
    CHECK(dag("DAG_SCHEDULE = \"0 2 * * 1\"\nwith DAG(\n    \"t\",\n    schedule=None,  # schedule=DAG_SCHEDULE\n"
              ") as d:\n    pass\n") == "-");

    // tests, audits and linters on a timer are housekeeping, whatever the runner
    for (const char* run : {"composer test", "vendor/bin/pest", "yarn audit", "bundle audit", "bundle exec rubocop",
                            "vendor/bin/phpstan analyse", "black --check .", "npm test", "composer outdated"}) {
        CAPTURE(run);
        CHECK(suggestion("mlops", "scheduled-job-from-code",
                         {{".github/workflows/nightly.yml",
                           "on:\n  schedule:\n    - cron: '0 3 * * *'\njobs:\n  n:\n"
                           "    runs-on: ubuntu-latest\n    steps:\n      - run: " +
                               std::string(run) + "\n"}}) == "-");
    }

    // Airflow's GKE job, Cloud Run job and SageMaker processing operators, and mapped tasks
    for (const char* code : {"t = EcsRunTaskOperator.partial(task_id='score', cluster=C).expand(overrides=o)\n",
                             "t = GKEStartJobOperator(task_id='train', cluster_name=C)\n",
                             "t = CloudRunExecuteJobOperator(task_id='train', job_name='train')\n",
                             "t = SageMakerProcessingOperator(task_id='features', config=cfg)\n"}) {
        CAPTURE(code);
        CHECK(suggestion("mlops", "managed-compute", {{"dags/train.py", code}}) == "yes");
    }
}

TEST_CASE("governance rules, round 25: code owners recorded for a repository that trains models") {
    const std::pair<std::string, std::string> owners = {".github/CODEOWNERS", "* @org/ml-team\n"};
    // code owners beside model code: the help's yes, a team recorded as accountable (it was partial)
    CHECK(suggestion("mlops", "model-owners", {owners, {"src/train.py", "model.fit(X, y)\n"}}) == "yes");
    // R's tidymodels (`fit(data = ...)`, `last_fit(`) and a PHP trainer are model code too
    CHECK(suggestion("mlops", "model-owners",
                     {owners, {"pipeline/01-train.R", "final_fit <- wflow %>%\n  fit(data = train)\n"}}) == "yes");
    CHECK(suggestion("mlops", "model-owners", {owners, {"R/train.R", "res <- last_fit(wflow, split)\n"}}) == "yes");
    CHECK(suggestion("mlops", "model-owners",
                     {owners, {"lib/Service/Trainer.php", "<?php\n$model = $this->trainer->train($samples);\n"}}) ==
          "yes");
    // code owners of a repository without model code, model code without code owners, or R's fit( of a curve
    CHECK(suggestion("mlops", "model-owners", {owners, {"app.py", "print('hello')\n"}}) == "-");
    CHECK(suggestion("mlops", "model-owners", {{"pipeline/01-train.R", "fit(data = train)\n"}}) == "-");
    CHECK(suggestion("mlops", "model-owners", {owners, {"R/plot.R", "curve <- fit(x, y)\n"}}) == "-");
    // a commented-out training call is no model code
    CHECK(suggestion("mlops", "model-owners", {owners, {"pipeline/01-train.R", "# fit(data = train)\n"}}) == "-");
}

TEST_CASE("testing rules, round 25: lint on every pull request, tests of the service module, load tests that load") {
    // a pull-request workflow that runs pre-commit and no test still checks every change: yes
    CHECK(suggestion("mlops", "ci-on-every-change",
                     {{".github/workflows/pre-commit.yaml",
                       github_workflow(
                           "pull_request", "pre-commit",
                           "      - uses: actions/checkout@v4\n      - uses: ccao-data/actions/pre-commit@main\n")}}) ==
          "yes");
    CHECK(suggestion("mlops", "ci-on-every-change",
                     {{".github/workflows/lint.yml",
                       github_workflow("pull_request", "lint", "      - run: pre-commit run --all-files\n")}}) ==
          "yes");
    // the same checks on a schedule, or a commented-out step: partial (a workflow on any trigger); a labelling bot
    // is no CI at all
    CHECK(suggestion("mlops", "ci-on-every-change",
                     {{".github/workflows/lint.yml",
                       github_workflow("schedule", "lint", "      - run: pre-commit run --all-files\n")}}) ==
          "partial");
    CHECK(suggestion("mlops", "ci-on-every-change",
                     {{".github/workflows/label.yml",
                       github_workflow("pull_request", "label", "      - uses: actions/labeler@v5\n")}}) == "-");
    CHECK(suggestion("mlops", "ci-on-every-change",
                     {{".github/workflows/lint.yml",
                       github_workflow("pull_request", "lint", "      # - run: pre-commit run --all-files\n")}}) ==
          "partial");

    // a test that imports the module that serves the model, run by CI: yes; with no CI: partial
    const char* service_test =
        "from bentoml_faster_whisper.service import FasterWhisper\n\ndef test_stream():\n    assert FasterWhisper\n";
    CHECK(suggestion("mlops", "app-unit-tests",
                     {{"tests/unit/test_service_endpoints.py", service_test},
                      {".github/workflows/ci.yml", kPytestWorkflow}}) == "yes");
    CHECK(suggestion("mlops", "app-unit-tests", {{"tests/unit/test_service_endpoints.py", service_test}}) == "partial");
    CHECK(suggestion("mlops", "app-unit-tests",
                     {{"tests/test_api.py", "from app.api import router\n\ndef test_x():\n    pass\n"}}) == "partial");
    // importing from a package whose name only contains such a word is no test of the service
    CHECK(suggestion("mlops", "app-unit-tests",
                     {{"tests/test_x.py",
                       "from fastapi import FastAPI\nfrom myservices import x\nfrom server_utils import y\n"
                       "\ndef test_x():\n    pass\n"},
                      {".github/workflows/ci.yml", kPytestWorkflow}}) == "-");

    // a script named as a load test that sends requests or measures latency: partial
    CHECK(suggestion("mlops", "load-latency-tests",
                     {{"scripts/load_test.py",
                       "import httpx\nfor _ in range(100):\n    httpx.post(URL, json=payload)\n"}}) == "partial");
    CHECK(suggestion("mlops", "load-latency-tests",
                     {{"scripts/Load-Test.sh", "for i in $(seq 100); do curl -s \"$URL\" >/dev/null; done\n"}}) ==
          "partial");
    // one that seeds a database with records is no load test
    CHECK(suggestion(
              "mlops", "load-latency-tests",
              {{"backend/scripts/load_test.py",
                "import django\nfrom consultations.models import Response\nResponse.objects.bulk_create(rows)\n"}}) ==
          "-");
}

TEST_CASE("rules, round 25 review: owners named, model code, lint that may fail, serving imports, load tests") {
    const std::pair<std::string, std::string> owners = {".github/CODEOWNERS", "* @acme/ml\n"};
    // a CODEOWNERS that names no owner (GitHub's commented template), Picasso's `.fit()`, a Laravel relationship
    // `$booking->train()`, and a fit only in docs: no recorded owner of model code
    CHECK(suggestion("mlops", "model-owners",
                     {{".github/CODEOWNERS",
                       "# Each line is a file pattern followed by one or more owners.\n"
                       "# * @global-owner1 @global-owner2\n"},
                      {"src/train.py", "model = RandomForestClassifier().fit(X, y)\n"}}) == "-");
    CHECK(suggestion(
              "mlops", "model-owners",
              {owners, {"app/src/main/java/Adapter.java", "Picasso.get().load(url).fit().centerCrop().into(v);\n"}}) ==
          "-");
    CHECK(suggestion("mlops", "model-owners",
                     {owners,
                      {"app/Http/Controllers/BookingController.php",
                       "<?php\n$train = $booking->train()->with('carriages')->first();\n"}}) == "-");
    CHECK(suggestion("mlops", "model-owners", {owners, {"docs/examples/plot.py", "model.fit(X, y)\n"}}) == "-");
    // R's formula first, caret's train, Julia's MLJ and Flux, an owner's e-mail: yes
    CHECK(suggestion("mlops", "model-owners",
                     {owners, {"R/train.R", "lm_fit <- lm_mod %>% fit(price ~ ., data = train)\n"}}) == "yes");
    CHECK(suggestion("mlops", "model-owners",
                     {owners, {"analysis/model.Rmd", "fit <- train(y ~ ., data = d, method = \"rf\")\n"}}) == "yes");
    CHECK(suggestion("mlops", "model-owners",
                     {owners, {"src/train.jl", "mach = machine(Tree(), X, y)\nfit!(mach)\n"}}) == "yes");
    CHECK(suggestion("mlops", "model-owners", {owners, {"src/train.jl", "Flux.train!(model, loader, opt_state)\n"}}) ==
          "yes");
    CHECK(suggestion("mlops", "model-owners",
                     {{"CODEOWNERS", "/models/ ml-team@example.org\n"},
                      {"lib/Trainer.php", "<?php\n$clf->train($samples);\n"}}) == "yes");

    // lint on every pull request: ruff's action, black and mypy, a local pre-commit action, ESLint and Clippy: yes
    const auto pr_ci = [](const std::string& steps) {
        return suggestion("mlops", "ci-on-every-change",
                          {{".github/workflows/lint.yml", github_workflow("pull_request", "lint", steps)}});
    };
    CHECK(pr_ci("      - uses: astral-sh/ruff-action@v3\n") == "yes");
    CHECK(pr_ci("      - run: black --check .\n      - run: mypy src\n") == "yes");
    CHECK(pr_ci("      - uses: ./.github/actions/pre-commit\n") == "yes");
    CHECK(pr_ci("      - run: npx eslint src\n      - run: cargo clippy -- -D warnings\n") == "yes");
    // a commit-message or title linter, or lint that may fail: partial (a workflow on any trigger)
    CHECK(pr_ci("      - uses: wagoid/commitlint-github-action@v6\n") == "partial");
    CHECK(pr_ci("      - uses: morrisoncole/pr-lint-action@v1.7.1\n") == "partial");
    CHECK(pr_ci("      - run: flake8 . --exit-zero --statistics || true\n") == "partial");

    // tests importing the serving module in other forms: yes with CI
    const auto served = [](const std::string& test) {
        return suggestion("mlops", "app-unit-tests",
                          {{"tests/test_x.py", test + "\n\ndef test_x():\n    pass\n"},
                           {".github/workflows/ci.yml", kPytestWorkflow}});
    };
    CHECK(served("from fraud import service") == "yes");
    CHECK(served("from recsys.serving.app import RecommendationHandler") == "yes");
    CHECK(served("import churn.predictor as predictor") == "yes");
    // the standard library's or Werkzeug's server in a test of something else: nothing
    CHECK(served("from http.server import HTTPServer, SimpleHTTPRequestHandler") == "-");
    CHECK(served("from werkzeug.serving import make_server") == "-");

    // load tests the round's narrowing had lost: vegeta, ab with -c first, fetch("..."), Triton's client, a Session
    const auto load = [](const std::string& path, const std::string& text) {
        return suggestion("mlops", "load-latency-tests", {{path, text}});
    };
    CHECK(load("scripts/load_test.sh", "vegeta attack -targets=t.txt -rate=200 -duration=60s | vegeta report\n") ==
          "partial");
    CHECK(load("scripts/stress-test.sh", "ab -c 50 -n 10000 -p payload.json http://localhost:8080/predict\n") ==
          "partial");
    CHECK(load("scripts/load-test.js", "await fetch(\"http://localhost:8080/predict\", {method: \"POST\"});\n") ==
          "partial");
    CHECK(load("bench/perf_test.py",
               "import tritonclient.http as httpclient\nc = httpclient.InferenceServerClient(u)\n") == "partial");
}

TEST_CASE("testing rules, round 26: hooks and linters run by CI through a shell test, pipx or uvx") {
    auto lint = [](const std::string& steps) {
        return suggestion("mlops", "lint-precommit",
                          {{".github/workflows/check.yml", github_workflow("pull_request", "check", steps)}});
    };
    // a shell `if` that runs the hooks and exits when they fail is CI enforcing them: yes (POPROX's form); one that
    // only reports runs them without blocking: partial
    CHECK(lint("      - run: |\n          if pre-commit run --all-files; then\n            echo ok\n          else\n"
               "            echo '::error::pre-commit wants to modify files'\n            exit 1\n          fi\n") ==
          "yes");
    CHECK(lint("      - run: |\n          if pre-commit run --all-files; then\n            echo ok\n          fi\n") ==
          "partial");
    // a linter and a format check run through pipx or uvx are run by CI: yes; the linter alone is partial
    CHECK(lint("      - run: pipx run ruff check .\n      - run: uvx black --check .\n") == "yes");
    CHECK(lint("      - run: uvx ruff check --output-format=github\n") == "partial");
    // a word that merely ends in `if`, or an `if` in a step's name, runs nothing
    CHECK(lint("      - name: diff pre-commit run results\n        run: echo done\n") == "-");
    CHECK(lint("      - name: if pre-commit run fails, read the log\n        run: echo done\n") == "-");
}

TEST_CASE("testing rules, round 26 review: hooks that block, after then, by Jenkins, through uv run's flags") {
    auto lint = [](const std::string& steps) {
        return suggestion("mlops", "lint-precommit",
                          {{".github/workflows/check.yml", github_workflow("pull_request", "check", steps)}});
    };
    // an `if` whose branch commits the fixes or only warns lets the change through: the linter alone
    CHECK(lint("      - run: |\n          if pre-commit run --all-files; then\n            echo ok\n          else\n"
               "            git commit -am fix && git push\n          fi\n") == "partial");
    CHECK(lint("      - run: |\n          if ! pre-commit run --all-files; then\n            echo '::error::run it'\n"
               "            exit 1\n          fi\n") == "yes");
    CHECK(lint("      - run: if [ -f .pre-commit-config.yaml ]; then pre-commit run --all-files; fi\n") == "yes");
    CHECK(lint("      - run: uv run --frozen ruff check .\n      - run: uv run --frozen ruff format --check .\n") ==
          "yes");
    CHECK(suggestion("mlops", "lint-precommit",
                     {{"Jenkinsfile",
                       "pipeline {\n  stages {\n    stage('Lint') {\n      steps {\n"
                       "        sh 'pre-commit run --all-files'\n      }\n    }\n  }\n}\n"}}) == "yes");
}

TEST_CASE("testing rules, round 27: a test that mocks the training, and cron jobs that delete old images") {
    auto mechanics = [](const std::string& code) {
        return suggestion("mlops", "model-code-tests", {{"tests/test_training.py", code}});
    };
    CHECK(mechanics("def test_train_model(data):\n    model = train(data)\n    assert model is not None\n") ==
          "partial");
    // a test whose file mocks the training checks nothing of the model's mechanics
    CHECK(mechanics("from unittest.mock import MagicMock\ndef test_training_flow(monkeypatch):\n"
                    "    mock_train = MagicMock()\n    run_flow()\n") == "-");
    CHECK(mechanics("@patch(\"pkg.factory_pipeline.RandomizedSearchCV\")\ndef test_train_bert_model(m):\n"
                    "    train()\n") == "-");
    CHECK(mechanics("@patch(\"pkg.trainer.fit\")\ndef test_train(m):\n    train()\n") == "-");
    // mocking something else (a download) leaves the training test a training test
    CHECK(mechanics("@patch(\"pkg.io.download\")\ndef test_train_model(m):\n    train()\n") == "partial");
    // so does mocking the data the training reads; a patched model class or fit is the training mocked
    CHECK(mechanics("@patch(\"churn.train.load_training_data\")\ndef test_train_model(m):\n"
                    "    mock_train_df = make_frame()\n    model = train()\n") == "partial");
    CHECK(mechanics("def test_train_pipeline(mocker):\n    mocker.patch(\"churn.pipeline.XGBClassifier\")\n") == "-");
    CHECK(mechanics("def test_train(m):\n    with patch.object(ChurnTrainer, \"fit\"):\n        run()\n") == "-");

    // a cron workflow named for deleting old images or packages, or one that shows top issues, is housekeeping; a
    // scoring job that also prunes its own old images is not
    auto scheduled = [](const std::string& name, const std::string& steps) {
        return suggestion(
            "mlops", "scheduled-job-from-code",
            {{".github/workflows/cron.yml", "name: " + name + "\n" + github_workflow("schedule", "job", steps)}});
    };
    CHECK(scheduled("Clean up untagged container images",
                    "      - run: gh api /orgs/acme/packages/container/model/versions/$ID -X DELETE\n") == "-");
    CHECK(scheduled("Prune old ECR images", "      - run: aws ecr batch-delete-image --repository-name m\n") == "-");
    CHECK(scheduled("Top issues", "      - uses: rickstaa/top-issues-action@v1\n") == "-");
    CHECK(scheduled("Nightly scoring",
                    "      - run: ./score_customers.sh\n"
                    "      - uses: actions/delete-package-versions@v5\n") == "partial");
    CHECK(scheduled("Refresh", "      - run: ./refresh_features.sh\n") == "partial");
}

TEST_CASE("rules, held-out 18: a data module's NaN checks, and a database migration's SELECT") {
    // a NaN check on a model's output is a mechanics test (partial); the same check in a data module's tests
    // checks the data
    const char* nan_check = "def test_load(x):\n    out = run(x)\n    assert not np.isnan(out).any()\n";
    CHECK(suggestion("mlops", "model-code-tests", {{"tests/unit/models/test_net.py", nan_check}}) == "partial");
    CHECK(suggestion("mlops", "model-code-tests", {{"tests/unit/data/test_nwp.py", nan_check}}) == "-");
    CHECK(suggestion("mlops", "model-code-tests", {{"tests/unit/dataset/test_nwp.py", nan_check}}) == "-");
    CHECK(suggestion("mlops", "model-code-tests", {{"tests/unit/test_features.py", nan_check}}) == "-");
    // a SELECT in a migration of the app's own database (golang-migrate's and Rails' migrate/) extracts nothing
    const char* select = "UPDATE files SET taken = (SELECT taken FROM photos WHERE photos.id = files.photo_id);\n";
    CHECK(suggestion("mlops", "data-from-code", {{"sql/extract.sql", select}}) == "partial");
    CHECK(suggestion("mlops", "data-from-code", {{"internal/entity/migrate/sqlite3/20220329.sql", select}}) == "-");
    CHECK(suggestion("mlops", "data-from-code", {{"db/migrate/001_init.sql", select}}) == "-");
    // sqitch's verify and revert scripts and Scenic's versioned views belong to the app's database too
    CHECK(suggestion("mlops", "data-from-code", {{"verify/users.sql", select}}) == "-");
    CHECK(suggestion("mlops", "data-from-code", {{"db/views/searches_v01.sql", select}}) == "-");
}

TEST_CASE("testing rules, round 28: linters run by an organisation's shared workflow or the Makefile's check target") {
    auto lint_in = [](const std::string& path, const std::string& text) {
        return suggestion("mlops", "lint-precommit", {{path, text}});
    };
    // a shared workflow called with its lint switch on runs the linters on every pull request: yes
    auto shared = [](const std::string& inputs) {
        return "on:\n  pull_request:\njobs:\n  branch-ci:\n"
               "    uses: acme/.github/.github/workflows/nondefault_branch_push_ci_python.yml@v1.9.0\n"
               "    secrets: inherit\n    with:\n" +
               inputs;
    };
    CHECK(lint_in(".github/workflows/branch_ci.yml",
                  shared("      enable_linting: true\n      tests_folder: tests\n")) == "yes");
    CHECK(lint_in(".github/workflows/ci.yml", shared("      tests_folder: tests\n      run-lint: 'true'\n")) == "yes");
    // the switch off, or another input on, lints nothing; nor does a lint switch of a local action
    CHECK(lint_in(".github/workflows/branch_ci.yml", shared("      enable_linting: false\n")) == "-");
    CHECK(lint_in(".github/workflows/branch_ci.yml", shared("      enable_typechecking: true\n")) == "-");
    CHECK(lint_in(".github/workflows/ci.yml", github_workflow("push", "build",
                                                              "      - uses: ./.github/actions/setup\n        with:\n"
                                                              "          lint: true\n")) == "-");

    // CI that runs the Makefile's check target, when that target runs the hooks or a linter: yes
    const std::string make_checks = github_workflow("pull_request", "quality", "      - run: make checks\n");
    CHECK(suggestion("mlops", "lint-precommit",
                     {{".github/workflows/quality.yml", make_checks},
                      {"Makefile", "lint: toml-lint ruff-format\n\nchecks: toml-check ruff-check mypy docs\n"}}) ==
          "yes");
    CHECK(suggestion("mlops", "lint-precommit",
                     {{".github/workflows/ci.yml",
                       "on: [push]\njobs:\n  quality:\n    uses: acme/ci/.github/workflows/python.yml@v2\n"
                       "    with:\n      check_command: \"make check\"\n"},
                      {"Makefile",
                       "check: ## Run code quality tools.\n\t@uv lock --locked\n"
                       "\t@echo \"Linting code\"\n\t@uv run pre-commit run -a\n"}}) == "yes");
    // a check target that runs only the tests, a Makefile variable named check, or no CI call: no lint
    CHECK(suggestion("mlops", "lint-precommit",
                     {{".github/workflows/quality.yml", make_checks}, {"Makefile", "checks:\n\tpytest tests\n"}}) ==
          "-");
    CHECK(suggestion("mlops", "lint-precommit",
                     {{".github/workflows/quality.yml", make_checks}, {"Makefile", "check := ruff-check\n"}}) == "-");
    CHECK(suggestion("mlops", "lint-precommit", {{"Makefile", "check:\n\truff check .\n"}}) == "-");
}

TEST_CASE("testing rules, held-out 21: make check-python, uv tool run, and hooks whose failure fails the job later") {
    const std::string make_nofix = github_workflow("pull_request", "lint", "      - run: make check-python-nofix\n");
    const char* makefile =
        "check-python: ## Format the python code (auto fix)\n\tuv tool run ruff check . --fix\n\n"
        "check-python-nofix: ## Format the python code (no fix)\n\tuv tool run ruff check .\n"
        "\tuv tool run bandit -r src\n";
    // classifai: CI runs the Makefile's check-python-nofix, whose recipe runs ruff through `uv tool run` (uvx)
    CHECK(suggestion("mlops", "lint-precommit", {{".github/workflows/ci.yml", make_nofix}, {"Makefile", makefile}}) ==
          "yes");
    CHECK(suggestion("mlops", "lint-precommit",
                     {{".github/workflows/ci.yml", github_workflow("push", "quality", "      - run: make check\n")},
                      {"Makefile", "check:\n\tuv tool run ruff check src\n"}}) == "yes");
    // a check target named for something other than the code (migrations, links) lints nothing, even beside a
    // Makefile that has a linting check target; a step that may fail blocks nothing
    CHECK(suggestion("mlops", "lint-precommit",
                     {{".github/workflows/ci.yml",
                       github_workflow("pull_request", "db", "      - run: make check-migrations\n")},
                      {"Makefile", makefile}}) == "-");
    CHECK(suggestion("mlops", "lint-precommit",
                     {{".github/workflows/ci.yml",
                       github_workflow("pull_request", "lint",
                                       "      - run: make check-python-nofix\n        continue-on-error: true\n")},
                      {"Makefile", makefile}}) == "-");
    // seer: the hooks run in a step allowed to fail (a bot pushes their fixes back), and a later step fails the job
    // when that step failed: they block the merge (yes); without the failing step, or when it only comments, they
    // block nothing (the hook file alone: partial)
    const char* hooks = "repos:\n  - repo: https://github.com/psf/black\n    hooks:\n      - id: black\n";
    const std::string run_hooks =
        "      - name: Run pre-commit on PR commits\n        id: pre-commit_results\n        continue-on-error: true\n"
        "        run: |\n          git diff --name-only origin/main | xargs pre-commit run --files\n";
    const std::string fail_job =
        "      - name: Fail job if pre-commit failed\n"
        "        if: ${{ steps.pre-commit_results.outcome == 'failure' }}\n        run: |\n"
        "          echo \"Pre-commit checks failed.\"\n          exit 1\n";
    const std::string comment_only =
        "      - name: Comment\n        if: ${{ steps.pre-commit_results.outcome == 'failure' }}\n"
        "        run: gh pr comment --body \"please run pre-commit\"\n";
    auto seer = [&](const std::string& steps) {
        return suggestion("mlops", "lint-precommit",
                          {{".github/workflows/linting.yml", github_workflow("pull_request", "linting", steps)},
                           {".pre-commit-config.yaml", hooks}});
    };
    CHECK(seer(run_hooks + fail_job) == "yes");
    CHECK(seer(run_hooks) == "partial");
    CHECK(seer(run_hooks + comment_only) == "partial");
    CHECK(seer(run_hooks +
               "      # - if: ${{ steps.pre-commit_results.outcome == 'failure' }}\n      #   run: exit 1\n") ==
          "partial");
    // uv tool run is uvx in a workflow too: a linter and a format check, yes
    CHECK(suggestion("mlops", "lint-precommit",
                     {{".github/workflows/lint.yml",
                       github_workflow("pull_request", "lint",
                                       "      - run: uv tool run ruff check .\n"
                                       "      - run: uv tool run ruff format --check .\n")}}) == "yes");
}

TEST_CASE("testing rules, held-out 19: a pull-request workflow that compiles the code checks every change") {
    auto ci = [](const std::string& trigger, const std::string& steps) {
        return suggestion("mlops", "ci-on-every-change",
                          {{".github/workflows/build.yml", github_workflow(trigger, "build", steps)}});
    };
    // a .NET build, CMake, MSBuild or Bazel build on every pull request builds each change: yes, as Go's, Cargo's,
    // Maven's and Gradle's builds already were
    CHECK(ci("pull_request",
             "      - run: dotnet restore\n      - run: dotnet build --no-restore\n"
             "      #- run: dotnet test --no-build\n") == "yes");
    CHECK(ci("pull_request", "      - run: |\n          cmake . -DUSE_BACKEND=OPENCL\n          make -j4\n") == "yes");
    CHECK(ci("pull_request", "      - run: cmake -S . -B build\n      - run: cmake --build build\n") == "yes");
    CHECK(ci("pull_request", "      - run: cmake -B build\n") == "yes");
    CHECK(ci("pull_request", "      - run: msbuild App.sln /p:Configuration=Release\n") == "yes");
    CHECK(ci("pull_request", "      - run: bazel build //...\n") == "yes");
    CHECK(ci("pull_request", "      - run: go build ./...\n") == "yes");
    // installing CMake builds nothing; a build only on a manual dispatch, or commented out, leaves a workflow that
    // runs by hand or checks nothing: partial
    CHECK(ci("pull_request", "      - run: sudo apt-get install -y cmake build-essential\n") == "partial");
    CHECK(ci("workflow_dispatch", "      - run: dotnet build\n") == "partial");
    CHECK(ci("pull_request", "      # - run: dotnet build\n      - run: echo hi\n") == "partial");
}

TEST_CASE("testing rules, held-out 19: a Prow presubmit that runs the hooks on every pull request") {
    auto prow = [](const std::string& text) { return suggestion("mlops", "lint-precommit", {{".prow.yaml", text}}); };
    const std::string head =
        "presubmits:\n  - name: pre-commit\n    always_run: true\n    spec:\n      containers:\n"
        "        - image: quay.io/thoth-station/thoth-precommit-py38:v0.14.3\n";
    CHECK(prow(head + "          command:\n            - \"pre-commit\"\n            - \"run\"\n"
                      "            - \"--all-files\"\n") == "yes");
    CHECK(prow(head + "          command: [\"pre-commit\", \"run\", \"--all-files\"]\n") == "yes");
    // a presubmit that installs the hooks, or a periodic job (no presubmits), is no check of each pull request
    CHECK(prow(head + "          command:\n            - \"pre-commit\"\n            - \"install\"\n") == "-");
    CHECK(prow("periodics:\n  - name: hooks\n    spec:\n      containers:\n        - command:\n"
               "            - pre-commit\n            - run\n") == "-");
}

TEST_CASE("testing rules, round 28 review: shared lint switches, Makefile checks, Prow jobs and builds") {
    auto lint = [](const Files& files) { return suggestion("mlops", "lint-precommit", files); };
    auto workflow = [](const std::string& jobs) { return "name: ci\non:\n  pull_request:\njobs:\n" + jobs; };
    // a shared workflow's lint switch counts in a flow mapping, not for a Docker image's workflow, nor as a key of
    // another job's env
    CHECK(lint({{".github/workflows/ci.yml",
                 workflow("  python:\n    uses: \"acme/shared/.github/workflows/python-ci.yml@v3\"\n"
                          "    with: { python-version: \"3.11\", lint: true }\n")}}) == "yes");
    CHECK(lint({{".github/workflows/ci.yml",
                 workflow("  image:\n    uses: acme/.github/.github/workflows/docker-image.yml@v2\n    with:\n"
                          "      image-name: scorer\n      lint: true\n")}}) == "-");
    CHECK(lint({{".github/workflows/ci.yml",
                 workflow("  docs:\n    uses: acme/.github/.github/workflows/mkdocs.yml@v1\n    with:\n"
                          "      python-version: \"3.11\"\n  helm:\n    runs-on: ubuntu-latest\n    steps:\n"
                          "      - run: helm template charts/scorer\n        env:\n          lint: true\n")}}) == "-");
    // a shared workflow started only by a release lints no change before it lands
    CHECK(lint({{".github/workflows/release.yml",
                 "on:\n  release:\n    types: [published]\njobs:\n  ci:\n"
                 "    uses: acme/.github/.github/workflows/python-ci.yml@v1\n    with:\n      run-lint: true\n"}}) ==
          "-");

    // the Makefile's check target: the top's Makefile, a linter run as a command whose failure counts
    const std::string make_check =
        workflow("  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make check\n");
    CHECK(lint({{".github/workflows/ci.yml", make_check},
                {"Makefile", "check:\n\tpytest tests/\n"},
                {"services/tokenizer/Makefile", "check:\n\tflake8 tokenizer/\n"}}) == "-");
    CHECK(lint({{".github/workflows/ci.yml", make_check},
                {"Makefile",
                 "check: .git/hooks/pre-commit\n\tpytest tests/\n\n.git/hooks/pre-commit:\n"
                 "\tpre-commit install\n"}}) == "-");
    CHECK(lint({{".github/workflows/ci.yml", make_check},
                {"Makefile", "check:\n\tpip install pytest flake8\n\tpytest\n"}}) == "-");
    CHECK(lint({{".github/workflows/ci.yml", make_check}, {"Makefile", "check:\n\tflake8 src/ || true\n"}}) == "-");
    CHECK(lint({{".github/workflows/ci.yml",
                 workflow("  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make quality\n"
                          "        continue-on-error: true\n")},
                {"Makefile", "quality:\n\truff check .\n"}}) == "-");
    CHECK(lint({{".github/workflows/ci.yml", make_check},
                {"Makefile", "check:\n\t$(MAKE) lint\n\tpytest\n\nlint:\n\truff check .\n"}}) == "yes");
    CHECK(lint({{".github/workflows/ci.yml", make_check},
                {"Makefile", "check:\n\tuv run black --check .\n\tuv run mypy src\n"}}) == "yes");
    CHECK(lint({{"Jenkinsfile",
                 "pipeline {\n  stages {\n    stage('Check') {\n      steps {\n"
                 "        sh 'make check'\n      }\n    }\n  }\n}\n"},
                {"Makefile", "check: lint test\n"}}) == "yes");

    // a Prow job that runs the hooks counts inside presubmits only; a shell line or args list counts there
    const std::string presubmit =
        "presubmits:\n  - name: pull-hooks\n    spec:\n      containers:\n"
        "        - image: python:3.11\n";
    CHECK(lint({{".prow.yaml", presubmit + "          command:\n            - pytest\n"
                                           "periodics:\n  - name: hooks\n    spec:\n      containers:\n"
                                           "        - command:\n            - pre-commit\n            - run\n"}}) ==
          "-");
    CHECK(lint({{".prow.yaml", presubmit + "          command:\n            - /bin/bash\n            - -c\n"
                                           "            - pip install pre-commit && pre-commit run --all-files\n"}}) ==
          "yes");
    CHECK(lint({{".prow.yaml", presubmit + "          command: [\"pre-commit\"]\n"
                                           "          args: [\"run\", \"--all-files\"]\n"}}) == "yes");

    // a docs build with make -j, or the setup-msbuild action alone, builds none of the code: partial, as before
    auto ci = [](const std::string& steps) {
        return suggestion("mlops", "ci-on-every-change",
                          {{".github/workflows/ci.yml", github_workflow("pull_request", "build", steps)}});
    };
    CHECK(ci("      - run: cd docs && make -j 2 html\n") == "partial");
    CHECK(ci("      - uses: microsoft/setup-msbuild@v2\n      - run: npx markdownlint-cli2 \"**/*.md\"\n") ==
          "partial");
    CHECK(ci("      - run: |\n          cmake -DCMAKE_BUILD_TYPE=Release ..\n          make -j4\n") == "yes");
    CHECK(ci("      - run: cmake -G Ninja .. && ninja\n") == "yes");
}

TEST_CASE("rules, round 29: timed backups, preview clean-ups and the repository's own metadata are housekeeping") {
    auto scheduled = [](const std::string& name, const std::string& steps) {
        return suggestion(
            "mlops", "scheduled-job-from-code",
            {{".github/workflows/cron.yml", "name: " + name + "\n" + github_workflow("schedule", "job", steps)}});
    };
    // held-out 20's ai-answers: three timed workflows, none of them a step around the models
    CHECK(scheduled("S3 backup", "      - run: aws s3 sync s3://app-data s3://app-backup\n") == "-");
    CHECK(scheduled("Nightly database backups", "      - run: ./bin/pg_dump_to_s3.sh\n") == "-");
    CHECK(scheduled("Delete unused AI Answers PR review environments", "      - run: ./bin/delete_old_envs.sh\n") ==
          "-");
    CHECK(scheduled("Clean up preview deployments", "      - run: vercel remove --safe\n") == "-");
    CHECK(scheduled("GitHub repository metadata exporter",
                    "      - uses: cds-snc/github-repository-metadata-exporter@main\n") == "-");
    CHECK(scheduled("Collect GitHub traffic stats", "      - run: python collect_traffic.py\n") == "-");
    // a timed job around the data or the models is still one, whatever else its name says
    CHECK(scheduled("Refresh the backup forecasts", "      - run: ./score_backup_sites.sh\n") == "partial");
    CHECK(scheduled("Export features from GitHub events", "      - run: ./export_features.sh\n") == "partial");
    CHECK(scheduled("Delete stale predictions and rescore", "      - run: ./rescore.sh\n") == "partial");
}

TEST_CASE(
    "testing rules, round 32: tests of steps named for features or preprocessing need a model the repository trains") {
    const auto tested = [](const Files& files) { return suggestion("mlops", "training-code-tested", files); };
    const std::pair<std::string, std::string> preprocess_test{
        "tests/test_model.py", "def test_preprocess_raises_for_missing_params(model):\n    model.preprocess({})\n"};
    // a service that loads a model trained elsewhere preprocesses its requests: no training code to test
    CHECK(tested({preprocess_test, {"src/model.py", "model = joblib.load(path)\nmodel.predict(x)\n"}}) == "-");
    // a data platform's pipeline tests are no training tests
    CHECK(tested({{"src/tests/test_s3.py", "def test_pipeline_for_gives_each_table_a_name():\n"}}) == "-");
    // training code only in the tests, the docs or an example is not the repository's training
    CHECK(tested({preprocess_test,
                  {"tests/conftest.py", "clf.fit(X, y)\n"},
                  {"docs/howto.py", "clf.fit(X, y)\n"},
                  {"examples/train.py", "clf.fit(X, y)\n"}}) == "-");
    // the same tests where the repository fits, saves or steps a model
    CHECK(tested({preprocess_test, {"src/train.py", "clf.fit(X_train, y_train)\n"}}) == "partial");
    CHECK(tested({preprocess_test, {"src/train.py", "torch.save(model.state_dict(), path)\n"}}) == "partial");
    CHECK(tested({preprocess_test, {"src/loop.py", "    loss.backward()\n"}}) == "partial");
    CHECK(tested({preprocess_test, {"R/fit.R", "fit(price ~ ., data = train)\n"}}) == "partial");
    // a test named for training says so itself: no training code needed beside it
    CHECK(tested({{"tests/test_train.py", "def test_train_model():\n"}}) == "partial");
}
