// The evidence rules of ml-test-score, one fixture each: what a file shows of a test. Files show that a test
// exists; only what runs on its own (a checkpoint, a DVC pipeline lock, tests in test files, a canary rollout
// config) suggests "automated" (yes); an import or a seed suggests "manual" (partial), which a person confirms.
#include "builtin_evidence.hpp"

using namespace mm::test;

namespace {

std::string mts(const std::string& question, const Files& files) { return suggestion("ml-test-score", question, files); }

}  // namespace

TEST_CASE("ml-test-score evidence: feature expectations from a checkpoint a schema or a validation library") {
    CHECK(mts("feature-expectations", {{"great_expectations/checkpoints/train.yml", "name: train\n"}}) == "yes");
    CHECK(mts("feature-expectations", {{"data/schema.pbtxt", "feature {}\n"}}) == "partial");
    CHECK(mts("feature-expectations", {{"src/check.py", "import pandera as pa\n"}}) == "partial");
    CHECK(mts("feature-expectations", {{"src/train.py", "import pandas\n"}}) == "-");
}

TEST_CASE("ml-test-score evidence: feature code and model code tested in test files") {
    CHECK(mts("feature-code-tested", {{"tests/test_features.py", "def test_scaled_features():\n    pass\n"}}) == "yes");
    CHECK(mts("feature-code-tested", {{"src/features.py", "def test_scaled_features():\n    pass\n"}}) == "-");
    CHECK(mts("model-code-unit-tested", {{"tests/test_model.py", "def test_loss_decreases():\n    pass\n"}}) == "yes");
    CHECK(mts("model-code-unit-tested", {{"tests/test_io.py", "def test_reads_csv():\n    pass\n"}}) == "-");
}

TEST_CASE("ml-test-score evidence: review owners tuning baselines and fairness are hints a person confirms") {
    CHECK(mts("model-spec-reviewed", {{".github/CODEOWNERS", "* @ml-team\n"}}) == "partial");
    CHECK(mts("model-spec-reviewed", {{"CODEOWNERS", "* @ml-team\n"}}) == "partial");
    CHECK(mts("hyperparameters-tuned", {{"tune.py", "import optuna\n"}}) == "partial");
    CHECK(mts("hyperparameters-tuned", {{"tune.py", "from ray import tune\n"}}) == "partial");
    CHECK(mts("hyperparameters-tuned", {{"katib/experiment.yaml", "kind: Experiment\n"}}) == "partial");
    CHECK(mts("simple-baseline", {{"eval.py", "from sklearn.dummy import DummyClassifier\n"}}) == "partial");
    CHECK(mts("fairness-checked", {{"eval.py", "from fairlearn.metrics import MetricFrame\n"}}) == "partial");
    CHECK(mts("numerical-stability", {{"train.py", "cb = keras.callbacks.TerminateOnNaN()\n"}}) == "partial");
}

TEST_CASE("ml-test-score evidence: reproducible training from a DVC lock and canaries from rollout configs") {
    CHECK(mts("training-reproducible", {{"dvc.lock", "schema: '2.0'\n"}}) == "yes");
    CHECK(mts("training-reproducible", {{"train.py", "torch.manual_seed(0)\n"}}) == "partial");
    CHECK(mts("canary-before-serving", {{"deploy/isvc.yaml", "spec:\n  predictor:\n    canaryTrafficPercent: 10\n"}}) ==
          "yes");
    CHECK(mts("canary-before-serving", {{"deploy/rollout.yaml", "apiVersion: argoproj.io/v1alpha1\nkind: Rollout\n"}}) ==
          "yes");
    CHECK(mts("canary-before-serving", {{"deploy/deployment.yaml", "kind: Deployment\n"}}) == "-");
}
