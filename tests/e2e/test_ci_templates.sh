#!/usr/bin/env bash
# The CI templates run their shell steps here (tests/e2e/ci_runner.py): action.yml's steps (the env mapping of
# the inputs, the install step, then ci/run-gate.sh) with GITHUB_STEP_SUMMARY and GITHUB_OUTPUT set to temp files,
# and the GitLab template's job (its variables, then its script), with the tool on PATH, so that neither installs
# it (test_ci_install.sh tests the install). Checks exit codes (0 pass, 1 gate failed, 2 bad input; warn-only
# turns 1 into 0 but never 2), the summary, the outputs and the JSON report artifact.
source "$(dirname "$0")/lib.sh"
RUNNER="$(dirname "$0")/ci_runner.py"
if ! python3 -c 'import yaml' 2>/dev/null; then echo "skipped: needs python3 and PyYAML (python3-yaml)"; exit 77; fi
ACTION="$MM_SOURCE_DIR/action.yml"
GITLAB="$MM_SOURCE_DIR/ci/gitlab/mlops-maturity.gitlab-ci.yml"
mkdir -p "$TMP/bin" "$TMP/work"
ln -s "$MM_BIN" "$TMP/bin/mlops-maturity"
export PATH="$TMP/bin:$PATH"
cp "$MM_DATA/valid/basic.yaml" "$MM_DATA/answers/basic-level1.yaml" "$TMP/work/"
cd "$TMP/work" || exit 1

# ---- GitHub: run the composite action's steps as the runner would (tests/e2e/ci_runner.py) ----
default_install=$(python3 - "$ACTION" <<'PY'
import sys, yaml
print(yaml.safe_load(open(sys.argv[1]))["inputs"]["install"]["default"])
PY
)
if [ "$default_install" = auto ]; then ok; else CODE=0; not_ok "action.yml: install should default to auto, not '$default_install'"; fi

# action INPUT=VALUE...: runs the action's steps with those inputs (others at their defaults).
action() {
  : >"$TMP/summary.md"
  : >"$TMP/output"
  : >"$TMP/path"
  GITHUB_ACTION_PATH="$MM_SOURCE_DIR" GITHUB_STEP_SUMMARY="$TMP/summary.md" GITHUB_OUTPUT="$TMP/output" \
    GITHUB_PATH="$TMP/path" GITHUB_ACTIONS=true RUNNER_TEMP="$TMP/runner" \
    python3 "$RUNNER" action "$ACTION" "$@" >"$TMP/out" 2>"$TMP/err" </dev/null
  CODE=$?
  OUT=$(cat "$TMP/out")
  ERR=$(cat "$TMP/err")
}
has() { # has FILE TEXT description
  if grep -qF -- "$2" "$1"; then ok; else not_ok "$3: $(basename "$1") lacks '$2': $(head -c 600 "$1")"; fi
}

action answers=basic-level1.yaml questionnaire=basic.yaml min-level=1
expect_code 0 "github: gate passes at level 1"
expect_out "Using $TMP/bin/mlops-maturity" "github: install=auto uses the tool on PATH"
if [ -e "$TMP/runner" ] || [ -s "$TMP/path" ]; then not_ok "github: install=auto built the tool although it was on PATH"; else ok; fi
has "$TMP/output" "exit-code=0" "github: outputs"
has "$TMP/output" "report=mlops-maturity-report.json" "github: outputs"
has "$TMP/output" "level=1" "github: outputs"
has "$TMP/summary.md" "Basic test model" "github: the summary names the questionnaire"
has "$TMP/summary.md" "|" "github: the summary is Markdown (a table)"
if grep -q '^```' "$TMP/summary.md"; then not_ok "github: the summary should be Markdown, not a code block"; else ok; fi
run report mlops-maturity-report.json -f json
expect_code 0 "github: the JSON report artifact reads back"
expect_out '"schema_version": 1' "github: the JSON report artifact"

action answers=basic-level1.yaml questionnaire=basic.yaml min-level="2 data=1"
expect_code 1 "github: gate fails at level 2"
has "$TMP/output" "exit-code=1" "github: outputs on a failed gate"
has "$TMP/summary.md" "Basic test model" "github: the summary is written on a failed gate too"
expect_err "the gate failed" "github: failed gate message"

action answers=basic-level1.yaml questionnaire=basic.yaml min-level=2 warn-only=true
expect_code 0 "github: warn-only turns a failed gate into a warning"
expect_out "::warning" "github: warn-only emits a workflow warning"

action answers=basic-level1.yaml questionnaire=basic.yaml format=text
expect_code 0 "github: no bars, text summary"
has "$TMP/summary.md" '```' "github: a text summary is a code block"

action answers=missing.yaml questionnaire=basic.yaml min-level=1 warn-only=true
expect_code 2 "github: a missing answers file fails even with warn-only"
expect_err "missing.yaml" "github: the error names the file"
has "$TMP/summary.md" "could not run (exit 2)" "github: the summary says the assessment could not run"
if grep -q '^report=' "$TMP/output"; then not_ok "github: no report output without a report"; else ok; fi

printf 'questionnaire: basic\nanswers:\n  data-documented: maybe\n' >bad.yaml
action answers=bad.yaml questionnaire=basic.yaml
expect_code 2 "github: invalid answers fail"
expect_err "bad.yaml:3:20: error: invalid answer 'maybe'" "github: the located error is in the log"

action answers=basic-level1.yaml questionnaire=basic.yaml min-level=7
expect_code 2 "github: an impossible bar is bad input"

action answers=""
expect_code 2 "github: no answers input"

action answers=basic-level1.yaml questionnaire=basic.yaml install=sometimes
expect_code 2 "github: an unknown install mode"
expect_out "install must be auto, source or none, not 'sometimes'" "github: the install error names the modes"
action answers=basic-level1.yaml questionnaire=basic.yaml install=none binary=no-such-mlops-maturity
expect_code 2 "github: install=none and no tool"
expect_err "'no-such-mlops-maturity' not found: install mlops-maturity first" "github: install=none and no tool"

# ---- GitLab: the job's variables and script ----
image=$(python3 "$RUNNER" gitlab-key "$GITLAB" .mlops-maturity-warn image)
if [ "$image" = '"debian:12"' ]; then ok; else not_ok "gitlab: the job's image is $image, not the Debian 12 that ci/install.sh builds on"; fi
if grep -qE '^ *exit_codes: \[1\]' "$GITLAB"; then ok; else not_ok "gitlab: the warn variant needs allow_failure exit_codes [1]"; fi
gitlab() { # gitlab VAR=VALUE...: runs the .mlops-maturity job (its variables, overridden by the args); an install
  # would clone from nowhere into $TMP and fail
  env -u GITHUB_STEP_SUMMARY -u GITHUB_OUTPUT -u GITHUB_ACTIONS -u GITHUB_PATH \
    python3 "$RUNNER" gitlab "$GITLAB" .mlops-maturity MM_TOOL_REPO="file://$TMP/no-repo" \
    MM_TOOL_SRC="$TMP/gitlab-src" MM_BUILD_DIR="$TMP/gitlab-build" MM_PREFIX="$TMP/gitlab-prefix" "$@" >"$TMP/out" 2>"$TMP/err" </dev/null
  CODE=$?
  OUT=$(cat "$TMP/out")
  ERR=$(cat "$TMP/err")
}
rm -f mlops-maturity-report.* mlops-maturity-junit.xml
gitlab MM_ANSWERS=basic-level1.yaml MM_QUESTIONNAIRE=basic.yaml MM_MIN_LEVEL=1 MM_GATE_SCRIPT="$MM_SOURCE_DIR/ci/run-gate.sh"
expect_code 0 "gitlab: gate passes"
if [ -e "$TMP/gitlab-src" ]; then not_ok "gitlab: MM_INSTALL=auto cloned the tool although it was on PATH"; else ok; fi
for artifact in mlops-maturity-report.json mlops-maturity-report.md mlops-maturity-junit.xml; do
  if [ -s "$artifact" ]; then ok; else not_ok "gitlab: artifact $artifact was not written"; fi
done
has mlops-maturity-junit.xml "<testsuite" "gitlab: JUnit report"
gitlab MM_ANSWERS=basic-level1.yaml MM_QUESTIONNAIRE=basic.yaml MM_MIN_LEVEL=3 MM_GATE_SCRIPT="$MM_SOURCE_DIR/ci/run-gate.sh"
expect_code 1 "gitlab: gate fails with exit 1 (allowed to fail in the warn variant)"
gitlab MM_ANSWERS=nope.yaml MM_QUESTIONNAIRE=basic.yaml MM_MIN_LEVEL=1 MM_GATE_SCRIPT="$MM_SOURCE_DIR/ci/run-gate.sh"
expect_code 2 "gitlab: bad input exits 2 (fails even in the warn variant)"
gitlab MM_ANSWERS=basic-level1.yaml MM_INSTALL=none MM_BIN=no-such-mlops-maturity
expect_code 2 "gitlab: MM_INSTALL=none and no tool"
expect_err "no-such-mlops-maturity not found (MM_INSTALL=none)" "gitlab: MM_INSTALL=none and no tool"
gitlab MM_ANSWERS=basic-level1.yaml MM_INSTALL=sometimes
expect_code 2 "gitlab: an unknown install mode"
expect_err "MM_INSTALL must be auto, source or none, not 'sometimes'" "gitlab: an unknown install mode"

# Both templates are valid YAML (when PyYAML is there to say so).
for py in /usr/bin/python3 python3; do
  if "$py" -c 'import yaml' 2>/dev/null; then
    for f in "$ACTION" "$GITLAB"; do
      if "$py" -c 'import sys, yaml; yaml.safe_load(open(sys.argv[1]))' "$f" 2>"$TMP/yaml.err"; then ok; else
        not_ok "$(basename "$f") is not valid YAML: $(cat "$TMP/yaml.err")"; fi
    done
    break
  fi
done
finish
