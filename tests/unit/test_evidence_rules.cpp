// The evidence rules of the built-in questionnaires on small fixture trees: for each judgement the rules make
// (docs/scan.md, "What counts"), a tree where it holds and one where it must not (the mistakes seen in issue 14).
#include <string>

#include "builtin_evidence.hpp"
#include "catch.hpp"

using namespace mm;
using mm::test::Files;
using mm::test::suggestion;

namespace {

const char* kTriageBot = "name: triage\non:\n  issues:\n    types: [opened]\njobs:\n  label:\n    runs-on: ubuntu-latest\n"
                         "    steps:\n      - uses: actions/github-script@v7\n";
const char* kPytestWorkflow = "on: [push, pull_request]\njobs:\n  test:\n    steps:\n      - run: python -m pytest -q\n";
const char* kDocsDeploy = "on:\n  push:\njobs:\n  deploy:\n    steps:\n      - run: pip install mkdocs\n"
                          "      - run: mkdocs gh-deploy --force\n";
const char* kTest = "def test_add():\n    assert 1 + 1 == 2\n";

}  // namespace

TEST_CASE("rules: tests in CI need a CI file that runs a test command") {
    // any test file plus any workflow (an issue-triage bot) is not "tests in CI"
    CHECK(suggestion("mlops", "unit-tests-ci", {{".github/workflows/triage.yml", kTriageBot}, {"tests/test_a.py", kTest}}) ==
          "partial");
    CHECK(suggestion("mlops", "unit-tests-ci", {{".github/workflows/ci.yml", kPytestWorkflow}, {"tests/test_a.py", kTest}}) ==
          "yes");
    // a commented-out test step does not run
    CHECK(suggestion("mlops", "unit-tests-ci",
                     {{".gitlab-ci.yml", "test:\n  script:\n    # - pytest\n    - echo skip\n"}, {"tests/test_a.py", kTest}}) ==
          "partial");
    // every CI system, every test runner, `*_test.py` files
    const std::vector<std::pair<std::string, std::string>> ci = {
        {".gitlab-ci.yml", "test:\n  script: [tox -e py311]\n"},
        {"azure-pipelines.yml", "steps:\n  - script: python -m unittest discover\n"},
        {".azure-pipelines/ci.yml", "steps:\n  - script: nox -s tests\n"},
        {".pipelines/pr.yml", "steps:\n  - script: |\n      python -m pytest .\n"},
        {"Jenkinsfile", "pipeline { stages { stage('t') { steps { sh 'make test' } } } }\n"},
        {".circleci/config.yml", "jobs:\n  test:\n    steps:\n      - run: pytest\n"},
        {".buildkite/pipeline.yml", "steps:\n  - command: go test ./...\n"},
        {".travis.yml", "script:\n  - ./oss_scripts/oss_tests.sh\n"},
    };
    for (const auto& [path, text] : ci) {
        CAPTURE(path);
        CHECK(suggestion("mlops", "unit-tests-ci", {{path, text}, {"pkg/features_test.py", kTest}}) == "yes");
        CHECK(suggestion("mlops-ct", "code-unit-tested", {{path, text}, {"pkg/features_test.py", kTest}}) == "yes");
        CHECK(suggestion("mlops-org", "tests-on-every-change", {{path, text}, {"pkg/features_test.py", kTest}}) == "yes");
    }
    // files under tests/ that are not tests (fixtures, a harness script) are not tests
    CHECK(suggestion("mlops", "unit-tests-ci", {{"tests/fixtures/data.csv", "a,b\n"}, {"tests/harness.sh", "echo\n"}}) == "-");
    // a test of training code is "yes" when CI runs the tests, "partial" otherwise
    const char* train_test = "def test_train_model():\n    assert train() is not None\n";
    CHECK(suggestion("mlops", "training-code-tested", {{"tests/test_train.py", train_test}}) == "partial");
    CHECK(suggestion("mlops", "training-code-tested", {{"tests/test_train.py", train_test},
                                                       {".github/workflows/triage.yml", kTriageBot}}) == "partial");
    CHECK(suggestion("mlops", "training-code-tested", {{"tests/test_train.py", train_test},
                                                       {".github/workflows/ci.yml", kPytestWorkflow}}) == "yes");
    // a model test in CI is "yes" only when it checks the loss (or NaN); a name alone is "partial"
    CHECK(suggestion("mlops", "model-code-tests", {{"tests/test_model.py", "def test_model_loss():\n    pass\n"},
                                                   {".github/workflows/ci.yml", kPytestWorkflow}}) == "partial");
    CHECK(suggestion("mlops", "model-code-tests",
                     {{"tests/test_model.py", "def test_model_loss():\n    assert step_loss(2) < step_loss(1)\n"},
                      {".github/workflows/ci.yml", kPytestWorkflow}}) == "yes");
    CHECK(suggestion("mlops", "model-code-tests", {{"tests/test_model.py", "def test_model_loss():\n    pass\n"}}) ==
          "partial");
    CHECK(suggestion("mlops-ct", "pipeline-code-tested", {{".github/workflows/triage.yml", kTriageBot},
                                                          {"tests/test_a.py", kTest}}) == "partial");
}

TEST_CASE("rules: CI on every change is a workflow run by a push or pull request") {
    CHECK(suggestion("mlops", "ci-on-every-change", {{".github/workflows/triage.yml", kTriageBot}}) == "-");
    CHECK(suggestion("mlops", "ci-on-every-change", {{".github/workflows/ci.yml", kPytestWorkflow}}) == "yes");
    // a workflow on pull requests that builds or tests nothing is CI in part (see test_evidence_rules_testing.cpp)
    CHECK(suggestion("mlops", "ci-on-every-change",
                     {{".github/workflows/ci.yaml", "on:\n  pull_request:\n    branches: [main]\n"}}) == "partial");
    CHECK(suggestion("mlops", "ci-on-every-change", {{"Jenkinsfile", "pipeline {}\n"}}) == "partial");
    CHECK(suggestion("mlops", "ci-on-every-change", {{"Jenkinsfile", "pipeline { steps { sh 'make test' } }\n"}}) == "yes");
    // a workflow that only publishes the documentation site does not check changes
    CHECK(suggestion("mlops", "ci-on-every-change", {{".github/workflows/docs.yml", kDocsDeploy}}) == "-");
    CHECK(suggestion("mlops", "ci-on-every-change", {{".circleci/config.yml", "version: 2.1\n"}}) == "partial");
    CHECK(suggestion("mlops", "ci-on-every-change", {{".travis.yml", "language: python\nscript: pytest\n"}}) == "yes");
}

TEST_CASE("rules: a scheduled bot is not a scheduled job") {
    const char* stale = "on:\n  schedule:\n    - cron: '0 0 * * *'\njobs:\n  s:\n    steps:\n      - uses: actions/stale@v9\n";
    const char* retrain = "on:\n  schedule:\n    - cron: '0 3 * * 1'\njobs:\n  t:\n    steps:\n      - run: python train.py\n";
    CHECK(suggestion("mlops", "scheduled-job-from-code", {{".github/workflows/stale.yml", stale}}) == "-");
    // a schedule that runs the training is the whole practice (see "a scheduled workflow that runs ...")
    CHECK(suggestion("mlops", "scheduled-job-from-code", {{".github/workflows/retrain.yml", retrain}}) == "yes");
    CHECK(suggestion("mlops-ct", "retraining-automatic", {{".github/workflows/stale.yml", stale}}) == "-");
    CHECK(suggestion("mlops-ct", "retraining-automatic", {{".github/workflows/retrain.yml", retrain}}) == "partial");
    // nightly tests are CI on a schedule, not a scheduled job
    const char* nightly = "on:\n  schedule:\n    - cron: '0 0 * * 1'\njobs:\n  t:\n    steps:\n      - run: make test\n";
    CHECK(suggestion("mlops", "scheduled-job-from-code", {{".github/workflows/tests.yml", nightly}}) == "-");
    // a Prefect deployment's schedule, as a list item (Prefect 2+) or a bare key; commented out it is none
    CHECK(suggestion("mlops", "scheduled-job-from-code",
                     {{"prefect.yaml", "deployments:\n- name: auto-retrain\n  schedules:\n  - cron: 0 3 * * *\n"}}) == "yes");
    CHECK(suggestion("mlops", "scheduled-job-from-code", {{"flows/prefect.yml", "deployments:\n- name: r\n  cron: 0 3 * * *\n"}}) == "yes");
    CHECK(suggestion("mlops", "scheduled-job-from-code",
                     {{"prefect.yaml", "deployments:\n- name: r\n  schedules: []\n  # - cron: 0 3 * * *\n"}}) == "-");
}

TEST_CASE("rules: a container serves only with a serving entry point") {
    const char* q = "mlops";
    const char* id = "serving-containerised";
    CHECK(suggestion(q, id, {{"Dockerfile", "FROM jupyter/scipy-notebook\nCMD [\"jupyter\", \"lab\"]\n"}}) == "-");
    CHECK(suggestion(q, id, {{"docs/Dockerfile", "FROM python\nRUN pip install mkdocs\nCMD mkdocs serve\n"}}) == "-");
    CHECK(suggestion(q, id, {{".devcontainer/Dockerfile", "FROM python\nCMD uvicorn app:app\n"}}) == "-");
    CHECK(suggestion(q, id, {{"Dockerfile", "FROM python\nRUN pip install uvicorn\n# CMD uvicorn app:app\n"}}) == "-");
    // a serving entry point shows that an image exists (partial); yes needs a build process (the next case)
    CHECK(suggestion(q, id, {{"Dockerfile", "FROM python\nCMD [\"uvicorn\", \"app:app\"]\n"}}) == "partial");
    CHECK(suggestion(q, id, {{"deploy/serve.dockerfile", "FROM python\nENTRYPOINT gunicorn app:app\n"}}) == "partial");
    CHECK(suggestion(q, id, {{"Dockerfile.api", "FROM python\nCMD [\"python\", \"app.py\"]\n"}}) == "partial");
    CHECK(suggestion(q, id, {{"Dockerfile", "FROM tensorflow/serving:2.14.0\nCOPY model /models/m\n"}}) == "partial");
    CHECK(suggestion(q, id, {{"Dockerfile", "FROM python\nCMD mlflow models serve -m models:/m/1\n"}}) == "partial");
    CHECK(suggestion("mlops-ct", "serving-image-built-in-ci",
                     {{"Dockerfile", "FROM jupyter/base-notebook\n"}, {".github/workflows/b.yml", "run: docker build .\n"}}) == "-");
    CHECK(suggestion("mlops-ct", "serving-image-built-in-ci",
                     {{"Dockerfile", "FROM python\nCMD [\"uvicorn\", \"app:app\"]\n"},
                      {".github/workflows/b.yml", "run: docker build .\n"}}) == "yes");
}

TEST_CASE("rules: a serving image is yes only when a build process makes it") {
    const char* q = "mlops";
    const char* id = "serving-containerised";
    const std::pair<std::string, std::string> image{"Dockerfile", "FROM python\nCMD [\"uvicorn\", \"app:app\"]\n"};
    CHECK(suggestion(q, id, {image, {".github/workflows/cd.yml", "    steps:\n      - run: docker build -t m:${{ github.sha }} .\n"}}) == "yes");
    CHECK(suggestion(q, id, {image, {".github/workflows/cd.yml", "      - uses: docker/build-push-action@v6\n"}}) == "yes");
    CHECK(suggestion(q, id, {image, {"Jenkinsfile", "stage('image') { steps { sh 'docker build -t m .' } }\n"}}) == "yes");
    CHECK(suggestion(q, id, {image, {"cloudbuild.yaml", "steps:\n- name: gcr.io/cloud-builders/docker\n  args: [build, .]\n"}}) == "yes");
    // a build that is commented out, or a workflow that only tests, is no build process
    CHECK(suggestion(q, id, {image, {".github/workflows/cd.yml", "      # - run: docker build .\n"}}) == "partial");
    CHECK(suggestion(q, id, {image, {".github/workflows/ci.yml", "      - run: pytest\n"}}) == "partial");
    // a build in a script a person runs is by hand
    CHECK(suggestion(q, id, {image, {"build-containers.sh", "docker build -t model .\n"}}) == "partial");
    // no serving entry point: a build in CI does not make the image a serving one
    CHECK(suggestion(q, id, {{"Dockerfile", "FROM jupyter/base-notebook\n"}, {".github/workflows/cd.yml", "      - run: docker build .\n"}}) == "-");
    // a Bento: defined (partial), containerised in CI (yes)
    CHECK(suggestion(q, id, {{"bentofile.yaml", "service: 'service:svc'\n"}}) == "partial");
    CHECK(suggestion(q, id, {{"bentofile.yaml", "service: 'service:svc'\n"},
                             {".github/workflows/cd.yml", "      - run: bentoml build && bentoml containerize m:latest\n"}}) == "yes");
    // MLflow building a serving image from a model version in code is a build process
    CHECK(suggestion(q, id, {{"src/autoserve.py", "mlflow.models.build_docker(model_uri=uri, name=tag)\n"}}) == "yes");
    CHECK(suggestion(q, id, {{"src/autoserve.py", "# mlflow.models.build_docker(model_uri=uri)\n"}}) == "-");
    CHECK(suggestion(q, id, {{"tests/test_serve.py", "mlflow.models.build_docker(model_uri=uri)\n"}}) == "-");
}

TEST_CASE("rules: documentation deploys are not deployments") {
    CHECK(suggestion("mlops", "cicd-model-release", {{".github/workflows/docs.yml", kDocsDeploy}}) == "-");
    CHECK(suggestion("mlops", "cicd-model-release",
                     {{".github/workflows/pages.yml", "jobs:\n  deploy:\n    steps:\n      - uses: actions/deploy-pages@v4\n"}}) ==
          "-");
    // a site published to GitHub Pages by name, without the Pages actions (a branch pushed by a job;
    // nhp_model's "Deploy schema.json to GitHub Pages")
    const char* named_pages =
        "name: Deploy schema.json to GitHub Pages\njobs:\n  build:\n    steps:\n"
        "      - run: git push origin schemas\n";
    CHECK(suggestion("mlops", "cicd-model-release", {{".github/workflows/build_schema.yaml", named_pages}}) == "-");
    CHECK(suggestion("mlops", "audit-trail", {{".github/workflows/build_schema.yaml", named_pages}}) == "-");
    CHECK(suggestion("mlops-ct", "cd-releases-approved-model",
                     {{".github/workflows/build_schema.yaml", named_pages}}) == "-");
    CHECK(suggestion("mlops-org", "cicd-for-releases", {{".github/workflows/build_schema.yaml", named_pages}}) == "-");
    CHECK(suggestion("mlops", "cicd-model-release", {{".github/workflows/ci.yml", "on: pull_request\njobs: {}\n"
                                                                                  "  # allow-prereleases: true\n"}}) == "-");
    CHECK(suggestion("mlops", "cicd-model-release",
                     {{".github/workflows/cd.yml", "jobs:\n  deploy:\n    steps:\n      - run: kubectl apply -f k8s/\n"}}) ==
          "partial");
    CHECK(suggestion("mlops-ct", "cd-releases-approved-model", {{".github/workflows/docs.yml", kDocsDeploy}}) == "-");
    CHECK(suggestion("mlops-org", "cicd-for-releases", {{".github/workflows/docs.yml", kDocsDeploy}}) == "-");
    CHECK(suggestion("mlops-org", "cicd-for-releases",
                     {{".gitlab-ci.yml", "deploy:\n  script: helm upgrade model ./chart\n"}}) == "partial");
}

TEST_CASE("rules: a model registry is a registry call, not a decorator, a comment or a name") {
    for (const char* q : {"mlops", "mlops-ct"}) {
        CAPTURE(q);
        CHECK(suggestion(q, "model-registry", {{"t2t/models/basic.py", "@registry.register_model\nclass Basic(T2TModel):\n"}}) ==
              "-");
        CHECK(suggestion(q, "model-registry", {{"t2t/models/b.py", "@registry.register_model(\"b\")\nclass B: pass\n"}}) == "-");
        CHECK(suggestion(q, "model-registry", {{"reg.py", "# mlflow.register_model(uri, 'churn')\n"}}) == "-");
        CHECK(suggestion(q, "model-registry", {{"run.py", "scripts = ['register_model', 'accept']\n"}}) == "-");
        CHECK(suggestion(q, "model-registry", {{"reg.py", "import mlflow\nmlflow.register_model(uri, 'churn')\n"}}) == "yes");
        CHECK(suggestion(q, "model-registry", {{"reg.py", "mlflow.sklearn.log_model(m, 'm', registered_model_name='c')\n"}}) ==
              "yes");
        CHECK(suggestion(q, "model-registry", {{"register.py", "model = Model.register(workspace=ws, model_name=n)\n"}}) ==
              "yes");
        CHECK(suggestion(q, "model-registry", {{"c.py", "m = vertex_ai.Model.upload(display_name=n, artifact_uri=u)\n"}}) ==
              "yes");
        CHECK(suggestion(q, "model-registry", {{"c.py", "def register_model(model_id, host):\n    pass\n"}}) == "-");
        // Azure ML code imports its Model class under an alias (AMLModel) to avoid a name clash; a class
        // registry's own register() on another name is not a model registry
        CHECK(suggestion(q, "model-registry", {{"register.py", "model = AMLModel.register(workspace=ws, model_name=n)\n"}}) ==
              "yes");
        CHECK(suggestion(q, "model-registry", {{"plugins.py", "BaseModel.register(MyPlugin)\n"}}) == "-");
        // DVC `artifacts:` of type model (the DVC model registry); a dataset artifact is not
        CHECK(suggestion(q, "model-registry",
                         {{"dvc.yaml", "artifacts:\n  text-classification:\n    path: model.pkl\n    type: model\n"}}) == "partial");
        CHECK(suggestion(q, "model-registry",
                         {{"dvc.yaml", "artifacts:\n  raw:\n    path: data/data.xml\n    type: dataset\n"}}) == "-");
    }
    // a local BentoML store keeps versioned tags on one machine: versioned files, not a shared registry
    CHECK(suggestion("mlops", "model-registry", {{"train.py", "bentoml.pytorch.save_model('foot_traffic', model)\n"}}) == "partial");
    CHECK(suggestion("mlops", "model-registry", {{"train.py", "# bentoml.pytorch.save_model('m', model)\n"}}) == "-");
}

TEST_CASE("rules: a data schema validated in code is a gate, an import alone a hint") {
    const char* schema = "import pandera.pandas as pa\nclass InputsSchema(pa.DataFrameModel):\n    x: float\n";
    CHECK(suggestion("mlops", "data-validation-gate", {{"src/schemas.py", schema}}) == "partial");
    CHECK(suggestion("mlops", "data-validation-gate",
                     {{"src/schemas.py", schema}, {"src/jobs/training.py", "inputs = InputsSchema.check(inputs)\n"}}) == "yes");
    CHECK(suggestion("mlops", "data-validation-gate",
                     {{"src/schemas.py", schema}, {"src/jobs/training.py", "# inputs = InputsSchema.validate(inputs)\n"}}) == "partial");
    // a test that validates is not the pipeline's gate
    CHECK(suggestion("mlops", "data-validation-gate",
                     {{"src/schemas.py", schema}, {"tests/test_schemas.py", "InputsSchema.validate(df)\n"}}) == "partial");
    CHECK(suggestion("mlops-org", "model-releases-versioned", {{"m.py", "@registry.register_model\nclass M: pass\n"}}) == "-");
}

TEST_CASE("rules: loading a pickle is not a safe model format") {
    CHECK(suggestion("mlops", "safe-model-format", {{"serve.py", "model = joblib.load(path)\n"}}) == "-");
    CHECK(suggestion("mlops", "safe-model-format", {{"serve.py", "from safetensors.torch import load_file\n"}}) == "yes");
}

TEST_CASE("rules: serving contracts, integration tests and pinned environments that are not") {
    const char* id = "serving-contract";
    CHECK(suggestion("mlops", id, {{"settings.py", "from pydantic import BaseSettings\n"}}) == "-");
    CHECK(suggestion("mlops", id, {{"api.py", "@app.post('/predict', response_model=Prediction)\n"}}) == "partial");
    // a pydantic request model taken by a route of the same file is a typed contract; settings are not
    CHECK(suggestion("mlops", id, {{"api.py", "class Req(BaseModel):\n    x: int\n\n@app.post('/predict')\ndef p(r: Req):\n"}}) ==
          "partial");
    CHECK(suggestion("mlops", id, {{"cfg.py", "class Settings(BaseModel):\n    url: str\n"}}) == "-");
    CHECK(suggestion("mlops", id, {{"proto/prediction.proto", "syntax = \"proto3\";\npackage seldon.protos;\n"
                                                              "service Model {\n  rpc Predict(Msg) returns (Msg) {};\n}\n"}}) == "-");
    CHECK(suggestion("mlops", id, {{"proto/churn.proto", "syntax = \"proto3\";\npackage churn.v1;\n"
                                                         "service Churn {\n  rpc Predict(Req) returns (Resp);\n}\n"}}) == "partial");
    CHECK(suggestion("mlops", id, {{"proto/config.proto", "syntax = \"proto3\";\nmessage Config { string a = 1; }\n"}}) == "-");

    id = "model-app-integration-test";
    CHECK(suggestion("mlops", id, {{"docker-compose.yml", "services:\n  mlflow:\n    image: ghcr.io/mlflow/mlflow\n"}}) == "-");
    CHECK(suggestion("mlops", id, {{"integration-test/docker-compose.yaml", "services: {}\n"}}) == "partial");
    CHECK(suggestion("mlops", id, {{"docker-compose.test.yml", "services: {}\n"}}) == "partial");

    id = "pinned-environment";
    CHECK(suggestion("mlops", id, {{"docs/requirements.txt", "mkdocs==1.5.3\n"}}) == "-");
    CHECK(suggestion("mlops", id, {{"requirements-docs.txt", "sphinx==7.2.0\n"}}) == "-");
    CHECK(suggestion("mlops", id, {{"requirements.txt", "# numpy==1.26\nnumpy\n"}}) == "-");
    // pins count beside training code (test_evidence_rules_training.cpp: a book's pins alone do not)
    CHECK(suggestion("mlops", id, {{"requirements.txt", "numpy==1.26.4\n"}, {"src/train.py", "fit()\n"}}) == "partial");
    CHECK(suggestion("mlops-ct", "pinned-training-environment", {{"docs/Dockerfile", "FROM python\n"}}) == "-");
    CHECK(suggestion("mlops-ct", "pinned-training-environment", {{"train.Dockerfile", "FROM python\n"}}) == "partial");
}

TEST_CASE("rules: the misses of issue 14 are found") {
    CHECK(suggestion("mlops", "data-versioning", {{".dvc/config", "[core]\n"}, {".dvcignore", "\n"}}) == "-");
    CHECK(suggestion("mlops-ct", "dataset-versioned", {{".dvc/config", "[core]\n"}}) == "-");
    // a .dvc file snapshots data (partial); a DVC pipeline records the version with each run (yes)
    CHECK(suggestion("mlops", "data-versioning", {{"data/data.xml.dvc", "outs:\n- path: data.xml\n"}}) == "partial");
    CHECK(suggestion("mlops", "data-versioning", {{"data/data.xml.dvc", "outs:\n- path: data.xml\n"},
                                                  {"dvc.yaml", "stages:\n  train:\n    deps: [data/data.xml]\n"}}) == "yes");

    CHECK(suggestion("mlops", "model-code-reviewed", {{".github/PULL_REQUEST_TEMPLATE.md", "## Why\n"}}) == "partial");
    CHECK(suggestion("mlops", "model-code-reviewed", {{"docs/pull_request_template.md", "## Why\n"}}) == "partial");
    CHECK(suggestion("mlops", "model-code-reviewed", {{".github/rulesets/main.json", "{}\n"}}) == "partial");
    CHECK(suggestion("mlops", "model-code-reviewed", {{"OWNERS", "approvers:\n  - alice\n"}}) == "partial");
    CHECK(suggestion("mlops", "model-code-reviewed", {{"OWNERS", "# nobody yet\n"}}) == "-");
    // Gerrit merges a change only once it is approved: a .gitreview at the root is review on every change
    CHECK(suggestion("mlops", "model-code-reviewed",
                     {{".gitreview", "[gerrit]\nhost=gerrit.wikimedia.org\nport=29418\n"}}) == "yes");
    // Gerrit reads .gitreview at the root only
    CHECK(suggestion("mlops", "model-code-reviewed", {{"lib/.gitreview", "[gerrit]\n"}}) == "-");
    CHECK(suggestion("mlops", "model-code-reviewed", {{"examples/app/CODEOWNERS", "* @a\n"}}) == "-");
    CHECK(suggestion("mlops", "model-owners", {{".github/CODEOWNERS", "* @a\n"}, {"train.py", "clf.fit(X, y)\n"}}) ==
          "yes");  // round 25: recorded owners
    CHECK(suggestion("mlops", "model-owners", {{"lib/CODEOWNERS", "* @a\n"}}) == "-");
    CHECK(suggestion("mlops-org", "contributing-guide", {{".github/PULL_REQUEST_TEMPLATE.md", "x\n"}}) == "partial");
    CHECK(suggestion("mlops-org", "peer-code-review", {{"OWNERS", "reviewers:\n- bob\n"}}) == "partial");
    CHECK(suggestion("mlops-org", "problems-tracked", {{".github/issue_template/bug.md", "x\n"}}) == "partial");

    // hooks below the root count; alone they are configured, not enforced (only CI blocks a merge): partial
    CHECK(suggestion("mlops", "lint-precommit",
                     {{"backend/.pre-commit-config.yaml",
                       "repos:\n  - repo: local\n    hooks:\n      - id: ruff\n"}}) == "partial");
    CHECK(suggestion("mlops", "lint-precommit", {{"lefthook.yml", "pre-commit: {}\n"}}) == "partial");
    CHECK(suggestion("mlops-org", "conventions-checked-automatically", {{".lefthook.yml", "x: 1\n"}}) == "yes");
    CHECK(suggestion("mlops-org", "conventions-checked-automatically", {{"README.md", "x\n"}}) == "-");
    CHECK(suggestion("mlops", "secret-scanning", {{"svc/.pre-commit-config.yaml", "  - id: gitleaks\n"}}) == "yes");
    CHECK(suggestion("mlops", "secret-scanning", {{"svc/.pre-commit-config.yaml", "  # - id: gitleaks\n"}}) == "-");

    // runs are tracked where they are logged; a tracker's library imported alone (to load a model from it) is a hint
    CHECK(suggestion("mlops", "experiment-tracking",
                     {{"train.py", "from dvclive import Live\nwith Live() as live:\n    live.log_metric('a', 1)\n"}}) ==
          "yes");
    CHECK(suggestion("mlops", "experiment-tracking", {{"train.py", "import mlflow\nmlflow.sklearn.autolog()\n"}}) ==
          "yes");
    CHECK(suggestion("mlops", "experiment-tracking", {{"train.py", "import wandb\nwandb.init(project='p')\n"}}) ==
          "yes");
    CHECK(suggestion("mlops", "experiment-tracking", {{"store/mlflow_store.py", "import mlflow.pyfunc\n"}}) ==
          "partial");
    CHECK(suggestion("mlops", "experiment-tracking", {{"train.py", "from dvclive import Live\n"}}) == "partial");
    CHECK(suggestion("mlops", "experiment-tracking", {{"train.py", "# import mlflow\n"}}) == "-");
    // an example's or a test's logging call is not the team's runs
    CHECK(suggestion("mlops", "experiment-tracking", {{"examples/train.py", "import mlflow\nmlflow.autolog()\n"}}) ==
          "partial");
    CHECK(suggestion("mlops", "experiment-tracking",
                     {{"tests/test_train.py", "import mlflow\nmlflow.log_metric('a', 1)\n"}}) == "partial");
    CHECK(suggestion("mlops-ct", "experiment-tracking", {{"train.py", "import dvclive\nlive = dvclive.Live()\n"}}) ==
          "yes");
    CHECK(suggestion("mlops-ct", "experiment-tracking", {{"train.py", "import dvclive\n"}}) == "partial");

    CHECK(suggestion("mlops", "behavioural-tests", {{"tests/model/test_behavioral.py", "def test_invariance(m):\n"}}) == "yes");
    CHECK(suggestion("mlops", "behavioural-tests", {{"tests/test_x.py", kTest}}) == "-");
    CHECK(suggestion("mlops", "slice-evaluation", {{"evaluate.py", "slices = get_slice_metrics(y, p, df)\n"}}) == "partial");
    CHECK(suggestion("mlops", "slice-evaluation", {{"evaluate.py", "metrics = get_metrics(y, p)\n"}}) == "-");
    // the overall slice only, or the library imported, is not evaluation per slice
    CHECK(suggestion("mlops", "slice-evaluation", {{"p.py", "import tensorflow_model_analysis as tfma\n"
                                                            "specs = [tfma.SlicingSpec()]\n"}}) == "-");
    CHECK(suggestion("mlops", "slice-evaluation", {{"p.py", "s = tfma.SlicingSpec(feature_keys=['trip_month'])\n"}}) ==
          "partial");

    const char* mlproject = "name: churn\nentry_points:\n  main:\n    command: python train.py\n";
    CHECK(suggestion("mlops", "training-scripted", {{"MLproject", mlproject}}) == "yes");
    CHECK(suggestion("mlops", "training-scripted", {{"MLproject", "name: churn\n"}}) == "-");
    CHECK(suggestion("mlops-ct", "one-command-training", {{"MLproject", mlproject}}) == "yes");
    CHECK(suggestion("mlops", "training-code-versioned", {{"MLproject", mlproject}}) == "yes");
    CHECK(suggestion("mlops", "training-code-versioned", {{"MLproject", "name: churn\n"}}) == "-");
    CHECK(suggestion("mlops", "training-code-versioned",
                     {{".gitlab-ci.yml", "train:\n  script: python src/train.py\n"}}) == "yes");
    CHECK(suggestion("mlops", "training-code-versioned", {{"src/train.py", "import sklearn\nclf.fit(X, y)\n"}}) ==
          "partial");
    CHECK(suggestion("mlops", "experiment-tracking", {{"task.py", "vertex_ai.log_metrics({'loss': loss})\n"}}) == "yes");
    // a linter alone is half of the help's yes; with a formatter check beside it (any CI file), yes
    CHECK(suggestion("mlops", "lint-precommit", {{".pipelines/pr.yml", "steps:\n  - script: flake8 src\n"}}) ==
          "partial");
    CHECK(suggestion("mlops", "lint-precommit",
                     {{".pipelines/pr.yml", "steps:\n  - script: flake8 src\n"},
                      {".pipelines/fmt.yml", "steps:\n  - script: black --check src\n"}}) == "yes");
    CHECK(suggestion("mlops", "lint-precommit", {{".pipelines/pr.yml", "steps:\n  - script: python -m pytest\n"}}) == "-");
    CHECK(suggestion("mlops", "lint-precommit", {{".github/workflows/t.yml", "steps:\n  - run: make lint\n"}}) == "yes");
    // a project template is not a self-service platform; a Backstage scaffolder template is a start
    CHECK(suggestion("mlops", "self-service-platform", {{"cookiecutter.json", "{}\n"}, {"template.yaml", "x: 1\n"}}) == "-");
    CHECK(suggestion("mlops", "self-service-platform",
                     {{"templates/ml/template.yaml", "apiVersion: scaffolder.backstage.io/v1beta3\nkind: Template\n"}}) ==
          "partial");
    CHECK(suggestion("mlops", "pipeline-integration-test", {{".travis.yml", "script:\n  - ./ci/integration_test.sh\n"}}) ==
          "partial");
    CHECK(suggestion("mlops", "pipeline-integration-test", {{".travis.yml", "script:\n  - ./ci/unit_tests.sh\n"}}) == "-");

    CHECK(suggestion("mlops", "release-process-documented", {{"docs/images/release-task.PNG", "x"}}) == "-");
    CHECK(suggestion("mlops", "release-process-documented", {{"docs/process/Release.md", "# How\n"}}) == "partial");
    CHECK(suggestion("mlops", "dependency-scanning", {{".circleci/config.yml", "  - run: trivy fs .\n"}}) == "yes");
}

TEST_CASE("rules: an Azure ML pipeline (azureml.pipeline, SDK v1) is an orchestrated pipeline") {
    CHECK(suggestion("mlops", "orchestrated-pipeline",
                     {{"ml_service/pipelines/build.py", "from azureml.pipeline.core import Pipeline, PipelineData\n"}}) ==
          "yes");
    // a comment or a mention in prose is not a pipeline
    CHECK(suggestion("mlops", "orchestrated-pipeline", {{"notes.py", "# from azureml.pipeline.core import Pipeline\n"}}) == "-");
    CHECK(suggestion("mlops", "orchestrated-pipeline", {{"util.py", "x = 'see azureml.pipelines docs'\n"}}) == "-");
}

TEST_CASE("rules: a scheduled workflow that runs a training or scoring job is a scheduled job from code") {
    const char* retrain = "on:\n  schedule:\n    - cron: \"0 3 * * 1\"\njobs:\n  retrain:\n    steps:\n"
                          "      - run: |\n          pip install -r requirements.txt\n          python scripts/train_models.py\n";
    CHECK(suggestion("mlops", "scheduled-job-from-code", {{".github/workflows/retrain.yml", retrain}}) == "yes");
    const char* scoring = "on:\n  schedule:\n  - cron: '0 1 * * *'\njobs:\n  s:\n    steps:\n      - run: python -m jobs.batch_score\n";
    CHECK(suggestion("mlops", "scheduled-job-from-code", {{".github/workflows/nightly.yml", scoring}}) == "yes");
    // a nightly test run is a schedule, not a job around a model
    const char* nightly_tests = "on:\n  schedule:\n    - cron: '0 0 * * *'\njobs:\n  t:\n    steps:\n      - run: python -m pytest\n";
    CHECK(suggestion("mlops", "scheduled-job-from-code", {{".github/workflows/nightly.yml", nightly_tests}}) == "-");
    // training run on every push is not scheduled
    const char* on_push = "on: [push]\njobs:\n  t:\n    steps:\n      - run: python train.py\n";
    CHECK(suggestion("mlops", "scheduled-job-from-code", {{".github/workflows/ci.yml", on_push}}) == "-");
    // a stale-issue bot on a schedule runs no model job
    const char* stale = "on:\n  schedule:\n    - cron: '0 0 * * *'\njobs:\n  s:\n    steps:\n      - uses: actions/stale@v9\n"
                        "      - run: python scripts/predict_labels.py\n";
    CHECK(suggestion("mlops", "scheduled-job-from-code", {{".github/workflows/stale.yml", stale}}) == "-");
}

TEST_CASE("rules: a DAG is a scheduled job only with a schedule, and a package file is no DAG") {
    CHECK(suggestion("mlops", "scheduled-job-from-code", {{"dags/__init__.py", ""}}) == "-");
    CHECK(suggestion("mlops", "orchestrated-pipeline", {{"dags/__init__.py", ""}}) == "-");
    CHECK(suggestion("mlops", "scheduled-job-from-code",
                     {{"dags/etl.py", "with DAG('etl', schedule='@daily') as dag:\n    pass\n"}}) == "yes");
    CHECK(suggestion("mlops", "scheduled-job-from-code",
                     {{"airflow/dags/train.py", "dag = DAG('t', schedule_interval=timedelta(days=1))\n"}}) == "yes");
    // started by hand
    CHECK(suggestion("mlops", "scheduled-job-from-code",
                     {{"dags/train.py", "with DAG('t', schedule_interval=None) as dag:\n    pass\n"}}) == "-");
}

TEST_CASE("rules: a committed training script run under MLflow has a known commit") {
    const char* script = "import mlflow\nwith mlflow.start_run():\n    model.fit(X, y)\n    mlflow.sklearn.log_model(model, 'm')\n";
    CHECK(suggestion("mlops", "training-code-versioned", {{".git/HEAD", "ref: refs/heads/main\n"}, {"src/train.py", script}}) ==
          "yes");
    // not a git checkout: the commit cannot be recorded
    CHECK(suggestion("mlops", "training-code-versioned", {{"src/train.py", script}}) == "partial");
    // an example's training script is not the team's (since round 27's review not even a hint)
    CHECK(suggestion("mlops", "training-code-versioned",
                     {{".git/HEAD", "ref: refs/heads/main\n"}, {"examples/demo/train.py", script}}) == "-");
}

TEST_CASE("rules: one script from the data to a saved model is training end to end") {
    CHECK(suggestion("mlops", "training-scripted",
                     {{"src/train.py", "df = pd.read_csv(path)\nmodel.fit(df[X], df[y])\njoblib.dump(model, out)\n"}}) == "yes");
    CHECK(suggestion("mlops", "training-scripted", {{"src/train_best_model.py",
                                                     "data = load_dataset('imdb')\ntrainer.train()\nmodel.save_pretrained(out)\n"}}) ==
          "yes");
    // a script that only fits is a start
    CHECK(suggestion("mlops", "training-scripted", {{"src/train.py", "model.fit(X, y)\n"}}) == "partial");
    // joblib's dump imported by name saves the model; json.dump saves metrics, not a model
    CHECK(suggestion("mlops", "training-scripted",
                     {{"model/train.py", "import pandas as pd\nfrom joblib import dump\ndf = pd.read_csv(u)\n    dump(model, path)\n"}}) ==
          "yes");
    CHECK(suggestion("mlops", "training-scripted",
                     {{"model/train.py", "import pandas as pd\ndf = pd.read_csv(u)\njson.dump(metrics, f)\n"}}) == "partial");
    // a test that trains is not the team's training
    CHECK(suggestion("mlops", "training-scripted",
                     {{"tests/test_train.py", "df = pd.read_csv(p)\njoblib.dump(m, o)\n"}}) == "-");
}

TEST_CASE("rules: compose files and Kubernetes manifests are some infrastructure as code, deployment guides a release process") {
    CHECK(suggestion("mlops", "infrastructure-as-code", {{"docker-compose.yml", "services:\n  api:\n    build: .\n"}}) == "partial");
    CHECK(suggestion("mlops", "infrastructure-as-code", {{"compose.yaml", "services:\n  app:\n    build:\n      context: .\n"}}) ==
          "partial");
    // a compose file that only starts third-party images (a local MLflow server) is a developer's tooling
    CHECK(suggestion("mlops", "infrastructure-as-code",
                     {{"docker-compose.yml", "services:\n  mlflow:\n    image: ghcr.io/mlflow/mlflow:v3\n"}}) == "-");
    CHECK(suggestion("mlops", "infrastructure-as-code", {{"compose.yaml", "services:\n  db:\n    image: postgres\n    # build: .\n"}}) ==
          "-");
    CHECK(suggestion("mlops", "infrastructure-as-code",
                     {{"k8s/api.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n"}}) == "partial");
    CHECK(suggestion("mlops", "infrastructure-as-code", {{"infra/main.tf", "resource \"aws_s3_bucket\" \"b\" {}\n"}}) == "yes");
    // a manifest in an example or docs is not the team's infrastructure
    CHECK(suggestion("mlops", "infrastructure-as-code",
                     {{"examples/k8s/api.yaml", "apiVersion: apps/v1\nkind: Deployment\n"}}) == "-");
    CHECK(suggestion("mlops", "release-process-documented", {{"docs/deployment.md", "# Deploying\n"}}) == "partial");
    CHECK(suggestion("mlops", "release-process-documented", {{"DEPLOYMENT.md", "# Deploying\n"}}) == "partial");
    CHECK(suggestion("mlops", "release-process-documented", {{"docs/architecture.md", "# How it fits\n"}}) == "-");
}

TEST_CASE("rules: tests run through a task runner in CI are tests in CI") {
    for (const char* cmd : {"mise run test", "just test", "task test", "poe test", "pixi run test", "hatch run test"}) {
        CAPTURE(cmd);
        const std::string ci = std::string("on: [push, pull_request]\njobs:\n  t:\n    steps:\n      - run: ") + cmd + "\n";
        CHECK(suggestion("mlops", "unit-tests-ci", {{".github/workflows/ci.yml", ci}, {"tests/test_a.py", kTest}}) == "yes");
        CHECK(suggestion("mlops", "ci-on-every-change", {{".github/workflows/ci.yml", ci}}) == "yes");
    }
    // a task runner that only formats is not a test step
    const char* fmt = "on: [push]\njobs:\n  t:\n    steps:\n      - run: mise run format\n";
    CHECK(suggestion("mlops", "unit-tests-ci", {{".github/workflows/ci.yml", fmt}, {"tests/test_a.py", kTest}}) == "partial");
    CHECK(suggestion("mlops-ct", "code-unit-tested", {{".github/workflows/ci.yml", "on: [push]\njobs:\n  t:\n    steps:\n      - run: just test\n"},
                                                      {"tests/test_a.py", kTest}}) == "yes");
}

TEST_CASE("rules: a CI pipeline that deploys leaves the history an audit trail can be pieced from") {
    const char* deploy =
        "on:\n  push:\n    branches: [main]\njobs:\n  deploy:\n    steps:\n"
        "      - run: kubectl apply -f k8s/inferenceservice.yaml\n";
    CHECK(suggestion("mlops", "audit-trail", {{".github/workflows/deploy-model.yml", deploy}}) == "partial");
    CHECK(suggestion("mlops", "audit-trail", {{".gitlab-ci.yml", "promote:\n  script: [python promote.py]\n"}}) ==
          "partial");
    // a documentation deploy, a workflow that never says deploy, and a commented-out step leave no deployment record
    CHECK(suggestion("mlops", "audit-trail", {{".github/workflows/docs.yml", kDocsDeploy}}) == "-");
    CHECK(suggestion("mlops", "audit-trail", {{".github/workflows/ci.yml", kPytestWorkflow}}) == "-");
    CHECK(suggestion("mlops", "audit-trail",
                     {{".gitlab-ci.yml", "test:\n  script:\n    # - ./deploy.sh\n    - pytest\n"}}) == "-");
    // a job named in snake case deploys too (`_` is a word character, so `\bdeploy\b` alone missed it); a word
    // that only contains one (`deployer`) does not
    const char* circle_deploy = "jobs:\n  deploy_app_container_via_railway:\n    steps:\n      - run: railway up --detach\n";
    CHECK(suggestion("mlops", "audit-trail", {{".circleci/config.yml", circle_deploy}}) == "partial");
    CHECK(suggestion("mlops", "cicd-model-release", {{".circleci/config.yml", circle_deploy}}) == "partial");
    const char* deployer = "jobs:\n  test:\n    steps:\n      - run: pip install deployer-tools && pytest\n";
    CHECK(suggestion("mlops", "audit-trail", {{".circleci/config.yml", deployer}}) == "-");
    CHECK(suggestion("mlops", "cicd-model-release", {{".circleci/config.yml", deployer}}) == "-");
    // a registry alias moved by a script someone runs by hand records no deployment (a pooled judgement)
    CHECK(suggestion("mlops", "audit-trail",
                     {{"src/train.py", "client.set_registered_model_alias(name, 'Production', version)\n"}}) == "-");
}

TEST_CASE("rules: a README step that deploys or promotes the model writes the release down in part") {
    CHECK(suggestion("mlops", "release-process-documented",
                     {{"README.md",
                       "Workflow\n\n4) Check the run.\n5) When ready, promote by switching the MLflow alias.\n"}}) ==
          "partial");
    CHECK(suggestion("mlops", "release-process-documented",
                     {{"README.md", "## Workflow\n\n### 3. Train and (optionally) register the best model\n"}}) ==
          "partial");
    CHECK(suggestion("mlops", "release-process-documented",
                     {{"README.md", "1. **Open a PR to `staging`** to deploy in staging.\n"}}) == "partial");
    // a reading list, a table of contents or a video link is no procedure; nor is registering for something else
    CHECK(suggestion("mlops", "release-process-documented",
                     {{"README.md", "1. [ML Model Rollout To Production](https://example.com/rollout)\n"}}) == "-");
    CHECK(suggestion("mlops", "release-process-documented",
                     {{"README.md", "5. YouTube: [Deploy MLOps in an hour](https://youtube.com/x)\n"}}) == "-");
    CHECK(suggestion("mlops", "release-process-documented",
                     {{"README.md", "1. Register for the course on Slack.\n"}}) == "-");
    CHECK(suggestion("mlops", "release-process-documented", {{"README.md", "- promote the model by hand\n"}}) == "-");
    CHECK(suggestion("mlops", "release-process-documented",
                     {{"docs/notes/README.md", "1. Deploy the model with helm.\n"}}) == "-");
}

TEST_CASE("rules, round 29: Terragrunt's production configuration, and an LLM application's system card") {
    // Terragrunt's production folder is production's own configuration, as Terraform's is (partial); its lock file
    // is never the one cited
    CHECK(suggestion(
              "mlops", "env-separation",
              {{"terragrunt/env/production/ecs/terragrunt.hcl", "include {\n  path = find_in_parent_folders()\n}\n"},
               {"terragrunt/env/staging/ecs/terragrunt.hcl", "include {}\n"}}) == "partial");
    CHECK(suggestion("mlops", "env-separation", {{"terragrunt/env/production/ecs/.terraform.lock.hcl", "# lock\n"}}) ==
          "-");
    CHECK(suggestion("mlops", "env-separation", {{"terragrunt/env/staging/ecs/terragrunt.hcl", "include {}\n"}}) ==
          "-");
    // a system card documents the LLM application's intended use, models and limitations
    CHECK(suggestion("mlops", "model-cards", {{"SYSTEM_CARD.md", "# System card\n## Intended use\n"}}) == "yes");
    CHECK(suggestion("mlops", "model-cards", {{"docs/system-card.md", "# System card\n"}}) == "yes");
    CHECK(suggestion("mlops", "model-cards", {{"docs/systems.md", "# Systems we run\n"}}) == "-");
}

TEST_CASE("rules, round 29 review: production folders that are not production, and names that are not cards") {
    const auto env = [](const Files& files) { return suggestion("mlops", "env-separation", files); };
    CHECK(env({{"examples/production/terragrunt.hcl", "inputs = {}\n"}}) == "-");
    CHECK(env({{"test/fixtures/prod/terragrunt.hcl", "inputs = {}\n"}}) == "-");
    CHECK(env({{"infra/prod/.tflint.hcl", "plugin \"aws\" {}\n"}}) == "-");
    CHECK(env({{"packer/production/base.pkr.hcl", "source \"amazon-ebs\" \"base\" {}\n"}}) == "-");
    CHECK(env({{"live/prd/ecs/terragrunt.hcl", "inputs = {}\n"}}) == "partial");
    const auto cards = [](const Files& files) { return suggestion("mlops", "model-cards", files); };
    CHECK(cards({{"docs/system_cardinality.md", "# Prometheus label limits\n"}}) == "-");
    CHECK(cards({{"data/system-card-gpt-4o.txt", "OpenAI's card\n"}}) == "-");
    CHECK(cards({{"templates/system_card_template.md", ""}}) == "-");
    for (const char* path : {"SystemCard.md", "System_Card.md", "AI_SYSTEM_CARD.md", "docs/system-cards/answers.md",
                             "docs/system_card.mdx"}) {
        CAPTURE(path);
        CHECK(cards({{path, "# System card\n"}}) == "yes");
    }
}
