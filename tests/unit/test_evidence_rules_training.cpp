// The evidence rules of the "training" area (data, experiments, pipelines) on small fixture trees: for each
// judgement a rule makes, a tree where it holds and one where it must not (issue 14, scan accuracy round 2).
#include <string>

#include "builtin_evidence.hpp"
#include "catch.hpp"

using namespace mm;
using mm::test::Files;
using mm::test::github_workflow;
using mm::test::suggestion;

namespace {

const char* kTrainPy = "import pandas as pd\n\ndef main():\n    model.fit(X, y)\n";
const char* kJenkinsPipeline = "pipeline { stages { stage('ML pipeline') { steps {\n"
                               "  sh 'python3 run_python_script.py pipeline ${problem}'\n} } } }\n";
const char* kAzureCiTrain = "trigger: [master]\nsteps:\n  - script: |\n"
                            "      python -m ml_service.pipelines.build_train_pipeline\n";
const char* kTfxPipeline = "from tfx.orchestration import pipeline\nfrom tfx.v1.components import Trainer\n\n"
                           "def create_pipeline():\n    trainer = Trainer(\n        module_file=TRAIN_MODULE,\n"
                           "        examples=gen.outputs['examples'])\n";
const char* kAmlStep = "train_step = PythonScriptStep(\n    name='Train',\n    script_name=e.train_script_path,\n"
                       "    compute_target=aml_compute)\n";
const char* kJobSubmitWorkflow = "on: [pull_request]\njobs:\n  run:\n    steps:\n"
                                 "      - run: anyscale jobs submit deploy/jobs/workloads.yaml --wait\n";
const char* kTrainSh = "#!/bin/bash\nexport DATA=data.csv\npython src/train.py --data $DATA\n";
const char* kDocsWorkflow = "on: [push]\njobs:\n  docs:\n    steps:\n      - run: mkdocs gh-deploy --force\n";
const char* kTestsOnlyWorkflow = "on: [push]\njobs:\n  t:\n    steps:\n      - run: python -m pytest tests\n";

}  // namespace

TEST_CASE("training rules: a library module named trainer is not a team's training script") {
    // a library's RL trainer module (trainer_model_based.py) was taken as the team's versioned training code
    CHECK(suggestion("mlops", "training-code-versioned", {{"lib/rl/trainer_model_based.py", kTrainPy}}) == "-");
    CHECK(suggestion("mlops-org", "models-rebuilt-from-code", {{"lib/rl/trainer_model_based.py", kTrainPy}}) == "-");
    // a test of training is not the training script
    CHECK(suggestion("mlops", "training-code-versioned", {{"tests/train_test_utils.py", kTrainPy}}) == "-");
    CHECK(suggestion("mlops-org", "models-rebuilt-from-code", {{"tests/training_data.py", kTrainPy}}) == "-");
    // a training script still hints
    CHECK(suggestion("mlops", "training-code-versioned", {{"src/train.py", kTrainPy}}) == "partial");
    CHECK(suggestion("mlops", "training-code-versioned", {{"src/train_aml.py", kTrainPy}}) == "partial");
    // a module named for training that trains nothing (redbox's Django training_views.py) is not training code
    CHECK(suggestion("mlops", "training-code-versioned",
                     {{"app/views/training_views.py",
                       "def training_page(request):\n    return render(request, 't.html')\n"}}) == "-");
    CHECK(suggestion("mlops", "training-code-versioned",
                     {{"src/training.py", "def run():\n    loss.backward()\n    optimizer.step()\n"}}) == "partial");
    // a call in a comment trains nothing either
    CHECK(suggestion("mlops", "training-code-versioned", {{"src/train.py", "# model.fit(X, y)\nprint('todo')\n"}}) ==
          "-");
    CHECK(suggestion("mlops-org", "models-rebuilt-from-code", {{"src/training.py", kTrainPy}}) == "partial");
}

TEST_CASE("training rules: a tox environment that trains, and a training script saving the pipeline it fitted") {
    CHECK(suggestion("mlops", "training-scripted",
                     {{"pkg/tox.ini", "[testenv:train]\ncommands =\n    python train_pipeline.py\n"}}) == "partial");
    CHECK(suggestion("mlops", "training-scripted", {{"pkg/tox.ini", "[testenv:test]\ncommands =\n    pytest\n"}}) ==
          "-");
    // one script from the data to the saved model (the project's save_pipeline helper) is training end to end
    CHECK(
        suggestion("mlops", "training-scripted",
                   {{"pkg/model/train_pipeline.py",
                     "data = load_dataset(file_name=f)\npipe.fit(X, y)\nsave_pipeline(pipeline_to_persist=pipe)\n"}}) ==
        "yes");
}

TEST_CASE("training rules: training run by CI, a pipeline step or a job script is versioned and scripted") {
    // a train.py alone gave only partial where a Jenkins stage, an Azure Pipelines job or a pipeline ran it
    for (const char* q : {"training-code-versioned", "training-scripted"}) {
        CAPTURE(q);
        CHECK(suggestion("mlops", q, {{"Jenkinsfile", kJenkinsPipeline}, {"cd4ml/train.py", kTrainPy}}) == "yes");
        CHECK(suggestion("mlops", q, {{".pipelines/ci.yml", kAzureCiTrain}}) == "yes");
        CHECK(suggestion("mlops", q, {{"src/pipelines/training_pipeline.py", kTfxPipeline}}) == "yes");
        CHECK(suggestion("mlops", q, {{"ml_service/pipelines/build.py", kAmlStep}}) == "yes");
        // a workflow that only deploys docs or runs tests does not run training
        CHECK(suggestion("mlops", q, {{".github/workflows/docs.yml", kDocsWorkflow}, {"pkg/model.py", kTrainPy}}) == "-");
        CHECK(suggestion("mlops", q, {{".github/workflows/ci.yml", kTestsOnlyWorkflow}, {"pkg/model.py", kTrainPy}}) == "-");
        // a Hugging Face Trainer is not a pipeline step running a training module
        CHECK(suggestion("mlops", q, {{"pkg/finetune.py", "t = Trainer(\n    model=model, args=args)\n"}}) == "-");
    }
    // a CI job submitted to a job service whose script runs training
    CHECK(suggestion("mlops", "training-code-versioned",
                     {{".github/workflows/workloads.yml", kJobSubmitWorkflow}, {"deploy/jobs/run.sh", kTrainSh}}) == "yes");
    CHECK(suggestion("mlops", "training-code-versioned", {{"deploy/jobs/run.sh", kTrainSh}}) == "-");
    CHECK(suggestion("mlops", "training-code-versioned",
                     {{".github/workflows/workloads.yml", kJobSubmitWorkflow}, {"deploy/jobs/run.sh", "echo hi\n"}}) == "-");
    // a committed shell script that runs the training script is one command to train
    CHECK(suggestion("mlops", "training-scripted", {{"scripts/run.sh", kTrainSh}}) == "yes");
    CHECK(suggestion("mlops", "training-scripted", {{"examples/demo/run.sh", kTrainSh}}) == "-");
    CHECK(suggestion("mlops", "training-scripted", {{"scripts/run.sh", "# python src/train.py\necho skip\n"}}) == "-");
    // the same in the continuous-training questionnaire
    CHECK(suggestion("mlops-ct", "one-command-training", {{"Jenkinsfile", kJenkinsPipeline}}) == "yes");
    CHECK(suggestion("mlops-ct", "one-command-training", {{"scripts/run.sh", kTrainSh}}) == "yes");
    CHECK(suggestion("mlops-ct", "one-command-training", {{".github/workflows/docs.yml", kDocsWorkflow}}) == "-");
}

TEST_CASE("training rules: training run as a CI stage or a submitted job is a pipeline in part") {
    // a Jenkins stage or a CI-submitted job that runs training was missed (no ML orchestrator, still a pipeline)
    CHECK(suggestion("mlops", "orchestrated-pipeline", {{"Jenkinsfile", kJenkinsPipeline}}) == "partial");
    CHECK(suggestion("mlops", "orchestrated-pipeline",
                     {{".github/workflows/workloads.yml", kJobSubmitWorkflow}, {"deploy/jobs/run.sh", kTrainSh}}) == "partial");
    CHECK(suggestion("mlops", "orchestrated-pipeline", {{"deploy/jobs/run.sh", kTrainSh}}) == "-");
    CHECK(suggestion("mlops", "orchestrated-pipeline", {{".github/workflows/ci.yml", kTestsOnlyWorkflow}}) == "-");
    // a job named after MLflow followed by `runs-on:` on the next line is not `mlflow run` (a command is one line)
    const char* mlflow_job = "jobs:\n  deploy-mlflow:\n    needs: build-mlflow\n    runs-on: ubuntu-latest\n";
    CHECK(suggestion("mlops", "orchestrated-pipeline", {{".github/workflows/cd.yml", mlflow_job}}) == "-");
    CHECK(suggestion("mlops", "orchestrated-pipeline",
                     {{".github/workflows/cd.yml", "jobs:\n  t:\n    steps:\n      - run: mlflow run . -e train\n"}}) ==
          "partial");
}

TEST_CASE("training rules: CI that builds and publishes the training pipeline") {
    // Azure Pipelines publishing the Azure ML pipeline on every change was missed
    CHECK(suggestion("mlops", "pipeline-cd", {{".pipelines/ci.yml", kAzureCiTrain}}) == "yes");
    CHECK(suggestion("mlops", "pipeline-cd",
                     {{"cloudbuild.yaml", "steps:\n- name: 'py'\n  args: ['utils.py', '--mode', 'compile-pipeline']\n"}}) == "yes");
    // a workflow merely named build-pipeline (a Docker image build) is not publishing an ML pipeline
    CHECK(suggestion("mlops", "pipeline-cd", {{".github/workflows/build-pipeline.yml",
                                              "name: build-pipeline\non: [workflow_dispatch]\njobs:\n  b:\n    steps:\n"
                                              "      - run: docker build .\n"}}) == "-");
    // a batch-scoring pipeline is not the training pipeline
    CHECK(suggestion("mlops", "pipeline-cd", {{".pipelines/batch.yml",
                                              "steps:\n  - script: python -m ml.build_parallel_batchscore_pipeline\n"}}) == "-");
}

TEST_CASE("training rules: schedules written for an orchestrator are scheduled jobs from code") {
    // orchestrator schedules in code (Prefect, Dagster, Kubeflow recurring runs, Argo CronWorkflow) were missed
    CHECK(suggestion("mlops", "scheduled-job-from-code",
                     {{"flows/deploy.py", "d = Deployment.build_from_flow(flow=score, schedule=CronSchedule(cron='0 3 * * *'))\n"}}) ==
          "yes");
    CHECK(suggestion("mlops", "scheduled-job-from-code",
                     {{"pipelines/run.py", "client.create_recurring_run(experiment_id=e, cron_expression='0 0 * * *')\n"}}) == "yes");
    CHECK(suggestion("mlops", "scheduled-job-from-code", {{"k8s/train.yaml", "apiVersion: argoproj.io/v1alpha1\nkind: CronWorkflow\n"}}) ==
          "yes");
    // a test that builds a schedule is not a job
    CHECK(suggestion("mlops", "scheduled-job-from-code",
                     {{"tests/test_sched.py", "def test_s():\n    ScheduleDefinition(job=j, cron_schedule='@daily')\n"}}) == "-");
    // a Jenkins cron trigger is a schedule of unknown purpose; polling the repository is not a schedule
    CHECK(suggestion("mlops", "scheduled-job-from-code", {{"Jenkinsfile", "pipeline {\n  triggers {\n    cron('H 2 * * *')\n  }\n}\n"}}) ==
          "partial");
    CHECK(suggestion("mlops", "scheduled-job-from-code", {{"Jenkinsfile", "pipeline {\n  triggers {\n    pollSCM('* * * * *')\n  }\n}\n"}}) ==
          "-");
    // a scheduled workflow that rebuilds an image weekly is no data, training or scoring job
    CHECK(suggestion("mlops", "scheduled-job-from-code",
                     {{".github/workflows/docker.yml",
                       "on:\n  schedule:\n    - cron: '0 3 * * 0'\njobs:\n  b:\n    steps:\n"
                       "      - run: docker compose build\n"}}) == "-");
    CHECK(suggestion("mlops", "scheduled-job-from-code",
                     {{".github/workflows/job.yml",
                       "on:\n  schedule:\n    - cron: '0 3 * * 0'\njobs:\n  b:\n    steps:\n"
                       "      - run: make refresh\n"}}) == "partial");
    // an event-triggered cloud function that starts pipeline runs was missed
    const char* fn = "def trigger_pipeline(event, context):\n    api.create_run_from_job_spec(job_spec_path=p)\n";
    CHECK(suggestion("mlops", "scheduled-job-from-code", {{"src/trigger/main.py", fn}}) == "partial");
    CHECK(suggestion("mlops", "scheduled-job-from-code",
                     {{"src/runner.py", "def submit():\n    api.create_run_from_job_spec(job_spec_path=p)\n"}}) == "-");
}

TEST_CASE("training rules: Azure ML run logging and tracker callbacks are experiment tracking") {
    // Azure ML run.log of parameters and metrics was missed
    const char* aml = "from azureml.core import Run\nrun = Run.get_context()\nrun.log('alpha', 0.5)\n";
    CHECK(suggestion("mlops", "experiment-tracking", {{"training/train_aml.py", aml}}) == "yes");
    CHECK(suggestion("mlops-ct", "experiment-tracking", {{"training/train_aml.py", aml}}) == "yes");
    // a variable named run with a log method is not Azure ML
    CHECK(suggestion("mlops", "experiment-tracking", {{"app/job.py", "run.log('started')\n"}}) == "-");
    CHECK(suggestion("mlops-ct", "experiment-tracking", {{"app/job.py", "run.log('started')\n"}}) == "-");
    // a tracker callback of a training framework logs every run
    CHECK(suggestion("mlops", "experiment-tracking",
                     {{"pkg/train.py", "cb = MLflowLoggerCallback(tracking_uri=uri, experiment_name=n)\n"}}) == "yes");
    CHECK(suggestion("mlops-ct", "experiment-tracking", {{"pkg/train.py", "trainer = pl.Trainer(logger=WandbLogger(project='p'))\n"}}) ==
          "yes");
}

TEST_CASE("training rules: metrics logged to a tracker by training that runs automatically are kept per version") {
    const char* logs = "import mlflow\nmlflow.log_metrics({'rmse': rmse})\n";
    // metrics logged to MLflow by a Jenkins-run pipeline gave only partial
    CHECK(suggestion("mlops", "eval-metrics-history", {{"cd4ml/track.py", logs}, {"Jenkinsfile", kJenkinsPipeline}}) == "yes");
    CHECK(suggestion("mlops", "eval-metrics-history", {{"src/task.py", "vertex_ai.log_metrics({'acc': a})\n"},
                                                        {"src/pipelines/training_pipeline.py", kTfxPipeline}}) == "yes");
    CHECK(suggestion("mlops", "eval-metrics-history",
                     {{"training/train_aml.py", "run.log('mse', mse)\n"}, {".pipelines/ci.yml", kAzureCiTrain}}) == "yes");
    // metrics logged by a script someone runs by hand are kept per run only
    CHECK(suggestion("mlops", "eval-metrics-history", {{"train.py", logs}}) == "partial");
    // a version registered from the tracked run carries that run's metrics: comparable per version
    CHECK(suggestion("mlops", "eval-metrics-history",
                     {{"train.py", std::string(logs) + "mlflow.register_model(f'runs:/{run_id}/model', 'churn')\n"}}) == "yes");
    CHECK(suggestion("mlops", "eval-metrics-history",
                     {{"train.py", std::string(logs) + "mlflow.sklearn.log_model(m, 'model', registered_model_name='churn')\n"}}) ==
          "yes");
    CHECK(suggestion("mlops", "eval-metrics-history",
                     {{"train.py", std::string(logs) + "# mlflow.register_model(uri, 'churn')\n"}}) == "partial");
    CHECK(suggestion("mlops", "eval-metrics-history", {{"register.py", "mlflow.register_model(uri, 'churn')\n"}}) == "-");
    // MlflowClient logs on a run too
    CHECK(suggestion("mlops", "eval-metrics-history",
                     {{"src/train.py", "client.log_metric(run_id, 'f1', f1)\nclient.create_model_version(name, src, run_id)\n"}}) ==
          "yes");
    // a test that logs metrics is not the training logging them
    CHECK(suggestion("mlops", "eval-metrics-history", {{"tests/test_track.py", logs}, {"Jenkinsfile", kJenkinsPipeline}}) == "partial");
}

TEST_CASE("training rules: build ids on runs and models, dvc.lock and ML Metadata are provenance") {
    // a run tagged with its CI build number was missed
    const char* runtag = "from mlflow import set_tag\nset_tag('BuildNumber', os.getenv('BUILD_NUMBER'))\n";
    CHECK(suggestion("mlops", "model-provenance", {{"pkg/register.py", runtag}}) == "partial");
    CHECK(suggestion("mlops-ct", "model-traceable-to-commit", {{"pkg/register.py", runtag}}) == "partial");
    // a registered model carrying the build id is provenance
    const char* modeltag = "tags = {}\ntags['BuildId'] = build_id\nmodel = AMLModel.register(workspace=ws, tags=tags)\n";
    CHECK(suggestion("mlops", "model-provenance", {{"register/register_model.py", modeltag}}) == "yes");
    CHECK(suggestion("mlops-ct", "model-traceable-to-commit", {{"register/register_model.py", modeltag}}) == "yes");
    // a build tag set in a test is not provenance; a tag of something else is not either
    CHECK(suggestion("mlops", "model-provenance", {{"tests/test_register.py", runtag}}) == "-");
    CHECK(suggestion("mlops", "model-provenance", {{"pkg/register.py", "set_tag('owner', 'me')\n"}}) == "-");
    // dvc.lock ties outputs to the hashes of code and data; TFX records ML Metadata
    CHECK(suggestion("mlops", "model-provenance", {{"dvc.lock", "schema: '2.0'\n"}}) == "partial");
    CHECK(suggestion("mlops", "model-provenance", {{"p/pipeline.py", "from tfx.orchestration import pipeline\n"}}) == "partial");
    CHECK(suggestion("mlops", "data-lineage", {{"p/pipeline.py", "from tfx.orchestration import pipeline\n"}}) == "partial");
    CHECK(suggestion("mlops", "data-lineage", {{"p/pipeline.py", "from tfx.proto import example_gen_pb2\n"}}) == "-");
}

TEST_CASE("training rules: models looked up among tracked runs are a registry in part") {
    // MLflow runs searched for the model to serve (no registered versions) were missed
    CHECK(suggestion("mlops", "model-registry", {{"app/model_cache.py", "runs = mlflow.search_runs(experiment_ids=[e])\n"}}) ==
          "partial");
    // a mocked search in a test, or logging a model into a run, is not a registry
    CHECK(suggestion("mlops", "model-registry", {{"test/test_cache.py", "mlflow.search_runs = MagicMock()\n"}}) == "-");
    CHECK(suggestion("mlops", "model-registry", {{"train.py", "mlflow.sklearn.log_model(lr, 'model')\n"}}) == "-");
    // a cloud registry's command line (Azure ML CLI v2, Vertex AI, SageMaker) registers versions; commented out,
    // nothing
    CHECK(suggestion("mlops", "model-registry",
                     {{"jobs/register.sh",
                       "az ml model create --name m --version 3 --path azureml://jobs/$RUN/outputs/model\n"}}) ==
          "yes");
    CHECK(suggestion("mlops", "model-registry",
                     {{"ci/release.yml", "steps:\n  - run: gcloud ai models upload --region=r\n"}}) == "yes");
    CHECK(suggestion("mlops", "model-registry", {{"jobs/register.sh", "# az ml model create --name m\n"}}) == "-");
}

TEST_CASE("training rules: a candidate compared with production or an acceptance threshold is a gate") {
    // a new model registered only if it beats the production model was missed
    const char* champ = "if new_model_mse < production_model_mse:\n    register()\nelse:\n    run.parent.cancel()\n";
    CHECK(suggestion("mlops", "model-validation-gate", {{"evaluate/evaluate_model.py", champ}}) == "yes");
    CHECK(suggestion("mlops-ct", "candidate-vs-production-check", {{"evaluate/evaluate_model.py", champ}}) == "yes");
    // a metric checked against acceptance thresholds was missed
    CHECK(suggestion("mlops", "model-validation-gate",
                     {{"scripts/acceptance.py", "accepted = threshold_min <= metric_value <= threshold_max\n"}}) == "yes");
    // a classification threshold on a score, or the best loss of a training loop, is not a release gate
    CHECK(suggestion("mlops", "model-validation-gate", {{"app/predict.py", "label = prob > threshold\n"}}) == "-");
    CHECK(suggestion("mlops", "model-validation-gate", {{"train.py", "if val_loss < best_loss:\n    save()\n"}}) == "-");
    CHECK(suggestion("mlops-ct", "candidate-vs-production-check", {{"train.py", "if val_loss < best_loss:\n    save()\n"}}) == "-");
    // a test asserting accuracy over a threshold is a test, not the pipeline's gate
    CHECK(suggestion("mlops", "model-validation-gate", {{"tests/test_model.py", "assert accuracy >= ACCURACY_THRESHOLD\n"}}) == "-");
}

TEST_CASE("training rules: managed tuning services are hyperparameter search") {
    // hypertune reporting (for Vertex AI tuning jobs) was missed
    CHECK(suggestion("mlops", "hyperparameter-search", {{"src/task.py", "import hypertune\nhpt = hypertune.HyperTune()\n"}}) ==
          "partial");
    CHECK(suggestion("mlops", "hyperparameter-search", {{"src/tune.py", "cfg = HyperDriveConfig(run_config=src, max_total_runs=20)\n"}}) ==
          "yes");
    CHECK(suggestion("mlops", "hyperparameter-search", {{"src/task.py", "# import hypertune\nparams = {'lr': 0.1}\n"}}) == "-");
}

TEST_CASE("training rules: data pulled by code, not by a test") {
    // a BigQuery client in a test file was cited as the training data's extraction
    CHECK(suggestion("mlops", "data-from-code", {{"src/tests/datasource_utils_tests.py", "c = bigquery.Client(project=p)\n"}}) == "-");
    // a pipeline's BigQuery extraction step and a query read into a frame are data from code
    CHECK(suggestion("mlops", "data-from-code", {{"src/pipeline.py", "gen = BigQueryExampleGen(query=sql)\n"}}) == "yes");
    CHECK(suggestion("mlops", "data-from-code", {{"src/data.py", "df = pd.read_sql(query, conn)\n"}}) == "yes");
    CHECK(suggestion("mlops", "data-from-code", {{"src/data.py", "c = bigquery.Client(project=p)\n"}}) == "partial");
    // a dataset library's loader takes the dataset's name; the team's own load_dataset(file_name=...) reading a
    // committed CSV is no extraction, nor its definition
    CHECK(suggestion("mlops", "data-from-code", {{"src/data.py", "ds = load_dataset(\"imdb\", split=\"train\")\n"}}) ==
          "yes");
    CHECK(suggestion("mlops", "data-from-code",
                     {{"pkg/data_manager.py",
                       "def load_dataset(*, file_name: str) -> pd.DataFrame:\n    return pd.read_csv(file_name)\n"},
                      {"pkg/train.py", "data = load_dataset(file_name=config.training_data_file)\n"}}) == "-");
    // an Azure ML dataset created by code was missed
    CHECK(suggestion("mlops", "data-from-code",
                     {{"ml/load.py", "ds = Dataset.Tabular.from_delimited_files(path=(store, 'x.csv'))\n"}}) == "partial");
}

TEST_CASE("training rules: the training pipeline extracting its data") {
    // the first step of a TFX pipeline querying BigQuery; a pipeline reading a registered dataset in part
    CHECK(suggestion("mlops", "pipeline-extracts-data", {{"src/pipeline.py", "gen = BigQueryExampleGen(query=sql)\n"}}) == "yes");
    CHECK(suggestion("mlops", "pipeline-extracts-data",
                     {{"train_aml.py", "ds = Dataset.get_by_name(ws, name, version)\n"}}) == "partial");
    CHECK(suggestion("mlops", "pipeline-extracts-data", {{"src/data.py", "df = pd.read_csv('data.csv')\n"}}) == "-");
    CHECK(suggestion("mlops", "pipeline-extracts-data", {{"tests/test_gen.py", "gen = BigQueryExampleGen(query=sql)\n"}}) == "-");
}

TEST_CASE("training rules: managed training compute") {
    // training on Azure ML compute, Vertex AI, Kubeflow training operators or an Anyscale job had no rule
    CHECK(suggestion("mlops", "managed-compute",
                     {{"util/attach_compute.py", "cfg = AmlCompute.provisioning_configuration(vm_size=s)\n"}}) == "yes");
    CHECK(suggestion("mlops", "managed-compute",
                     {{"p/pipeline.py", "from tfx.v1.extensions.google_cloud_ai_platform import Trainer as VertexTrainer\n"}}) ==
          "yes");
    CHECK(suggestion("mlops", "managed-compute", {{"k8s/job.yaml", "apiVersion: kubeflow.org/v1\nkind: PyTorchJob\n"}}) == "yes");
    CHECK(suggestion("mlops", "managed-compute",
                     {{"deploy/jobs/train.yaml", "name: w\ncompute_config: cc\nentrypoint: bash run.sh\n"}}) == "yes");
    // a Kubernetes Deployment, a local Keras model or a service config without an entry point is not
    CHECK(suggestion("mlops", "managed-compute", {{"k8s/app.yaml", "kind: Deployment\n"}}) == "-");
    CHECK(suggestion("mlops", "managed-compute", {{"deploy/services/serve.yaml", "name: s\ncompute_config: cc\n"}}) == "-");
}

TEST_CASE("training rules: schemas declared in JSON and schema tests") {
    // a JSON file declaring categorical and numerical fields was missed
    CHECK(suggestion("mlops", "data-schema",
                     {{"readers/raw_schema.json", "{\"categorical\": [\"zip\"], \"numerical\": [\"price\"]}\n"}}) == "partial");
    // a JSON schema of something else (an API's) is not a data schema
    CHECK(suggestion("mlops", "data-schema",
                     {{"api/request_schema.json", "{\"$schema\": \"http://json-schema.org/draft-07/schema#\"}\n"}}) == "-");
    // schema checks written as pytest tests were missed
    CHECK(suggestion("mlops", "data-schema", {{"data/data_test.py", "def test_check_schema():\n    assert cols == 10\n"}}) == "partial");
    CHECK(suggestion("mlops", "data-schema", {{"data/data_test.py", "def test_load():\n    assert df is not None\n"}}) == "-");
    // the word is a whole part of the test's name: test_dtypename (of a metrics helper) is no schema test
    CHECK(suggestion("mlops", "data-schema",
                     {{"api/test_metrics.py", "    def test_dtypename(self):\n        pass\n"}}) == "-");
    CHECK(suggestion("mlops", "data-schema",
                     {{"tests/test_data.py", "def test_null_rates_below_limit():\n    pass\n"}}) == "partial");
}

TEST_CASE("training rules: dataset ids recorded with a run are data versions in part") {
    // a run tagged with the registered dataset's id was missed
    CHECK(suggestion("mlops", "data-versioning", {{"train_aml.py", "run.parent.tag(\"dataset_id\", value=dataset.id)\n"}}) ==
          "partial");
    CHECK(suggestion("mlops", "data-versioning", {{"train_aml.py", "run.parent.tag(\"owner\", value=me)\n"}}) == "-");
    // an Azure ML data asset registered with a version is a snapshot; one without a version is the latest upload
    const char* asset =
        "$schema: https://azuremlschemas.azureedge.net/latest/data.schema.json\ntype: uri_file\nname: prices\n"
        "path: ../data/prices.csv\n";
    CHECK(suggestion("mlops", "data-versioning", {{"jobs/data.yml", std::string(asset) + "version: 20230220\n"}}) ==
          "partial");
    CHECK(suggestion("mlops", "data-versioning", {{"jobs/data.yml", asset}}) == "-");
}

TEST_CASE("training rules: a data README documents sources only when it says where data comes from") {
    // a data/README.md saying the folder is not for training data was taken as documented sources
    CHECK(suggestion("mlops", "data-sources-documented",
                     {{"data/README.md", "This folder is used for example data, it is not meant for training data.\n"}}) == "-");
    CHECK(suggestion("mlops", "data-sources-documented",
                     {{"data/README.md", "The dataset was downloaded from the UCI repository (licence CC BY).\n"}}) == "partial");
    // a data card: where the data comes from and what its fields are, in either order, is the help's yes
    CHECK(suggestion("mlops", "data-sources-documented",
                     {{"data/Readme.txt",
                       "Source: https://archive.ics.uci.edu/dataset/275\n\n"
                       "Both files have the following fields:\n- instant: record index\n"}}) == "yes");
    CHECK(suggestion("mlops", "data-sources-documented",
                     {{"datasets/readme.md",
                       "# Schema\n| column | type |\n\nRaw data from the [site](https://x.org).\n"}}) == "yes");
    // fields without a source, or a source without fields, is not a data card
    CHECK(suggestion("mlops", "data-sources-documented",
                     {{"data/README.md", "Columns: id, amount, label.\nThe file is written by make data.\n"}}) == "-");
    CHECK(suggestion("mlops", "data-sources-documented",
                     {{"data/README.md", "Downloaded from https://kaggle.com/c/x.\n"}}) == "partial");
}

TEST_CASE("training rules: pins count as a training environment only beside training code") {
    const char* pins = "numpy==1.11.1\npandas==0.18.1\n";
    // a book's or a workstation image's pinned requirements were taken as a pinned training environment
    CHECK(suggestion("mlops", "pinned-environment", {{"requirements.txt", pins}, {"notebooks/helpers.py", "x = 1\n"}}) == "-");
    CHECK(suggestion("mlops", "pinned-environment", {{"resources/libraries/requirements-full.txt", pins}}) == "-");
    CHECK(suggestion("mlops", "pinned-environment", {{"requirements.txt", pins}, {"src/train.py", kTrainPy}}) == "partial");
    // conda environment files pinned to versions were missed; lower bounds are not pins
    const char* conda = "dependencies:\n  - python=3.7.*\n  - pip:\n      - azureml-sdk==1.27.*\n";
    CHECK(suggestion("mlops", "pinned-environment", {{"ml/conda_dependencies.yml", conda}, {"ml/training/train.py", kTrainPy}}) ==
          "partial");
    CHECK(suggestion("mlops", "pinned-environment",
                     {{"conda.yaml", "dependencies:\n  - numpy>=1.14\n  - pip:\n      - mlflow\n"}, {"train.py", kTrainPy}}) == "-");
    CHECK(suggestion("mlops", "pinned-environment", {{"ml/conda_dependencies.yml", conda}}) == "-");
    // pip-compile's output pins every dependency, hashes included: a lock file, like poetry.lock
    const char* compiled =
        "#\n# This file is autogenerated by pip-compile with Python 3.10\n#\n"
        "aiofiles==22.1.0 \\\n    --hash=sha256:1142fa8e80dbae46bb6339573ad4c8c0841358f79c6eb50a493dceca14621bad\n";
    CHECK(suggestion("mlops", "pinned-environment", {{"requirements/requirements.txt", compiled}}) == "yes");
    CHECK(suggestion("mlops", "pinned-environment", {{"docs/requirements.txt", compiled}}) == "-");
    CHECK(suggestion("mlops", "pinned-environment", {{"requirements.txt", "aiofiles==22.1.0\n"}}) == "-");
}

TEST_CASE("training rules: pip freeze's output beside training code is a lock file") {
    // every installed package pinned, one a line: 30 pins in a row, after a generated header
    std::string freeze = "#Created by Makefile. Do not edit.\n";
    for (int i = 0; i < 30; ++i) freeze += "package-" + std::to_string(i) + "==1." + std::to_string(i) + ".0\n";
    CHECK(suggestion("mlops", "pinned-environment", {{"requirements.txt", freeze}, {"src/train.py", kTrainPy}}) ==
          "yes");
    // Windows line ends (a freeze written on Windows, or transcoded from UTF-16)
    std::string crlf;
    for (int i = 0; i < 30; ++i) crlf += "package-" + std::to_string(i) + "==1.0\r\n";
    CHECK(suggestion("mlops", "pinned-environment", {{"requirements.txt", crlf}, {"src/train.py", kTrainPy}}) == "yes");
    // the same freeze without training code (a workstation image's library list) trains nothing
    CHECK(suggestion("mlops", "pinned-environment", {{"resources/libraries/requirements-full.txt", freeze}}) == "-");
    // 29 pins, or 30 broken by a range or a comment, are a hand-written list of direct dependencies: partial
    std::string short_list;
    for (int i = 0; i < 29; ++i) short_list += "package-" + std::to_string(i) + "==1.0\n";
    CHECK(suggestion("mlops", "pinned-environment", {{"requirements.txt", short_list}, {"src/train.py", kTrainPy}}) ==
          "partial");
    std::string ranged =
        short_list.substr(0, short_list.size() / 2) + "fastapi>=0.100\n" + short_list.substr(short_list.size() / 2);
    CHECK(suggestion("mlops", "pinned-environment", {{"requirements.txt", ranged}, {"src/train.py", kTrainPy}}) ==
          "partial");
    std::string marked;
    for (int i = 0; i < 30; ++i)
        marked += "package-" + std::to_string(i) + "==1.0" + (i == 15 ? "  # for the app" : "") + "\n";
    CHECK(suggestion("mlops", "pinned-environment", {{"requirements.txt", marked}, {"src/train.py", kTrainPy}}) ==
          "partial");
}

TEST_CASE("training rules: seeds count in training code, not in helpers or data generators") {
    // np.random.seed in a book's helper or a library's data generator was taken as reproducible training
    CHECK(suggestion("mlops", "reproducible-training", {{"notebooks/helpers_05_08.py", "interact(fit, random_state=(0, 100))\n"}}) == "-");
    CHECK(suggestion("mlops", "reproducible-training", {{"lib/bin/datagen.py", "np.random.seed(FLAGS.random_seed)\n"}}) == "-");
    // a fresh random seed on every run is the opposite of a fixed seed
    CHECK(suggestion("mlops", "reproducible-training", {{"pipelines/training.py", "load(random_state=random.randint(0, 100))\n"}}) ==
          "-");
    CHECK(suggestion("mlops", "reproducible-training", {{"train.py", "np.random.seed(40)\n"}}) == "partial");
    CHECK(suggestion("mlops", "reproducible-training", {{"src/train.py", "clf = RF(random_state=seed)\n"}}) == "partial");
    CHECK(suggestion("mlops", "reproducible-training", {{"params.yaml", "prepare:\n  split: 0.2\n  seed: 20170428\n"}}) == "partial");
}

TEST_CASE("training rules: TFX Transform shares feature code between training and serving") {
    // a Transform graph exported into the serving signature had no rule (only feature stores)
    CHECK(suggestion("mlops", "feature-consistency", {{"src/exporter.py", "model.tft_layer = tft_output.transform_features_layer()\n"}}) ==
          "yes");
    CHECK(suggestion("mlops", "feature-consistency", {{"src/exporter.py", "import tensorflow_transform as tft\n"}}) == "-");
}

TEST_CASE("training rules: review findings on the held-out 4 rules (each a case the first version got wrong)") {
    // pip-compile without hashes annotates each pin with `# via`; its header is a comment, never evidence
    CHECK(suggestion("mlops", "pinned-environment",
                     {{"requirements.txt",
                       "#\n# This file is autogenerated by pip-compile with Python 3.11\n#\n"
                       "aiofiles==22.1.0\n    # via -r requirements.in\n"}}) == "yes");
    // a tox environment named with a hyphen
    CHECK(suggestion("mlops", "training-scripted",
                     {{"tox.ini", "[testenv:train-model]\ncommands = python train.py\n"}}) == "partial");
    // a SageMaker model package group registers no version; a model package does
    CHECK(suggestion("mlops", "model-registry",
                     {{"scripts/reg.sh", "aws sagemaker create-model-package-group --model-package-group-name g\n"}}) ==
          "-");
    CHECK(suggestion("mlops", "model-registry",
                     {{"scripts/reg.sh",
                       "aws sagemaker create-model-package --model-package-group-name g \\\n  --x y\n"}}) == "yes");
    // an Azure ML data asset whose schema is the editor's comment: its type and version still show it
    CHECK(suggestion("mlops", "data-versioning",
                     {{"jobs/data.yml",
                       "# yaml-language-server: $schema=https://azuremlschemas.azureedge.net/latest/data.schema.json\n"
                       "type: uri_file\nname: prices\nversion: 3\npath: ../data/prices.csv\n"}}) == "partial");
    // a dataset library's generic builders read local files
    CHECK(suggestion("mlops", "data-from-code",
                     {{"src/data.py", "ds = load_dataset(\"csv\", data_files=\"data/train.csv\")\n"}}) == "-");
    // a command in a CI file is one line: `python x.py` or `make` with the next job's name on the following line
    const char* next_job =
        "on: push\njobs:\n  lint:\n    steps:\n      - run: python scripts/check_format.py\n"
        "  training-docs:\n    runs-on: ubuntu-latest\n";
    for (const char* q : {"orchestrated-pipeline", "training-scripted", "training-code-versioned"}) {
        CAPTURE(q);
        CHECK(suggestion("mlops", q, {{".github/workflows/ci.yml", next_job}}) == "-");
        CHECK(suggestion("mlops", q,
                         {{".github/workflows/ci.yml",
                           "jobs:\n  b:\n    steps:\n      - run: make\n  train-docs:\n"}}) == "-");
    }
}

TEST_CASE("training rules, round 10: a notebook that fits and saves a model is committed training code") {
    const char* nb =
        "{\"cells\": [{\"cell_type\": \"code\", \"source\": [\"model = GradientBoostingRegressor()\\n\", "
        "\"model.fit(X, y)\\n\", \"joblib.dump(model, 'model.joblib')\\n\"]}]}\n";
    CHECK(suggestion("mlops", "training-code-versioned", {{"notebook/house_price.ipynb", nb}}) == "partial");
    // a notebook that only fits (an analysis), or one in an example gallery, is not the training of a model in use
    CHECK(suggestion("mlops", "training-code-versioned",
                     {{"notebook/eda.ipynb",
                       "{\"cells\": [{\"source\": [\"model.fit(X, y)\\n\", \"model.score(X, y)\"]}]}\n"}}) == "-");
    CHECK(suggestion("mlops", "training-code-versioned", {{"examples/house_price.ipynb", nb}}) == "-");
}

TEST_CASE("training rules, round 10: retries in every orchestrator, not a general-purpose retry decorator") {
    // Dagster, Prefect (and Flyte), Kubeflow, Argo and Metaflow retry a failed step: the help's partial
    CHECK(suggestion("mlops", "pipeline-failure-recovery",
                     {{"src/assets/ingest.py",
                       "from dagster import RetryPolicy, asset\n@asset(retry_policy=RetryPolicy(max_retries=3, "
                       "delay=10))\ndef raw(): ...\n"}}) == "partial");
    CHECK(suggestion("mlops", "pipeline-failure-recovery",
                     {{"flows/train.py", "@task(retries=3, retry_delay_seconds=10)\ndef fit(): ...\n"}}) == "partial");
    CHECK(suggestion("mlops", "pipeline-failure-recovery", {{"pipeline.py", "op = train_op().set_retry(2)\n"}}) ==
          "partial");
    CHECK(suggestion("mlops", "pipeline-failure-recovery",
                     {{"argo/train.yaml", "templates:\n- name: train\n  retryStrategy:\n    limit: 3\n"}}) ==
          "partial");
    CHECK(suggestion("mlops", "pipeline-failure-recovery",
                     {{"flows/vectorise.py",
                       "class F(FlowSpec):\n    @retry\n    @step\n    def start(self): ...\n"}}) == "partial");
    // no retries (retries=0), tenacity's @retry on a helper, and a test's retries are not a pipeline's
    CHECK(suggestion("mlops", "pipeline-failure-recovery",
                     {{"flows/train.py", "@task(retries=0)\ndef fit(): ...\n"}}) == "-");
    CHECK(suggestion("mlops", "pipeline-failure-recovery",
                     {{"utils/http.py", "@retry(stop=stop_after_attempt(3))\ndef get(url): ...\n"}}) == "-");
    CHECK(suggestion("mlops", "pipeline-failure-recovery",
                     {{"tests/test_flow.py", "@task(retries=3)\ndef fit(): ...\n"}}) == "-");
}

TEST_CASE("training rules, round 10: a model registered by MLflow from its run links the version to the run") {
    CHECK(suggestion("mlops", "model-provenance",
                     {{"dags/tasks/train_model.py",
                       "mlflow.spark.log_model(model, 'regression', registered_model_name=config.model_name)\n"}}) ==
          "partial");
    // not registered (None), a project's own register_model, or a test: no link shown
    CHECK(suggestion("mlops", "model-provenance",
                     {{"train.py", "mlflow.sklearn.log_model(m, 'model', registered_model_name=None)\n"}}) == "-");
    CHECK(suggestion("mlops", "model-provenance",
                     {{"src/registry.py", "def register_model(path):\n    store.put(path)\n"}}) == "-");
    CHECK(suggestion("mlops", "model-provenance",
                     {{"tests/test_train.py", "mlflow.register_model('runs:/1/model', 'm')\n"}}) == "-");
}

TEST_CASE("rules: review of rounds 9 and 10 (each a case the first version got wrong)") {
    const Files built = {{"pyproject.toml", "[project]\nname = \"x\"\n"}};
    auto with_build = [&](Files f) {
        f.insert(f.end(), built.begin(), built.end());
        return f;
    };
    // evaluation loads and predicts too: a file that fits or trains, or scores against labels, is not scoring code
    CHECK(suggestion("mlops", "scoring-code-versioned",
                     with_build({{"src/model.py",
                                  "X, y = pickle.load(f)\nclf = RandomForestClassifier().fit(X, y)\n"
                                  "print(clf.predict(X_test))\n"}})) == "-");
    CHECK(suggestion("mlops", "scoring-code-versioned",
                     with_build({{"src/sft.py",
                                  "model = AutoModel.from_pretrained('bert')\ntrainer.train()\n"
                                  "preds = trainer.predict(test_ds)\n"}})) == "-");
    CHECK(suggestion("mlops", "scoring-code-versioned",
                     with_build({{"src/report.py",
                                  "model = joblib.load('m.pkl')\ny = model.predict(X)\n"
                                  "print(accuracy_score(y_val, y))\n"}})) == "-");
    CHECK(suggestion("mlops", "scoring-code-versioned",
                     with_build({{"src/evaluation/report.py",
                                  "model = joblib.load('m.pkl')\ny = model.predict(X)\n"}})) == "-");
    CHECK(suggestion("mlops-ct", "served-from-repo-code",
                     with_build({{"src/validate.py", "model = joblib.load('m.pkl')\ny = model.predict(X)\n"}})) == "-");
    // names that merely contain the words (latest, opportunity) and a docker/ directory are scoring code
    const char* batch = "model = joblib.load('model.pkl')\nscores = model.predict(df)\n";
    CHECK(suggestion("mlops", "scoring-code-versioned", with_build({{"jobs/rank_latest.py", batch}})) == "yes");
    CHECK(suggestion("mlops", "scoring-code-versioned", with_build({{"jobs/opportunity_scoring.py", batch}})) == "yes");
    CHECK(suggestion("mlops", "scoring-code-versioned", with_build({{"docker/batch/run_batch.py", batch}})) == "yes");

    // Rich's Live display is not dvclive; mlflow's logging functions imported by name, a client under another
    // name and Aim's Run are logging calls
    CHECK(suggestion("mlops", "experiment-tracking",
                     {{"src/cli.py", "from rich.live import Live\nwith Live(table):\n    pass\n"}}) == "-");
    CHECK(suggestion("mlops-ct", "experiment-tracking",
                     {{"src/cli.py", "from rich.live import Live\nwith Live(table):\n    pass\n"}}) == "-");
    CHECK(suggestion("mlops", "experiment-tracking",
                     {{"src/train.py", "from mlflow import log_metric, log_param\n\nlog_param('alpha', 0.5)\n"}}) ==
          "yes");
    CHECK(suggestion("mlops", "experiment-tracking",
                     {{"src/train.py",
                       "import mlflow\nmlflow_client = MlflowClient()\nmlflow_client.log_metric(r, 'a', 1)\n"}}) ==
          "yes");
    CHECK(suggestion("mlops", "experiment-tracking",
                     {{"src/train.py", "from aim import Run\nrun = Run(experiment='churn')\nrun.track(loss)\n"}}) ==
          "yes");

    // a data card names the source (a link, "obtained from", "Source:") and lists the fields; a DVC note
    // with a link and the word "variables", or a badge and "schema" in a sentence, is not one
    CHECK(suggestion("mlops", "data-sources-documented",
                     {{"data/README.md",
                       "This folder is tracked with DVC (https://dvc.org).\n"
                       "Set the AWS_ACCESS_KEY_ID environment variables first.\n"}}) == "-");
    CHECK(suggestion("mlops", "data-sources-documented",
                     {{"data/README.md",
                       "[![DVC](https://img.shields.io/badge/dvc)](https://dvc.org)\n\n"
                       "The schema is enforced by `src/validate.py`.\n"}}) == "-");
    CHECK(suggestion("mlops", "data-sources-documented",
                     {{"data/README.md",
                       "# Data\n\nSource: the Titanic competition on Kaggle, owned by Kaggle Inc.\n\n"
                       "Columns:\n- PassengerId: passenger index\n- Survived: 0 or 1\n"}}) == "yes");

    // retries: an SDK's HTTP retry policy, zero retries, tenacity's @retry in a flow file and a flow's test are
    // none; a Prefect decorator split over lines is a retry
    CHECK(suggestion("mlops", "pipeline-failure-recovery",
                     {{"src/storage.py",
                       "from azure.core.pipeline.policies import RetryPolicy\n"
                       "c = BlobServiceClient(url, retry_policy=RetryPolicy(retry_total=5))\n"}}) == "-");
    CHECK(suggestion("mlops", "pipeline-failure-recovery",
                     {{"src/assets.py",
                       "import dagster as dg\n@dg.asset(retry_policy=dg.RetryPolicy(max_retries=0))\n"}}) == "-");
    CHECK(suggestion("mlops", "pipeline-failure-recovery",
                     {{"flows/train_flow.py",
                       "from metaflow import FlowSpec, step\nclass F(FlowSpec):\n    @step\n"
                       "    def start(self): ...\n\n@retry(stop=stop_after_attempt(3))\ndef fetch(u): ...\n"}}) == "-");
    CHECK(suggestion("mlops", "pipeline-failure-recovery",
                     {{"flows/test_flow.py",
                       "class F(FlowSpec):\n    @retry\n    @step\n    def start(self): ...\n"}}) == "-");
    CHECK(suggestion("mlops", "pipeline-failure-recovery",
                     {{"flows/train.py",
                       "@task(\n    retries=3,\n    retry_delay_seconds=30,\n)\ndef fit(): ...\n"}}) == "partial");

    // a notebook's fit must be a model's, and a commented-out save is none; Keras' save and a Trainer's count
    auto notebook = [](const std::string& cells) { return "{\"cells\": [{\"source\": [" + cells + "]}]}\n"; };
    CHECK(suggestion("mlops", "training-code-versioned",
                     {{"notebooks/features.ipynb",
                       notebook("\"scaler.fit(df)\\n\", \"joblib.dump(scaler, 'scaler.joblib')\\n\"")}}) == "-");
    CHECK(suggestion("mlops", "training-code-versioned",
                     {{"notebooks/model.ipynb",
                       notebook("\"clf.fit(X, y)\\n\", \"# joblib.dump(clf, 'rf.joblib')\\n\"")}}) == "-");
    CHECK(suggestion("mlops", "training-code-versioned",
                     {{"notebooks/model.ipynb",
                       notebook("\"model.fit(x, y)\\n\", \"model.save('model.keras')\\n\"")}}) == "partial");
    CHECK(suggestion("mlops", "training-code-versioned",
                     {{"notebooks/bert.ipynb",
                       notebook("\"trainer.train()\\n\", \"trainer.save_model('bert')\\n\"")}}) == "partial");

    // MLflow's registration in a run: arguments nested two deep, and autolog's; a project's own log_model is not
    CHECK(suggestion("mlops", "model-provenance",
                     {{"src/train.py",
                       "mlflow.sklearn.log_model(\n    model,\n    'model',\n"
                       "    signature=infer_signature(X, model.predict(X)),\n"
                       "    registered_model_name='churn-model',\n)\n"}}) == "partial");
    CHECK(suggestion("mlops", "model-provenance",
                     {{"src/train.py", "mlflow.sklearn.autolog(registered_model_name='churn-model')\n"}}) == "partial");
    CHECK(suggestion("mlops", "model-provenance",
                     {{"src/model.py",
                       "from mlflow.pyfunc import log_model\n"
                       "info = log_model(python_model=self, registered_model_name=self.id())\n"}}) == "partial");
    CHECK(suggestion("mlops", "model-provenance",
                     {{"src/tracking.py",
                       "def log_model(model, registered_model_name='churn-model'):\n"
                       "    joblib.dump(model, 'm.pkl')\n"}}) == "-");
    CHECK(suggestion("mlops", "model-provenance",
                     {{"tests/test_train.py", "mlflow.sklearn.log_model(m, 'model', registered_model_name='m')\n"}}) ==
          "-");

    // a linter and a formatter check in their other spellings
    auto workflow = [](const std::string& steps) { return github_workflow("pull_request", "lint", steps); };
    CHECK(suggestion("mlops", "lint-precommit",
                     {{".github/workflows/l.yml",
                       workflow("      - run: ruff check .\n      - run: black . --check\n")}}) == "yes");
    CHECK(suggestion("mlops", "lint-precommit",
                     {{".github/workflows/l.yml",
                       workflow("      - run: ruff check .\n      - run: ruff format --diff .\n")}}) == "yes");
    CHECK(suggestion("mlops", "lint-precommit",
                     {{".github/workflows/l.yml", workflow("      - uses: astral-sh/ruff-action@v3\n"
                                                           "      - uses: astral-sh/ruff-action@v3\n"
                                                           "        with:\n          args: \"format --check\"\n")}}) ==
          "yes");
    CHECK(suggestion("mlops", "lint-precommit",
                     {{".github/workflows/l.yml", workflow("      - uses: astral-sh/ruff-action@v3\n")}}) == "partial");
}

TEST_CASE("training rules, round 7: data sources, downloads, scripts under any name, provenance, model formats") {
    // a data README in any case and extension, when it says where the data comes from
    CHECK(suggestion("mlops", "data-sources-documented",
                     {{"data/Readme.txt", "Bike sharing data, obtained from the UCI repository.\n"}}) == "partial");
    CHECK(suggestion("mlops", "data-sources-documented",
                     {{"data/readme.md", "Files here are written by make data.\n"}}) == "-");
    // a README section headed for the data's sources, or a data section whose prose says where it comes from
    CHECK(suggestion("mlops", "data-sources-documented",
                     {{"README.md",
                       "# Project\n\n## Data Sources\n\n| Feed | Frequency |\n|---|---|\n| counters | hourly |\n"}}) ==
          "partial");
    CHECK(suggestion(
              "mlops", "data-sources-documented",
              {{"README.md", "# Project\n\n# 📦 Dataset\n\nThis project uses the Telco Customer Churn dataset.\n"}}) ==
          "partial");
    CHECK(suggestion("mlops", "data-sources-documented",
                     {{"README.md",
                       "# P\n\n## Data\n\nData comes from [UCI](https://archive.ics.uci.edu/ml/datasets/wine).\n"}}) ==
          "partial");
    // a `# Data` comment in a shell block, followed by a command, is no section; nor is a data section about layout
    CHECK(suggestion(
              "mlops", "data-sources-documented",
              {{"README.md",
                "```bash\n# Data\nexport DATASET_LOC=\"https://example.com/data.csv\"\npytest tests/data\n```\n"}}) ==
          "-");
    CHECK(suggestion("mlops", "data-sources-documented", {{"README.md", "## Data\n\nPut files in data/raw.\n"}}) ==
          "-");

    // a data API's or competition site's download call is data pulled by code; in a test or tutorial it is not
    CHECK(suggestion("mlops", "data-from-code",
                     {{"jobs/data_download.py",
                       "import yfinance as yf\ndf = yf.download('WIPRO.NS', period='1y')\n"}}) == "yes");
    CHECK(suggestion("mlops", "data-from-code",
                     {{"feature/raw.py",
                       "import os\nos.system(f'kaggle competitions download -c {PID} -p {RAW}')\n"}}) == "yes");
    CHECK(suggestion("mlops", "data-from-code", {{"tests/test_data.py", "df = yf.download('X')\n"}}) == "-");
    CHECK(suggestion("mlops", "data-from-code", {{"tutorials/t.py", "df = yf.download('X')\n"}}) == "-");
    CHECK(suggestion("mlops", "data-from-code", {{"src/d.py", "# df = yf.download('X')\n"}}) == "-");

    // a script that loads data, fits and saves a model is training from a command, whatever its name
    const char* kCreateModels =
        "import joblib\nfrom sklearn import datasets\niris = datasets.load_iris()\n"
        "model = RandomForestClassifier()\nmodel.fit(iris.data, iris.target)\n"
        "joblib.dump(model, 'model.pkl')\n";
    CHECK(suggestion("mlops", "training-scripted", {{"create_models.py", kCreateModels}}) == "yes");
    CHECK(suggestion("mlops", "training-code-versioned", {{"create_models.py", kCreateModels}}) == "partial");
    // without the fit it is a conversion; in a notebook folder or a test it is not the team's command
    CHECK(suggestion("mlops", "training-scripted",
                     {{"convert.py", "import joblib\ndf = pd.read_csv('x.csv')\njoblib.dump(df, 'x.pkl')\n"}}) == "-");
    CHECK(suggestion("mlops", "training-scripted", {{"notebooks/scratch.py", kCreateModels}}) == "-");
    CHECK(suggestion("mlops", "training-code-versioned", {{"tests/helpers.py", kCreateModels}}) == "-");

    // a registry version created from its run links model to run (partial: the commit is the other link)
    CHECK(suggestion("mlops", "model-provenance",
                     {{"src/ml/training.py",
                       "version = client.create_model_version(\n    name=model_name,\n"
                       "    source=info.model_uri,\n    run_id=mlflow.active_run().info.run_id,\n)\n"}}) == "partial");
    CHECK(suggestion("mlops", "model-provenance",
                     {{"src/register.py", "mlflow.register_model(f\"runs:/{run.info.run_id}/model\", \"churn\")\n"}}) ==
          "partial");
    CHECK(suggestion("mlops", "model-provenance",
                     {{"src/register.py", "mlflow.register_model(model_uri, \"churn\")\nprint(run_id)\n"}}) == "-");

    // a framework's native weight format is safe; beside a pickle in the same code it is partial. A torch
    // state_dict is written with pickle: partial, unless it is loaded with weights_only=True
    CHECK(suggestion("mlops", "safe-model-format",
                     {{"madewithml/models.py", "torch.save(self.state_dict(), os.path.join(dp, 'model.pt'))\n"}}) ==
          "partial");
    CHECK(suggestion("mlops", "safe-model-format",
                     {{"serve/load.py", "model.load_state_dict(torch.load(path, weights_only=True))\n"}}) == "yes");
    CHECK(suggestion("mlops", "safe-model-format", {{"serve/load.py", "model.load_state_dict(torch.load(path))\n"}}) ==
          "-");
    CHECK(suggestion("mlops", "safe-model-format",
                     {{"jobs/train.py",
                       "import pickle\npickle.dump(scaler, open('scaler.pkl', 'wb'))\n"
                       "torch.save(model.state_dict(), model_file)\n"}}) == "partial");
    CHECK(suggestion("mlops", "safe-model-format",
                     {{"src/main/java/com/example/processors/Score.java",
                       "this.booster = XGBoost.loadModel(modelPath);\n"}}) == "yes");
    CHECK(suggestion("mlops", "safe-model-format", {{"train.py", "booster.save_model('model.json')\n"}}) == "yes");
    CHECK(suggestion("mlops", "safe-model-format", {{"train.py", "joblib.dump(model, 'model.joblib')\n"}}) == "-");
    CHECK(suggestion("mlops", "safe-model-format",
                     {{"examples/train.py", "torch.save(model.state_dict(), 'm.pt')\n"}}) == "-");
}

TEST_CASE("training rules, round 8: Airflow default_args, nested autolog, production comparisons, data READMEs") {
    // default_args written as a dict literal
    const char* kDag =
        "default_args = {\n    \"owner\": \"me\",\n    \"email_on_failure\": True,\n    \"retries\": 3,\n}\n";
    CHECK(suggestion("mlops", "pipeline-failure-recovery", {{"dags/train_model.py", kDag}}) == "partial");
    CHECK(suggestion("mlops", "job-failure-alerts", {{"dags/train_model.py", kDag}}) == "partial");
    CHECK(suggestion("mlops", "pipeline-failure-recovery",
                     {{"dags/jobs/train_model.py", "default_args = {'retries': 2}\n"}}) == "partial");
    CHECK(suggestion("mlops", "pipeline-failure-recovery",
                     {{"dags/train_model.py", "default_args = {\"retries\": 0}\n"}}) == "-");
    CHECK(suggestion("mlops", "job-failure-alerts",
                     {{"dags/train_model.py", "default_args = {\"email_on_failure\": False}\n"}}) == "-");

    // a flavour's autolog (mlflow.pyspark.ml.autolog) with a registered model keeps metrics per version
    CHECK(suggestion("mlops", "eval-metrics-history",
                     {{"dags/tasks/train.py",
                       "mlflow.pyspark.ml.autolog()\nmlflow.spark.log_model(m, 'r', registered_model_name=name)\n"}}) ==
          "yes");

    // ... and so does a flavour's autolog in training that CI, a pipeline's Trainer step or a submitted job runs
    const char* kAutolog = "mlflow.pyspark.ml.autolog()\nmodel = pipeline.fit(df)\n";
    CHECK(suggestion("mlops", "eval-metrics-history",
                     {{"src/train.py", kAutolog},
                      {".gitlab-ci.yml", "train:\n  script:\n    - python src/train.py\n"}}) == "yes");
    CHECK(suggestion("mlops", "eval-metrics-history",
                     {{"src/train.py", kAutolog},
                      {"pipeline/run.py", "step = Trainer(module_file='src/train.py')\n"}}) == "yes");
    CHECK(suggestion("mlops", "eval-metrics-history",
                     {{"src/train.py", kAutolog},
                      {".gitlab-ci.yml", "train:\n  script:\n    - gcloud ai custom-jobs create --config job.yaml\n"},
                      {"scripts/job.sh", "python src/train.py\n"}}) == "yes");

    // the candidate compared with the production model before a version is promoted
    const char* kPromote =
        "prod = mlflow.spark.load_model(f\"models:/{name}/production\")\nif score(new) > score(prod):\n"
        "    client.transition_model_version_stage(name=name, version=v, stage=\"Production\")\n";
    CHECK(suggestion("mlops", "model-validation-gate", {{"dags/tasks/train_model.py", kPromote}}) == "yes");
    CHECK(suggestion("mlops", "model-validation-gate",
                     {{"src/promote.py", "client.set_registered_model_alias(name, 'champion', v)\n"}}) == "-");
    CHECK(suggestion("mlops", "model-validation-gate", {{"tests/test_promote.py", kPromote}}) == "-");
    // the tutorial's order (register, promote, then load what was promoted) compares nothing; a champion alias
    // read as `models:/name@champion` before a comparison and a promotion is a gate
    CHECK(
        suggestion("mlops", "model-validation-gate",
                   {{"src/register.py",
                     "mv = mlflow.register_model(f\"runs:/{run_id}/model\", \"churn\")\n"
                     "client.transition_model_version_stage(name=\"churn\", version=mv.version, stage=\"Production\")\n"
                     "model = mlflow.pyfunc.load_model(\"models:/churn/Production\")\n"}}) == "-");
    CHECK(suggestion("mlops", "model-validation-gate",
                     {{"src/promote.py",
                       "champ = mlflow.pyfunc.load_model(\"models:/churn@champion\")\n"
                       "if f1(candidate) > f1(champ):\n"
                       "    client.set_registered_model_alias(\"churn\", \"champion\", v)\n"}}) == "yes");

    // more native formats: Keras .h5, MLflow's Spark and XGBoost flavours
    CHECK(suggestion("mlops", "safe-model-format",
                     {{"model.py", "model = tf.keras.models.load_model('model.h5')\n"}}) == "yes");
    CHECK(suggestion("mlops", "safe-model-format", {{"train.py", "mlflow.spark.log_model(model, 'regression')\n"}}) ==
          "yes");
    CHECK(suggestion("mlops", "safe-model-format", {{"train.py", "mlflow.sklearn.log_model(model, 'regression')\n"}}) ==
          "-");
    CHECK(suggestion(
              "mlops", "safe-model-format",
              {{"model.py", "import joblib\nzones = joblib.load('zones.pkl')\nmodel = load_model('model.h5')\n"}}) ==
          "partial");

    // a data README under datasets/ as under data/
    CHECK(suggestion("mlops", "data-sources-documented",
                     {{"datasets/readme.md", "The data was collected from the PredictSalary site.\n"}}) == "partial");
}

TEST_CASE("training rules: review of rounds 7 and 8 (each a case the first version got wrong)") {
    // a message telling a person to run the download is no download; the Kaggle API's call and a notebook's
    // shell command are
    CHECK(suggestion(
              "mlops", "data-from-code",
              {{"src/data.py",
                "raise FileNotFoundError(\"Download the data first: kaggle competitions download -c titanic\")\n"}}) ==
          "-");
    CHECK(suggestion(
              "mlops", "data-from-code",
              {{"src/data.py",
                "api = KaggleApi()\napi.authenticate()\napi.competition_download_files('titanic', path='data')\n"}}) ==
          "yes");
    CHECK(suggestion("mlops", "data-from-code",
                     {{"notebooks/get.ipynb",
                       "{\"cells\": [{\"source\": [\n\"!kaggle competitions download -c titanic\\n\"]}]}\n"}}) ==
          "yes");

    // fitting an encoder and saving it is feature preparation, not training
    CHECK(suggestion("mlops", "training-scripted",
                     {{"src/features/build_features.py",
                       "df = pd.read_csv('raw.csv')\nenc = OneHotEncoder()\nenc.fit(df[cols])\njoblib.dump(enc, "
                       "'enc.pkl')\n"}}) == "-");
    CHECK(suggestion("mlops", "training-code-versioned",
                     {{"src/features/build_features.py",
                       "df = pd.read_csv('raw.csv')\nenc = OneHotEncoder()\nenc.fit(df[cols])\njoblib.dump(enc, "
                       "'enc.pkl')\n"}}) == "-");
    // a training script with a commented-out read above its real one (a multi-line match starting in a comment
    // is retried on the next line)
    CHECK(suggestion(
              "mlops", "training-scripted",
              {{"src/fit_model.py",
                "# previously: df = pd.read_csv('old.csv')\ndf = pd.read_csv('new.csv')\n"
                "model = RandomForestClassifier()\nmodel.fit(df[X], df[y])\njoblib.dump(model, 'model.pkl')\n"}}) ==
          "yes");

    // a project's own register_model function is no registry call
    CHECK(suggestion("mlops", "model-provenance",
                     {{"src/registry.py",
                       "def register_model(model_path, name, run_id=None):\n    shutil.copy(model_path, name)\n"}}) ==
          "-");

    // a pyfunc model is cloudpickled whatever files ride along; file names are the save call's own argument
    CHECK(suggestion(
              "mlops", "safe-model-format",
              {{"src/log.py",
                "mlflow.pyfunc.save_model('model', artifacts={'config': 'config.json'}, python_model=Wrapper())\n"}}) ==
          "-");
    CHECK(suggestion("mlops", "safe-model-format", {{"src/train.py", "booster.save_model('models/model.txt')\n"}}) ==
          "yes");
    CHECK(suggestion("mlops", "safe-model-format", {{"src/train.py", "model.save_model('model.cbm')\n"}}) == "yes");
    CHECK(suggestion("mlops", "safe-model-format", {{"src/train.py", "model.save_pretrained('out')\n"}}) == "yes");
    CHECK(suggestion("mlops", "safe-model-format",
                     {{"src/train.py", "model.save_pretrained('out', safe_serialization=False)\n"}}) == "partial");

    // data READMEs: a "Data" section about tooling, or a code package's README, says nothing about sources
    CHECK(suggestion(
              "mlops", "data-sources-documented",
              {{"README.md", "## Data\n\nThe pipeline uses pandas to clean the raw CSV files in data/raw.\n"}}) == "-");
    CHECK(suggestion("mlops", "data-sources-documented",
                     {{"README.md", "```bash\n# data\npython scripts/prepare.py --source data/raw\n```\n"}}) == "-");
    CHECK(suggestion("mlops", "data-sources-documented",
                     {{"src/datasets/README.md", "Loaders; see the source of base.py.\n"}}) == "-");
}

TEST_CASE("training rules: MLflow dataset inputs and Dagster assets record part of the lineage") {
    const char* logs_input =
        "import mlflow\n\nwith mlflow.start_run():\n"
        "    mlflow.log_input(mlflow.data.from_pandas(df, source=path), context='training')\n";
    CHECK(suggestion("mlops", "data-lineage", {{"src/jobs/training.py", logs_input}}) == "partial");
    CHECK(suggestion("mlops", "data-versioning", {{"src/jobs/training.py", logs_input}}) == "partial");
    // in a test, or commented out, it records nothing of the team's runs
    CHECK(suggestion("mlops", "data-lineage", {{"tests/test_training.py", logs_input}}) == "-");
    CHECK(suggestion("mlops", "data-versioning", {{"src/train.py", "# mlflow.log_input(ds)\n"}}) == "-");
    const char* assets =
        "from dagster import asset\n\n@asset\ndef features(raw_forecasts):\n    return build(raw_forecasts)\n";
    CHECK(suggestion("mlops", "data-lineage", {{"src/assets/features.py", assets}}) == "partial");
    // an `@asset` decorator of some other framework is no Dagster asset graph
    CHECK(suggestion("mlops", "data-lineage",
                     {{"src/assets/features.py",
                       "from myframework import asset\n\n@asset\ndef features():\n    pass\n"}}) == "-");
}

TEST_CASE("training rules: feature transforms saved inside the scikit-learn Pipeline are shared with serving") {
    const char* pipeline =
        "from sklearn.pipeline import Pipeline\nfrom sklearn.impute import IterativeImputer\n\n"
        "pipe = Pipeline(steps=[('imputer', IterativeImputer()), ('xgb', XGBClassifier())])\n";
    const char* save = "import joblib\n\njoblib.dump(pipe, 'model.joblib')\n";
    CHECK(suggestion("mlops", "feature-consistency", {{"pkg/pipeline.py", pipeline}, {"pkg/train.py", save}}) == "yes");
    const char* columns =
        "from sklearn import compose, pipeline\n\nt = compose.ColumnTransformer([('num', s, cols)])\n"
        "self._pipeline = pipeline.Pipeline(steps=[('t', t), ('m', m)])\n";
    CHECK(suggestion("mlops", "feature-consistency",
                     {{"src/models.py", columns},
                      {"src/registries.py", "mlflow.pyfunc.log_model(python_model=m)\n"}}) == "yes");
    // a pipeline that is never saved, a Pipeline class that is not scikit-learn's, a classifier alone: no
    CHECK(suggestion("mlops", "feature-consistency", {{"pkg/pipeline.py", pipeline}}) == "-");
    CHECK(suggestion("mlops", "feature-consistency",
                     {{"ml/build.py",
                       "from azureml.pipeline.core import Pipeline\np = Pipeline(ws, steps=[StandardScaler()])\n"},
                      {"pkg/train.py", save}}) == "-");
    CHECK(suggestion("mlops", "feature-consistency",
                     {{"train.py",
                       "from sklearn.pipeline import Pipeline\np = Pipeline([('clf', RandomForestClassifier())])\n"},
                      {"pkg/train.py", save}}) == "-");
    CHECK(suggestion("mlops", "feature-consistency", {{"tests/test_pipe.py", pipeline}, {"pkg/train.py", save}}) ==
          "-");
}

TEST_CASE("training rules: a helper that fixes every seed, called from any job, sets seeds on purpose") {
    CHECK(suggestion("mlops", "reproducible-training",
                     {{"run_gbdt.py",
                       "from util.seeder import seed_everything\n\nseed_everything(c.runtime.random_seed)\n"}}) ==
          "partial");
    CHECK(suggestion("mlops", "reproducible-training", {{"src/fit.py", "pl.seed_everything(42, workers=True)\n"}}) ==
          "partial");
    // a definition that nothing calls, a call in a test, and a call with no seed fix nothing
    CHECK(suggestion("mlops", "reproducible-training",
                     {{"util/seeder.py", "def seed_everything(seed=42):\n    pass\n"}}) == "-");
    CHECK(suggestion("mlops", "reproducible-training", {{"tests/test_fit.py", "seed_everything(0)\n"}}) == "-");
    CHECK(suggestion("mlops", "reproducible-training", {{"src/fit.py", "seed_everything()\n"}}) == "-");
}

TEST_CASE("training rules: a web scraper the project runs collects its data by code") {
    CHECK(suggestion("mlops", "data-from-code",
                     {{"scraper/spiders/morizon.py",
                       "import scrapy\n\nclass MorizonSpider(scrapy.Spider):\n    name = 'm'\n"}}) == "yes");
    CHECK(suggestion("mlops", "data-from-code",
                     {{"scraper/spiders/site.py",
                       "from scrapy.spiders import CrawlSpider\n\nclass Site(CrawlSpider):\n    pass\n"}}) == "yes");
    // a spider in a test, or a class of that name that is not a scraper's base
    CHECK(suggestion("mlops", "data-from-code",
                     {{"tests/test_spider.py", "class FakeSpider(scrapy.Spider):\n    pass\n"}}) == "-");
    CHECK(suggestion("mlops", "data-from-code", {{"src/model.py", "class Net(SpiderNet):\n    pass\n"}}) == "-");
}

TEST_CASE("training rules: review of round 11 (each a case the first version got wrong)") {
    // a pipeline that is never saved, beside a dump of something else: serving may have its own copy
    CHECK(suggestion("mlops", "feature-consistency",
                     {{"src/baseline.py",
                       "from sklearn.pipeline import make_pipeline\n"
                       "pipe = make_pipeline(TfidfVectorizer(), LogisticRegression())\n"},
                      {"src/train.py", "pickle.dump(vocab, f)\n"}}) == "-");
    // scikit-learn's own documented form: joblib's dump imported by name
    CHECK(suggestion("mlops", "feature-consistency",
                     {{"src/train.py",
                       "from sklearn.pipeline import make_pipeline\nfrom joblib import dump\n"
                       "pipe = make_pipeline(TfidfVectorizer(), LogisticRegression())\ndump(pipe, 'm.joblib')\n"}}) ==
          "yes");
    CHECK(suggestion("mlops", "feature-consistency",
                     {{"examples/sklearn/quickstart.py",
                       "from sklearn.pipeline import Pipeline\n"
                       "p = Pipeline([('s', StandardScaler()), ('m', SVC())])\njoblib.dump(p, 'm')\n"}}) == "-");
    // documentation and examples are not the team's runs
    CHECK(suggestion("mlops", "data-lineage",
                     {{"docs/snippets/track.py", "mlflow.log_input(dataset, context='training')\n"}}) == "-");
    CHECK(suggestion("mlops", "data-versioning", {{"examples/mlflow/example.py", "mlflow.log_input(dataset)\n"}}) ==
          "-");
    CHECK(suggestion("mlops", "data-lineage",
                     {{"docs/tutorial/assets.py", "from dagster import asset\n\n@asset\ndef hello():\n    pass\n"}}) ==
          "-");
    // Dagster's current import style
    CHECK(suggestion("mlops", "data-lineage",
                     {{"pipeline/assets.py", "import dagster as dg\n\n@dg.asset\ndef raw_orders():\n    pass\n"}}) ==
          "partial");
    // a project's own seed helper called through its module, and Lightning's full path
    CHECK(suggestion("mlops", "reproducible-training", {{"src/fit.py", "utils.seed_everything(args.seed)\n"}}) ==
          "partial");
    CHECK(suggestion("mlops", "reproducible-training", {{"src/fit.py", "lightning.pytorch.seed_everything(42)\n"}}) ==
          "partial");
}

TEST_CASE("training rules: a job handed to a shared cluster's scheduler runs on managed compute") {
    CHECK(suggestion("mlops", "managed-compute",
                     {{"scripts/beaker/launch.sh",
                       "gantry run \\\n  --cluster ai2/jupiter \\\n  -- torchrun scripts/train.py\n"}}) == "yes");
    CHECK(suggestion("mlops", "managed-compute", {{"slurm/train.sh", "sbatch --gres=gpu:4 jobs/train.slurm\n"}}) ==
          "yes");
    CHECK(
        suggestion(
            "mlops", "managed-compute",
            {{"docker/start.sh",
              "\"${SPARK_HOME}\"/bin/spark-submit \\\n        --master spark://leader:7077 \\\n        main.py\n"}}) ==
        "yes");
    CHECK(suggestion("mlops", "managed-compute",
                     {{"run.sh", "spark-submit --master=yarn --deploy-mode cluster train.py\n"}}) == "yes");
    CHECK(suggestion("mlops", "managed-compute",
                     {{"dags/train.py", "train = DatabricksSubmitRunOperator(task_id='train', json=spec)\n"}}) ==
          "yes");
    CHECK(suggestion("mlops", "managed-compute",
                     {{"flows/train_flow.py",
                       "from metaflow import FlowSpec, step, batch\n\nclass Train(FlowSpec):\n"
                       "    @batch(cpu=4)\n    @step\n    def start(self):\n        pass\n"}}) == "yes");
    // a local Spark master, a commented-out submission, an example's launcher and a Metaflow flow that runs locally
    CHECK(suggestion("mlops", "managed-compute", {{"run.sh", "spark-submit --master local[4] train.py\n"}}) == "-");
    CHECK(suggestion("mlops", "managed-compute",
                     {{"run.sh", "# gantry run --cluster ai2/jupiter -- python train.py\n"}}) == "-");
    CHECK(suggestion("mlops", "managed-compute", {{"examples/beaker/launch.sh", "gantry run -- python train.py\n"}}) ==
          "-");
    CHECK(suggestion("mlops", "managed-compute",
                     {{"flows/train_flow.py", "from metaflow import FlowSpec, step\n\nclass Train(FlowSpec):\n"}}) ==
          "-");
    CHECK(suggestion("mlops", "managed-compute",
                     {{"tests/test_dags.py", "DatabricksSubmitRunOperator(task_id='t', json={})\n"}}) == "-");
}

TEST_CASE("training rules: a Spark ML grid, scikit-optimize or Keras Tuner is a hyperparameter search") {
    CHECK(suggestion("mlops", "hyperparameter-search",
                     {{"train_models.py",
                       "from pyspark.ml.tuning import ParamGridBuilder, CrossValidator\n"
                       "grid = ParamGridBuilder().addGrid(als.rank, [8, 12]).build()\n"
                       "cv = CrossValidator(estimator=als, estimatorParamMaps=grid)\n"}}) == "yes");
    CHECK(suggestion("mlops", "hyperparameter-search", {{"tune.py", "from skopt import BayesSearchCV\n"}}) == "yes");
    CHECK(suggestion("mlops", "hyperparameter-search", {{"tune.py", "import keras_tuner as kt\n"}}) == "yes");
    // the import alone from pyspark, a commented-out grid and a test's grid are no search
    CHECK(suggestion("mlops", "hyperparameter-search",
                     {{"train.py", "from pyspark.ml.tuning import ParamGridBuilder\n"}}) == "-");
    CHECK(suggestion("mlops", "hyperparameter-search", {{"train.py", "# grid = ParamGridBuilder().build()\n"}}) == "-");
    CHECK(suggestion("mlops", "hyperparameter-search",
                     {{"tests/test_train.py", "cv = CrossValidator(estimator=m, estimatorParamMaps=g)\n"}}) == "-");
}

TEST_CASE("training rules (held-out 9): a path under training/ is no training script") {
    // `\btrain...\.py` read `training/tests/integration/test_benchmark.py` as a training script run by CI
    const char* tests =
        "on: push\njobs:\n  t:\n    steps:\n"
        "      - run: srun python -m pytest training/tests/integration/test_benchmark.py\n";
    CHECK(suggestion("mlops", "orchestrated-pipeline", {{".github/workflows/hpc.yml", tests}}) == "-");
    const char* train = "on: push\njobs:\n  t:\n    steps:\n      - run: python training/train_model.py\n";
    CHECK(suggestion("mlops", "orchestrated-pipeline", {{".github/workflows/train.yml", train}}) != "-");
}

TEST_CASE("training rules, round 21: a README that links the training data names its source") {
    CHECK(suggestion("mlops", "data-sources-documented",
                     {{"README.md",
                       "A REST service for a model trained on the [UCI Wine Quality "
                       "dataset](https://archive.ics.uci.edu/x).\n"}}) == "partial");
    CHECK(suggestion("mlops", "data-sources-documented",
                     {{"README.md",
                       "# Houses\n\n## [Dataset used](https://www.kaggle.com/amitabhajoy/bengaluru)\n"}}) == "partial");
    CHECK(suggestion("mlops", "data-sources-documented",
                     {{"README.md", "# Fraud\n\nhttps://www.kaggle.com/c/ieee-fraud-detection\n"}}) == "partial");
    CHECK(suggestion(
              "mlops", "data-sources-documented",
              {{"README.md", "## Settings\n\n#### These control the data sources\n\n- `NWP_PATH`: the NWP zarr\n"}}) ==
          "partial");
    // a link to anything else, a model trained on a link that is not data, or data mentioned in passing is not
    CHECK(suggestion("mlops", "data-sources-documented",
                     {{"README.md",
                       "Trained on the [cluster](https://example.org/gpu). See https://www.kaggle.com/learn.\n"}}) ==
          "-");
    CHECK(suggestion("mlops", "data-sources-documented",
                     {{"README.md", "## Installation\n\nThe data is cleaned by `make data`.\n"}}) == "-");
    // only the repository's README: a vendored package's README names its own data
    CHECK(suggestion("mlops", "data-sources-documented",
                     {{"docs/README.md", "Trained on the [Wine dataset](https://archive.ics.uci.edu/x).\n"}}) == "-");
}

TEST_CASE("training rules, round 21: R's and Ruby's lock files, and versioned Rocker images, pin the environment") {
    CHECK(suggestion("mlops", "pinned-environment", {{"renv.lock", "{\n  \"R\": {\"Version\": \"4.4.1\"}\n}\n"}}) ==
          "yes");
    const char* gems = "GEM\n  remote: https://rubygems.org/\n  specs:\n    rails (8.0.2)\n";
    CHECK(suggestion("mlops", "pinned-environment", {{"Gemfile.lock", gems}}) == "yes");
    // a documentation site's lock file pins its generator, not the system
    CHECK(suggestion("mlops", "pinned-environment", {{"docs/Gemfile.lock", gems}}) == "-");
    CHECK(suggestion("mlops", "pinned-environment",
                     {{"Gemfile.lock", "GEM\n  remote: https://rubygems.org/\n  specs:\n    jekyll (4.3.2)\n"}}) ==
          "-");
    CHECK(suggestion("mlops", "pinned-environment",
                     {{"Gemfile.lock", "GEM\n  remote: https://rubygems.org/\n  specs:\n    github-pages (228)\n"}}) ==
          "-");
    // a Rocker image tagged with its full R version installs from a dated CRAN snapshot only once that version is
    // superseded (and `repos=` bypasses it): partial; `latest` moves
    CHECK(suggestion("mlops", "pinned-environment",
                     {{"Dockerfile", "FROM docker.io/rocker/r-ver:4.4.1\nCMD [\"bash\"]\n"}}) == "partial");
    CHECK(suggestion("mlops", "pinned-environment", {{"Dockerfile", "FROM rocker/r-ver:latest\n"}}) == "-");
    CHECK(suggestion("mlops", "pinned-environment", {{"Dockerfile", "FROM rocker/r-ver:4\n"}}) == "-");
    CHECK(suggestion("mlops", "pinned-environment", {{".devcontainer/Dockerfile", "FROM rocker/r-ver:4.4.1\n"}}) ==
          "-");
}

TEST_CASE("training rules, round 21: a SQL file pulls data only when it queries") {
    CHECK(suggestion("mlops", "data-from-code",
                     {{"sql/training_set.sql", "SELECT a, b\nFROM events\nWHERE day > '2024-01-01';\n"}}) == "partial");
    // an init script that creates databases, or a migration that creates tables, pulls nothing
    CHECK(suggestion("mlops", "data-from-code",
                     {{"infra/init.sql", "CREATE DATABASE zenml;\nCREATE DATABASE mlflow;\n"}}) == "-");
    CHECK(suggestion("mlops", "data-from-code",
                     {{"db/schema.sql",
                       "CREATE TABLE runs (id INT);\nGRANT ALL ON runs TO app;\n-- SELECT * FROM runs;\n"}}) == "-");
    // a query in a SQL comment pulls nothing, in a file no path rule leaves out
    CHECK(suggestion("mlops", "data-from-code",
                     {{"sql/notes.sql", "-- SELECT * FROM runs;\nCREATE TABLE runs (id INT);\n"}}) == "-");
    CHECK(suggestion("mlops", "data-from-code", {{"sql/notes.sql", "SELECT * FROM runs;\n"}}) == "partial");
}

TEST_CASE("training rules, round 21: an orchestrator's training step, ZenML's model stages and remote stacks") {
    // a step that trains, declared to ZenML, Prefect, Dagster or Kubeflow: the pipeline runs committed code
    for (const char* step : {"@step\ndef train_model(data):\n    return fit(data)\n",
                             "@task(retries=2)\n# the nightly fit\nasync def fit(df):\n    pass\n",
                             "@asset\ndef finetune_unet(chips):\n    pass\n",
                             "@dsl.component(base_image='python:3.11')\ndef train(epochs: int):\n    pass\n"}) {
        CAPTURE(step);
        CHECK(suggestion("mlops", "training-code-versioned", {{"models/unet/pipeline.py", step}}) == "yes");
    }
    // a step that loads a model trained elsewhere, one that prepares training data, or a plain function
    for (const char* other : {"@asset\ndef trained_model(context):\n    return load()\n",
                              "@asset\ndef training_data(context):\n    return read()\n",
                              "def train_model(data):\n    return fit(data)\n"}) {
        CAPTURE(other);
        CHECK(suggestion("mlops", "training-code-versioned", {{"dags/assets.py", other}}) == "-");
    }
    // a test's or an example's step is not the team's pipeline
    CHECK(suggestion("mlops", "training-code-versioned",
                     {{"examples/zenml/run.py", "@step\ndef train(d):\n    pass\n"}}) == "-");

    const char* promote =
        "from zenml.enums import ModelStages\nmv = client.get_model_version(name, v)\n"
        "mv.set_stage(ModelStages.PRODUCTION, force=True)\n";
    CHECK(suggestion("mlops", "model-registry", {{"fair/zenml/promotion.py", promote}}) == "yes");
    CHECK(suggestion("mlops", "model-registry", {{"tests/test_promotion.py", promote}}) == "-");
    CHECK(suggestion(
              "mlops", "model-registry",
              {{"fair/zenml/promotion.py", "# mv.set_stage(ModelStages.PRODUCTION)\nlog.info('set_stage')\n"}}) == "-");

    const char* stack =
        "stack_name: dok8s\ncomponents:\n  orchestrator:\n    name: doks\n    flavor: kubernetes\n"
        "    type: orchestrator\n";
    CHECK(suggestion("mlops", "managed-compute", {{"stacks/dok8s.yaml", stack}}) == "yes");
    // the local orchestrator runs steps on the machine at hand
    CHECK(suggestion("mlops", "managed-compute",
                     {{"stacks/local.yaml", "components:\n  orchestrator:\n    name: default\n    flavor: local\n"}}) ==
          "-");
    CHECK(suggestion("mlops", "managed-compute", {{"docs/stacks/dok8s.yaml", stack}}) == "-");
}

TEST_CASE("training rules, round 21: R's queries pull data, and testthat blocks that fit test the training code") {
    CHECK(suggestion("mlops", "data-from-code",
                     {{"R/read_data.R",
                       "con <- DBI::dbConnect(duckdb::duckdb())\ndf <- DBI::dbGetQuery(con, query)\n"}}) == "yes");
    CHECK(suggestion("mlops", "data-from-code", {{"R/extract.R", "tb <- bq_project_query(project, sql)\n"}}) == "yes");
    // a commented-out query, or one in a test or a vignette, pulls nothing
    CHECK(suggestion("mlops", "data-from-code", {{"R/read_data.R", "# df <- DBI::dbGetQuery(con, query)\n"}}) == "-");
    CHECK(suggestion("mlops", "data-from-code", {{"tests/testthat/test-read.R", "df <- dbGetQuery(con, q)\n"}}) == "-");
    CHECK(suggestion("mlops", "data-from-code", {{"vignettes/intro.R", "df <- dbGetQuery(con, q)\n"}}) == "-");

    const char* fit_test =
        "test_that(\"Minimal model fit all params runs\", {\n  expect_s3_class(fit, \"epinow\")\n})\n";
    const char* ci = "on: [pull_request]\njobs:\n  t:\n    steps:\n      - run: Rscript -e 'devtools::test()'\n";
    CHECK(suggestion("mlops", "training-code-tested",
                     {{"tests/testthat/test-fit_model.R", fit_test}, {".github/workflows/ci.yml", ci}}) == "yes");
    CHECK(suggestion("mlops", "training-code-tested", {{"tests/testthat/test-fit_model.R", fit_test}}) == "partial");
    // a test about reading data or writing outputs tests no training
    CHECK(suggestion("mlops", "training-code-tested",
                     {{"tests/testthat/test-read_data.R", "test_that(\"Data is read\", {\n  expect_true(TRUE)\n})\n"},
                      {".github/workflows/ci.yml", ci}}) == "-");
}

TEST_CASE("training rules, round 21: a cloud batch service is shared compute, in part") {
    for (const char* call :
         {"client = ContainerAppsAPIClient(credential, sub)\nclient.jobs.begin_start(rg, job)\n",
          "mgmt = BatchManagementClient(credential, sub)\nmgmt.pool.create(rg, account, pool, params)\n",
          "batch = boto3.client('batch')\nbatch.submit_job(jobName='fit')\n"}) {
        CAPTURE(call);
        CHECK(suggestion("mlops", "managed-compute", {{"azure/run_job.py", call}}) == "partial");
    }
    CHECK(suggestion("mlops", "managed-compute",
                     {{"scripts/run.sh", "aws batch submit-job --job-name fit --job-queue q\n"}}) == "partial");
    // a commented-out call, a test's mock or a docs example runs nothing
    CHECK(suggestion("mlops", "managed-compute", {{"azure/run_job.py", "# client = ContainerAppsAPIClient(c, s)\n"}}) ==
          "-");
    CHECK(suggestion("mlops", "managed-compute", {{"tests/test_run.py", "batch = boto3.client('batch')\n"}}) == "-");
    CHECK(suggestion("mlops", "managed-compute", {{"docs/howto.sh", "aws batch submit-job --job-name x\n"}}) == "-");
}

TEST_CASE("training rules, round 21: a migration's SELECT and a housekeeping CronJob are not the ML system's") {
    const char* select = "INSERT INTO users_new SELECT id, name FROM users;\n";
    for (const char* path : {"alembic/old_state/optimigration.sql", "db/migrations/0003_users.sql",
                             "admin/sql/updates/2021-04-12-migrate-spotify-users.sql", "sql/V2__move_users.sql"}) {
        CAPTURE(path);
        CHECK(suggestion("mlops", "data-from-code", {{path, select}}) == "-");
    }
    CHECK(suggestion("mlops", "data-from-code", {{"sql/training_rows.sql", select}}) == "partial");

    CHECK(suggestion("mlops", "scheduled-job-from-code",
                     {{"helm/templates/kubejanitor/cron-job.yaml",
                       "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: kube-janitor\n"}}) == "-");
    CHECK(suggestion("mlops", "scheduled-job-from-code",
                     {{"k8s/db-backup.yaml", "kind: CronJob\nmetadata:\n  name: postgres-backup\n"}}) == "-");
    CHECK(suggestion("mlops", "scheduled-job-from-code",
                     {{"k8s/delay-prediction-cronjob.yml", "kind: CronJob\nmetadata:\n  name: delay-prediction\n"}}) ==
          "yes");
}

TEST_CASE("rules, round 21 review: what the adversarial review of the round found, each case its reproduction") {
    // lint: a job named `rubocop:` runs nothing; a RuboCop step that may fail is partial
    CHECK(suggestion("mlops", "lint-precommit",
                     {{".github/workflows/ci.yml",
                       "on:\n  pull_request:\njobs:\n  rubocop:\n    runs-on: ubuntu-latest\n"
                       "    steps:\n      - run: echo \"RuboCop disabled\"\n"}}) == "-");
    CHECK(suggestion("mlops", "lint-precommit",
                     {{".gitlab-ci.yml", "rubocop:\n  script:\n    - bundle exec rubocop\n  allow_failure: true\n"}}) ==
          "partial");
    CHECK(suggestion("mlops", "lint-precommit",
                     {{".gitlab-ci.yml", "rubocop:\n  script:\n    - bundle exec rubocop || true\n"}}) == "partial");
    CHECK(suggestion("mlops", "lint-precommit",
                     {{".github/workflows/r.yml",
                       "on: [pull_request]\njobs:\n  r:\n    steps:\n"
                       "      - run: bundle exec rubocop --format github\n        continue-on-error: true\n"}}) ==
          "partial");
    // GitLab's rules: form of a manual job; a manual publish job beside automatic tests vetoes nothing
    const char* tests = "def test_x():\n    assert 1\n";
    CHECK(suggestion("mlops", "unit-tests-ci",
                     {{".gitlab-ci.yml", "test:\n  script:\n    - pytest\n  rules:\n    - when: manual\n"},
                      {"tests/test_features.py", tests}}) == "partial");
    CHECK(suggestion("mlops", "unit-tests-ci",
                     {{".gitlab-ci.yml",
                       "test:\n  script:\n    - pytest\npublish:\n  script:\n    - nox -s publish\n  when: manual\n"},
                      {"tests/test_features.py", tests}}) == "yes");
    // orchestrator steps: splitting data or fitting a scaler is no training; ZenML's model_trainer and a decorator
    // written over several lines are
    CHECK(suggestion("mlops", "training-code-versioned",
                     {{"pipelines/steps.py",
                       "@asset\ndef train_test_split(raw):\n    pass\n\n@asset\ndef train_data(s):\n    pass\n"
                       "\n@task\ndef fit_scaler(df):\n    pass\n"}}) == "-");
    CHECK(suggestion("mlops", "training-code-versioned",
                     {{"steps/model_trainer.py",
                       "from zenml import step\n\n@step\ndef model_trainer(X, y):\n    pass\n"}}) == "yes");
    CHECK(suggestion("mlops", "training-code-versioned",
                     {{"steps/train.py",
                       "@step(\n    enable_cache=False,\n    settings={\"a\": dict(b=1)},\n)\ndef train_model(X, y):\n "
                       "   pass\n"}}) == "yes");
    // a training step under docker/ is not documentation
    CHECK(suggestion("mlops", "training-code-versioned",
                     {{"docker/pipeline/steps.py", "@step\ndef train_model(X, y):\n    pass\n"}}) == "yes");
    // ZenML stages by variable, in a file that uses ZenML; a stack whose orchestrator is local, whatever flavor a
    // later component has; an export whose configuration comes before the flavor
    CHECK(suggestion("mlops", "model-registry",
                     {{"steps/promote.py",
                       "from zenml import get_step_context\nmv.set_stage(stage=target_env, force=True)\n"}}) == "yes");
    CHECK(suggestion("mlops", "model-registry", {{"steps/promote.py", "mv.set_stage(\"production\")\n"}}) == "-");
    CHECK(suggestion("mlops", "managed-compute",
                     {{"stacks/dev.yaml",
                       "components:\n  orchestrator:\n    flavor: local\n    name: default\n"
                       "  model_deployer:\n    flavor: databricks\n"}}) == "-");
    CHECK(suggestion("mlops", "managed-compute",
                     {{"stacks/k8s.yaml",
                       "components:\n  orchestrator:\n    name: k8s\n    configuration:\n"
                       "      a: 1\n      b: 2\n      c: 3\n      d: 4\n      e: 5\n      f: 6\n"
                       "      g: 7\n    flavor: kubernetes\n"}}) == "yes");
    // a Container Apps client that deploys an API starts no job
    CHECK(suggestion("mlops", "managed-compute",
                     {{"deploy/api.py",
                       "client = ContainerAppsAPIClient(cred, sub)\nclient.container_apps.begin_create_or_update(rg, "
                       "app, spec)\n"}}) == "-");
    // an OpenAPI document after `---` or a comment; Go's testdata and spec support files are fixtures
    CHECK(suggestion("mlops", "serving-contract",
                     {{"swagger/v1/swagger.yaml", "---\nopenapi: 3.0.1\ninfo:\n  title: API\n"}}) == "yes");
    CHECK(suggestion("mlops", "serving-contract", {{"docs/api.yaml", "# Generated by rswag\nopenapi: 3.0.1\n"}}) ==
          "yes");
    CHECK(suggestion("mlops", "serving-contract", {{"pkg/testdata/petstore.yaml", "openapi: 3.0.0\n"}}) == "-");
    CHECK(suggestion("mlops", "serving-contract",
                     {{"spec/support/fixtures/openapi_v2.json", "{\n  \"swagger\": \"2.0\"\n}\n"}}) == "-");
    // SQL: a grant and a schema dump query nothing
    CHECK(suggestion("mlops", "data-from-code",
                     {{"docker/init-db.sql", "GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA public TO mlflow;\n"}}) ==
          "-");
    CHECK(suggestion("mlops", "data-from-code",
                     {{"db/structure.sql", "SELECT pg_catalog.set_config('search_path', '', false);\n"}}) == "-");
    CHECK(suggestion("mlops", "data-from-code",
                     {{"sql/features.sql", "SELECT user_id, count(*)\nFROM events\nGROUP BY 1;\n"}}) == "partial");
    // housekeeping that deletes old workflow runs
    CHECK(suggestion("mlops", "scheduled-job-from-code",
                     {{".github/workflows/cleanup.yml",
                       "on:\n  schedule:\n    - cron: '0 3 * * 0'\njobs:\n  c:\n    steps:\n      - uses: "
                       "actions/github-script@v7\n"
                       "        with:\n          script: |\n            await "
                       "github.rest.actions.deleteWorkflowRun({run_id: 1});\n"}}) == "-");
    // app tests: Azure ML's score.py convention, Rails request specs; a metric's score is no app test
    CHECK(suggestion("mlops", "app-unit-tests",
                     {{"tests/test_score.py", "def test_score_returns_probabilities():\n    pass\n"}}) == "partial");
    CHECK(suggestion("mlops", "app-unit-tests", {{"tests/test_metrics.py", "def test_f1_score():\n    pass\n"}}) ==
          "-");
    CHECK(suggestion("mlops", "app-unit-tests",
                     {{"spec/requests/api/v1/answers_spec.rb",
                       "RSpec.describe \"Answers API\", type: :request do\nend\n"}}) == "partial");
    // Rails' minitest files are tests; R's t.test( in an analysis script is not
    CHECK(suggestion(
              "mlops", "unit-tests-ci",
              {{".github/workflows/ci.yml", github_workflow("pull_request", "test", "      - run: bin/rails test\n")},
               {"test/models/prediction_test.rb",
                "class PredictionTest < ActiveSupport::TestCase\n  test \"scores\" do\n  end\nend\n"}}) == "yes");
    CHECK(suggestion("mlops", "unit-tests-ci",
                     {{"analysis/test_significance.R", "res <- t.test(score ~ group, data = df)\n"}}) == "-");
    // R: DBI's other query forms, in R Markdown too
    CHECK(suggestion("mlops", "data-from-code",
                     {{"R/fetch.R", "res <- DBI::dbSendQuery(con, \"SELECT * FROM cases\")\n"}}) == "yes");
    CHECK(suggestion("mlops", "data-from-code",
                     {{"analysis/report.Rmd", "```{r}\ncases <- dbGetQuery(con, q)\n```\n"}}) == "yes");
    // README: a Zenodo software release, "built with [Data Version Control]" and a heading about adding sources
    CHECK(suggestion("mlops", "data-sources-documented",
                     {{"README.md", "Please cite the archived release: https://zenodo.org/records/1234567\n"}}) == "-");
    CHECK(suggestion("mlops", "data-sources-documented",
                     {{"README.md", "This project is built with [Data Version Control](https://dvc.org).\n"}}) == "-");
    CHECK(suggestion("mlops", "data-sources-documented",
                     {{"README.md", "# Dashboards\n\n## Adding new data sources\n\nRun it.\n"}}) == "-");
    CHECK(suggestion("mlops", "data-sources-documented",
                     {{"README.md",
                       "We use the [Wine Quality dataset](https://www.openml.org/d/187) to train the model.\n"}}) ==
          "partial");
    // lock files of release tooling or of a docs site; a CRLF Gemfile.lock; Rocker images by platform, registry and
    // flavour
    CHECK(suggestion("mlops", "pinned-environment", {{"Gemfile.lock", "GEM\n  specs:\n    fastlane (2.219.0)\n"}}) ==
          "-");
    CHECK(suggestion("mlops", "pinned-environment", {{"docs/renv.lock", "{}\n"}}) == "-");
    CHECK(suggestion("mlops", "pinned-environment", {{"Gemfile.lock", "GEM\r\n  specs:\r\n    rails (8.0.2)\r\n"}}) ==
          "yes");
    for (const char* from : {"FROM --platform=linux/amd64 rocker/r-ver:4.3.1", "FROM ghcr.io/rocker-org/r-ver:4.3.1",
                             "FROM rocker/rstudio:4.3.1"}) {
        CAPTURE(from);
        CHECK(suggestion("mlops", "pinned-environment", {{"Dockerfile", std::string(from) + "\n"}}) == "partial");
    }
    // r-lib's example workflow name, in upper case, called as a local reusable workflow
    CHECK(suggestion("mlops", "ci-on-every-change",
                     {{".github/workflows/ci.yaml",
                       "on:\n  pull_request:\njobs:\n  check:\n    uses: ./.github/workflows/R-CMD-check.yaml\n"}}) ==
          "yes");
    // testthat: labels that fit in a panel test no training
    CHECK(suggestion("mlops", "training-code-tested",
                     {{"tests/testthat/test-labels.R", "test_that(\"long labels fit in the panel\", {\n})\n"}}) == "-");
}

TEST_CASE("training rules, round 21: dbt's documented sources and column tests") {
    const char* sources =
        "version: 2\nsources:\n- name: reporting\n  schema: reporting\n  tables:\n  - name: student_risk\n"
        "    description: Student risk scores from the logistic regression.\n    columns:\n    - name: user_id\n";
    CHECK(suggestion("mlops", "data-sources-documented", {{"src/ol_dbt/models/reporting/_sources.yml", sources}}) ==
          "yes");
    // sources listed without a word about them, or an installed package's sources, document nothing of the team's
    CHECK(suggestion("mlops", "data-sources-documented",
                     {{"models/_sources.yml", "version: 2\nsources:\n- name: raw\n  tables:\n  - name: events\n"}}) ==
          "-");
    CHECK(suggestion("mlops", "data-sources-documented", {{"dbt_packages/pkg/models/_sources.yml", sources}}) == "-");
    const char* models =
        "version: 2\nmodels:\n- name: features\n  columns:\n  - name: user_id\n    data_tests:\n"
        "    - not_null\n    - unique\n";
    CHECK(suggestion("mlops", "data-schema", {{"models/_models.yml", models}}) == "partial");
    CHECK(suggestion("mlops", "data-schema",
                     {{"models/_models.yml",
                       "version: 2\nmodels:\n- name: features\n  columns:\n  - name: user_id\n"
                       "    description: the user\n"}}) == "-");
}

TEST_CASE("training rules, round 21: an orchestrator runs a training pipeline only where the code trains") {
    const char* dag = "from dagster import asset\n\n@asset\ndef student_risk(features):\n    return score(features)\n";
    // a data platform's Dagster assets that load and score: no training pipeline
    CHECK(suggestion("mlops", "orchestrated-pipeline", {{"dg_projects/risk/assets.py", dag}}) == "-");
    // the same orchestrator with code that fits a model, or a training step
    CHECK(suggestion("mlops", "orchestrated-pipeline",
                     {{"dg_projects/risk/assets.py", dag},
                      {"src/model.py", "clf = LogisticRegression()\nclf.fit(X, y)\n"}}) == "yes");
    CHECK(suggestion("mlops", "orchestrated-pipeline",
                     {{"dags/retrain.py", "from airflow import DAG\n\ndef train_model(**ctx):\n    pass\n"}}) == "yes");
    // a fit in a test or an example trains nothing of the team's
    CHECK(suggestion("mlops", "orchestrated-pipeline",
                     {{"dags/etl.py", "from airflow import DAG\n"}, {"tests/test_model.py", "clf.fit(X, y)\n"}}) ==
          "-");
}

TEST_CASE("rules, round 21: a commit variable named as one, an API test named for the API, a Dagster deploy") {
    // GIT_COMMITTER_NAME in a test's environment, or a URL template, records no commit with a model
    CHECK(suggestion("mlops", "model-provenance",
                     {{"src/cli/git_utils.py", "env = {\"GIT_COMMITTER_NAME\": \"Test\"}\n"}}) == "-");
    CHECK(suggestion("mlops", "model-provenance",
                     {{"tests/test_run.py", "assert env[\"GIT_COMMIT\"] == \"deadbeef\"\n"}}) == "-");
    CHECK(suggestion("mlops", "model-provenance",
                     {{"src/data/versioning.py", "commit = os.getenv(\"GIT_COMMIT_SHA\")\n"}}) == "partial");
    // a test of an API client's URLs is no test of the model's API
    CHECK(suggestion("mlops", "app-unit-tests",
                     {{"lakehouse_tests/test_airbyte.py",
                       "def test_the_api_base_urls_are_derived(client):\n    pass\n"}}) == "-");
    CHECK(suggestion("mlops", "app-unit-tests",
                     {{"tests/test_app.py", "def test_api_returns_scores(client):\n    pass\n"}}) == "partial");
    // a CI step that names Dagster deploys no pipeline; `dagster-cloud ci deploy` does
    CHECK(suggestion("mlops", "pipeline-cd",
                     {{".github/workflows/inventory.yml",
                       github_workflow("push", "i",
                                       "      - run: uv run ol-dbt inventory render dagster-intervals\n")}}) == "-");
    CHECK(suggestion("mlops", "pipeline-cd",
                     {{".github/workflows/deploy.yml",
                       github_workflow("push", "d", "      - run: dagster-cloud ci deploy\n")}}) == "partial");
}

TEST_CASE("training rules, round 22: R's explainers, tuners and MLflow, and boosted models' own SHAP values") {
    // SHAP contributions from the model itself, in R or Python
    CHECK(suggestion(
              "mlops", "explainability",
              {{"pipeline/04-interpret.R",
                "shap_values <- predict(\n  object = fit,\n  newdata = as.matrix(x),\n  type = \"contrib\"\n)\n"}}) ==
          "yes");
    CHECK(suggestion("mlops", "explainability",
                     {{"src/explain.py", "contribs = booster.predict(dmatrix, pred_contribs=True)\n"}}) == "yes");
    CHECK(suggestion("mlops", "explainability",
                     {{"R/explain.R", "library(shapviz)\nsv <- shapviz(fit, X_pred = x)\n"}}) == "yes");
    CHECK(suggestion("mlops", "explainability", {{"R/explain.R", "explainer <- DALEX::explain(fit, data = x)\n"}}) ==
          "yes");
    // a comment, a test or a package's vignette explains nothing of the team's model
    CHECK(suggestion("mlops", "explainability", {{"R/explain.R", "# library(shapviz)\n"}}) == "-");
    CHECK(suggestion("mlops", "explainability", {{"vignettes/shap.Rmd", "library(shapviz)\n"}}) == "-");
    CHECK(suggestion("mlops", "explainability", {{"R/predict.R", "p <- predict(fit, x, type = \"response\")\n"}}) ==
          "-");

    // tidymodels' searches, caret's grid, mlr3tuning
    CHECK(suggestion("mlops", "hyperparameter-search",
                     {{"pipeline/01-train.R", "search <- tune_bayes(\n  object = wflow,\n  resamples = folds\n)\n"}}) ==
          "yes");
    CHECK(suggestion("mlops", "hyperparameter-search",
                     {{"R/train.R", "fit <- caret::train(y ~ ., data = d, method = \"rf\", tuneGrid = grid)\n"}}) ==
          "yes");
    CHECK(suggestion("mlops", "hyperparameter-search", {{"R/train.R", "library(mlr3tuning)\n"}}) == "yes");
    CHECK(suggestion("mlops", "hyperparameter-search", {{"R/train.R", "# search <- tune_grid(wflow, folds)\n"}}) ==
          "-");
    CHECK(suggestion("mlops", "hyperparameter-search", {{"R/train.R", "fit <- fit(wflow, data = d)\n"}}) == "-");

    // MLflow's R API
    CHECK(suggestion("mlops", "experiment-tracking",
                     {{"R/train.R", "mlflow_start_run()\nmlflow_log_metric(\"rmse\", rmse)\n"}}) == "yes");
    CHECK(suggestion("mlops", "experiment-tracking",
                     {{"tests/testthat/test-log.R", "mlflow_log_metric(\"x\", 1)\n"}}) == "-");
}

TEST_CASE("rules, round 22 (held-out 13): a service that schedules its own retraining, and Zuul's pipelines") {
    const char* retrain =
        "import schedule\n\nschedule.every(Configuration.retraining_interval_minutes).minutes.do(\n"
        "    train_model, initial_run=False\n)\nwhile True:\n    schedule.run_pending()\n";
    CHECK(suggestion("mlops", "scheduled-job-from-code", {{"app.py", retrain}}) == "yes");
    CHECK(suggestion("mlops", "scheduled-job-from-code",
                     {{"app.py",
                       "from apscheduler.schedulers.background import BackgroundScheduler\n"
                       "sched = BackgroundScheduler()\nsched.add_job(retrain_models, 'interval', hours=6)\n"}}) ==
          "yes");
    CHECK(suggestion("mlops", "scheduled-job-from-code",
                     {{"jobs.py",
                       "from apscheduler.schedulers.blocking import BlockingScheduler\nsched = "
                       "BlockingScheduler()\n@sched.scheduled_job('cron', hour=3)\ndef score_batch():\n"
                       "    pass\n"}}) == "yes");
    // a scheduled report or cleanup runs no step of the ML system; a commented schedule runs nothing
    CHECK(suggestion("mlops", "scheduled-job-from-code",
                     {{"app.py", "import schedule\nschedule.every().day.at('08:00').do(send_report)\n"}}) == "-");
    CHECK(suggestion("mlops", "scheduled-job-from-code",
                     {{"app.py", "import schedule\n# schedule.every(5).minutes.do(train_model)\n"}}) == "-");
    CHECK(suggestion("mlops", "scheduled-job-from-code", {{"tests/test_app.py", retrain}}) == "-");

    // Zuul runs a project's check pipeline on every proposed change, its gate before each merge
    CHECK(suggestion("mlops", "ci-on-every-change",
                     {{".zuul.yaml",
                       "---\n- project:\n    check:\n      jobs:\n        - \"thoth-coala\"\n"
                       "    gate:\n      jobs:\n        - \"thoth-coala\"\n"}}) == "yes");
    CHECK(suggestion("mlops", "ci-on-every-change",
                     {{"zuul.d/jobs.yaml", "- job:\n    name: unit\n    run: playbooks/unit.yaml\n"}}) == "partial");
}

TEST_CASE(
    "training rules, round 23: a filter is no model gate, a prediction's score no metric, a named search no search") {
    // a metric compared with a threshold gates; a dataframe filtered by a column named like a metric does not
    CHECK(suggestion("mlops", "model-validation-gate",
                     {{"pipeline/evaluate.py",
                       "if accuracy < min_threshold:\n    raise ValueError('below the bar')\n"}}) == "yes");
    CHECK(suggestion("mlops", "model-validation-gate",
                     {{"storage/location_queries.py",
                       "def good(df, threshold):\n    return df[df.mAccuracy > threshold]\n"}}) == "-");
    CHECK(suggestion("mlops", "model-validation-gate", {{"storage/q.py", "rows = df[accuracy_col > threshold]\n"}}) ==
          "-");

    // a test that asserts an evaluation metric's bar, run in CI, gates; a prediction's score is no metric
    const std::string ci = github_workflow("pull_request", "test", "      - run: python -m pytest\n");
    CHECK(suggestion("mlops", "model-validation-gate",
                     {{"tests/test_model.py", "def test_quality():\n    assert val_score > 0.8\n"},
                      {".github/workflows/test.yml", ci}}) == "yes");
    CHECK(suggestion("mlops", "model-validation-gate",
                     {{"tests/test_model.py", "def test_quality():\n    assert f1_score > 0.8\n"},
                      {".github/workflows/test.yml", ci}}) == "yes");
    CHECK(suggestion(
              "mlops", "model-validation-gate",
              {{"tests/test_api.py", "def test_match():\n    assert medical_score > 0.5\n    assert score > 0.95\n"},
               {".github/workflows/test.yml", ci}}) == "-");

    // a search class is a search when it is called, not when a docstring or a string names it (partial since round
    // 26: nothing in the file keeps its trials)
    CHECK(suggestion(
              "mlops", "hyperparameter-search",
              {{"train.py", "from sklearn.model_selection import GridSearchCV\nsearch = GridSearchCV(est, grid)\n"}}) ==
          "partial");
    CHECK(suggestion("mlops", "hyperparameter-search",
                     {{"models/base.py",
                       "    \"\"\"\n    * `GridSearchCV <http://scikit-learn.org/...>`_\n    \"\"\"\n"
                       "    OPT = {'GridSearchCV': 'best_params_'}\n"}}) == "-");
    CHECK(suggestion("mlops", "hyperparameter-search", {{"train.py", "# search = RandomizedSearchCV(est, dist)\n"}}) ==
          "-");
}

TEST_CASE("training rules, round 23 review: gates written as attributes, metrics by name, Halving searches") {
    auto gate = [](const std::string& code) {
        return suggestion("mlops", "model-validation-gate", {{"pipeline/evaluate.py", code}});
    };
    // a metric reached through an attribute still gates
    CHECK(gate("if eval_result.f1 < F1_THRESHOLD:\n    raise SystemExit('below the bar')\n") == "yes");
    CHECK(gate("if self.val_auc < min_auc_threshold:\n    return False\n") == "yes");
    CHECK(gate("ok = run.data.metrics.rmse > rmse_threshold\n") == "yes");
    // a metric word inside another, a drift or latency threshold: no gate
    CHECK(gate("if elapsed_msec > SLOW_REQUEST_THRESHOLD:\n    log.warning('slow')\n") == "-");
    CHECK(gate("if drift_metric > drift_threshold:\n    notify(team)\n") == "-");

    // asserted metrics in tests that CI runs: by name or as a metric function's or an estimator's score
    const std::string ci = github_workflow("pull_request", "test", "      - run: python -m pytest\n");
    auto asserted = [&ci](const std::string& test) {
        return suggestion(
            "mlops", "model-validation-gate",
            {{"tests/test_model.py", "def test_quality():\n" + test}, {".github/workflows/test.yml", ci}});
    };
    CHECK(asserted("    assert dice_score > 0.75\n") == "yes");
    CHECK(asserted("    assert accuracy_score(y, p) >= 0.85\n") == "yes");
    CHECK(asserted("    assert clf.score(X, y) > 0.8\n") == "yes");
    // a prediction's score, whatever its prefix, is no metric
    CHECK(asserted("    assert risk_model_score > 0.5\n") == "-");
    CHECK(asserted("    assert best_score > 0.5\n") == "-");

    // Halving searches are searches (untracked here: partial since round 26); prose and doctests that name a search
    // are not
    CHECK(suggestion("mlops", "hyperparameter-search",
                     {{"tune.py", "search = HalvingGridSearchCV(est, grid, cv=5)\n"}}) == "partial");
    CHECK(suggestion("mlops", "hyperparameter-search", {{"tune.py", "search = HalvingRandomSearchCV(est, dist)\n"}}) ==
          "partial");
    CHECK(suggestion("mlops", "hyperparameter-search",
                     {{"fit.py",
                       "    \"\"\"Unlike a full GridSearchCV (which we found too slow), fit the defaults.\n"}}) == "-");
    CHECK(suggestion("mlops", "hyperparameter-search", {{"fit.py", "    >>> clf = GridSearchCV(svc, parameters)\n"}}) ==
          "-");
}

TEST_CASE("training rules, round 26: training commands, tracked searches, models under versioned names") {
    // a training script with an entry point is one command that trains: yes (a module of functions stays partial)
    auto scripted = [](const std::string& path, const std::string& code) {
        return suggestion("mlops", "training-scripted", {{path, code}});
    };
    CHECK(scripted("src/train.py",
                   "def run(cfg):\n    model.fit(X, y)\n\nif __name__ == \"__main__\":\n    run(cfg)\n") == "yes");
    CHECK(scripted("scripts/train.py", "import argparse\nparser = argparse.ArgumentParser()\n") == "yes");
    CHECK(scripted("pkg/cli/train.py",
                   "from argparse import ArgumentParser\ndef configure(p: ArgumentParser): ...\n") == "yes");
    CHECK(scripted("src/training.py", "import typer\napp = typer.Typer()\n@app.command()\ndef train(): ...\n") ==
          "yes");
    CHECK(scripted("src/train.py", "def train(X, y):\n    return model.fit(X, y)\n") == "partial");
    // an entry point in an example, a test or the docs is nobody's training command
    CHECK(scripted("examples/mnist/train.py", "if __name__ == '__main__':\n    main()\n") == "-");
    CHECK(scripted("tests/train.py", "if __name__ == '__main__':\n    main()\n") == "-");
    // a commented-out guard is no entry point
    CHECK(scripted("src/train.py", "# if __name__ == '__main__':\nmodel.fit(X, y)\n") == "partial");

    // a make target whose recipe runs a training program is one documented command; one that only echoes is a start
    CHECK(scripted("Makefile",
                   "train-random-forest:\n\tAWS_KEY=$(KEY) \\\n\tpython -m training.pipelines.train_rf\n") == "yes");
    CHECK(scripted("Makefile", "train:\n\tRscript pipeline/01-train.R\n") == "yes");
    CHECK(scripted("Makefile", "train:\n\t@echo 'see the notebook'\n") == "partial");
    CHECK(scripted("Makefile", "train_data_dir := data\nall:\n\tpython x.py\n") == "-");

    // scikit-learn's search is tracked when the file logs to a tracker or keeps cv_results_: yes; otherwise partial
    auto search = [](const std::string& code) {
        return suggestion("mlops", "hyperparameter-search", {{"src/tune.py", code}});
    };
    CHECK(search("import mlflow\nmlflow.sklearn.autolog()\ngs = GridSearchCV(est, grid)\n") == "yes");
    CHECK(search("gs = RandomizedSearchCV(est, dist)\ngs.fit(X, y)\nresults = pd.DataFrame(gs.cv_results_)\n") ==
          "yes");
    CHECK(search("gs = GridSearchCV(est, grid)\ngs.fit(X, y)\nwandb.log(gs.best_params_)\n") == "yes");
    CHECK(search("gs = GridSearchCV(est, grid)\ngs.fit(X, y)\nprint(gs.best_params_)\n") == "partial");
    // a tracker named only in a comment tracks nothing
    CHECK(search("gs = GridSearchCV(est, grid)\n# TODO: log to mlflow\n") == "partial");
    // a study of its own keeps every trial
    CHECK(search("import optuna\nstudy = optuna.create_study()\n") == "yes");

    // a model file committed under a version or a date, or tracked by DVC: versioned files (partial)
    auto registry = [](const std::string& path) { return suggestion("mlops", "model-registry", {{path, "x"}}); };
    CHECK(registry("data/presto/default_model_v2.pt") == "partial");
    CHECK(registry("cloud_function/gsp_rf_85_acc_74_F1_20260123.joblib") == "partial");
    CHECK(registry("model_zoo/ecg2af/ecg2af_quintuplet_v2024_01_13.keras") == "partial");
    CHECK(registry("models/distilbert/model.safetensors.dvc") == "partial");
    CHECK(registry("data/models.dvc") == "partial");
    // a model under a fixed name is overwritten in place; a fixture in tests or examples is no team's model; data
    // tracked by DVC is no model
    CHECK(registry("model/catboost_model.pkl") == "-");
    CHECK(registry("tests/fixtures/model_v2.pkl") == "-");
    CHECK(registry("examples/iris/model_2024.joblib") == "-");
    CHECK(registry("data/raw.dvc") == "-");
    CHECK(registry("src/model_v2.py") == "-");
}

TEST_CASE("training rules, round 26 review: entry points that train, make targets that train, tracked trials") {
    auto scripted = [](const std::string& path, const std::string& code) {
        return suggestion("mlops", "training-scripted", {{path, code}});
    };
    // a type hint from argparse, or a guard that runs doctests, makes no command
    CHECK(scripted("src/train.py", "from argparse import Namespace\ndef train(args: Namespace):\n    pass\n") ==
          "partial");
    CHECK(scripted("src/train.py",
                   "def f():\n    pass\n\nif __name__ == '__main__':\n    import doctest\n"
                   "    doctest.testmod()\n") == "partial");
    // demos, samples, test data and fixtures are nobody's training, in any case
    CHECK(scripted("demo/train.py", "if __name__ == '__main__':\n    main()\n") == "-");
    CHECK(scripted("Examples/mnist/train.py", "if __name__ == '__main__':\n    main()\n") == "-");
    CHECK(scripted("pkg/testdata/train.py", "if __name__ == '__main__':\n    main()\n") == "-");
    // other entry points: Fire called at the top, LightningCLI, a detectron2-style tools/train_net.py
    CHECK(scripted("a/train.py", "from fire import Fire\ndef train(lr=1e-3):\n    pass\n\nFire(train)\n") == "yes");
    CHECK(scripted("b/train.py", "from lightning.pytorch.cli import LightningCLI\nLightningCLI(Model, Data)\n") ==
          "yes");
    CHECK(scripted("tools/train_net.py", "import argparse\nif __name__ == '__main__':\n    main()\n") == "yes");

    // make targets that train: a pattern target, $(PYTHON), torchrun, accelerate, a training shell script, a help
    // comment with an `=` on the target's line
    CHECK(scripted("Makefile", "train-%:\n\tpython train.py --config configs/$*.yaml\n") == "yes");
    CHECK(scripted("Makefile", "train:\n\t$(PYTHON) src/train.py\n") == "yes");
    CHECK(scripted("Makefile", "train:\n\ttorchrun --nproc_per_node=8 train.py\n") == "yes");
    CHECK(scripted("Makefile", "train:\n\taccelerate launch train.py\n") == "yes");
    CHECK(scripted("Makefile", "train:\n\tbash scripts/train.sh\n") == "yes");
    CHECK(scripted("Makefile", "train: data ## train the model, e.g. EPOCHS=5\n\tpython train.py\n") == "yes");
    // targets named train... that pull data, install, open a notebook, a shell or a UI, or echo, train nothing
    CHECK(scripted("Makefile", "train-data:\n\tdvc pull data/train\n") == "partial");
    CHECK(scripted("Makefile", "train-deps:\n\tpython -m pip install -r requirements-train.txt\n") == "partial");
    CHECK(scripted("Makefile", "training-notebook:\n\tpoetry run jupyter lab notebooks/train.ipynb\n") == "partial");
    CHECK(scripted("Makefile", "train-shell:\n\tdocker run -it trainer bash\n") == "partial");
    CHECK(scripted("Makefile", "train-ui:\n\tmlflow ui\n") == "partial");
    CHECK(scripted("Makefile", "train:\n\t@echo \"run python train.py yourself\"\n") == "partial");

    // a search is tracked by MLflow's autolog in the file that calls it, by Aim, by Azure ML's run; not by a
    // printed result, a docstring that names a tracker, or prose that names a tuner
    auto search = [](const std::vector<std::pair<std::string, std::string>>& files) {
        return suggestion("mlops", "hyperparameter-search", files);
    };
    CHECK(search({{"src/tuning.py", "def run(X, y):\n    s = GridSearchCV(est, grid)\n    return s.fit(X, y)\n"},
                  {"src/train.py", "import mlflow\nmlflow.sklearn.autolog()\nrun(X, y)\n"}}) == "yes");
    CHECK(search({{"aim/tune.py", "from aim import Run\nrun = Run()\ns = RandomizedSearchCV(est, d)\n"}}) == "yes");
    CHECK(search({{"az/tune.py", "from azureml.core import Run\nrun = Run.get_context()\ns = GridSearchCV(e, g)\n"}}) ==
          "yes");
    CHECK(
        search({{"tune.py", "s = GridSearchCV(e, g)\ns.fit(X, y)\nprint(s.cv_results_['params'][s.best_index_])\n"}}) ==
        "partial");
    CHECK(search({{"tune.py", "s = GridSearchCV(e, g)\ndef f():\n    \"\"\"TODO: log the search to mlflow\"\"\"\n"}}) ==
          "partial");
    CHECK(search({{"tune.py", "\"\"\"We moved away from hyperopt to a plain grid.\"\"\"\ns = GridSearchCV(e, g)\n"}}) ==
          "partial");
    CHECK(search({{"tune.py", "import kubeflow.katib as katib\nclient = katib.KatibClient()\n"}}) == "yes");

    // versioned model files: not a pretrained architecture's version, data, a count that looks like a year, data
    // tracked by DVC whose name says model, fixtures; yes to a version in the folder, checkpoints and PMML
    auto registry = [](const std::string& path) { return suggestion("mlops", "model-registry", {{path, "x"}}); };
    CHECK(registry("assets/mobilenet_v1_1.0_224_quant.tflite") == "-");
    CHECK(registry("weights/inception_v3.h5") == "-");
    CHECK(registry("data/census_2020.h5") == "-");
    CHECK(registry("artifacts/features_v2.pkl") == "-");
    CHECK(registry("models/kmeans_2048.pkl") == "-");
    CHECK(registry("models/tfidf_20000.joblib") == "-");
    CHECK(registry("data/car_models.csv.dvc") == "-");
    CHECK(registry("data/modeling_dataset.parquet.dvc") == "-");
    CHECK(registry("testdata/mnist_v7.onnx") == "-");
    CHECK(registry("samples/yolo_v5_demo.onnx") == "-");
    CHECK(registry("models/v1/model.joblib") == "partial");
    CHECK(registry("models/2024-03-01/model.joblib") == "partial");
    CHECK(registry("ckpt/classifier_v3.ckpt") == "partial");
    CHECK(registry("saved_models/churn.dvc") == "partial");
    CHECK(registry("checkpoints.dvc") == "partial");
    CHECK(registry("out/model.pt.dvc") == "partial");
}

namespace {

// What training-code-versioned suggests for a script at `path` that fits and saves a model.
std::string fitting_script(const std::string& path) {
    return suggestion("mlops", "training-code-versioned", {{path, "model.fit(X, y)\njoblib.dump(model, 'm.pkl')\n"}});
}

}  // namespace

TEST_CASE("training rules, round 27: a training script named for what it trains") {
    // `model_training.py` and `xgb_train.py` are training scripts as `train_xgb.py` is (training-scripted's names,
    // and `*_training.py`)
    CHECK(fitting_script("src/model_training.py") == "partial");
    CHECK(fitting_script("src/xgb_train.py") == "partial");
    CHECK(fitting_script("src/train_xgb.py") == "partial");
    // a test of it is not
    CHECK(fitting_script("tests/model_training.py") == "-");
    CHECK(fitting_script("src/model_training_test.py") == "-");
}

TEST_CASE("training rules, round 27 review: an SDK's example named for training is not the team's training code") {
    CHECK(fitting_script("examples/xgboost_training.py") == "-");
    CHECK(fitting_script("docs/train.py") == "-");
    CHECK(fitting_script("src/xgboost_training.py") == "partial");
}

TEST_CASE("training rules, round 29: a metric below the run's own bound stops the run") {
    const auto gate = [](const Files& files) { return suggestion("mlops", "model-validation-gate", files); };
    // held-out 20's recommender: the validation step raises when F1 is below its minimum, or the loss above its
    // maximum, so the candidate is never saved
    CHECK(gate({{"recommender/engines/ncf/training/model_validation_step.py",
                 "def check_performance(weighted_avg_f1_score, min_weighted_avg_f1_score):\n"
                 "    if weighted_avg_f1_score < min_weighted_avg_f1_score:\n"
                 "        raise PerformanceTooLowError()\n"}}) == "yes");
    CHECK(gate({{"pipeline/validate.py",
                 "for loss in losses:\n"
                 "    if loss > self.max_loss_score:\n"
                 "        raise PerformanceTooLowError(loss)\n"}}) == "yes");
    CHECK(gate({{"pipeline/validate.py", "if metrics[\"auc\"] < cfg.min_auc:\n    sys.exit(1)\n"}}) == "yes");
    // a bound that stops nothing, a check in tests, or a request's score checked against its range
    CHECK(gate({{"pipeline/validate.py", "if auc < min_auc:\n    logger.warning(\"low auc\")\n"}}) == "-");
    CHECK(gate({{"tests/test_validate.py", "if auc < min_auc:\n    raise AssertionError()\n"}}) == "-");
    CHECK(gate({{"api/schemas.py", "if score > max_score:\n    raise ValueError(\"score out of range\")\n"}}) == "-");
    CHECK(gate({{"billing/checks.py", "if account_balance < min_balance:\n    raise InsufficientFunds()\n"}}) == "-");
}

TEST_CASE("training rules, round 32: a Trainer's report_to names the tracker, TensorBoard keeps runs in part") {
    const auto tracked = [](const Files& files) { return suggestion("mlops", "experiment-tracking", files); };
    // Hugging Face's Trainer logs each run to the trackers it reports to
    CHECK(tracked({{"src/train.py",
                    "args = TrainingArguments(\n    output_dir=out,\n    report_to=\"wandb\",\n)\n"}}) == "yes");
    CHECK(tracked({{"src/train.py", "args = TrainingArguments(out, report_to=[\"tensorboard\", \"mlflow\"])\n"}}) ==
          "yes");
    // reporting to nothing, to TensorBoard alone, or a commented-out choice is no shared tracker
    CHECK(tracked({{"src/train.py", "args = TrainingArguments(out, report_to=None)\n"}}) == "-");
    CHECK(tracked({{"src/train.py", "args = TrainingArguments(out, report_to=\"none\")\n"}}) == "-");
    CHECK(tracked({{"src/train.py", "args = TrainingArguments(\n    out,\n    # report_to=\"wandb\",\n)\n"}}) == "-");
    // a Django setting of the same name is no Trainer's
    CHECK(tracked({{"app/middleware.py", "report_to = json.dumps({\"group\": \"csp\"})\n"}}) == "-");
    // TensorBoard's event files: some runs tracked, on one machine or bucket
    CHECK(tracked(
              {{"train.py", "from torch.utils.tensorboard import SummaryWriter\nwriter = SummaryWriter(log_dir)\n"}}) ==
          "partial");
    CHECK(tracked({{"train.py", "logger = TensorBoardLogger(\"logs\", name=\"atat\")\n"}}) == "partial");
    CHECK(tracked({{"train.py", "summary_writer = tfv1.summary.FileWriter(FLAGS.summary_dir)\n"}}) == "partial");
    // ... but not in tests or examples
    CHECK(tracked({{"tests/test_train.py", "writer = SummaryWriter(tmp)\n"},
                   {"examples/mnist.py", "cb = keras.callbacks.TensorBoard(log_dir='logs')\n"}}) == "-");
}

TEST_CASE("training rules, round 32: direct pins where the repository trains a model, whatever the script's name") {
    const auto pinned = [](const Files& files) { return suggestion("mlops", "pinned-environment", files); };
    const std::pair<std::string, std::string> fit{"src/pipelines/fit_model.py", "model.fit(X_train, y_train)\n"};
    CHECK(pinned({{"requirements.txt", "pandas==2.2.2\nscikit-learn==1.5.0\n"}, fit}) == "partial");
    CHECK(pinned({{"pyproject.toml", "[project]\ndependencies = [\n    \"xgboost==2.0.3\",\n    \"pandas>=2\",\n]\n"},
                  fit}) == "partial");
    // pins without a model the repository trains: a service of a model made elsewhere, a book's helpers, a test
    CHECK(pinned({{"requirements.txt", "fastapi==0.110.0\n"}, {"app/main.py", "model = joblib.load(p)\n"}}) == "-");
    CHECK(pinned({{"requirements.txt", "numpy==1.26.4\n"}, {"notebooks/helpers_05_08.py", "clf.fit(X, y)\n"}}) == "-");
    CHECK(pinned({{"requirements.txt", "numpy==1.26.4\n"}, {"tests/test_fit.py", "clf.fit(X, y)\n"}}) == "-");
    // ranges pin nothing; a docs generator's pins are not the training environment's
    CHECK(pinned({{"pyproject.toml", "[project]\ndependencies = [\"xgboost>=2.0\"]\n"}, fit}) == "-");
    CHECK(pinned({{"docs/requirements.txt", "sphinx==7.2.6\n"}, fit}) == "-");
}
