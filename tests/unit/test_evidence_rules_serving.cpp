// The evidence rules of the serving family (deployment, serving, monitoring, infrastructure) on small fixture
// trees: for each judgement, a tree where it holds and one where it must not (the mistakes seen in issue 14).
#include <string>

#include "builtin_evidence.hpp"
#include "catch.hpp"

using mm::test::Files;
using mm::test::github_workflow;
using mm::test::suggestion;

namespace {

const char* kFlaskPredict = "from flask import Flask, request\nimport joblib\napp = Flask(__name__)\n"
                            "model = joblib.load('model.joblib')\n@app.post('/predict')\n"
                            "def predict():\n    return {'prediction': model.predict([request.json])[0]}\n";
const char* kFastapiHello = "from fastapi import FastAPI\napp = FastAPI()\n@app.get('/')\n"
                            "def read_root():\n    return {'Hello': 'World'}\n";
const char* kAzureScore = "import joblib\nfrom azureml.core.model import Model\n\ndef init():\n    global model\n"
                          "    model = joblib.load(Model.get_model_path('m'))\n\ndef run(data):\n"
                          "    return model.predict(data).tolist()\n";
const char* kAksConfig = "computeType: AKS\nautoScaler:\n    autoscaleEnabled: True\n    minReplicas: 1\n"
                         "    maxReplicas: 3\nauthEnabled: True\nappInsightsEnabled: True\n";
const char* kAksConfigOff = "computeType: AKS\nautoScaler:\n    autoscaleEnabled: False\n    minReplicas: 1\n"
                            "authEnabled: False\nappInsightsEnabled: False\n";
const char* kWeightedVs = "apiVersion: networking.istio.io/v1alpha3\nkind: VirtualService\nmetadata:\n  name: m\n"
                          "spec:\n  http:\n  - route:\n    - destination:\n        host: m-green\n      weight: 90\n"
                          "    - destination:\n        host: m-blue\n      weight: 10\n";
const char* kPlainVs = "apiVersion: networking.istio.io/v1alpha3\nkind: VirtualService\nmetadata:\n  name: m\n"
                       "spec:\n  http:\n  - route:\n    - destination:\n        host: m\n";

const char* kServingDockerfile = "FROM python:3.11\nCOPY . .\nCMD [\"uvicorn\", \"app.main:app\"]\n";

}  // namespace

TEST_CASE("serving rules: scoring code is a web app that predicts, a scoring entry script or a batch scoring job") {
    // a web app that loads a model and predicts is scoring code in the repository; production is built from it
    // when an image or a package build is beside it (the help's yes)
    CHECK(suggestion("mlops", "scoring-code-versioned", {{"app/main.py", kFlaskPredict}}) == "partial");
    CHECK(suggestion("mlops", "scoring-code-versioned", {{"app/main.py", kFlaskPredict}, {"Dockerfile", "FROM python\n"}}) == "yes");
    CHECK(suggestion("mlops", "scoring-code-versioned", {{"app/main.py", kFlaskPredict}, {"pyproject.toml", "[project]\n"}}) == "yes");
    CHECK(suggestion("mlops", "scoring-code-versioned",
                     {{"app/main.py", kFlaskPredict}, {".devcontainer/Dockerfile", "FROM python\n"}}) == "partial");
    // a scoring job named so, in a package that is built, is yes; alone a hint
    CHECK(suggestion("mlops", "scoring-code-versioned", {{"src/pkg/jobs/inference.py", "def run(): ...\n"}}) == "partial");
    CHECK(suggestion("mlops", "scoring-code-versioned",
                     {{"src/pkg/jobs/inference.py", "def run(): ...\n"}, {"pyproject.toml", "[project]\n"}}) == "yes");
    // a web app that loads a model serves it, whatever its verb (a speech service transcribes)
    const char* asr =
        "from fastapi import FastAPI\napp = FastAPI()\nasr_model.load_model()\n"
        "@app.post('/asr')\ndef asr(f):\n    return asr_model.transcribe(f)\n";
    CHECK(suggestion("mlops", "scoring-code-versioned",
                     {{"app/webservice.py", asr}, {"Dockerfile", "FROM python\n"}}) == "yes");
    CHECK(suggestion("mlops", "scoring-code-versioned", {{"app/webservice.py", asr}}) == "partial");
    CHECK(suggestion("mlops-ct", "served-from-repo-code", {{"app/webservice.py", asr}}) == "yes");
    // a web framework import alone (a demo or visualisation server, a hello-world service) is not
    CHECK(suggestion("mlops", "scoring-code-versioned", {{"app/main.py", kFastapiHello}}) == "-");
    // a web service inside a tests directory is a test fixture, not the team's scoring code
    CHECK(suggestion("mlops", "scoring-code-versioned", {{"resources/tests/svc/__main__.py", kFlaskPredict}}) == "-");
    // an Azure ML entry script (init and run) and a SageMaker inference script are scoring code
    CHECK(suggestion("mlops", "scoring-code-versioned", {{"src/scoring/score.py", kAzureScore}}) == "yes");
    CHECK(suggestion("mlops", "scoring-code-versioned",
                     {{"code/inference.py", "def model_fn(model_dir):\n    return load(model_dir)\n\n"
                                            "def predict_fn(data, model):\n    return model(data)\n"}}) == "yes");
    // a batch prediction job is scoring code
    CHECK(suggestion("mlops", "scoring-code-versioned",
                     {{"pipelines/batch.py", "job = aiplatform.BatchPredictionJob.create(job_display_name='b')\n"}}) == "yes");
    CHECK(suggestion("mlops", "scoring-code-versioned",
                     {{"pipelines/batch.py", "step = ParallelRunStep(name='score', parallel_run_config=cfg)\n"}}) == "yes");
    // a file named for scoring only hints; a server.py or a serving helper module does not even hint
    CHECK(suggestion("mlops", "scoring-code-versioned", {{"src/predict.py", "print(1)\n"}}) == "partial");
    CHECK(suggestion("mlops", "scoring-code-versioned", {{"src/serve_model.py", "print(1)\n"}}) == "partial");
    CHECK(suggestion("mlops", "scoring-code-versioned", {{"lib/insights/server.py", "print(1)\n"}}) == "-");
    CHECK(suggestion("mlops", "scoring-code-versioned", {{"lib/serving/serving_utils.py", "print(1)\n"}}) == "-");
    // code that loads a trained model and predicts with it is scoring code, whatever runs it (a batch job, a
    // Streamlit app, a Java Beam transform), in either order in the file; yes with an image or package beside it
    const char* batch = "import joblib\nmodel = joblib.load('model.pkl')\nout = model.predict(features)\n";
    CHECK(suggestion("mlops", "scoring-code-versioned", {{"jobs/score_daily.py", batch}}) == "partial");
    CHECK(suggestion("mlops", "scoring-code-versioned",
                     {{"jobs/score_daily.py", batch}, {"Dockerfile", "FROM python\n"}}) == "yes");
    CHECK(suggestion("mlops", "scoring-code-versioned",
                     {{"src/get_predictions.py",
                       "def run(self, x, model):\n    return model.predict(x)\n\n"
                       "def main():\n    m = load_model_artifact(path)\n"}}) == "partial");
    CHECK(suggestion("mlops", "scoring-code-versioned",
                     {{"src/main/java/com/example/Score.java",
                       "class Score {\n  void f() {\n    b = XGBoost.loadModel(p);\n    s = b.predict(d);\n  }\n}\n"},
                      {"pom.xml", "<project/>\n"}}) == "yes");
    CHECK(suggestion("mlops", "scoring-code-versioned",
                     {{"score_batch.py", "m = mlflow.spark.load_model(uri)\npreds = m.transform(df)\n"}}) == "partial");
    // a fitted scaler loaded and applied is feature code, not a model's predictions
    CHECK(suggestion("mlops", "scoring-code-versioned",
                     {{"jobs/features.py", "scaler = joblib.load('s.pkl')\nx = scaler.transform(df)\n"}}) == "-");
    // evaluation inside training or tuning, tests, Python example galleries and deprecated code are not scoring
    CHECK(suggestion("mlops", "scoring-code-versioned", {{"src/train_model.py", batch}}) == "-");
    CHECK(suggestion("mlops", "scoring-code-versioned", {{"src/evaluate.py", batch}}) == "-");
    CHECK(suggestion("mlops", "scoring-code-versioned", {{"tests/score_check.py", batch}}) == "-");
    CHECK(suggestion("mlops", "scoring-code-versioned", {{"examples/iris/batch_job.py", batch}}) == "-");
    CHECK(suggestion("mlops", "scoring-code-versioned", {{"deprecated/model_api.py", batch}}) == "-");
    // the CT questionnaire's serving-code question makes the same judgements
    CHECK(suggestion("mlops-ct", "served-from-repo-code",
                     {{"jobs/score_daily.py", batch}, {"Dockerfile", "FROM python\n"}}) == "yes");
    CHECK(suggestion("mlops-ct", "served-from-repo-code", {{"jobs/score_daily.py", batch}}) == "-");
    CHECK(suggestion("mlops-ct", "served-from-repo-code", {{"app/main.py", kFlaskPredict}}) == "yes");
    CHECK(suggestion("mlops-ct", "served-from-repo-code", {{"app/main.py", kFastapiHello}}) == "-");
    CHECK(suggestion("mlops-ct", "served-from-repo-code", {{"tests/svc/main.py", kFlaskPredict}}) == "-");
}

TEST_CASE("serving rules: a README section that writes out the deploy steps documents the release in part") {
    CHECK(suggestion(
              "mlops", "release-process-documented",
              {{"README.md",
                "# Wine\n\n## Deploy a model\n\nBuild and push the image:\n\n```\ndocker build -t m:1 .\n```\n"}}) ==
          "partial");
    CHECK(suggestion("mlops", "release-process-documented",
                     {{"README.md", "# S\n\n# 2. Deployment\n\nkubectl apply -f k8s/\n"}}) == "partial");
    // a deployment heading with prose only, a command in another section, or a section in a nested README: no
    CHECK(suggestion("mlops", "release-process-documented",
                     {{"README.md",
                       "# S\n\n## Deployment\n\nWe deploy on Kubernetes.\n\n## Setup\n\n```\nmake\n```\n"}}) == "-");
    CHECK(suggestion("mlops", "release-process-documented",
                     {{"docs/x/README.md", "## Deploy\n\n```\ndocker push m\n```\n"}}) == "-");
}

TEST_CASE("serving rules: release steps written in the README and scripted in CI cover the release") {
    const char* section = "# S\n\n## Deployment\n\n```\nkubectl apply -f k8s/\n```\n";
    const char* steps = "# S\n\n1. Train the model\n2. Register it\n3. Promote the new version to production\n";
    const char* deploy = "on:\n  push:\n    branches: [main]\njobs:\n  deploy:\n    steps:\n      - run: ./deploy.sh\n";
    const char* pages = "on:\n  push:\njobs:\n  deploy:\n    steps:\n      - uses: actions/deploy-pages@v4\n";
    // written down and scripted: the help's "written down or scripted", end to end
    CHECK(suggestion("mlops", "release-process-documented",
                     {{"README.md", section}, {".github/workflows/cd.yml", deploy}}) == "yes");
    CHECK(suggestion("mlops", "release-process-documented",
                     {{"README.md", steps}, {".github/workflows/cd.yml", deploy}}) == "yes");
    CHECK(suggestion("mlops", "release-process-documented",
                     {{"README.md", steps},
                      {".circleci/config.yml", "jobs:\n  deploy_app_container:\n    steps: []\n"}}) == "yes");
    // either alone is written-down steps in part, or no release document at all
    CHECK(suggestion("mlops", "release-process-documented", {{"README.md", section}}) == "partial");
    CHECK(suggestion("mlops", "release-process-documented", {{".github/workflows/cd.yml", deploy}}) == "-");
    // a documentation site's deploy is no release of a model
    CHECK(suggestion("mlops", "release-process-documented",
                     {{"README.md", section}, {".github/workflows/docs.yml", pages}}) == "partial");
}

TEST_CASE("serving rules: a CD pipeline that deploys the model releases it") {
    const char* anyscale = "on:\n  push:\n    branches: [main]\njobs:\n  serve:\n    steps:\n"
                           "      - run: anyscale service rollout --service-config-file deploy/serve.yaml\n";
    // a workflow that runs a model deployment command is CI/CD releasing the model
    CHECK(suggestion("mlops", "cicd-model-release", {{".github/workflows/serve.yaml", anyscale}}) == "yes");
    CHECK(suggestion("mlops", "cicd-model-release",
                     {{".pipelines/cd.yml", "stages:\n- stage: Deploy_AKS\n  jobs:\n  - job: d\n    steps:\n"
                                            "    - script: az ml model deploy --name svc --model m:3\n"}}) == "yes");
    // Cloud Build: a conventional cloudbuild.yaml, or any YAML whose top-level key is steps
    const char* cloud_build = "steps:\n- name: 'gcr.io/cloud-builders/gcloud'\n"
                              "  args: ['ai', 'endpoints', 'deploy-model', 'e', '--model=m']\n";
    CHECK(suggestion("mlops", "cicd-model-release", {{"cloudbuild.yaml", cloud_build}}) == "yes");
    CHECK(suggestion("mlops", "cicd-model-release",
                     {{"ci/model-deployment.yaml", "steps:\n- name: '$_IMAGE'\n  entrypoint: 'python'\n"
                                                   "  args: ['utils.py', '--mode', 'deploy-model']\n"}}) == "yes");
    // the same step nested in something that is not a pipeline (a Kubernetes manifest) is not a CD pipeline
    CHECK(suggestion("mlops", "cicd-model-release",
                     {{"k8s/job.yaml", "kind: Job\nspec:\n  steps:\n  - args: ['--mode', 'deploy-model']\n"}}) == "-");
    // the word deploy in a workflow only hints; a docs deploy is not even a hint
    CHECK(suggestion("mlops", "cicd-model-release",
                     {{".github/workflows/cd.yml", "jobs:\n  deploy:\n    steps:\n      - run: ./deploy.sh\n"}}) == "partial");
    CHECK(suggestion("mlops", "cicd-model-release",
                     {{".github/workflows/docs.yml", "jobs:\n  deploy:\n    steps:\n      - run: mkdocs gh-deploy\n"}}) == "-");
    // a commented-out deployment command deploys nothing
    CHECK(suggestion("mlops", "cicd-model-release",
                     {{".github/workflows/ci.yml", "jobs:\n  t:\n    steps:\n      # - run: az ml model deploy -n s\n"
                                                   "      - run: pytest\n"}}) == "-");
    // a Jenkins stage named for production hints at a release by the pipeline
    CHECK(suggestion("mlops", "cicd-model-release",
                     {{"Jenkinsfile", "pipeline { stages { stage('Production - Register Model') { steps { sh 'x' } } } }\n"}}) ==
          "partial");
    CHECK(suggestion("mlops", "cicd-model-release",
                     {{"Jenkinsfile", "pipeline { stages { stage('Build') { steps { sh 'make' } } } }\n"}}) == "-");
    // the CT and organisation questionnaires read the same deployment commands
    CHECK(suggestion("mlops-ct", "cd-releases-approved-model", {{".github/workflows/serve.yaml", anyscale}}) == "yes");
    CHECK(suggestion("mlops-org", "cicd-for-releases", {{"cloudbuild.yaml", cloud_build}}) == "yes");
    CHECK(suggestion("mlops-org", "cicd-for-releases",
                     {{"k8s/job.yaml", "kind: Job\nspec:\n  steps:\n  - args: ['--mode', 'deploy-model']\n"}}) == "-");
}

TEST_CASE("serving rules: serving image, registry reference and contract") {
    // a Dockerfile named Dockerfile-model with a serving command is a serving image
    const char* flask_image = "FROM python:3.9-slim\nCOPY . /app\nCMD flask run --host=0.0.0.0\n";
    CHECK(suggestion("mlops", "serving-containerised", {{"Dockerfile-model", flask_image}}) == "partial");
    CHECK(suggestion("mlops", "serving-containerised", {{"Dockerfile-jenkins", "FROM jenkins/jenkins:lts\n"}}) == "-");
    CHECK(suggestion("mlops-ct", "serving-image-built-in-ci", {{"Dockerfile-model", flask_image}}) == "partial");
    // an Azure ML scoring image packaged from the inference config
    CHECK(suggestion("mlops", "serving-containerised",
                     {{"ml_service/create_image.py", "package = Model.package(ws, [model], inference_config)\n"}}) == "yes");
    CHECK(suggestion("mlops", "serving-containerised",
                     {{"ml_service/create_image.py", "model = Model(ws, name='m')\n"}}) == "-");
    CHECK(suggestion("mlops", "serving-containerised",
                     {{".pipelines/package.yml", "steps:\n- script: az ml model package -m m:1 --ic inference_config.yml\n"}}) ==
          "yes");
    // a scoring script resolving the registered model, a release deploying a registry version
    CHECK(suggestion("mlops", "serving-from-registry", {{"src/scoring/score.py", kAzureScore}}) == "yes");
    CHECK(suggestion("mlops", "serving-from-registry",
                     {{"deploy/online.yml", "name: blue\nendpoint_name: e\nmodel: azureml:credit-model:4\n"}}) == "yes");
    CHECK(suggestion("mlops", "serving-from-registry",
                     {{"deploy/online.yml", "name: blue\nendpoint_name: e\nmodel:\n  path: ./model\n"}}) == "-");
    // deploying a model object to a managed endpoint only hints (which version is not visible)
    CHECK(suggestion("mlops", "serving-from-registry",
                     {{"deploy/utils.py", "deployed = endpoint.deploy(model=model, machine_type='n1')\n"}}) == "partial");
    CHECK(suggestion("mlops", "serving-from-registry", {{"src/app.py", "model = joblib.load('model.pkl')\n"}}) == "-");
    // serving a model by its MLflow run id (immutable, but not a registry version) is partial
    CHECK(suggestion("mlops", "serving-from-registry",
                     {{"serve.py", "model = mlflow.pyfunc.load_model(f'runs:/{run_id}/model')\n"}}) == "partial");
    CHECK(suggestion("mlops", "serving-from-registry",
                     {{"app/cache.py", "r = requests.get(f'{uri}/get-artifact?path=model.pkl&run_uuid={run_id}')\n"}}) ==
          "partial");
    // registering a run's model (training code) is not serving from it, and neither is a test's mock
    CHECK(suggestion("mlops", "serving-from-registry",
                     {{"train.py", "mlflow.register_model(f'runs:/{run_id}/model', 'm')\n"}}) == "-");
    CHECK(suggestion("mlops", "serving-from-registry",
                     {{"test/test_cache.py", "m.get('http://t/get-artifact?path=model.pkl&run_uuid=123')\n"}}) == "-");
    // a model saved with explicit serving signatures hints at a contract; a library's hub signature does not
    CHECK(suggestion("mlops", "serving-contract",
                     {{"src/exporter.py", "classifier.save(serving_model_dir, signatures=signatures)\n"}}) == "partial");
    CHECK(suggestion("mlops", "serving-contract",
                     {{"lib/export.py", "hub.add_signature(inputs=x, outputs=spec.export_outputs['serving_default'])\n"}}) ==
          "-");
}

TEST_CASE("serving rules: an image whose CMD runs a script that starts the model server") {
    const char* q = "mlops";
    const char* id = "serving-containerised";
    const std::pair<std::string, std::string> image{"deploy/Dockerfile",
                                                    "FROM python:3.11\nCMD [\"bash\", \"./run.sh\"]\n"};
    const std::pair<std::string, std::string> run_sh{"deploy/api/run.sh",
                                                     "#!/bin/bash\nuvicorn app.main:app --host 0.0.0.0\n"};
    CHECK(suggestion(q, id, {image, run_sh}) == "partial");
    CHECK(
        suggestion(q, id, {image, run_sh, {".github/workflows/cd.yml", "      - run: docker build -t api deploy\n"}}) ==
        "yes");
    // a script that starts no server (a notebook, a shell) is no serving entry point
    CHECK(suggestion(q, id, {image, {"deploy/api/run.sh", "#!/bin/bash\njupyter lab --ip 0.0.0.0\n"}}) == "-");
    // nor one only a dev container runs
    CHECK(suggestion(q, id, {{".devcontainer/Dockerfile", "FROM python\nCMD [\"bash\", \"./run.sh\"]\n"}, run_sh}) ==
          "-");
}

TEST_CASE("serving rules: rollout, traffic shifting and zero downtime") {
    // an Istio route splitting traffic by weight between versions is a canary / A-B rollout
    CHECK(suggestion("mlops", "progressive-rollout", {{"charts/canary/templates/vs.yaml", kWeightedVs}}) == "yes");
    CHECK(suggestion("mlops", "zero-downtime-deploy", {{"charts/canary/templates/vs.yaml", kWeightedVs}}) == "partial");
    // a VirtualService without weights only routes
    CHECK(suggestion("mlops", "progressive-rollout", {{"k8s/vs.yaml", kPlainVs}}) == "-");
    // an SMI TrafficSplit is a traffic split between versions too
    CHECK(suggestion("mlops", "progressive-rollout",
                     {{"k8s/split.yaml", "apiVersion: split.smi-spec.io/v1alpha2\nkind: TrafficSplit\nmetadata:\n  name: m\n"}}) ==
          "yes");
    CHECK(suggestion("mlops", "zero-downtime-deploy", {{"k8s/vs.yaml", kPlainVs}}) == "-");
    // a rolling service update (Anyscale ROLLOUT) hints at both; IN_PLACE does not
    CHECK(suggestion("mlops", "progressive-rollout", {{"deploy/service.yaml", "name: s\nrollout_strategy: ROLLOUT\n"}}) ==
          "partial");
    CHECK(suggestion("mlops", "zero-downtime-deploy", {{"deploy/service.yaml", "name: s\nrollout_strategy: ROLLOUT\n"}}) ==
          "partial");
    CHECK(suggestion("mlops", "zero-downtime-deploy", {{"deploy/service.yaml", "name: s\nrollout_strategy: IN_PLACE\n"}}) ==
          "-");
    // a Kubernetes rolling update strategy hints at zero downtime; Recreate does not
    CHECK(suggestion("mlops", "zero-downtime-deploy",
                     {{"k8s/deploy.yaml", "kind: Deployment\nspec:\n  strategy:\n    type: RollingUpdate\n"}}) == "partial");
    CHECK(suggestion("mlops", "zero-downtime-deploy",
                     {{"k8s/deploy.yaml", "kind: Deployment\nspec:\n  strategy:\n    type: Recreate\n"}}) == "-");
}

TEST_CASE("serving rules: a rollout is checked before full traffic only with an analysis") {
    const char* steps = "apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nspec:\n  strategy:\n    canary:\n      steps:\n"
                        "        - setWeight: 5\n        - pause: {duration: 10m}\n";
    CHECK(suggestion("mlops", "progressive-rollout", {{"k8s/rollout.yaml", steps}}) == "partial");
    CHECK(suggestion("mlops", "progressive-rollout",
                     {{"k8s/rollout.yaml", std::string(steps) + "        - analysis:\n            templates:\n            - templateName: success-rate\n"}}) ==
          "yes");
    CHECK(suggestion("mlops", "progressive-rollout",
                     {{"k8s/rollout.yaml", std::string(steps) + "      analysis:\n        templates: [{templateName: s}]\n"}}) == "yes");
    CHECK(suggestion("mlops", "progressive-rollout",
                     {{"k8s/rollout.yaml", std::string(steps) + "        # - analysis: {}\n"}}) == "partial");
}

TEST_CASE("serving rules: Grafana dashboards and alerts provisioned from files are watched, an export only hints") {
    CHECK(suggestion("mlops", "production-monitored", {{"monitoring/grafana/dashboards/model.json", "{\"panels\": []}\n"}}) ==
          "partial");
    CHECK(suggestion("mlops", "production-monitored",
                     {{"monitoring/grafana/provisioning/dashboards/dashboard.yml",
                       "apiVersion: 1\nproviders:\n  - name: ml\n    options:\n      path: /etc/grafana/dashboards\n"}}) == "yes");
    CHECK(suggestion("mlops", "production-monitored",
                     {{"grafana/provisioning/alerting/alerts.yml", "apiVersion: 1\ngroups:\n  - name: serving\n"}}) == "yes");
    // a datasource is no dashboard
    CHECK(suggestion("mlops", "production-monitored",
                     {{"grafana/provisioning/datasources/ds.yml", "apiVersion: 1\ndatasources:\n  - name: prom\n"}}) == "-");
}

TEST_CASE("serving rules: alerts on errors or latency are service alerting, availability alone a part of it") {
    const char* up = "groups:\n  - name: s\n    rules:\n      - alert: ServingDown\n        expr: up{job=\"serving\"} == 0\n";
    CHECK(suggestion("mlops", "service-alerting", {{"monitoring/alert_rules.yml", up}}) == "partial");
    CHECK(suggestion("mlops", "service-alerting",
                     {{"monitoring/alert_rules.yml",
                       std::string(up) + "      - alert: SlowPredictions\n        expr: histogram_quantile(0.95, rate(request_latency_seconds_bucket[5m])) > 1\n"}}) ==
          "yes");
    CHECK(suggestion("mlops", "service-alerting",
                     {{"k8s/rules.yaml", "kind: PrometheusRule\nspec:\n  groups:\n  - rules:\n    - alert: Errors\n      expr: |\n"
                                         "        sum(rate(http_requests_total{status=~\"5..\"}[5m])) > 0.1\n"}}) == "yes");
    CHECK(suggestion("mlops", "service-alerting", {{"k8s/rules.yaml", "kind: PrometheusRule\nspec: {}\n"}}) == "partial");
    // a latency rule that is commented out is no alert
    CHECK(suggestion("mlops", "service-alerting",
                     {{"monitoring/alert_rules.yml", std::string(up) + "      # - alert: Slow\n      #   expr: latency > 1\n"}}) == "partial");
}

TEST_CASE("serving rules: deployment configs with autoscaling, authentication and telemetry switched on") {
    // an Azure ML AKS deployment config with autoscaling and authentication on shows both
    CHECK(suggestion("mlops", "autoscaling", {{"scoring/deployment_config_aks.yml", kAksConfig}}) == "yes");
    CHECK(suggestion("mlops", "endpoint-authentication", {{"scoring/deployment_config_aks.yml", kAksConfig}}) == "yes");
    // switched off they show nothing: minReplicas is a field of many kinds, not an autoscaler
    CHECK(suggestion("mlops", "autoscaling", {{"scoring/deployment_config_aks.yml", kAksConfigOff}}) == "-");
    // a RayCluster's worker group sizes without its autoscaler are fixed capacity; with it, a hint
    const char* ray = "kind: RayCluster\nspec:\n  workerGroupSpecs:\n    - replicas: 2\n      minReplicas: 1\n      maxReplicas: 4\n";
    CHECK(suggestion("mlops", "autoscaling", {{"k8s/ray-cluster.yaml", ray}}) == "-");
    CHECK(suggestion("mlops", "autoscaling",
                     {{"k8s/ray-cluster.yaml", std::string(ray) + "  enableInTreeAutoscaling: true\n"}}) == "partial");
    CHECK(suggestion("mlops", "autoscaling",
                     {{"k8s/svc.yaml", "metadata:\n  annotations:\n    autoscaling.knative.dev/max-scale: \"5\"\n"}}) == "partial");
    CHECK(suggestion("mlops", "endpoint-authentication", {{"scoring/deployment_config_aks.yml", kAksConfigOff}}) == "-");
    CHECK(suggestion("mlops", "service-alerting", {{"scoring/deployment_config_aks.yml", kAksConfigOff}}) == "-");
    // the same settings in the Python SDK
    CHECK(suggestion("mlops", "autoscaling",
                     {{"deploy.py", "cfg = AksWebservice.deploy_configuration(autoscale_enabled=True, auth_enabled=True)\n"}}) ==
          "yes");
    CHECK(suggestion("mlops", "endpoint-authentication",
                     {{"deploy.py", "cfg = AksWebservice.deploy_configuration(autoscale_enabled=True, auth_enabled=True)\n"}}) ==
          "yes");
    // an Azure ML online endpoint with key or token authentication
    CHECK(suggestion("mlops", "endpoint-authentication", {{"endpoint.yml", "name: e\nauth_mode: key\n"}}) == "yes");
    // Application Insights telemetry is a service metric without alert rules: partial for alerting
    CHECK(suggestion("mlops", "service-alerting", {{"scoring/deployment_config_aks.yml", kAksConfig}}) == "partial");
    // and not production monitoring by itself (nobody is shown watching it)
    CHECK(suggestion("mlops", "production-monitored", {{"scoring/deployment_config_aks.yml", kAksConfig}}) == "-");
}

TEST_CASE("serving rules: dashboards and drift monitoring") {
    // a dashboard service (Kibana, Grafana) deployed with the stack hints at monitoring
    CHECK(suggestion("mlops", "production-monitored",
                     {{"docker-compose.yaml", "services:\n  kibana:\n    image: docker.elastic.co/kibana/kibana:7.6.0\n"}}) ==
          "partial");
    CHECK(suggestion("mlops", "production-monitored",
                     {{"docker-compose.yaml", "services:\n  es:\n    image: docker.elastic.co/elasticsearch/elasticsearch:7\n"}}) ==
          "-");
    // a drift monitor created in code is drift detection; in a notebook, run by hand, it is partial
    const char* vertex = "job = vertex_ai_beta.ModelDeploymentMonitoringJob(display_name='m')\n";
    CHECK(suggestion("mlops", "drift-detection", {{"src/monitoring.py", vertex}}) == "yes");
    CHECK(suggestion("mlops", "drift-detection",
                     {{"08-monitoring.ipynb", "{\"cells\": [{\"cell_type\": \"code\", \"source\": [\"" 
                                              "job = vertex_ai_beta.ModelDeploymentMonitoringJob(\\n\"]}]}\n"}}) ==
          "partial");
    CHECK(suggestion("mlops", "drift-detection",
                     {{"eda.ipynb", "{\"cells\": [{\"cell_type\": \"code\", \"source\": [\"import pandas as pd\\n\"]}]}\n"}}) ==
          "-");
}

TEST_CASE("serving rules: infrastructure applied by a pipeline and staging stages") {
    // Azure Pipelines Terraform tasks applying the plan are infrastructure changes via CD
    const char* tf_tasks = "steps:\n- task: TerraformInstaller@0\n- task: TerraformCLI@0\n  inputs:\n    command: init\n"
                           "- task: TerraformCLI@0\n  inputs:\n    command: apply\n";
    CHECK(suggestion("mlops", "infra-changes-via-cd", {{"environment_setup/iac-pipeline-tf.yml", tf_tasks}}) == "yes");
    CHECK(suggestion("mlops", "infra-changes-via-cd",
                     {{"environment_setup/iac-pipeline-tf.yml",
                       "steps:\n- task: TerraformCLI@0\n  inputs:\n    command: validate\n"}}) == "-");
    // terraform apply in any CI system's file, not only GitHub Actions and GitLab
    CHECK(suggestion("mlops", "infra-changes-via-cd",
                     {{"Jenkinsfile", "pipeline { stages { stage('infra') { steps { sh 'terraform apply -auto-approve' } } } }\n"}}) ==
          "yes");
    // planned or validated in CI and applied by a person is partial, as the help says; applied by CI is yes,
    // also after other words on the line; a plan and an apply on different lines are not one command
    const char* plan_only = "on: [pull_request]\njobs:\n  tf:\n    steps:\n      - uses: hashicorp/setup-terraform@v3\n"
                            "      - run: terraform -chdir=infrastructure validate\n"
                            "      - run: terraform -chdir=infrastructure plan -out=tfplan\n"
                            "      # apply is run by hand: terraform apply tfplan\n";
    CHECK(suggestion("mlops", "infra-changes-via-cd", {{".github/workflows/main.yml", plan_only}}) == "partial");
    CHECK(suggestion("mlops", "infra-changes-via-cd",
                     {{".github/workflows/cd.yml", "on: [push]\njobs:\n  tf:\n    steps:\n"
                                                    "      - run: terraform -chdir=infra apply -auto-approve\n"}}) == "yes");
    CHECK(suggestion("mlops", "infra-changes-via-cd",
                     {{".gitlab-ci.yml", "deploy:\n  script:\n    - pulumi stack select prod && pulumi up --yes\n"}}) == "yes");
    CHECK(suggestion("mlops", "infra-changes-via-cd",
                     {{".github/workflows/x.yml", "jobs:\n  a:\n    steps:\n      - run: terraform init\n"
                                                   "      - run: echo apply later\n"}}) == "-");
    // terraform run from a script on a laptop is not CD
    CHECK(suggestion("mlops", "infra-changes-via-cd", {{"scripts/apply.sh", "terraform apply -auto-approve\n"}}) == "-");
    // an Azure Pipelines ARM template deployment task is infrastructure applied by the pipeline; an Azure CLI
    // task is not by itself
    CHECK(suggestion("mlops", "infra-changes-via-cd",
                     {{"environment_setup/iac-arm.yml",
                       "steps:\n- task: AzureResourceManagerTemplateDeployment@3\n  inputs:\n    csmFile: arm.json\n"}}) ==
          "yes");
    CHECK(suggestion("mlops", "infra-changes-via-cd",
                     {{"environment_setup/other.yml", "steps:\n- task: AzureCLI@2\n  inputs:\n    inlineScript: az group list\n"}}) ==
          "-");
    // a pipeline stage named for staging hints at a pre-production environment
    CHECK(suggestion("mlops", "preprod-environment",
                     {{".pipelines/abtest.yml", "stages:\n- stage: 'Blue_Staging'\n  jobs:\n  - job: a\n"}}) == "partial");
    CHECK(suggestion("mlops", "preprod-environment",
                     {{"Jenkinsfile", "pipeline { stages { stage('Deploy to staging') { steps { sh 'x' } } } }\n"}}) == "partial");
    CHECK(suggestion("mlops", "preprod-environment",
                     {{".pipelines/ci.yml", "stages:\n- stage: 'Build'\n  jobs:\n  - job: test\n"}}) == "-");
    CHECK(suggestion("mlops-ct", "staging-before-production",
                     {{".pipelines/abtest.yml", "stages:\n- stage: 'Blue_Staging'\n  jobs:\n  - job: a\n"}}) == "partial");
}

TEST_CASE("serving rules, round 7: managed services that scale or authenticate by design, platform builds, secrets") {
    // a model service on Cloud Run scales with load by default; a Cloud Run service for something else (an MLflow
    // server) says nothing about serving, nor does a Cloud Run job
    CHECK(suggestion("mlops", "autoscaling",
                     {{"infrastructure/main.tf",
                       "resource \"google_cloud_run_v2_service\" \"prediction_api\" {\n  name = \"api\"\n}\n"}}) ==
          "yes");
    CHECK(suggestion("mlops", "autoscaling",
                     {{"infrastructure/main.tf",
                       "resource \"google_cloud_run_v2_service\" \"mlflow_server\" {\n  name = \"m\"\n}\n"}}) == "-");
    CHECK(suggestion("mlops", "autoscaling", {{"deploy.sh", "gcloud run deploy churn-api --image gcr.io/p/api\n"}}) ==
          "yes");
    CHECK(suggestion("mlops", "autoscaling",
                     {{"deploy.sh", "gcloud run jobs deploy scoring-job --image gcr.io/p/job\n"}}) == "-");
    // Dataflow's throughput-based autoscaling (a streaming scoring pipeline); a comment naming it is nothing
    CHECK(suggestion("mlops", "autoscaling",
                     {{"src/main/java/com/example/config/Options.java",
                       "options.setAutoscalingAlgorithm(AutoscalingAlgorithmType.THROUGHPUT_BASED);\n"}}) == "yes");
    CHECK(suggestion("mlops", "autoscaling",
                     {{"src/main/java/com/acme/Options.java", "// TODO: try THROUGHPUT_BASED later\nint x = 1;\n"}}) ==
          "-");

    // managed cloud endpoints have no anonymous mode
    CHECK(suggestion("mlops", "endpoint-authentication",
                     {{"src/deploy.py",
                       "from azure.ai.ml.entities import ManagedOnlineEndpoint\n"
                       "endpoint = ManagedOnlineEndpoint(name='ga', description='x')\n"}}) == "yes");
    CHECK(
        suggestion(
            "mlops", "endpoint-authentication",
            {{"deploy/endpoint.yml",
              "$schema: https://azuremlschemas.azureedge.net/latest/managedOnlineEndpoint.schema.json\nname: e\n"}}) ==
        "yes");
    CHECK(suggestion(
              "mlops", "endpoint-authentication",
              {{"pipeline/deploy.py",
                "from google.cloud import aiplatform\nendpoint = aiplatform.Endpoint.create(display_name='m')\n"}}) ==
          "yes");
    // importing the class or a tutorial's endpoint is not the team's endpoint
    CHECK(suggestion("mlops", "endpoint-authentication",
                     {{"src/deploy.py", "from azure.ai.ml.entities import ManagedOnlineEndpoint\n"}}) == "-");
    CHECK(suggestion("mlops", "endpoint-authentication",
                     {{"tutorials/deploy.py", "endpoint = ManagedOnlineEndpoint(name='x')\n"}}) == "-");

    // a platform that builds the image from the repository's Dockerfile when CI deploys is a build process: the
    // serving image goes from partial (an image exists) to yes
    CHECK(suggestion("mlops", "serving-containerised", {{"Dockerfile", kServingDockerfile}}) == "partial");
    CHECK(suggestion("mlops", "serving-containerised",
                     {{"Dockerfile", kServingDockerfile},
                      {".circleci/config.yml",
                       "jobs:\n  deploy:\n    steps:\n      - run: railway up --detach --service api\n"}}) == "yes");
    CHECK(suggestion("mlops", "serving-containerised",
                     {{"Dockerfile", kServingDockerfile},
                      {".gitlab-ci.yml",
                       "deploy:\n  script:\n    - gcloud run deploy api --source . --region eu\n"}}) == "yes");
    // the same for an image whose CMD runs a committed script that starts the server
    CHECK(suggestion("mlops", "serving-containerised",
                     {{"deploy/Dockerfile", "FROM python:3.11\nCMD [\"bash\", \"./run.sh\"]\n"},
                      {"deploy/run.sh", "#!/bin/bash\nuvicorn app.main:app --host 0.0.0.0\n"},
                      {".circleci/config.yml",
                       "jobs:\n  deploy:\n    steps:\n      - run: cd deploy && railway up --detach\n"}}) == "yes");
    // deploying a prebuilt image builds nothing
    CHECK(suggestion("mlops", "serving-containerised",
                     {{"Dockerfile", kServingDockerfile},
                      {".gitlab-ci.yml",
                       "deploy:\n  script:\n    - gcloud run deploy api --image gcr.io/p/api:1\n"}}) == "partial");
}

TEST_CASE("secrets rules: a secret kept in a secrets manager by the infrastructure code, or in a cluster Secret") {
    // Terraform, CloudFormation and Pulumi that keep a secret in a cloud secrets manager or a vault: the help's yes
    // (redbox's ECS tasks read theirs from AWS Secrets Manager)
    CHECK(suggestion("mlops", "secrets-manager",
                     {{"infrastructure/aws/ecs.tf",
                       "resource \"aws_secretsmanager_secret\" \"django-app-secret\" {\n  name = \"app\"\n}\n"}}) ==
          "yes");
    CHECK(suggestion("mlops", "secrets-manager",
                     {{"infra/main.tf", "  resource \"google_secret_manager_secret\" \"db\" {\n"}}) == "yes");
    CHECK(suggestion("mlops", "secrets-manager",
                     {{"stack.yaml", "Resources:\n  Db:\n    Type: 'AWS::SecretsManager::Secret'\n"}}) == "yes");
    CHECK(suggestion("mlops", "secrets-manager",
                     {{"infra/__main__.py", "key = gcp.secretmanager.Secret(\"api-key\")\n"}}) == "yes");
    // a reference to a secret made elsewhere, or a resource in a comment, keeps nothing
    CHECK(suggestion("mlops", "secrets-manager",
                     {{"infra/iam.tf", "  resources = [aws_secretsmanager_secret.app.arn]\n"}}) == "-");
    CHECK(suggestion("mlops", "secrets-manager",
                     {{"infra/main.tf", "# resource \"aws_secretsmanager_secret\" \"x\" {\n"}}) == "-");
    CHECK(suggestion("mlops", "secrets-manager", {{"infra/__main__.py", "# gcp.secretmanager.Secret(\"k\")\n"}}) ==
          "-");
    // a workload reading a Kubernetes Secret at run time: kept out of code and image, not a manager (partial)
    const char* secret_env =
        "spec:\n  containers:\n    - env:\n        - name: AWS_SECRET_ACCESS_KEY\n          valueFrom:\n"
        "            secretKeyRef:\n              name: s3\n              key: secret\n";
    CHECK(suggestion("mlops", "secrets-manager", {{"k8s/cronjob.yml", secret_env}}) == "partial");
    CHECK(suggestion("mlops", "secrets-manager", {{"k8s/cronjob.yml", "# secretKeyRef: not used yet\n"}}) == "-");
    // direnv's .envrc kept out of git, with a committed template (wellcometrust's .envrc.template)
    CHECK(suggestion("mlops", "secrets-manager",
                     {{".envrc.template", "export AWS_PROFILE=\n"}, {".gitignore", "*.pyc\n.envrc\n"}}) == "partial");
    CHECK(suggestion("mlops", "secrets-manager",
                     {{".envrc.template", "export AWS_PROFILE=\n"}, {".gitignore", "*.pyc\n"}}) == "-");
}

TEST_CASE("secrets rules, round 7: workload identity, env files kept out of git, CI secret stores") {
    // CI that takes short-lived cloud credentials by OIDC keeps no key at all: the help's yes
    CHECK(suggestion("mlops", "secrets-manager",
                     {{".github/workflows/cd.yml",
                       github_workflow("push", "deploy",
                                       "      - uses: google-github-actions/auth@v2\n        with:\n"
                                       "          workload_identity_provider: ${{ secrets.GCP_WIF_PROVIDER }}\n")}}) ==
          "yes");
    CHECK(suggestion("mlops", "secrets-manager",
                     {{".github/workflows/cd.yml",
                       github_workflow("push", "deploy",
                                       "      - uses: aws-actions/configure-aws-credentials@v4\n        with:\n"
                                       "          role-to-assume: arn:aws:iam::1:role/ci\n")}}) == "yes");
    // a committed template of the env file, with `.env` ignored: the real one is kept out of git (the help's
    // partial); a template whose env file git would take is no sign of that
    const char* kIgnoresEnv = "__pycache__/\n.env\n.venv\n";
    CHECK(suggestion("mlops", "secrets-manager",
                     {{".env.example", "MLFLOW_TRACKING_URI=\nAWS_SECRET_ACCESS_KEY=\n"},
                      {".gitignore", kIgnoresEnv}}) == "partial");
    CHECK(suggestion("mlops", "secrets-manager",
                     {{"env.dev.example", "POSTGRES_PASSWORD=\n"}, {".gitignore", kIgnoresEnv}}) == "partial");
    CHECK(suggestion("mlops", "secrets-manager",
                     {{"config/production.env.example", "DB_URL=\n"}, {".gitignore", "**/.env\n"}}) == "partial");
    CHECK(suggestion("mlops", "secrets-manager", {{".env.example", "DB_URL=\n"}, {".gitignore", "__pycache__/\n"}}) ==
          "-");
    CHECK(suggestion("mlops", "secrets-manager", {{".env.example", "DB_URL=\n"}}) == "-");
    // CI reading the team's cloud or registry credentials from its secret store is partial; the automatic
    // GITHUB_TOKEN is no credential of the team's
    CHECK(suggestion("mlops", "secrets-manager",
                     {{".github/workflows/cd.yml",
                       github_workflow("push", "deploy",
                                       "      - run: aws s3 sync out s3://b\n        env:\n"
                                       "          AWS_ACCESS_KEY_ID: ${{ secrets.AWS_ACCESS_KEY_ID }}\n")}}) ==
          "partial");
    CHECK(suggestion("mlops", "secrets-manager",
                     {{".github/workflows/ci.yml",
                       github_workflow("push", "deploy",
                                       "      - uses: actions/checkout@v4\n        with:\n"
                                       "          token: ${{ secrets.GITHUB_TOKEN }}\n")}}) == "-");
    // a workflow whose triggers are all commented out never runs: its secrets are nobody's practice
    CHECK(suggestion("mlops", "secrets-manager",
                     {{".github/workflows/cd.yml",
                       "on:\n#  push:\njobs:\n  d:\n    runs-on: ubuntu-latest\n    steps:\n"
                       "      - run: echo\n        env:\n          KEY: ${{ secrets.AZURE_CREDENTIALS }}\n"}}) == "-");
}

TEST_CASE("serving rules, round 8: a route at 100% is no split, manifests per environment, maintenance schedules") {
    const char* kOneRoute =
        "apiVersion: networking.istio.io/v1beta1\nkind: VirtualService\nmetadata:\n  name: m\nspec:\n"
        "  http:\n  - route:\n    - destination:\n        host: m\n      weight: 100\n";
    CHECK(suggestion("mlops", "progressive-rollout", {{"kubernetes/production/vs.yaml", kOneRoute}}) == "-");
    CHECK(suggestion("mlops", "zero-downtime-deploy", {{"kubernetes/production/vs.yaml", kOneRoute}}) == "-");
    // a weight set by a Helm value can be shifted
    const char* kHelm =
        "apiVersion: networking.istio.io/v1alpha3\nkind: VirtualService\nmetadata:\n  name: m\nspec:\n"
        "  http:\n  - route:\n    - destination:\n        host: m-green\n      weight: {{ .Values.weight.green }}\n";
    CHECK(suggestion("mlops", "progressive-rollout", {{"charts/ab/templates/canary.yaml", kHelm}}) == "yes");

    // deployment manifests per environment: a staging environment, environments separated by namespace
    CHECK(suggestion("mlops", "preprod-environment",
                     {{"kubernetes/staging/inferenceservice.yaml", "kind: InferenceService\n"}}) == "yes");
    CHECK(suggestion("mlops", "env-separation",
                     {{"k8s/production/deployment.yaml", "kind: Deployment\n"},
                      {"k8s/staging/deployment.yaml", "kind: Deployment\n"}}) == "partial");
    // one environment separates nothing; notes about a planned staging environment are no environment
    CHECK(suggestion("mlops", "env-separation", {{"k8s/production/deployment.yaml", "kind: Deployment\n"}}) == "-");
    CHECK(suggestion("mlops", "env-separation", {{"k8s/staging/deployment.yaml", "kind: Deployment\n"}}) == "-");
    // an ignored .env without a committed template shows no env file kept out of git: most .gitignore templates list it
    CHECK(suggestion("mlops", "secrets-manager", {{".gitignore", "__pycache__/\n.env\n"}}) == "-");
    // the script-linked serving image: a prebuilt image deployed by fly builds nothing either
    CHECK(suggestion("mlops", "serving-containerised",
                     {{"deploy/Dockerfile", "FROM python:3.11\nCMD [\"bash\", \"./run.sh\"]\n"},
                      {"deploy/run.sh", "#!/bin/bash\nuvicorn app.main:app --host 0.0.0.0\n"},
                      {".gitlab-ci.yml", "deploy:\n  script:\n    - flyctl deploy --image registry.fly.io/api:1\n"}}) ==
          "partial");
    CHECK(suggestion("mlops", "preprod-environment",
                     {{"docs/deployment/staging/README.md", "Setting up a staging environment (planned).\n"}}) == "-");
    CHECK(suggestion("mlops", "preprod-environment", {{"deploy/staging/notes.md", "TODO\n"}}) == "-");
    CHECK(suggestion("mlops", "env-separation", {{"k8s/base/deployment.yaml", "kind: Deployment\n"}}) == "-");

    // a scheduled workflow that updates pre-commit hooks (and opens a pull request) is maintenance, no ML job
    CHECK(
        suggestion(
            "mlops", "scheduled-job-from-code",
            {{".github/workflows/pre-commit-update.yaml",
              "on:\n  schedule:\n    - cron: '0 0 * * *'\njobs:\n  u:\n    steps:\n      - run: pre-commit autoupdate\n"
              "      - uses: peter-evans/create-pull-request@v7\n"}}) == "-");
    CHECK(suggestion(
              "mlops", "scheduled-job-from-code",
              {{".github/workflows/nightly.yaml",
                "on:\n  schedule:\n    - cron: '0 0 * * *'\njobs:\n  u:\n    steps:\n      - run: echo nightly\n"}}) ==
          "partial");
}

TEST_CASE("serving rules: review of rounds 7 and 8 (each a case the first version got wrong)") {
    // static keys given beside the role are stored keys, no workload identity; an input declared
    // `role-to-assume:` with its type on the next line names no role
    CHECK(suggestion("mlops", "secrets-manager",
                     {{".github/workflows/cd.yml",
                       github_workflow("push", "deploy",
                                       "      - uses: aws-actions/configure-aws-credentials@v4\n        with:\n"
                                       "          aws-access-key-id: ${{ vars.KEY_ID }}\n"
                                       "          role-to-assume: arn:aws:iam::1:role/ci\n")}}) == "-");
    CHECK(suggestion("mlops", "secrets-manager",
                     {{".github/workflows/reusable.yml",
                       "on:\n  workflow_call:\n    inputs:\n      role-to-assume:\n"
                       "        type: string\njobs:\n  d:\n    runs-on: ubuntu-latest\n"
                       "    steps:\n      - run: echo\n"}}) == "-");

    // a weight in another document of the file (a pod affinity's) is no route's
    const char* kOneRoute =
        "kind: VirtualService\nspec:\n  http:\n  - route:\n    - destination:\n        host: m\n"
        "      weight: 100\n";
    CHECK(suggestion("mlops", "progressive-rollout",
                     {{"k8s/serving.yaml", std::string(kOneRoute) +
                                               "---\nkind: Deployment\nspec:\n  template:\n    spec:\n"
                                               "      affinity:\n        podAntiAffinity:\n"
                                               "          preferredDuringSchedulingIgnoredDuringExecution:\n"
                                               "          - weight: 50\n"}}) == "-");
    const char* kSplit =
        "kind: VirtualService\nspec:\n  http:\n  - route:\n    - destination:\n        host: m-green\n"
        "      weight: 90\n    - destination:\n        host: m-blue\n      weight: 10\n";
    CHECK(suggestion("mlops", "zero-downtime-deploy", {{"k8s/vs.yaml", kSplit}}) == "partial");
    CHECK(suggestion("mlops", "progressive-rollout", {{"k8s/vs.yaml", kSplit}}) == "yes");

    // a name that only contains a keyword ("capital"), or a service pinned at one instance, is no autoscaling
    CHECK(suggestion("mlops", "autoscaling",
                     {{"deploy.sh", "gcloud run deploy capital-dashboard --image gcr.io/p/d\n"}}) == "-");
    CHECK(suggestion("mlops", "autoscaling",
                     {{"deploy.sh",
                       "gcloud run deploy churn-api --image gcr.io/p/api --min-instances=1 --max-instances=1\n"}}) ==
          "-");
    CHECK(suggestion("mlops", "autoscaling",
                     {{"deploy.sh", "gcloud run deploy model-serving --image gcr.io/p/api\n"}}) == "yes");
    // Dataflow's option set to it; not a properties file's comment, nor an option listing it among choices
    CHECK(suggestion("mlops", "autoscaling", {{"pipeline.properties", "autoscalingAlgorithm=THROUGHPUT_BASED\n"}}) ==
          "yes");
    CHECK(suggestion("mlops", "autoscaling", {{"pipeline.properties", "# autoscalingAlgorithm=THROUGHPUT_BASED\n"}}) ==
          "-");
    CHECK(suggestion("mlops", "autoscaling",
                     {{"run.py",
                       "parser.add_argument('--autoscaling_algorithm', default='NONE', choices=['NONE', "
                       "'THROUGHPUT_BASED'])\n"}}) == "-");

    // gcloud's --source on a continuation line builds the image; a prebuilt image deployed by fly builds nothing
    CHECK(suggestion("mlops", "serving-containerised",
                     {{"Dockerfile", kServingDockerfile},
                      {".gitlab-ci.yml",
                       "deploy:\n  script:\n    - gcloud run deploy api \\\n        --source . --region eu\n"}}) ==
          "yes");
    CHECK(suggestion("mlops", "serving-containerised",
                     {{"Dockerfile", kServingDockerfile},
                      {".gitlab-ci.yml",
                       "deploy:\n  script:\n    - flyctl deploy --image registry.fly.io/churn-api:1\n"}}) == "partial");

    // a weekly retraining workflow that skips Dependabot's runs is still a scheduled job
    CHECK(suggestion("mlops", "scheduled-job-from-code",
                     {{".github/workflows/retrain.yml",
                       "on:\n  schedule:\n    - cron: '0 3 * * 1'\njobs:\n  retrain:\n    if: github.actor != "
                       "'dependabot[bot]'\n"
                       "    steps:\n      - run: dvc repro\n"}}) == "partial");
}

TEST_CASE("serving rules: an image whose entry point is the project's own console script packages the runtime") {
    const char* image =
        "FROM python:3.12-slim\nCOPY . /app\nRUN uv sync --frozen --no-dev\nENTRYPOINT [\"bikes\"]\nCMD [\"--help\"]\n";
    const char* scripts = "[project]\nname = \"bikes\"\n\n[project.scripts]\nbikes = 'bikes.scripts:main'\n";
    const char* publish =
        "on:\n  push:\n    tags: ['v*']\njobs:\n  image:\n    steps:\n      - uses: docker/build-push-action@v6\n";
    CHECK(suggestion("mlops", "serving-containerised",
                     {{"Dockerfile", image}, {"pyproject.toml", scripts}, {".github/workflows/cd.yml", publish}}) ==
          "yes");
    CHECK(suggestion("mlops", "serving-containerised", {{"Dockerfile", image}, {"pyproject.toml", scripts}}) ==
          "partial");
    // no console script declared, the project not installed, or a workstation image: not a serving runtime
    CHECK(suggestion("mlops", "serving-containerised",
                     {{"Dockerfile", image}, {"pyproject.toml", "[project]\nname = \"b\"\n"}}) == "-");
    CHECK(suggestion("mlops", "serving-containerised",
                     {{"Dockerfile", "FROM python:3.12\nENTRYPOINT [\"bikes\"]\n"}, {"pyproject.toml", scripts}}) ==
          "-");
    CHECK(suggestion(
              "mlops", "serving-containerised",
              {{"Dockerfile",
                "FROM python:3.12\nRUN pip install .\nENTRYPOINT [\"tini\", \"--\"]\nCMD [\"jupyter\", \"lab\"]\n"},
               {"setup.py", "entry_points={'console_scripts': ['x=x:main']}\n"}}) == "-");
    CHECK(suggestion("mlops", "serving-containerised",
                     {{".devcontainer/Dockerfile", image}, {"pyproject.toml", scripts}}) == "-");
}

TEST_CASE("serving rules: the console script's path in the image's venv is the console script, an interpreter is not") {
    const char* scripts = "[project]\nname = \"pvnet-app\"\n\n[project.scripts]\npvnet-app = \"pvnet_app.app:main\"\n";
    CHECK(suggestion("mlops", "serving-containerised",
                     {{"Dockerfile",
                       "FROM python:3.12-slim\nRUN uv sync --no-editable --no-dev\n"
                       "ENTRYPOINT [\"/app/.venv/bin/pvnet-app\"]\n"},
                      {"pyproject.toml", scripts}}) == "partial");
    CHECK(suggestion("mlops", "serving-containerised",
                     {{"Dockerfile", "FROM python:3.12\nRUN pip install .\nENTRYPOINT [\"python\", \"train.py\"]\n"},
                      {"pyproject.toml", scripts}}) == "-");
    CHECK(suggestion("mlops", "serving-containerised",
                     {{"Dockerfile",
                       "FROM python:3.12\nRUN pip install .\nENTRYPOINT [\"/usr/local/bin/python3\", \"-m\", \"x\"]\n"},
                      {"pyproject.toml", scripts}}) == "-");
}

TEST_CASE("serving rules: an error tracker the job reports to watches it and alerts on its failures") {
    const char* sentry = "import sentry_sdk\n\nsentry_sdk.init(dsn=os.getenv('SENTRY_DSN'), environment=env)\n";
    CHECK(suggestion("mlops", "job-failure-alerts", {{"src/pvnet_app/app.py", sentry}}) == "yes");
    CHECK(suggestion("mlops", "production-monitored", {{"src/pvnet_app/app.py", sentry}}) == "yes");
    // imported only, commented out, or in a test: nothing reports
    CHECK(suggestion("mlops", "job-failure-alerts", {{"src/app.py", "import sentry_sdk\n"}}) == "-");
    CHECK(suggestion("mlops", "production-monitored", {{"src/app.py", "# sentry_sdk.init(dsn=DSN)\n"}}) == "-");
    CHECK(suggestion("mlops", "production-monitored", {{"tests/test_app.py", sentry}}) == "-");
}

TEST_CASE("serving rules: review of round 11 (each a case the first version got wrong)") {
    const char* scripts = "[project.scripts]\nchurn-train = \"churn.train:main\"\nchurn-serve = \"churn.serve:main\"\n";
    const char* build = "on: [push]\njobs:\n  b:\n    steps:\n      - run: docker build -t churn:${{ github.sha }} .\n";
    // a training image or a test image is not the serving runtime
    CHECK(suggestion(
              "mlops", "serving-containerised",
              {{"Dockerfile", "FROM python:3.11-slim\nCOPY . .\nRUN pip install .\nENTRYPOINT [\"churn-train\"]\n"},
               {"pyproject.toml", scripts},
               {".github/workflows/b.yml", build}}) == "-");
    CHECK(suggestion("mlops", "serving-containerised",
                     {{"Dockerfile.test", "FROM python:3.11\nRUN pip install -e .[test]\nENTRYPOINT [\"pytest\"]\n"},
                      {"pyproject.toml", scripts},
                      {".github/workflows/b.yml", build}}) == "-");
    // pip's options before the dot
    CHECK(suggestion(
              "mlops", "serving-containerised",
              {{"Dockerfile",
                "FROM python:3.11-slim\nCOPY . .\nRUN pip install --no-cache-dir .\nENTRYPOINT [\"churn-serve\"]\n"},
               {"pyproject.toml", scripts},
               {".github/workflows/b.yml", build}}) == "yes");
    // a web API's error tracker reports its requests, not a job's failure; it still watches the service
    const char* api = "import sentry_sdk\nsentry_sdk.init(dsn=os.environ['SENTRY_DSN'])\napp = FastAPI()\n";
    CHECK(suggestion("mlops", "job-failure-alerts", {{"api/main.py", api}}) == "-");
    CHECK(suggestion("mlops", "production-monitored", {{"api/main.py", api}}) == "yes");
}

TEST_CASE("rules: review of round 11, audit trail and README steps (each a case the first version got wrong)") {
    // a package release and a coverage page are no model deployment
    CHECK(suggestion("mlops", "audit-trail",
                     {{".github/workflows/release.yml",
                       "on: release\njobs:\n  deploy:\n    steps:\n      - name: Deploy to PyPI\n"
                       "        uses: pypa/gh-action-pypi-publish@release/v1\n"}}) == "-");
    CHECK(suggestion("mlops", "audit-trail",
                     {{".gitlab-ci.yml",
                       "stages: [test, deploy]\npages:\n  stage: deploy\n  script: [mv htmlcov public]\n"}}) == "-");
    // an installation step, a table of contents and a feature list are no release steps
    for (const char* no : {"1. Download the latest release from the Releases page\n", "3. Release notes\n",
                           "2. Tracks runs and registers the best model in MLflow\n"})
        CHECK(suggestion("mlops", "release-process-documented", {{"README.md", no}}) == "-");
    CHECK(suggestion("mlops", "release-process-documented",
                     {{"README.md", "4. Release the model with `make release`\n"}}) == "partial");
}

TEST_CASE("serving rules: round 15, what held-out 8 showed (reusable workflows, Pulumi, crontabs, view logins)") {
    // an image whose start script runs the server, built by a reusable workflow named for building images
    const char* image = "FROM python:3.12\nCOPY . .\nCMD [\"./start.sh\"]\n";
    const char* start = "#!/bin/sh\nvenv/bin/daphne -b 0.0.0.0 -p 8090 app.asgi:application\n";
    const char* reusable_build =
        "on: push\njobs:\n  build-image:\n    uses: org/core-actions/.github/workflows/build-docker.yml@main\n";
    CHECK(suggestion("mlops", "serving-containerised",
                     {{"app/Dockerfile", image},
                      {"app/start.sh", start},
                      {".github/workflows/release.yml", reusable_build}}) == "yes");
    // a reusable workflow named for something else builds no image
    const char* reusable_lint =
        "on: push\njobs:\n  lint:\n    uses: org/core-actions/.github/workflows/lint.yml@main\n";
    CHECK(
        suggestion("mlops", "serving-containerised",
                   {{"app/Dockerfile", image}, {"app/start.sh", start}, {".github/workflows/ci.yml", reusable_lint}}) ==
        "partial");

    // Pulumi's GitHub Action applies with `command: up`, also from a composite action; `preview` only plans
    const char* pulumi_up =
        "runs:\n  using: composite\n  steps:\n    - uses: pulumi/actions@v5\n      with:\n"
        "        work-dir: stack/\n        command: up\n        stack-name: prod\n";
    CHECK(suggestion("mlops", "infra-changes-via-cd", {{".github/actions/deploy/action.yml", pulumi_up}}) == "yes");
    const char* pulumi_preview =
        "on: pull_request\njobs:\n  p:\n    steps:\n      - uses: pulumi/actions@v5\n"
        "        with:\n          command: preview\n";
    CHECK(suggestion("mlops", "infra-changes-via-cd", {{".github/workflows/pr.yml", pulumi_preview}}) == "partial");
    CHECK(suggestion(
              "mlops", "infra-changes-via-cd",
              {{".github/workflows/release.yml",
                "on: push\njobs:\n  tf:\n    uses: org/core-actions/.github/workflows/apply-terraform.yml@main\n"}}) ==
          "yes");
    CHECK(suggestion(
              "mlops", "infra-changes-via-cd",
              {{".github/actions/apply/action.yml",
                "runs:\n  using: composite\n  steps:\n    - run: terraform -chdir=infra apply -auto-approve\n"}}) ==
          "yes");
    // a composite action elsewhere in the tree is not the repository's CI, and a Terraform lint workflow applies
    // nothing
    CHECK(suggestion("mlops", "infra-changes-via-cd", {{"vendor/x/action.yml", pulumi_up}}) == "-");
    CHECK(suggestion("mlops", "infra-changes-via-cd",
                     {{".github/workflows/lint.yml",
                       "jobs:\n  l:\n    uses: org/ci/.github/workflows/terraform-lint.yml@v1\n"}}) == "-");

    // a crontab committed to the repository is cron managed as code; a comment or an environment line is no job
    CHECK(suggestion("mlops", "scheduled-job-from-code",
                     {{"docker/services/cron/crontab",
                       "MAILTO=\"\"\n# m h dom mon dow user command\n1 2 * * * lb python -m app.spark.request_manage "
                       "cron_request_recommendations\n"}}) == "yes");
    CHECK(suggestion("mlops", "scheduled-job-from-code", {{"deploy/app.cron", "@daily /app/bin/score.sh\n"}}) == "yes");
    CHECK(suggestion("mlops", "scheduled-job-from-code",
                     {{"docker/crontab", "# 0 5 * * * python train.py\nSHELL=/bin/bash\n"}}) == "-");
    CHECK(suggestion("mlops", "scheduled-job-from-code", {{"docs/crontab.md", "0 5 * * * python train.py\n"}}) == "-");

    // a login or permission check on the views protects those views: partial (whether every endpoint does is unshown)
    CHECK(suggestion("mlops", "endpoint-authentication",
                     {{"app/views.py",
                       "from django.contrib.auth.decorators import login_required\n\n"
                       "@login_required\ndef chat(request):\n    return render(request)\n"}}) == "partial");
    CHECK(suggestion("mlops", "endpoint-authentication",
                     {{"app/api.py", "class Chats(APIView):\n    permission_classes = [IsAuthenticated]\n"}}) ==
          "partial");
    CHECK(suggestion("mlops", "endpoint-authentication",
                     {{"app/views.py", "class Home(LoginRequiredMixin, TemplateView):\n    pass\n"}}) == "partial");
    // a test's login, or the name in prose, protects nothing
    CHECK(suggestion("mlops", "endpoint-authentication",
                     {{"tests/test_views.py", "@login_required\ndef fake(request):\n    pass\n"}}) == "-");
    CHECK(suggestion("mlops", "endpoint-authentication",
                     {{"app/views.py", "# TODO: add @login_required here\ndef chat(request):\n    pass\n"}}) == "-");
}

TEST_CASE("serving rules: Spark ML's own model format, and a Pulumi stack for production") {
    const char* als =
        "from pyspark.ml.recommendation import ALSModel\n\ndef load(path):\n    return ALSModel.load(path)\n";
    CHECK(suggestion("mlops", "safe-model-format", {{"recommend.py", als}}) == "yes");
    // without pyspark.ml it is any class's load; with a pickle beside it, or commented out, it is not the help's yes
    CHECK(suggestion("mlops", "safe-model-format", {{"recommend.py", "def load(p):\n    return MyModel.load(p)\n"}}) ==
          "-");
    CHECK(suggestion("mlops", "safe-model-format", {{"recommend.py", std::string(als) + "import pickle\n"}}) == "-");
    CHECK(suggestion("mlops", "safe-model-format",
                     {{"recommend.py", "from pyspark.ml.recommendation import ALSModel\n# m = ALSModel.load(p)\n"}}) ==
          "-");

    CHECK(suggestion("mlops", "env-separation", {{"stack/Pulumi.production.yaml", "config:\n  gcp:project: x\n"}}) ==
          "partial");
    CHECK(suggestion("mlops", "env-separation", {{"stack/Pulumi.prod20240903.yaml", "config: {}\n"}}) == "partial");
    CHECK(suggestion("mlops", "env-separation", {{"stack/Pulumi.yaml", "name: stack\nruntime: python\n"}}) == "-");
    CHECK(suggestion("mlops", "env-separation", {{"stack/Pulumi.dev.yaml", "config: {}\n"}}) == "-");
}

TEST_CASE("serving rules: review of rounds 14 to 17 (each a case the first version got wrong)") {
    // a deploy word inside an identifier or an upper-case variable is no deploy step
    for (const char* ci : {"jobs:\n  t:\n    env:\n      AZURE_OPENAI_CHAT_DEPLOYMENT_NAME: gpt-4o\n    steps:\n"
                           "      - run: pytest\n",
                           "jobs:\n  t:\n    steps:\n      - run: pytest tests/test_rollout_buffer.py\n",
                           "jobs:\n  b:\n    steps:\n      - uses: actions/checkout@v4\n        with:\n"
                           "          ssh-key: ${{ secrets.DEPLOY_KEY }}\n"}) {
        CAPTURE(ci);
        CHECK(suggestion("mlops", "audit-trail", {{".github/workflows/ci.yml", ci}}) == "-");
        CHECK(suggestion("mlops", "cicd-model-release", {{".github/workflows/ci.yml", ci}}) == "-");
    }
    // a reusable workflow that lints or scans images builds none
    const char* image = "FROM python:3.12\nCOPY . .\nCMD [\"./start.sh\"]\n";
    const char* start = "#!/bin/sh\nexec gunicorn app:app\n";
    CHECK(suggestion("mlops", "serving-containerised",
                     {{"Dockerfile", image},
                      {"start.sh", start},
                      {".github/workflows/ci.yml",
                       "jobs:\n  s:\n    uses: org/ci/.github/workflows/container-scan.yml@v1\n"}}) == "partial");
    CHECK(suggestion("mlops", "serving-containerised",
                     {{"Dockerfile", image},
                      {"start.sh", start},
                      {".github/workflows/ci.yml",
                       "jobs:\n  p:\n    uses: org/ci/.github/workflows/docker-publish.yml@v1\n"}}) == "yes");
    // a home-made cross-validator is no Spark ML search; Ray Tune imported by name is one
    CHECK(suggestion("mlops", "hyperparameter-search",
                     {{"src/evaluate.py", "class CrossValidator:\n    pass\n\ncv = CrossValidator(folds=5)\n"}}) ==
          "-");
    CHECK(suggestion("mlops", "hyperparameter-search", {{"tune.py", "from ray import tune\n"}}) == "yes");
    // gensim's and a home-made model's load unpickle, even beside pyspark.ml
    CHECK(suggestion("mlops", "safe-model-format",
                     {{"score.py",
                       "from pyspark.ml.feature import VectorAssembler\nfrom gensim.models import LdaModel\n"
                       "lda = LdaModel.load('models/lda.model')\n"}}) == "-");
    // a Spark master on localhost is no shared cluster; a Slurm job script, Dataproc Serverless, EMR Serverless and a
    // black-formatted Metaflow import are; a class of one's own named BatchOperator is not Airflow's
    CHECK(suggestion("mlops", "managed-compute",
                     {{"run.sh", "spark-submit --master spark://localhost:7077 train.py\n"}}) == "-");
    CHECK(suggestion("mlops", "managed-compute",
                     {{"scripts/train.slurm", "#!/bin/bash\n#SBATCH --gres=gpu:4\nsrun python train.py\n"}}) == "yes");
    CHECK(suggestion("mlops", "managed-compute",
                     {{"dags/t.py", "t = DataprocCreateBatchOperator(task_id='t', batch=b)\n"}}) == "yes");
    CHECK(suggestion("mlops", "managed-compute",
                     {{"dags/t.py", "t = EmrServerlessStartJobOperator(task_id='t', job_driver=d)\n"}}) == "yes");
    CHECK(suggestion("mlops", "managed-compute",
                     {{"flows/train.py", "from metaflow import (\n    FlowSpec,\n    kubernetes,\n    step,\n)\n"}}) ==
          "yes");
    CHECK(suggestion("mlops", "managed-compute", {{"src/ops.py", "class BatchOperator(nn.Module):\n    pass\n"}}) ==
          "-");
    // Django REST framework's function-view decorator and global default, and Flask-Login by its module
    CHECK(suggestion(
              "mlops", "endpoint-authentication",
              {{"api/views.py", "@api_view(['POST'])\n@permission_classes([IsAuthenticated])\ndef predict(r):\n"}}) ==
          "partial");
    CHECK(suggestion("mlops", "endpoint-authentication",
                     {{"site/settings.py",
                       "REST_FRAMEWORK = {\n    'DEFAULT_PERMISSION_CLASSES': "
                       "['rest_framework.permissions.IsAuthenticated'],\n}\n"}}) == "partial");
    CHECK(suggestion("mlops", "endpoint-authentication",
                     {{"app.py", "@app.post('/predict')\n@flask_login.login_required\ndef predict():\n"}}) ==
          "partial");
    // a crontab's weekday by name
    CHECK(suggestion("mlops", "scheduled-job-from-code",
                     {{"deploy/crontab", "0 6 * * MON python /app/retrain.py\n"}}) == "yes");
    // Pulumi's `update` is its `up`; a stack named product-recs-dev is no production stack
    CHECK(suggestion("mlops", "infra-changes-via-cd",
                     {{".github/workflows/infra.yml",
                       "jobs:\n  i:\n    steps:\n      - uses: pulumi/actions@v5\n        with:\n          command: "
                       "update\n"}}) == "yes");
    CHECK(suggestion("mlops", "env-separation", {{"infra/Pulumi.product-recs-dev.yaml", "config: {}\n"}}) == "-");
}

TEST_CASE("serving rules (held-out 9): a package release, a pinned tool image, a DaemonSet, a bot's schedule") {
    // a package published to PyPI, by a reusable workflow named for it, is not a model release
    const char* pypi =
        "on:\n  release:\n    types: [created]\njobs:\n  deploy-training:\n"
        "    uses: ecmwf/reusable-workflows/.github/workflows/cd-pypi.yml@v2\n";
    CHECK(suggestion("mlops", "cicd-model-release", {{".github/workflows/python-publish.yml", pypi}}) == "-");
    CHECK(suggestion("mlops", "audit-trail", {{".github/workflows/python-publish.yml", pypi}}) == "-");
    for (const char* publish : {"uv publish", "poetry publish --build"}) {
        const std::string wf = std::string("on: push\njobs:\n  deploy:\n    steps:\n      - run: ") + publish + "\n";
        CHECK(suggestion("mlops", "cicd-model-release", {{".github/workflows/release.yml", wf}}) == "-");
    }
    const char* deploy = "on: push\njobs:\n  deploy-api:\n    steps:\n      - run: helm upgrade api ./chart\n";
    CHECK(suggestion("mlops", "cicd-model-release", {{".github/workflows/cd.yml", deploy}}) == "partial");
    CHECK(suggestion("mlops", "audit-trail", {{".github/workflows/cd.yml", deploy}}) == "partial");

    // promote-same-artifact: a digest in a deployment, not a CI job's pinned tool image
    const std::string digest = "@sha256:" + std::string(64, 'a');
    CHECK(suggestion("mlops", "promote-same-artifact",
                     {{".github/workflows/ci-static-analysis.yml",
                       "jobs:\n  semgrep:\n    container:\n      image: semgrep/semgrep:1.155.0" + digest + "\n"}}) ==
          "-");
    CHECK(suggestion("mlops", "promote-same-artifact",
                     {{"k8s/prod/deployment.yaml",
                       "kind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n"
                       "        - image: ghcr.io/acme/model" +
                           digest + "\n"}}) == "partial");

    // zero-downtime-deploy: a DaemonSet's rolling update takes each node's pod down
    CHECK(suggestion("mlops", "zero-downtime-deploy",
                     {{"helm/templates/gpu-daemonset.yaml",
                       "kind: DaemonSet\nspec:\n  updateStrategy:\n    type: RollingUpdate\n"}}) == "-");
    CHECK(suggestion("mlops", "zero-downtime-deploy",
                     {{"k8s/deploy.yaml", "kind: Deployment\nspec:\n  strategy:\n    type: RollingUpdate\n"}}) ==
          "partial");

    // scheduled-job-from-code: a scheduled workflow that works on the repository's issues and pull requests
    CHECK(suggestion("mlops", "scheduled-job-from-code",
                     {{".github/workflows/weekly-pr-bulletin.yml",
                       "on:\n  schedule:\n    - cron: \"0 14 * * 5\"\njobs:\n  b:\n    steps:\n"
                       "      - uses: actions/github-script@v7\n        with:\n          script: |\n"
                       "            const prs = await github.rest.pulls.list({owner, repo});\n"}}) == "-");
    // github-script that fetches an OIDC token for a scheduled production run works on no issue (round 21)
    CHECK(suggestion("mlops", "scheduled-job-from-code",
                     {{".github/workflows/run-prod.yaml",
                       "on:\n  schedule:\n    - cron: '30 11 * * 3'\njobs:\n  run:\n    steps:\n"
                       "      - uses: actions/github-script@v8\n        with:\n          script: |\n"
                       "            const id_token = await core.getIDToken('api://AzureADTokenExchange')\n"
                       "      - run: make run-prod\n"}}) == "partial");
    CHECK(suggestion("mlops", "scheduled-job-from-code",
                     {{".github/workflows/close-answered.yml",
                       "on:\n  schedule:\n    - cron: '0 1 * * *'\njobs:\n  close:\n    steps:\n"
                       "      - uses: actions/github-script@v8\n        with:\n          script: |\n"
                       "            const result = await github.graphql(query, variables)\n"}}) == "-");
    CHECK(suggestion("mlops", "scheduled-job-from-code",
                     {{".github/workflows/triage.yml",
                       "on:\n  schedule:\n    - cron: \"0 1 * * *\"\njobs:\n  t:\n    steps:\n"
                       "      - run: gh issue list --label stale\n"}}) == "-");
    // a Celery beat entry whose task trains is a scheduled job defined in code; a housekeeping task is not
    const char* beat =
        "def parse_beat_schedule():\n    return [\n        {\n            \"name\": \"Train the classifier\",\n"
        "            \"env_default\": \"5 */1 * * *\",\n"
        "            \"task\": \"documents.tasks.train_classifier\",\n        },\n    ]\n";
    CHECK(suggestion("mlops", "scheduled-job-from-code", {{"src/paperless/settings/custom.py", beat}}) == "yes");
    const char* mail =
        "app.conf.beat_schedule = {\n    'digest': {'task': 'mail.tasks.send_digest', "
        "'schedule': crontab(hour=7)},\n}\n";
    CHECK(suggestion("mlops", "scheduled-job-from-code", {{"app/celery.py", mail}}) == "-");
    CHECK(suggestion("mlops", "scheduled-job-from-code", {{"app/tests/test_celery.py", beat}}) == "-");
}

TEST_CASE("rules (review of round 20): GitLab's CI folder, a retraining that opens a pull request, a gym's tasks") {
    const std::string digest = "@sha256:" + std::string(64, 'b');
    CHECK(suggestion("mlops", "promote-same-artifact",
                     {{".gitlab/ci/test.yml", "test:\n  image: python:3.11" + digest + "\n"}}) == "-");
    // a scheduled workflow that retrains and opens a pull request with the result is a scheduled job
    CHECK(suggestion("mlops", "scheduled-job-from-code",
                     {{".github/workflows/retrain.yml",
                       "on:\n  schedule:\n    - cron: '0 3 * * 1'\njobs:\n  r:\n    steps:\n      - run: dvc repro\n"
                       "      - run: gh pr create --fill\n"}}) == "partial");
    // `fit` and `score` as whole words of the task's name: not fitness reminders or a scoreboard
    CHECK(suggestion("mlops", "scheduled-job-from-code",
                     {{"gym/celery.py",
                       "app.conf.beat_schedule = {\n  'a': {'task': 'gym.tasks.fitness_reminder'},\n"
                       "  'b': {'task': 'gym.tasks.update_scoreboard'},\n}\n"}}) == "-");
    CHECK(suggestion("mlops", "scheduled-job-from-code",
                     {{"app/celery.py",
                       "app.conf.beat_schedule = {\n  'a': {'task': 'ml.tasks.score_batch'},\n}\n"}}) == "yes");
}

TEST_CASE("serving rules, round 21: an OpenAPI document of any name, and Ruby's and R's web servers") {
    CHECK(suggestion("mlops", "serving-contract",
                     {{"docs/api_openapi_specification.yml", "openapi: \"3.0.4\"\ninfo:\n  title: Chat API\n"}}) ==
          "yes");
    CHECK(suggestion("mlops", "serving-contract",
                     {{"api/spec.json", "{\n  \"swagger\": \"2.0\",\n  \"info\": {}\n}\n"}}) == "yes");
    // a document that mentions OpenAPI further down, a test fixture's spec, or a vendored one is not the team's
    // contract
    CHECK(suggestion("mlops", "serving-contract", {{"config/settings.yml", "name: app\ndocs:\n  openapi: 3.0.0\n"}}) ==
          "-");
    CHECK(suggestion("mlops", "serving-contract", {{"tests/fixtures/petstore.yaml", "openapi: 3.0.0\n"}}) == "-");
    CHECK(suggestion("mlops", "serving-contract", {{"node_modules/x/openapi-spec.yaml", "openapi: 3.0.0\n"}}) == "-");

    // puma, unicorn, rails server, rackup and plumber start a web service, as uvicorn does
    for (const char* cmd :
         {"CMD [\"puma\"]", "CMD bundle exec unicorn -c config/unicorn.rb", "CMD [\"rails\", \"server\"]",
          "CMD [\"R\", \"-e\", \"pr <- plumber::plumb('api.R'); pr$run()\"]"}) {
        CAPTURE(cmd);
        CHECK(suggestion("mlops", "serving-containerised",
                         {{"Dockerfile", std::string("FROM ruby:3.3\n") + cmd + "\n"}}) == "partial");
    }
    CHECK(suggestion("mlops", "serving-containerised",
                     {{"Dockerfile", "FROM ruby:3.3\nCMD [\"bundle\", \"exec\", \"rake\"]\n"}}) == "-");
}

TEST_CASE("serving rules, round 21: AWS Lambda images and the Serverless Framework, a container tested in CI") {
    // a Lambda base image whose CMD names the handler serves requests
    CHECK(
        suggestion("mlops", "serving-containerised",
                   {{"Dockerfile",
                     "FROM public.ecr.aws/lambda/provided:al2023\nCMD [\"poprox_recommender.api.main.handler\"]\n"}}) ==
        "partial");
    const char* sls =
        "service: recommender\nprovider:\n  name: aws\n  ecr:\n    images:\n      app:\n        path: ./\n"
        "functions:\n  generateRecs:\n    image:\n      name: app\n    events:\n      - httpApi:\n"
        "          path: /recommend\n          method: post\n";
    CHECK(suggestion("mlops", "infrastructure-as-code", {{"serverless.yml", sls}}) == "yes");
    CHECK(suggestion("mlops", "autoscaling", {{"serverless.yml", sls}}) == "yes");
    // a scheduled function scales nothing by requests; a plugin's example is not the team's service
    CHECK(suggestion(
              "mlops", "autoscaling",
              {{"serverless.yml",
                "provider:\n  name: aws\nfunctions:\n  nightly:\n    events:\n      - schedule: rate(1 day)\n"}}) ==
          "-");
    CHECK(suggestion("mlops", "infrastructure-as-code", {{"node_modules/plugin/serverless.yml", sls}}) == "-");
    CHECK(suggestion("mlops", "infra-changes-via-cd",
                     {{".github/workflows/deploy.yml",
                       github_workflow("push", "deploy",
                                       "      - run: npx serverless@3.40.0 deploy --stage prod\n")}}) == "yes");
    CHECK(suggestion("mlops", "infra-changes-via-cd",
                     {{".github/workflows/deploy.yml",
                       github_workflow("push", "deploy", "      - run: sam deploy --no-confirm-changeset\n")}}) ==
          "yes");
    // CI builds the image, starts it and sends it requests: the packaged service is tested
    const char* ci =
        "      - run: docker build -t recommender:ci .\n      - run: docker run -d -p 9000:8080 recommender:ci\n"
        "      - run: uv run pytest -v tests/web_service\n";
    CHECK(suggestion("mlops", "model-app-integration-test",
                     {{".github/workflows/docker.yml", github_workflow("push", "t", ci)}}) == "yes");
    // a database started for the unit tests is not the service
    CHECK(suggestion("mlops", "model-app-integration-test",
                     {{".github/workflows/ci.yml",
                       github_workflow(
                           "push", "t",
                           "      - run: docker run -d -p 5432:5432 postgres:16\n      - run: pytest\n")}}) == "-");
    // tests in a folder for the web service are tests of the serving code, whatever their names
    CHECK(suggestion("mlops", "app-unit-tests",
                     {{"tests/web_service/test_lambda.py", "def test_request_roundtrip():\n    pass\n"},
                      {".github/workflows/ci.yml", github_workflow("push", "t", "      - run: pytest tests\n")}}) ==
          "yes");
    CHECK(suggestion("mlops", "app-unit-tests",
                     {{"tests/model/test_attention.py", "def test_request_roundtrip():\n    pass\n"}}) == "-");
}

TEST_CASE("serving rules, round 22: batch scoring images and scripts, AWS scaling policies, HTTP basic credentials") {
    const std::string build = github_workflow("push", "build", "      - uses: docker/build-push-action@v6\n");
    // an image whose command runs the forecast or scoring script is the batch scoring runtime
    for (const char* cmd : {"CMD [\"sh\", \"-c\", \"uv run make_forecast.py\"]", "CMD [\"Rscript\", \"score.R\"]",
                            "CMD python -m src.batch_predict.py"}) {
        CAPTURE(cmd);
        CHECK(suggestion("mlops", "serving-containerised",
                         {{"Dockerfile", std::string("FROM python:3.12-slim\n") + cmd + "\n"},
                          {".github/workflows/build.yml", build}}) == "yes");
    }
    // an image that trains, or one whose script is only named like a forecast's data, is no scoring runtime
    CHECK(suggestion("mlops", "serving-containerised",
                     {{"Dockerfile", "FROM python:3.12-slim\nCMD [\"uv\", \"run\", \"train.py\"]\n"},
                      {".github/workflows/build.yml", build}}) == "-");
    CHECK(suggestion("mlops", "serving-containerised",
                     {{"Dockerfile", "FROM python:3.12-slim\nCMD [\"uv\", \"run\", \"forecast_data_download.py\"]\n"},
                      {".github/workflows/build.yml", build}}) == "-");

    // a forecasting model class's own loader, then predict: scoring code
    const char* darts = "from darts.models import TFTModel\nmodel = TFTModel.load(path)\npreds = model.predict(n=6)\n";
    CHECK(suggestion("mlops", "scoring-code-versioned", {{"apps/ml/make_forecast.py", darts}}) == "partial");
    CHECK(suggestion("mlops", "scoring-code-versioned",
                     {{"apps/ml/make_forecast.py", darts}, {"apps/ml/Dockerfile", "FROM python:3.12\n"}}) == "yes");
    CHECK(suggestion("mlops", "scoring-code-versioned",
                     {{"trainer.py", "model = TFTModel.load_from_checkpoint(p)\nmodel.fit(s)\nmodel.predict(6)\n"}}) ==
          "-");
    // R: a script that reads the fitted model and predicts, outside training and evaluation
    const char* assess =
        "fit <- lightsnip::lgbm_load(paths$fit)\nrecipe <- readRDS(paths$recipe)\n"
        "preds <- predict(fit, new_data = bake(recipe, assessment_data))\n";
    CHECK(suggestion("mlops", "scoring-code-versioned", {{"pipeline/02-assess.R", assess}}) == "partial");
    CHECK(suggestion("mlops", "scoring-code-versioned",
                     {{"pipeline/02-assess.R", assess}, {"Dockerfile", "FROM rocker/r-ver:4.6.1\n"}}) == "yes");
    CHECK(suggestion("mlops", "scoring-code-versioned", {{"pipeline/01-train.R", assess}}) == "-");
    CHECK(suggestion("mlops", "scoring-code-versioned",
                     {{"R/model.R", std::string("fit <- fit(wflow, data)\n") + assess}}) == "-");
    CHECK(suggestion("mlops", "scoring-code-versioned",
                     {{"R/score.R", "recipe <- readRDS(p)\n# preds <- predict(fit, new_data)\n"}}) == "-");

    // AWS application autoscaling on a metric: CDK, Terraform, CloudFormation
    CHECK(suggestion(
              "mlops", "autoscaling",
              {{"cdk/lib/stack.ts",
                "const scaling = service.autoScaleTaskCount({ maxCapacity: 4 });\n"
                "scaling.scaleOnMetric('queue', { metric: queue.metricApproximateNumberOfMessagesVisible() });\n"}}) ==
          "yes");
    CHECK(suggestion("mlops", "autoscaling",
                     {{"infra/scaling.tf",
                       "resource \"aws_appautoscaling_policy\" \"endpoint\" {\n  name = \"x\"\n}\n"}}) == "yes");
    CHECK(suggestion("mlops", "autoscaling",
                     {{"template.yaml",
                       "Resources:\n  Policy:\n    Type: AWS::ApplicationAutoScaling::ScalingPolicy\n"}}) == "yes");
    // commented out, or inside a dependency's or an example's sources, it scales nothing of the team's
    CHECK(suggestion("mlops", "autoscaling", {{"cdk/lib/stack.ts", "// scaling.scaleOnMetric('q', {});\n"}}) == "-");
    CHECK(suggestion("mlops", "autoscaling",
                     {{"node_modules/aws-cdk-lib/x.js", "scaling.scaleOnCpuUtilization('c', {});\n"}}) == "-");

    // FastAPI's HTTP basic credentials guard the routes that depend on them, as a bearer token does: partial
    CHECK(suggestion("mlops", "endpoint-authentication",
                     {{"app/auth.py", "from fastapi.security import HTTPBasic\nsecurity = HTTPBasic()\n"}}) ==
          "partial");
    CHECK(suggestion("mlops", "endpoint-authentication", {{"app/auth.py", "# security = HTTPBasic()\n"}}) == "-");
}

TEST_CASE("rules, round 22 review: scoring images and code, scaling policies, a password on the docs") {
    const std::string build = github_workflow("push", "build", "      - uses: docker/build-push-action@v6\n");
    auto image = [&](const std::string& cmd) {
        return suggestion("mlops", "serving-containerised",
                          {{"Dockerfile", "FROM python:3.12-slim\n" + cmd + "\n"}, {".github/workflows/b.yml", build}});
    };
    // test runners', training and ETL images are no scoring runtime
    for (const char* cmd :
         {"CMD [\"python\", \"-m\", \"pytest\", \"-q\", \"tests/test_app.py\"]",
          "CMD [\"uv\", \"run\", \"pytest\", "
          "\"tests/test_predict.py\"]",
          "CMD [\"python\", \"src/train_main.py\"]", "CMD [\"python\", \"etl_main.py\"]",
          "CMD [\"python\", \"training_app.py\"]", "CMD [\"uv\", \"run\", \"backtest_forecast.py\"]"}) {
        CAPTURE(cmd);
        CHECK(image(cmd) == "-");
    }
    // the module form of a scoring entry point
    for (const char* cmd : {"CMD [\"python\", \"-m\", \"batch_predict\"]",
                            "ENTRYPOINT [\"python\", \"-m\", \"forecaster.serve\"]", "CMD uv run make-forecast"}) {
        CAPTURE(cmd);
        CHECK(image(cmd) == "yes");
    }

    // R analysis that reads data and fits a model, or a training pipeline, is no scoring code
    CHECK(suggestion("mlops", "scoring-code-versioned",
                     {{"R/churn.R",
                       "d <- readRDS(\"data/customers_clean.rds\")\nm <- glm(churn ~ ., data = d)\n"
                       "p <- predict(m, type = \"response\")\n"},
                      {"DESCRIPTION", "Package: churn\n"}}) == "-");
    CHECK(suggestion("mlops", "scoring-code-versioned",
                     {{"_targets.R", "d <- load_data()\nm <- ranger(y ~ ., d)\np <- predict(m, d)\n"},
                      {"Dockerfile", "FROM rocker/r-ver:4.4.1\n"}}) == "-");
    // vetiver and pins read the team's versioned model
    CHECK(suggestion("mlops", "scoring-code-versioned",
                     {{"plumber.R", "v <- vetiver_pin_read(board, \"churn\")\npreds <- predict(v, new_data)\n"},
                      {"Dockerfile", "FROM rocker/r-ver:4.4.1\n"}}) == "yes");
    // a forecast backtest is evaluation
    CHECK(
        suggestion("mlops", "scoring-code-versioned",
                   {{"scripts/backtest.py", "m = TFTModel.load(p)\npred = m.predict(12)\nprint(mape(actual, pred))\n"},
                    {"Dockerfile", "FROM python:3.12\n"}}) == "-");
    // other forecasting loaders, and Spark's model classes in Scala
    CHECK(suggestion("mlops", "scoring-code-versioned",
                     {{"forecast.py", "nf = NeuralForecast.load(path=p)\nfc = nf.predict()\n"},
                      {"Dockerfile", "FROM python:3.12\n"}}) == "yes");
    CHECK(
        suggestion("mlops", "scoring-code-versioned",
                   {{"forecast.py", "with open(p) as f:\n    m = model_from_json(f.read())\nfc = m.predict(future)\n"},
                    {"Dockerfile", "FROM python:3.12\n"}}) == "yes");
    CHECK(suggestion("mlops", "scoring-code-versioned",
                     {{"src/main/scala/Score.scala",
                       "val model = GBTClassificationModel.load(path)\n"
                       "val scored = model.transform(df)\n"},
                      {"build.gradle", "plugins {}\n"}}) == "yes");

    // AWS application autoscaling from Python's CDK, SageMaker variants, the ECS module; not an EC2 group's
    CHECK(suggestion("mlops", "autoscaling",
                     {{"infra/stack.py",
                       "scaling = service.auto_scale_task_count(max_capacity=4)\n"
                       "scaling.scale_on_cpu_utilization('cpu', target_utilization_percent=60)\n"}}) == "yes");
    CHECK(suggestion("mlops", "autoscaling",
                     {{"cdk/lib/endpoint.ts",
                       "target.scaleToTrackMetric('invocations', { predefinedMetric: "
                       "PredefinedMetric.SAGEMAKER_VARIANT_INVOCATIONS_PER_INSTANCE });\n"}}) == "yes");
    CHECK(suggestion("mlops", "autoscaling",
                     {{"infra/main.tf",
                       "module \"ecs_service\" {\n  enable_autoscaling = true\n"
                       "  autoscaling_policies = { cpu = {} }\n}\n"}}) == "yes");
    CHECK(suggestion("mlops", "autoscaling",
                     {{"ci/runners.tf", "resource \"aws_autoscaling_policy\" \"runners\" {\n  name = \"x\"\n}\n"}}) ==
          "-");
    CHECK(suggestion("mlops", "autoscaling",
                     {{"samples/aws/scale.py", "client.put_scaling_policy(PolicyName='x')\n"}}) == "-");

    // HTTP basic credentials that only hide the API's docs guard no prediction
    CHECK(suggestion("mlops", "endpoint-authentication",
                     {{"app/main.py",
                       "app = FastAPI(docs_url=None)\nsecurity = HTTPBasic()\n"
                       "@app.get('/docs')\ndef docs(c=Depends(security)):\n"
                       "    return get_swagger_ui_html(openapi_url='/openapi.json', title='x')\n"}}) == "-");
}

TEST_CASE("serving rules, round 23: model-server clients, Flask's API specs and guards, a service module, stages") {
    const std::string build = github_workflow("push", "build", "      - uses: docker/build-push-action@v6\n");
    // an image whose entry point runs the project's `service` module serves (as `service.py` did)
    CHECK(
        suggestion("mlops", "serving-containerised",
                   {{"Dockerfile",
                     "FROM python:3.11\nENTRYPOINT [\"python\", \"-m\", \"expertise.service\", \"--port\", \"80\"]\n"},
                    {".github/workflows/build.yml", build}}) == "yes");
    CHECK(
        suggestion("mlops", "serving-containerised",
                   {{"Dockerfile", "FROM python:3.11\nENTRYPOINT [\"python\", \"-m\", \"expertise.services_check\"]\n"},
                    {".github/workflows/build.yml", build}}) == "-");

    // code that calls a Triton server is the scoring code; yes with an image built beside it
    const char* triton =
        "import tritonclient.grpc as grpcclient\n\ndef predict(x):\n"
        "    client = grpcclient.InferenceServerClient(url=URL)\n    return client.infer('m', [x])\n";
    CHECK(suggestion("mlops", "scoring-code-versioned", {{"app/prediction/detector.py", triton}}) == "partial");
    CHECK(suggestion("mlops", "scoring-code-versioned",
                     {{"app/prediction/detector.py", triton}, {"Dockerfile", "FROM python:3.11\n"}}) == "yes");
    CHECK(suggestion("mlops", "scoring-code-versioned", {{"tests/test_detector.py", triton}}) == "-");
    CHECK(suggestion("mlops", "scoring-code-versioned",
                     {{"app/prediction/detector.py", "# import tritonclient.grpc as grpcclient\n"}}) == "-");

    // flasgger, flask-restx and flask-smorest publish an OpenAPI spec of the endpoints: partial
    CHECK(suggestion("mlops", "serving-contract",
                     {{"api/app.py",
                       "from flasgger import Swagger\napp = Flask(__name__)\nswagger = Swagger(app)\n"}}) == "partial");
    CHECK(suggestion("mlops", "serving-contract",
                     {{"api/views.py",
                       "@app.route('/forecast')\n@swag_from('docs/forecast.yml')\ndef forecast():\n"}}) == "partial");
    CHECK(suggestion("mlops", "serving-contract",
                     {{"api/ns.py",
                       "@ns.route('/predict')\nclass P(Resource):\n    @ns.expect(features)\n"
                       "    @ns.marshal_with(prediction)\n    def post(self):\n"}}) == "partial");
    CHECK(suggestion("mlops", "serving-contract",
                     {{"api/blp.py", "@blp.response(200, PredictionSchema)\ndef predict():\n"}}) == "partial");
    // the name alone, a comment or a test is no spec
    CHECK(suggestion("mlops", "serving-contract", {{"requirements.txt", "flasgger==0.9.7\n"}}) == "-");
    CHECK(suggestion("mlops", "serving-contract", {{"api/app.py", "# swagger = Swagger(app)\n"}}) == "-");
    CHECK(suggestion("mlops", "serving-contract", {{"tests/test_api.py", "swagger = Swagger(app)\n"}}) == "-");
    CHECK(suggestion("mlops", "serving-contract", {{"api/r.py", "@blp.response(schema)\ndef f():\n"}}) == "-");

    // Flask guards: JWT-Extended's decorator, a token decorator, Flask-RESTful's method_decorators: partial
    CHECK(suggestion("mlops", "endpoint-authentication",
                     {{"api/views.py", "@app.post('/predict')\n@jwt_required()\ndef predict():\n"}}) == "partial");
    CHECK(suggestion("mlops", "endpoint-authentication",
                     {{"api/views.py", "@app.post('/predict')\n@token_required\ndef predict():\n"}}) == "partial");
    CHECK(suggestion("mlops", "endpoint-authentication",
                     {{"api/forecasts.py",
                       "class GetForecasts(Resource):\n    method_decorators = [token_required_basic]\n"}}) ==
          "partial");
    // a commented-out guard, or other method decorators: nothing
    CHECK(suggestion("mlops", "endpoint-authentication", {{"api/views.py", "# @token_required\ndef predict():\n"}}) ==
          "-");
    CHECK(suggestion("mlops", "endpoint-authentication",
                     {{"api/views.py", "method_decorators = [cache_response]\n"}}) == "-");

    // one deploy workflow per stage, production and one before it: a pre-production stage (partial)
    const std::string deploy = github_workflow("push", "deploy", "      - run: ./deploy.sh\n");
    CHECK(suggestion("mlops", "preprod-environment",
                     {{".github/workflows/deploy-dev.yml", deploy}, {".github/workflows/deploy-prod.yml", deploy}}) ==
          "partial");
    CHECK(suggestion("mlops", "preprod-environment",
                     {{".github/workflows/deploy_staging.yaml", deploy},
                      {".github/workflows/deploy_production.yaml", deploy}}) == "partial");
    // production alone, or a dev deploy alone, shows no stage before production
    CHECK(suggestion("mlops", "preprod-environment", {{".github/workflows/deploy-prod.yml", deploy}}) == "-");
    CHECK(suggestion("mlops", "preprod-environment", {{".github/workflows/deploy-dev.yml", deploy}}) == "-");
    CHECK(suggestion("mlops", "preprod-environment",
                     {{"docs/deploy-dev.yml", deploy}, {"docs/deploy-prod.yml", deploy}}) == "-");

    // a Vertex AI custom job made from a pipeline component runs on managed compute
    CHECK(suggestion("mlops", "managed-compute",
                     {{"pipeline/build.py",
                       "job = create_custom_training_job_from_component(\n    op, machine_type='n1-standard-8')\n"}}) ==
          "yes");
    CHECK(suggestion("mlops", "managed-compute",
                     {{"pipeline/build.py", "# job = create_custom_training_job_from_component(op)\n"}}) == "-");
}

TEST_CASE("serving rules, round 23: GitHub's starter workflow and a README's prose are no release procedure") {
    // the starter workflow GitHub offers ("echo Add other actions to build, / echo test, and deploy your project.")
    const std::string starter =
        github_workflow("push", "build",
                        "      - run: echo Hello, world!\n      - run: |\n          echo Add other actions to build,\n"
                        "          echo test, and deploy your project.\n");
    for (const char* q : {"release-process-documented", "cicd-model-release", "audit-trail"}) {
        CAPTURE(q);
        CHECK(suggestion("mlops", q, {{".github/workflows/main.yml", starter}}) == "-");
    }
    // a real deploy step still counts
    CHECK(suggestion("mlops", "cicd-model-release",
                     {{".github/workflows/main.yml",
                       github_workflow("push", "deploy", "      - run: make deploy\n")}}) == "partial");

    // a README's deployment section counts with a command in it, not with prose that names a tool
    const char* prose =
        "# Tool\n\n## Deployment\n\nThe server is deployed using the Docker system; see our docker image.\n";
    const char* steps = "# Tool\n\n## Deployment\n\nBuild and start it:\n\n    docker compose up -d\n";
    const char* dollar = "# Tool\n\n## Deployment\n\n$ kubectl apply -f k8s/\n";
    CHECK(suggestion("mlops", "release-process-documented", {{"README.md", prose}}) == "-");
    CHECK(suggestion("mlops", "release-process-documented", {{"README.md", steps}}) == "partial");
    CHECK(suggestion("mlops", "release-process-documented", {{"README.md", dollar}}) == "partial");
    // a deployment guide in doc/ (not only docs/)
    CHECK(suggestion("mlops", "release-process-documented", {{"doc/deployment.md", "# Deploying\n"}}) == "partial");
    CHECK(suggestion("mlops", "release-process-documented", {{"doc/prod/release_checklist.md", "# Release\n"}}) ==
          "partial");
}

TEST_CASE("rules, round 23 review: model-server clients, service modules, Flask specs and guards, stages, Vertex AI") {
    const std::string dockerfile = "FROM python:3.11\n";
    // the model-server client rule: Triton's Python backend, PyTriton, SageMaker's runtime are scoring code too...
    CHECK(suggestion("mlops", "scoring-code-versioned",
                     {{"model_repository/m/1/model.py",
                       "import triton_python_backend_utils as pb_utils\n\nclass TritonPythonModel:\n    def "
                       "execute(self, requests):\n"},
                      {"Dockerfile", dockerfile}}) == "yes");
    CHECK(suggestion("mlops", "scoring-code-versioned",
                     {{"app/client.py", "from pytriton.client import ModelClient\n"}, {"Dockerfile", dockerfile}}) ==
          "yes");
    CHECK(suggestion("mlops", "scoring-code-versioned",
                     {{"app/score.py", "resp = runtime.invoke_endpoint(EndpointName=NAME, Body=payload)\n"},
                      {"Dockerfile", dockerfile}}) == "yes");
    // ...but not in benchmarks, load tests, tutorials, samples or docs
    const char* triton = "import tritonclient.http as httpclient\n";
    for (const char* path : {"scripts/benchmark_triton.py", "loadtest/locustfile.py", "tutorials/01_client.py",
                             "samples/client.py", "docs/client_example.py"}) {
        CAPTURE(path);
        CHECK(suggestion("mlops", "scoring-code-versioned", {{path, triton}, {"Dockerfile", dockerfile}}) == "-");
    }

    // `python -m` a service module of any name serves, unless it is a monitoring, labelling or ingestion service
    const std::string build = github_workflow("push", "build", "      - uses: docker/build-push-action@v6\n");
    for (const char* module : {"recommender_service", "inference_service", "ml.model_service", "src.service.main"}) {
        CAPTURE(module);
        CHECK(
            suggestion("mlops", "serving-containerised",
                       {{"Dockerfile", std::string("FROM python:3.11\nCMD [\"python\", \"-m\", \"") + module + "\"]\n"},
                        {".github/workflows/build.yml", build}}) == "yes");
    }
    for (const char* module : {"monitoring.service", "labeling.service", "data_ingestion.service"}) {
        CAPTURE(module);
        CHECK(
            suggestion("mlops", "serving-containerised",
                       {{"Dockerfile", std::string("FROM python:3.11\nCMD [\"python\", \"-m\", \"") + module + "\"]\n"},
                        {".github/workflows/build.yml", build}}) == "-");
    }

    // more of Flask's spec generators; none in examples
    for (const char* code : {"@app.input(PredictIn)\n@app.output(PredictOut)\ndef predict(data):\n",
                             "@marshal_with(PredictionSchema)\n@use_kwargs(FeaturesSchema)\ndef post(self, **kw):\n",
                             "@blp.response(HTTPStatus.OK, PredictionSchema)\ndef predict():\n",
                             "@spec.validate(json=Features, resp=Response(HTTP_200=Prediction))\ndef predict():\n"}) {
        CAPTURE(code);
        CHECK(suggestion("mlops", "serving-contract", {{"api/views.py", code}}) == "partial");
    }
    CHECK(suggestion("mlops", "serving-contract",
                     {{"examples/flasgger_demo.py", "swagger = Swagger(app)\n@swag_from('a.yml')\n"}}) == "-");

    // more guards: Flask-BasicAuth, an API-key decorator, the dict form, MethodView, Authlib; none in tutorials
    for (const char* code :
         {"@basic_auth.required\ndef predict():\n", "@require_api_key\ndef predict():\n",
          "    method_decorators = {\"post\": [jwt_required()]}\n", "    method_decorators = [authenticate]\n",
          "    decorators = [jwt_required()]\n", "@require_oauth(\"predict\")\ndef predict():\n",
          "@fresh_jwt_required\ndef predict():\n"}) {
        CAPTURE(code);
        CHECK(suggestion("mlops", "endpoint-authentication", {{"api/views.py", code}}) == "partial");
    }
    CHECK(suggestion("mlops", "endpoint-authentication",
                     {{"tutorials/03_auth/app.py", "@jwt_required()\ndef predict():\n"}}) == "-");

    // per-stage deploy workflows in the other common names; not a package's TestPyPI release or a docs preview
    const std::string deploy = github_workflow("push", "deploy", "      - run: ./deploy.sh\n");
    for (const auto& [stage, prod] :
         std::vector<std::pair<std::string, std::string>>{{"staging-deploy.yml", "prod-deploy.yml"},
                                                          {"deploy-stg.yml", "deploy-prd.yml"},
                                                          {"deploy-api-dev.yml", "deploy-api-prod.yml"},
                                                          {"deploy-staging.yml", "deploy.yml"},
                                                          {"deploy-to-staging.yml", "deploy-to-production.yml"}}) {
        CAPTURE(stage, prod);
        CHECK(suggestion("mlops", "preprod-environment",
                         {{".github/workflows/" + stage, deploy}, {".github/workflows/" + prod, deploy}}) == "partial");
    }
    const std::string pypi =
        github_workflow("push", "publish", "      - uses: pypa/gh-action-pypi-publish@release/v1\n");
    CHECK(suggestion("mlops", "preprod-environment",
                     {{".github/workflows/release-test.yml", pypi}, {".github/workflows/release-prod.yml", pypi}}) ==
          "-");
    const std::string docs =
        github_workflow("push", "docs", "      - run: mkdocs build\n      - run: netlify deploy\n");
    CHECK(suggestion("mlops", "preprod-environment",
                     {{".github/workflows/deploy-dev.yml", docs}, {".github/workflows/deploy-prod.yml", docs}}) == "-");

    // Vertex AI's common forms; not in examples
    for (const char* code : {"job = aiplatform.CustomJob.from_local_script(display_name='t', script_path='train.py')\n",
                             "aiplatform.PipelineJob(display_name='p', template_path='p.json').submit()\n",
                             "    CustomTrainingJobOp(\n        project=PROJECT, worker_pool_specs=specs)\n",
                             "from google.cloud.aiplatform import CustomContainerTrainingJob\n"
                             "job = CustomContainerTrainingJob(display_name='t', container_uri=URI)\n"}) {
        CAPTURE(code);
        CHECK(suggestion("mlops", "managed-compute", {{"pipeline/run.py", code}}) == "yes");
    }
    CHECK(suggestion("mlops", "managed-compute",
                     {{"scripts/train.sh", "gcloud ai custom-jobs create --region=us-central1 --config=c.yaml\n"}}) ==
          "yes");
    CHECK(suggestion("mlops", "managed-compute",
                     {{"examples/vertex/pipeline.py", "job = create_custom_training_job_from_component(op)\n"}}) ==
          "-");
}

TEST_CASE("rules, round 23 review: a README's commands, a release history in doc/") {
    auto readme = [](const std::string& section) {
        return suggestion("mlops", "release-process-documented",
                          {{"README.md", "# Tool\n\n## Deployment\n\n" + section}});
    };
    // prose that starts with a tool's name, in any case, or in a quote, is no command
    CHECK(readme("Make sure the model has been evaluated before you ship it.\n") == "-");
    CHECK(readme("Docker is used to package the service.\n") == "-");
    CHECK(readme("AWS hosts the service.\n") == "-");
    CHECK(readme("> docker images are rebuilt nightly by the platform team.\n") == "-");
    // commands in list items, in backticks, a bare lower-case command line, an indented script
    CHECK(readme("1. Build the image: `docker build -t churn .`\n2. `kubectl apply -f k8s/`\n") == "partial");
    CHECK(readme("- `docker push registry/churn:1.2`\n") == "partial");
    CHECK(readme("docker-compose up -d --build\n") == "partial");
    CHECK(readme("    ./scripts/deploy.sh production\n") == "partial");
    CHECK(readme("$ sam deploy --guided\n") == "partial");
    // a release history under doc/ is a changelog, not a procedure; a deployment guide there counts
    CHECK(suggestion("mlops", "release-process-documented", {{"doc/source/releases.rst", "Release history\n===\n"}}) ==
          "-");
    CHECK(suggestion("mlops", "release-process-documented", {{"doc/deployment.md", "# Deploying\n"}}) == "partial");
}

TEST_CASE(
    "rules, round 25: secrets read by ECS or Batch from SSM, a role assumed by OIDC, CTranslate2 and JSON models") {
    // an ECS or Batch container definition in Terraform reading a secret from SSM by ARN: yes
    CHECK(suggestion("mlops", "secrets-manager",
                     {{"terraform/ecs.tf",
                       "resource \"aws_ecs_task_definition\" \"api\" {\n"
                       "  container_definitions = jsonencode([{\n"
                       "    secrets = [for k, v in aws_ssm_parameter.env : {\n"
                       "      name      = k\n      valueFrom = v.arn\n    }]\n  }])\n}\n"}}) == "yes");
    // a task definition in JSON, by ARN or by a template's placeholder: yes
    CHECK(suggestion("mlops", "secrets-manager",
                     {{"deploy/task-definition.json",
                       "{\"containerDefinitions\": [{\"secrets\": [{\"name\": \"DB\", "
                       "\"valueFrom\": \"arn:aws:secretsmanager:eu-west-2:1:secret:db\"}]}]}\n"}}) == "yes");
    CHECK(suggestion("mlops", "secrets-manager",
                     {{"deploy/task-definition.json",
                       "{\"secrets\": [{\"name\": \"DB\", \"valueFrom\": \"${DB_SECRET_ARN}\"}]}\n"}}) == "yes");
    // Kubernetes' valueFrom (YAML, or a manifest in JSON) reads a ConfigMap, and a commented-out line is nothing
    CHECK(suggestion("mlops", "secrets-manager",
                     {{"k8s/deploy.yaml",
                       "env:\n  - name: MODE\n    valueFrom:\n      configMapKeyRef:\n        name: cfg\n        key: "
                       "mode\n"}}) == "-");
    CHECK(suggestion("mlops", "secrets-manager",
                     {{"k8s/deploy.json",
                       "{\"env\": [{\"name\": \"A\", \"valueFrom\": {\"configMapKeyRef\": {\"name\": \"c\"}}}]}\n"}}) ==
          "-");
    CHECK(suggestion("mlops", "secrets-manager", {{"main.tf", "# valueFrom = aws_ssm_parameter.x.arn\n"}}) == "-");
    // a role's ARN handed from CI's secrets to a reusable workflow that assumes it: yes; beside stored keys: partial
    const std::string run =
        "on: workflow_dispatch\njobs:\n  run:\n    uses: org/actions/.github/workflows/batch.yaml@main\n"
        "    secrets:\n      AWS_IAM_ROLE_TO_ASSUME_ARN: ${{ secrets.AWS_IAM_ROLE_TO_ASSUME_ARN }}\n";
    CHECK(suggestion("mlops", "secrets-manager", {{".github/workflows/run.yml", run}}) == "yes");
    CHECK(suggestion(
              "mlops", "secrets-manager",
              {{".github/workflows/run.yml",
                run + "  other:\n    steps:\n      - uses: aws-actions/configure-aws-credentials@v4\n        with:\n"
                      "          aws-access-key-id: ${{ secrets.AWS_ACCESS_KEY_ID }}\n"}}) == "partial");

    // faster-whisper loads a CTranslate2 model; XGBoost's JSON tree dump: formats that hold no code, yes
    CHECK(suggestion("mlops", "safe-model-format",
                     {{"src/svc/model_manager.py",
                       "from faster_whisper import WhisperModel\nmodel = WhisperModel('large-v2')\n"}}) == "yes");
    CHECK(suggestion("mlops", "safe-model-format",
                     {{"mjolnir/training/xgboost.py",
                       "trees = self.booster.get_dump(fmap, with_stats, dump_format='json')\n"}}) == "yes");
    // the same code that pickles too, a text dump, or a test: nothing from these
    CHECK(suggestion("mlops", "safe-model-format",
                     {{"src/svc/model_manager.py", "import pickle\nfrom faster_whisper import WhisperModel\n"}}) ==
          "-");
    CHECK(suggestion("mlops", "safe-model-format", {{"src/dump.py", "booster.get_dump(dump_format='text')\n"}}) == "-");
    CHECK(suggestion("mlops", "safe-model-format",
                     {{"tests/test_asr.py", "from faster_whisper import WhisperModel\n"}}) == "-");
}

TEST_CASE("rules, round 25 review: secrets by name and in CloudFormation, not a Kubernetes fieldRef, JSON dumps") {
    // Kubernetes' valueFrom written in HCL (a helm_release's values, a kubernetes_manifest): no secret
    CHECK(suggestion("mlops", "secrets-manager",
                     {{"infra/scorer.tf",
                       "resource \"helm_release\" \"scorer\" {\n  values = [yamlencode({\n    env = [\n"
                       "      { name = \"POD_IP\", valueFrom = { fieldRef = { fieldPath = \"status.podIP\" } } },\n"
                       "    ]\n  })]\n}\n"}}) == "-");
    // a role's ARN beside stored access keys handed to the same workflow: partial, not OIDC
    CHECK(
        suggestion(
            "mlops", "secrets-manager",
            {{".github/workflows/deploy.yml",
              "on:\n  push:\n    branches: [main]\njobs:\n  deploy:\n    uses: acme/wf/.github/workflows/ecs.yml@main\n"
              "    secrets:\n      AWS_ACCESS_KEY_ID: ${{ secrets.AWS_ACCESS_KEY_ID }}\n"
              "      AWS_SECRET_ACCESS_KEY: ${{ secrets.AWS_SECRET_ACCESS_KEY }}\n"
              "      AWS_IAM_ROLE_TO_ASSUME_ARN: ${{ secrets.AWS_IAM_ROLE_TO_ASSUME_ARN }}\n"}}) == "partial");
    // a task definition naming an SSM parameter, CloudFormation's ValueFrom in JSON and YAML: yes
    CHECK(suggestion("mlops", "secrets-manager",
                     {{".aws/task-definition.json",
                       "{\"containerDefinitions\": [{\"secrets\": [{ \"name\": \"DB\", \"valueFrom\": "
                       "\"/scorer/prod/db\" }]}]}\n"}}) == "yes");
    CHECK(suggestion("mlops", "secrets-manager",
                     {{"cfn/service.json",
                       "{\"Secrets\": [{ \"Name\": \"DB\", \"ValueFrom\": "
                       "\"arn:aws:ssm:eu-west-1:1:parameter/scorer/db\" }]}\n"}}) == "yes");
    CHECK(suggestion("mlops", "secrets-manager",
                     {{"cfn/service.yaml",
                       "Resources:\n  T:\n    Properties:\n      ContainerDefinitions:\n        - Secrets:\n"
                       "            - Name: DB\n              ValueFrom: !Ref DbSecret\n"}}) == "yes");

    // a file that also torch.loads without weights_only is not shown safe by faster-whisper
    CHECK(suggestion("mlops", "safe-model-format",
                     {{"app/pipeline.py",
                       "import torch\nfrom faster_whisper import WhisperModel\n"
                       "clf = torch.load(\"/models/speaker_clf.pt\")\n"}}) == "-");
    // XGBoost's JSON dumps over several lines, and dump_model's: yes
    CHECK(
        suggestion("mlops", "safe-model-format",
                   {{"ltr/export_model.py",
                     "trees = booster.get_dump(\n    fmap=\"f.txt\", with_stats=False, dump_format=\"json\"\n)\n"}}) ==
        "yes");
    CHECK(suggestion("mlops", "safe-model-format",
                     {{"ltr/train_ranker.py",
                       "bst.dump_model(\"models/r.json\", fmap=\"f.txt\", dump_format=\"json\")\n"}}) == "yes");
}

namespace {

std::string contract(const Files& files) { return suggestion("mlops", "serving-contract", files); }
std::string secrets(const std::string& path, const std::string& code) {
    return suggestion("mlops", "secrets-manager", {{path, code}});
}
std::string release(const std::string& workflow) {
    return suggestion("mlops", "release-process-documented", {{".github/workflows/release.yml", workflow}});
}

}  // namespace

TEST_CASE("serving rules, round 27: versioned generated API specs, secrets read at run time, release workflows") {
    // a generated API specification on versioned routes is versioned and published: yes; unversioned, partial
    const char* offers =
        "from fastapi import FastAPI\napp = FastAPI()\n"
        "@app.post(\"/api/v1/offers/\", response_model=schemas.Offer)\ndef create(o): ...\n";
    CHECK(contract({{"server/src/main.py", offers}}) == "yes");
    CHECK(contract({{"src/service.py",
                     "import bentoml\n@bentoml.api(route=\"/v1/audio/transcriptions\", "
                     "input_spec=TranscriptionRequest)\ndef transcribe(self, r): ...\n"}}) == "yes");
    // the version may be the router's prefix, set in a settings module beside the app
    CHECK(contract({{"app/api.py", "@api_router.post('/predict', response_model=schemas.PredictionResults)\n"},
                    {"app/config.py", "class Settings(BaseSettings):\n    API_V1_STR: str = \"/api/v1\"\n"}}) == "yes");
    CHECK(contract({{"app/api.py", "@app.post('/predict', response_model=Prediction)\n"}}) == "partial");
    // a versioned path without a generated spec, a commented-out or test route, or a URL to another API: partial
    CHECK(contract({{"app/api.py", "@app.post('/predict', response_model=Prediction)\n"},
                    {"app/client.py", "URL = \"https://api.example.com/v1/items\"\nprefix = base + \"/v2/\"\n"}}) ==
          "partial");
    CHECK(contract({{"app/api.py", "@app.post('/predict', response_model=Prediction)\n# @app.get(\"/v1/old\")\n"}}) ==
          "partial");
    CHECK(contract({{"app/api.py", "@app.post('/predict', response_model=Prediction)\n"},
                    {"tests/test_api.py", "client.post(\"/v1/predict\")\nrouter = APIRouter(prefix=\"/v1\")\n"}}) ==
          "partial");
    CHECK(contract({{"app/routes.py", "app.include_router(router, prefix=\"/api/v1\")\n"}}) == "-");

    // a secret read from a secrets manager by the code at run time: yes; the library named alone stays partial
    CHECK(secrets("flow.py",
                  "from google.cloud import secretmanager\n"
                  "client = secretmanager.SecretManagerServiceClient()\n") == "yes");
    CHECK(secrets("lib/vault.py", "import hvac\nclient = hvac.Client(url=vault_address())\n") == "yes");
    CHECK(secrets("lib/params.py", "return self.ssm.get_parameter(Name=name, WithDecryption=encrypted)\n") == "yes");
    CHECK(secrets("lib/aws.py", "sm = boto3.client('secretsmanager')\nsm.get_secret_value(SecretId='db')\n") == "yes");
    CHECK(secrets("lib/kv.py",
                  "from azure.keyvault.secrets import SecretClient\n"
                  "client = SecretClient(vault_url=url, credential=cred)\n") == "yes");
    CHECK(secrets("lib/vault.py", "import hvac\n") == "partial");
    // SSM's plain parameters are configuration, not secrets; a test's mock or a comment reads nothing
    CHECK(secrets("dags/train.py", "resp = ssm.get_parameters(\n    Names=names,\n    WithDecryption=False,\n)\n") ==
          "-");
    CHECK(secrets("tests/test_vault.py", "import hvac\nclient = hvac.Client(url='http://x')\n") ==
          "partial");  // the library named, as before; the client a test makes reads no secret
    CHECK(secrets("lib/vault.py", "# client = hvac.Client(url=addr)\n") == "-");

    // a release workflow started by a version tag or a release, or run by hand with the version, that deploys: yes
    CHECK(release("on:\n  push:\n    tags:\n      - \"v*.*.*\"\nname: Deploy Production\njobs:\n  deploy:\n"
                  "    steps:\n      - run: ./deploy.sh\n") == "yes");
    CHECK(release("on:\n  release:\n    types: [published]\njobs:\n  deploy:\n    steps:\n"
                  "      - run: az containerapp update\n") == "yes");
    CHECK(release("on:\n  workflow_dispatch:\n    inputs:\n      version:\n"
                  "        description: \"Release tag to deploy\"\n        required: true\njobs:\n  deploy-prod:\n"
                  "    steps:\n      - run: ./deploy.sh ${{ inputs.version }}\n") == "yes");
    // a push to a branch, a package upload or a documentation site on a tag, and an image build without a deploy
    CHECK(release("on:\n  push:\n    branches: [main]\njobs:\n  deploy:\n    steps:\n      - run: ./deploy.sh\n") ==
          "-");
    CHECK(release("on:\n  release:\n    types: [published]\njobs:\n  deploy:\n    steps:\n"
                  "      - uses: pypa/gh-action-pypi-publish@release/v1\n") == "-");
    CHECK(release("on:\n  push:\n    tags: ['v*']\njobs:\n  deploy:\n    steps:\n      - run: mkdocs gh-deploy\n") ==
          "-");
    CHECK(release("on:\n  push:\n    tags: ['v*']\njobs:\n  build:\n    steps:\n"
                  "      - uses: docker/metadata-action@v5\n        with:\n          tags: type=semver\n") == "-");
}

TEST_CASE("serving rules, round 27 review: release workflows that deploy, secrets read by other clients") {
    // a deploy path is no deploy; a release that rolls out with helm, kubectl or an endpoint update is one
    CHECK(release("on:\n  push:\n    tags: ['v*']\njobs:\n  build:\n    steps:\n"
                  "      - uses: docker/build-push-action@v5\n        with:\n          file: deploy/Dockerfile\n") ==
          "-");
    CHECK(release("on:\n  push:\n    tags: ['v*']\njobs:\n  rollout:\n    steps:\n"
                  "      - run: aws sagemaker update-endpoint --endpoint-name churn\n") == "yes");
    CHECK(release("on:\n  release:\n    types: [published]\njobs:\n  rollout:\n    steps:\n"
                  "      - run: helm upgrade --install model ./chart --set image.tag=$TAG\n") == "yes");
    // four-space YAML puts the trigger deeper
    CHECK(release("on:\n    push:\n        tags:\n            - 'v*'\njobs:\n    deploy:\n        steps:\n"
                  "            - run: gcloud run deploy api --image $IMAGE\n") == "yes");
    // a branch or commit to load-test, a Maven or Gradle package upload, a docs site on Cloudflare: no release
    CHECK(release("on:\n  workflow_dispatch:\n    inputs:\n      ref:\n        description: Branch, tag or SHA\n"
                  "jobs:\n  load:\n    steps:\n      - name: Load test the deployed staging API\n"
                  "        run: locust -f load.py\n") == "-");
    CHECK(release("on:\n  release:\n    types: [published]\njobs:\n  publish:\n    steps:\n"
                  "      - run: mvn --batch-mode deploy\n") == "-");
    CHECK(release("on:\n  push:\n    tags: ['v*']\njobs:\n  docs:\n    steps:\n      - run: pdoc -o site pkg\n"
                  "      - run: npx wrangler pages deploy site\n") == "-");
    // docker's metadata `tags:` under a step are no trigger, whatever the job deploys
    CHECK(release("on:\n  push:\n    branches: [main]\njobs:\n  deploy:\n    steps:\n"
                  "      - uses: docker/metadata-action@v5\n        with:\n          tags: type=semver\n"
                  "      - run: ./deploy.sh\n") == "-");
    // a commit to deploy, said so, is the version to release
    CHECK(release("on:\n  workflow_dispatch:\n    inputs:\n      gitRef:\n"
                  "        description: 'Commit, tag or branch name to deploy'\njobs:\n  deploy:\n    steps:\n"
                  "      - run: ./deploy.sh\n") == "yes");

    // more run-time reads of a secrets manager; Django's tests.py is a test
    CHECK(secrets("lib/vault.py", "from hvac import Client\nclient = Client(url=addr, token=token)\n") == "yes");
    CHECK(secrets("handler.py",
                  "from aws_lambda_powertools.utilities import parameters\n"
                  "key = parameters.get_secret(\"api-key\")\n") == "yes");
    CHECK(secrets("train.py", "kv = ws.get_default_keyvault()\npw = kv.get_secret(name=\"db-password\")\n") == "yes");
    CHECK(secrets("jobs/ingest.py", "pw = dbutils.secrets.get(scope=\"prod\", key=\"db\")\n") == "yes");
    CHECK(secrets("scores/tests.py", "client = hvac.Client(url='http://vault')\n") == "-");

    // a prefix constant of the API is its version
    CHECK(contract({{"app/main.py",
                     "API_PREFIX = \"/api/v1\"\napp.include_router(r, prefix=API_PREFIX)\n"
                     "@r.post('/predict', response_model=Prediction)\ndef p(x): ...\n"}}) == "yes");
}

TEST_CASE("serving rules, round 28: a route's version held in a variable of an f-string") {
    // `@app.post(f"/api/{API_VERSION}/predict", response_model=...)`: a versioned generated spec, as a literal is
    CHECK(contract({{"app/main.py",
                     "API_VERSION = \"v1\"\n"
                     "@app.post(f\"/api/{API_VERSION}/predict\", response_model=Prediction)\n"}}) == "yes");
    CHECK(contract({{"app/main.py", "@router.get(f\"{settings.API_V1_STR}/health\", response_model=Health)\n"}}) ==
          "yes");
    // an f-string route with another variable, or commented out, is not versioned
    CHECK(contract({{"app/main.py", "@app.post(f\"/api/{MODEL_NAME}/predict\", response_model=Prediction)\n"}}) ==
          "partial");
    CHECK(contract({{"app/main.py",
                     "@app.post('/predict', response_model=Prediction)\n"
                     "# @app.post(f\"/api/{API_VERSION}/predict\")\n"}}) == "partial");
}

TEST_CASE("serving rules, round 28 review: an API version in an f-string, not a model's version") {
    // an escaped path parameter, or a model's version, is no API version
    CHECK(contract(
              {{"app/main.py", "@app.get(f\"{PREFIX}/models/{{name}}/versions/{{version}}\", response_model=M)\n"}}) ==
          "partial");
    CHECK(contract({{"app/main.py", "@app.post(f\"/predict/{MODEL_VERSION}\", response_model=Prediction)\n"}}) ==
          "partial");
    // the version as path=, in add_api_route, or in a router's prefix
    CHECK(contract({{"app/main.py", "@app.post(path=f\"/api/{API_VERSION}/predict\", response_model=P)\n"}}) == "yes");
    CHECK(contract({{"app/main.py",
                     "app.add_api_route(f\"/api/{API_VERSION}/predict\", predict, "
                     "response_model=P)\n"}}) == "yes");
    CHECK(contract({{"app/main.py",
                     "@router.post(\"/predict\", response_model=P)\n"
                     "app.include_router(router, prefix=f\"/api/{settings.API_VERSION}\")\n"}}) == "yes");
}

TEST_CASE("serving rules, round 29: an LLM application's code that calls its model is scoring code") {
    const auto scoring = [](const Files& files) { return suggestion("mlops", "scoring-code-versioned", files); };
    const Files image = {{"Dockerfile", "FROM python:3.12\n"}};
    const auto with_image = [&](Files files) {
        files.insert(files.end(), image.begin(), image.end());
        return files;
    };
    // OpenAI's client, LangChain's chat models, LiteLLM and Gemini, in Python: yes with an image, partial alone
    const std::string openai =
        "from openai import AsyncOpenAI\n"
        "async def ask(client, prompt):\n"
        "    response = await client.chat.completions.create(model=MODEL, messages=prompt)\n";
    CHECK(scoring(with_image({{"src/themes/llm.py", openai}})) == "yes");
    CHECK(scoring({{"src/themes/llm.py", openai}}) == "partial");
    CHECK(scoring({{"src/themes/llm.py", openai}, {"pyproject.toml", "[project]\nname = \"themes\"\n"}}) == "yes");
    CHECK(scoring(with_image({{"core/chat.py", "def llm():\n    return ChatOpenAI(model=name, api_key=key)\n"}})) ==
          "yes");
    CHECK(scoring(with_image({{"core/chat.py", "r = litellm.acompletion(model=m, messages=msgs)\n"}})) == "yes");
    CHECK(scoring(with_image(
              {{"core/answer.py",
                "from openai import OpenAI\nclient = OpenAI()\nr = client.responses.create(model=m, input=q)\n"}})) ==
          "yes");
    CHECK(scoring(with_image({{"core/answer.py",
                               "import google.generativeai as genai\n"
                               "model = genai.GenerativeModel(\"gemini-1.5-pro\")\n"
                               "answer = model.generate_content(question)\n"}})) == "yes");
    // Anthropic's client in Ruby (an app's lib/) and in Python, named or imported
    CHECK(scoring(with_image({{"lib/pipeline/rephraser.rb",
                               "response = anthropic_bedrock_client.messages.create(model: MODEL, messages:)\n"}})) ==
          "yes");
    CHECK(scoring(with_image({{"app/compose.py",
                               "import anthropic\n"
                               "client = anthropic.Anthropic()\n"
                               "reply = client.messages.create(model=M, max_tokens=512, messages=m)\n"}})) == "yes");
    // a JavaScript service built from its package.json
    CHECK(scoring({{"server/answer.ts", "const r = await openai.chat.completions.create({ model, messages });\n"},
                   {"package.json", "{\"name\": \"answer\"}\n"}}) == "yes");
}

TEST_CASE("serving rules, round 29: LLM calls that are not the application's scoring code") {
    const auto scoring = [](const Files& files) { return suggestion("mlops", "scoring-code-versioned", files); };
    const std::string call = "r = client.chat.completions.create(model=m, messages=msgs)\n";
    // tests, evaluations, examples, notebooks' folders, docs and vendored code are not the application
    for (const char* path :
         {"tests/test_llm.py", "src/app/test_llm.py", "evals/run_eval.py", "examples/chat.py", "docs/snippets/chat.py",
          "notebooks/explore.py", "vendor/lib/chat.py", "spec/lib/answer_spec.rb", "web/answer.test.ts"}) {
        CAPTURE(path);
        CHECK(scoring({{path, call}, {"Dockerfile", "FROM python\n"}}) == "-");
    }
    // commented out
    CHECK(scoring({{"app/llm.py", "# r = client.chat.completions.create(model=m, messages=msgs)\n"},
                   {"Dockerfile", "FROM python\n"}}) == "-");
    // Twilio's client sends a text message; a collection's `responses.create` stores a survey's answers
    CHECK(scoring({{"app/notify.py",
                    "from twilio.rest import Client\n"
                    "client.messages.create(body=text, from_=sender, to=phone)\n"},
                   {"Dockerfile", "FROM python\n"}}) == "-");
    CHECK(scoring({{"app/models/survey.rb", "survey.responses.create(params)\n"}, {"Dockerfile", "FROM ruby\n"}}) ==
          "-");
    // a generate_content that is no Gemini call (a site generator's)
    CHECK(scoring({{"site/build.py", "page = builder.generate_content(template)\n"},
                   {"Dockerfile", "FROM python\n"}}) == "-");
    // a dev container's Dockerfile is no image of the application
    CHECK(scoring({{"app/llm.py", call}, {".devcontainer/Dockerfile", "FROM python\n"}}) == "partial");
}

TEST_CASE("serving rules, round 29: a registry version is MLflow's model URI or a Hub commit, not a bind mount") {
    const auto registry = [](const Files& files) { return suggestion("mlops", "serving-from-registry", files); };
    // MLflow's model URI, in code or config
    CHECK(registry({{"serve/app.py", "model = mlflow.pyfunc.load_model(f\"models:/{name}@champion\")\n"}}) == "yes");
    CHECK(registry({{"deploy/config.yaml", "model_uri: models:/churn/3\n"}}) == "yes");
    // a compose bind mount that ends in a folder named models is no model URI (held-out 20's HyUi)
    CHECK(registry({{"compose.dev.yml",
                     "services:\n  web:\n    volumes:\n      - ./models/src/models:/app/models\n"}}) == "-");
    CHECK(registry({{"docker-compose.yml", "volumes:\n  - ./models:/opt/app/models\n"}}) == "-");
    CHECK(registry({{"docker-compose.yml", "volumes:\n  - shared_models:/app/shared_models\n"}}) == "-");
    // a model named by its Hugging Face repository at a pinned commit, in config or in the loading call
    CHECK(registry({{"models/models.toml",
                     "[[models.nutriscore]]\n"
                     "repo_id = \"openfoodfacts/nutriscore-yolo\"\n"
                     "revision = \"2a38f0c0f495af86ca93584b6b1a5993e2bbe097\"\n"}}) == "yes");
    CHECK(registry({{"src/app/model_configs/all_models.yaml",
                     "models:\n"
                     "  - name: pvnet_v2\n"
                     "    pvnet:\n"
                     "        repo: openclimatefix-models/pvnet_uk_region\n"
                     "        commit: cfcb233576c3c8110daed0179452e3d9913c744c\n"}}) == "yes");
    CHECK(registry({{"app/model.py",
                     "m = AutoModel.from_pretrained(\"org/model\", "
                     "revision=\"cfcb233576c3c8110daed0179452e3d9913c744c\")\n"}}) == "yes");
    // a branch or tag moves; a cookiecutter's template commit names no model; tests and examples are not serving
    CHECK(registry({{"app/model.py", "m = AutoModel.from_pretrained(\"org/model\", revision=\"main\")\n"}}) == "-");
    CHECK(registry({{"models/models.toml", "repo_id = \"org/model\"\nrevision = \"v1.2\"\n"}}) == "-");
    CHECK(registry({{".cruft.json",
                     "{\"template\": \"https://github.com/org/template\",\n"
                     " \"commit\": \"cfcb233576c3c8110daed0179452e3d9913c744c\"}\n"}}) == "-");
    CHECK(registry({{"tests/test_model.py",
                     "m = AutoModel.from_pretrained(\"org/model\", "
                     "revision=\"cfcb233576c3c8110daed0179452e3d9913c744c\")\n"}}) == "-");
    CHECK(registry({{"models/models.toml",
                     "repo_id = \"org/model\"\n"
                     "# revision = \"cfcb233576c3c8110daed0179452e3d9913c744c\"\n"}}) == "-");
}

TEST_CASE("serving rules, round 29: autoscaling declared in Terraform, Terragrunt or CloudFormation") {
    const auto scaling = [](const Files& files) { return suggestion("mlops", "autoscaling", files); };
    // a module's switch (held-out 20's ai-answers), AWS Application Auto Scaling, a GCE autoscaler, Azure's setting
    CHECK(scaling({{"terragrunt/aws/ecs/ecs.tf",
                    "module \"ecs\" {\n  enable_autoscaling = true\n  desired_count = 1\n}\n"}}) == "yes");
    CHECK(scaling({{"infra/scaling.tf", "resource \"aws_appautoscaling_policy\" \"cpu\" {\n  name = \"cpu\"\n}\n"}}) ==
          "yes");
    CHECK(scaling({{"infra/mig.tf", "resource \"google_compute_region_autoscaler\" \"api\" {}\n"}}) == "yes");
    CHECK(scaling({{"infra/app.tf", "resource \"azurerm_monitor_autoscale_setting\" \"api\" {}\n"}}) == "yes");
    CHECK(scaling({{"template.yaml",
                    "Resources:\n  Policy:\n    Type: AWS::ApplicationAutoScaling::ScalingPolicy\n"}}) == "yes");
    // switched off, commented out, or an example's
    CHECK(scaling({{"infra/ecs.tf", "module \"ecs\" {\n  enable_autoscaling = false\n}\n"}}) == "-");
    CHECK(scaling({{"infra/ecs.tf", "module \"ecs\" {\n  # enable_autoscaling = true\n}\n"}}) == "-");
    CHECK(scaling({{"infra/scaling.tf", "# resource \"aws_appautoscaling_policy\" \"cpu\" {}\n"}}) == "-");
    CHECK(scaling({{"examples/ecs/main.tf", "module \"ecs\" {\n  enable_autoscaling = true\n}\n"}}) == "-");
    // a target alone registers capacity and scales nothing
    CHECK(scaling({{"infra/scaling.tf", "resource \"aws_appautoscaling_target\" \"ecs\" {}\n"}}) == "-");
}

TEST_CASE("serving rules, round 29: JSON Schemas of an API's requests and responses are its contract") {
    const auto contract = [](const Files& files) { return suggestion("mlops", "serving-contract", files); };
    const std::string schema =
        "{\n  \"$schema\": \"http://json-schema.org/draft-04/schema#\",\n  \"type\": \"object\"\n}\n";
    // held-out 20's hintr: one schema per message of its R API
    CHECK(contract({{"inst/schema/ModelSubmitRequest.schema.json", schema}}) == "yes");
    CHECK(contract({{"schemas/predict_response.json", schema}}) == "yes");
    // a JSON Schema of something else, a request's example that is no schema, tests' and node_modules' schemas
    CHECK(contract({{"inst/schema/Settings.schema.json", schema}}) == "-");
    CHECK(contract({{"examples/predict_request.json", schema}}) == "-");
    CHECK(contract({{"samples/predict_request.json", "{\"features\": [1, 2, 3]}\n"}}) == "-");
    CHECK(contract({{"tests/fixtures/PredictRequest.schema.json", schema}}) == "-");
    CHECK(contract({{"web/node_modules/ajv/lib/refs/request.schema.json", schema}}) == "-");
}

TEST_CASE("serving rules, round 29 review: LLM calls that make data, and clients that are not LLMs") {
    const auto scoring = [](const Files& files) { return suggestion("mlops", "scoring-code-versioned", files); };
    const auto with = [](const std::string& path, const std::string& code) {
        return Files{{path, code}, {"pyproject.toml", "[project]\nname = \"m\"\n"}, {"package.json", "{}\n"}};
    };
    const std::string call = "from openai import OpenAI\nr = client.chat.completions.create(model=m, messages=msgs)\n";
    // an LLM that labels, annotates or generates a training set serves nothing
    for (const char* path : {"scripts/label_with_gpt.py", "data_generation/generate_qa_pairs.py", "annotation/run.py",
                             "pipeline/make_synthetic_data.py", "evaluations/judge.py", "web/__tests__/chat.js",
                             "e2e/chat_smoke.py", "integration_tests/test_chat.py"}) {
        CAPTURE(path);
        CHECK(scoring(with(path, call)) == "-");
    }
    // a survey or forms API's responses.create stores answers; OpenAI's needs its client imported
    CHECK(scoring(with("app/services/sync.rb", "@api_client.responses.create(survey_id: id, answers: a)\n")) == "-");
    CHECK(scoring(with("src/forms.js", "await formsClient.responses.create({ formId, answers });\n")) == "-");
    CHECK(
        scoring(with("src/answer.js",
                     "import OpenAI from \"openai\";\nconst r = await client.responses.create({ model, input });\n")) ==
        "yes");
    CHECK(scoring(with("app/answer.py", "import openai\nr = openai.OpenAI().responses.create(model=m, input=q)\n")) ==
          "yes");
    // forms the round missed: JavaScript's Gemini, TypeScript's React files, LangChain's init_chat_model
    CHECK(scoring(with("src/ask.ts",
                       "import { GoogleGenerativeAI } from \"@google/generative-ai\";\n"
                       "const r = await model.generateContent(prompt);\n")) == "yes");
    CHECK(scoring(with("app/actions.tsx", "const r = await openai.chat.completions.create({ model, messages });\n")) ==
          "yes");
    CHECK(scoring(with("app/llm.py", "llm = init_chat_model(\"gpt-4o\", model_provider=\"openai\")\n")) == "yes");
}

TEST_CASE("serving rules, round 29 review: a Hub pin belongs to the served model") {
    const auto registry = [](const Files& files) { return suggestion("mlops", "serving-from-registry", files); };
    const std::string hex = "0123456789abcdef0123456789abcdef01234567";
    // another key's commit further down; a run's git commit; a source dependency's or a template's pin
    CHECK(registry({{"deploy/release.yaml",
                     "model:\n  repo_id: meta-llama/Llama-3.1-8B-Instruct\n  revision: main\n"
                     "build:\n  image: ghcr.io/acme/chat-api\n  commit: " +
                         hex + "\n"}}) == "-");
    CHECK(registry({{"serving/metadata.json",
                     "{\"model_id\": \"meta-llama/Llama-3.1-8B\", \"git\": {\"commit\": \"" + hex + "\"}}\n"}}) == "-");
    CHECK(registry({{"ci/source-pins.yaml", "- repo: NVIDIA/cutlass\n  commit: " + hex + "\n"}}) == "-");
    CHECK(registry({{".template.json",
                     "{\"repo\": \"our-org/ml-service-template\", \"commit\": \"" + hex + "\"}\n"}}) == "-");
    // a commented-out revision inside a call
    CHECK(registry({{"app/serve.py", "m = AutoModel.from_pretrained(\n    \"org/model\",\n    # revision=\"" + hex +
                                         "\",\n    torch_dtype=\"auto\",\n)\n"}}) == "-");
    // training reads a pinned dataset or base model; production loads nothing from it
    CHECK(registry({{"configs/model.yaml", "dataset:\n  repo_id: HuggingFaceH4/ultrachat_200k\n  revision: " + hex +
                                               "\nlearning_rate: 2.0e-5\n"}}) == "-");
    CHECK(registry({{"src/train.py", "m = AutoModel.from_pretrained(\"org/base\", revision=\"" + hex + "\")\n"}}) ==
          "-");
    // the served model's pin, in a JSON entry, pipeline(), SentenceTransformer() or a model_revision key
    CHECK(registry({{"serving/models.json", "[{\"repo_id\": \"org/model\", \"revision\": \"" + hex + "\"}]\n"}}) ==
          "yes");
    CHECK(registry({{"app/nlp.py", "clf = pipeline(\"text-classification\", model=\"org/m\", revision=\"" + hex +
                                       "\")\n"}}) == "yes");
    CHECK(registry({{"app/embed.py", "m = SentenceTransformer(\"org/m\", revision=\"" + hex + "\")\n"}}) == "yes");
    CHECK(registry({{"serving/config.yaml", "model_id: org/model\nmodel_revision: " + hex + "\n"}}) == "yes");
    // a constant, vLLM's config and TGI's environment pin the served model too
    CHECK(registry({{"app/model.py", "MODEL_ID = \"org/model\"\nMODEL_REVISION = \"" + hex + "\"\n"}}) == "yes");
    CHECK(registry({{"deploy/vllm.yaml", "model: org/model\nrevision: " + hex + "\ntensor_parallel_size: 2\n"}}) ==
          "yes");
    CHECK(registry({{"docker-compose.yml",
                     "services:\n  tgi:\n    environment:\n      - MODEL_ID=org/model\n"
                     "      - REVISION=" +
                         hex + "\n"}}) == "yes");
    // compose: a named volume is no URI, a value is
    CHECK(registry({{"docker-compose.yml", "services:\n  api:\n    volumes:\n      - models:/app/models\n"}}) == "-");
    CHECK(registry({{"compose.yaml", "services:\n  api:\n    volumes:\n      - \"models:/data\"\n"}}) == "-");
    CHECK(registry({{"docker-compose.yml",
                     "services:\n  api:\n    environment:\n      - MODEL_URI=models:/churn/3\n"}}) == "yes");
}

TEST_CASE("serving rules, round 29 review: autoscaling of the service, not of runners, batch workers or tables") {
    const auto scaling = [](const Files& files) { return suggestion("mlops", "autoscaling", files); };
    CHECK(scaling({{"terragrunt/env/production/etl-worker/terragrunt.hcl",
                    "inputs = {\n  service_name = \"nightly-etl-worker\"\n  enable_autoscaling = true\n}\n"}}) == "-");
    CHECK(scaling({{"infra/runners.tf", "resource \"google_compute_autoscaler\" \"gitlab_runners\" {}\n"}}) == "-");
    CHECK(scaling({{"infra/aks.tf",
                    "resource \"azurerm_kubernetes_cluster_node_pool\" \"spark\" {\n"
                    "  enable_auto_scaling = true\n}\n"}}) == "-");
    CHECK(scaling({{"infra/dynamodb.tf",
                    "resource \"aws_dynamodb_table\" \"features\" {}\n"
                    "resource \"aws_appautoscaling_policy\" \"features_read\" {}\n"}}) == "-");
    // forms the round missed: tfvars, CloudFormation JSON, Terraform's Kubernetes HPA, an EC2 group's policy
    CHECK(scaling({{"env/production.tfvars", "enable_autoscaling = true\n"}}) == "yes");
    CHECK(scaling({{"stack.template",
                    "{\"Resources\": {\"P\": {\"Type\": \"AWS::ApplicationAutoScaling::ScalingPolicy\"}}}\n"}}) ==
          "yes");
    CHECK(scaling({{"infra/k8s.tf", "resource \"kubernetes_horizontal_pod_autoscaler_v2\" \"api\" {}\n"}}) == "yes");
    CHECK(scaling({{"infra/asg.tf", "resource \"aws_autoscaling_policy\" \"inference\" {}\n"}}) == "yes");
}

TEST_CASE("serving rules, round 32: an image run by a process supervisor serves what the supervisor starts") {
    const auto packaged = [](const Files& files) { return suggestion("mlops", "serving-containerised", files); };
    const std::pair<std::string, std::string> supervised{
        "Dockerfile",
        "FROM python:3.11\nCOPY supervisord.conf /etc/supervisord.conf\n"
        "CMD [\"/usr/bin/supervisord\", \"-c\", \"/etc/supervisord.conf\"]\n"};
    const std::pair<std::string, std::string> s6_image{
        "Dockerfile", "FROM python:3.12\nCOPY ./docker/rootfs /\nENTRYPOINT [\"/init\"]\n"};
    const std::pair<std::string, std::string> ci_build{".github/workflows/image.yml",
                                                       "on: [push]\njobs:\n  b:\n    steps:\n"
                                                       "      - uses: docker/build-push-action@v6\n"};
    // supervisord: a program that runs a web server, directly or by a script named for it
    CHECK(packaged({supervised, {"supervisord.conf", "[program:api]\ncommand=uvicorn app:app --port 5000\n"}}) ==
          "partial");
    CHECK(packaged({supervised, {"supervisord.conf", "[program:web]\ncommand=/app/gunicorn.sh\n"}, ci_build}) == "yes");
    // s6-overlay: a service whose run file starts the server
    const std::pair<std::string, std::string> s6_web{"docker/rootfs/etc/s6-overlay/s6-rc.d/svc-webserver/run",
                                                     "#!/command/with-contenv bash\nexec granian --interface asgi "
                                                     "\"app.asgi:application\"\n"};
    CHECK(packaged({s6_image, s6_web}) == "partial");
    CHECK(packaged({s6_image, s6_web, ci_build}) == "yes");
    // a workstation's supervisor starts Jupyter, nginx and sshd: no model server
    CHECK(packaged({supervised,
                    {"resources/supervisor/programs/jupyter.conf", "[program:jupyter]\ncommand=jupyter lab\n"},
                    {"resources/supervisor/programs/nginx.conf", "[program:nginx]\ncommand=nginx -g 'daemon off;'\n"},
                    ci_build}) == "-");
    // a commented-out program starts nothing
    CHECK(packaged({supervised, {"supervisord.conf", "[program:api]\n# command=uvicorn app:app\n"}}) == "-");
    // a server's run file without a supervisor in the image, or a dev container's supervisor
    CHECK(packaged({{"Dockerfile", "FROM python:3.12\nCMD [\"python\", \"worker.py\"]\n"}, s6_web}) == "-");
    CHECK(packaged({{".devcontainer/Dockerfile", "FROM python\nCMD [\"supervisord\"]\n"},
                    {"supervisord.conf", "[program:api]\ncommand=uvicorn app:app\n"}}) == "-");
}

TEST_CASE("serving rules, round 32: a JSON API document indented by four spaces or a tab is one still") {
    const auto contract = [](const Files& files) { return suggestion("mlops", "serving-contract", files); };
    CHECK(contract({{"internal/api/swagger.json", "{\n    \"swagger\": \"2.0\",\n    \"info\": {}\n}\n"}}) == "yes");
    CHECK(contract({{"api/spec.json", "{\n\t\"openapi\": \"3.0.1\",\n\t\"info\": {}\n}\n"}}) == "yes");
    // a key nested deeper (a config that mentions the API's document) is no API document
    CHECK(contract({{"config/app.json", "{\n  \"docs\": {\n      \"openapi\": \"3.0.1\"\n  }\n}\n"}}) == "-");
}

TEST_CASE("serving rules, round 32: a guard applied to the whole application makes every caller authenticate") {
    const auto authenticated = [](const Files& files) { return suggestion("mlops", "endpoint-authentication", files); };
    CHECK(authenticated(
              {{"service/handler.py",
                "app = FastAPI(title=\"Cloud Run for offset tiles\", dependencies=[Depends(api_key_auth)])\n"}}) ==
          "yes");
    CHECK(authenticated({{"api/main.py", "app = FastAPI(dependencies=[Security(verify_token)])\n"}}) == "yes");
    // Django REST framework's default permission is one a view overrides: a guard of the views that keep it
    CHECK(authenticated({{"app/settings.py",
                          "REST_FRAMEWORK = {\n    \"DEFAULT_PERMISSION_CLASSES\": [\n"
                          "        \"rest_framework.permissions.IsAuthenticated\",\n    ],\n}\n"}}) == "partial");
    // an app-wide dependency that checks nothing, an open default, or a test app is no guard of every endpoint
    CHECK(authenticated({{"api/main.py", "app = FastAPI(dependencies=[Depends(get_db)])\n"}}) == "-");
    CHECK(authenticated({{"tests/test_api.py", "app = FastAPI(dependencies=[Depends(api_key_auth)])\n"}}) == "-");
    CHECK(authenticated({{"app/settings.py",
                          "REST_FRAMEWORK = {\n    'DEFAULT_PERMISSION_CLASSES': [\n"
                          "        'rest_framework.permissions.AllowAny',\n    ],\n}\n"}}) == "-");
    CHECK(authenticated(
              {{"api/main.py", "# app = FastAPI(dependencies=[Depends(api_key_auth)])\napp = FastAPI()\n"}}) == "-");
}
