#!/usr/bin/env bash
# The CI templates run their shell steps here: action.yml's step (its env mapping of the inputs, then
# ci/run-gate.sh) with GITHUB_STEP_SUMMARY and GITHUB_OUTPUT set to temp files, and the GitLab template's job
# (its variables, then its script). Checks exit codes (0 pass, 1 gate failed, 2 bad input; warn-only turns 1 into
# 0 but never 2), the summary, the outputs and the JSON report artifact.
source "$(dirname "$0")/lib.sh"
ACTION="$MM_SOURCE_DIR/action.yml"
GITLAB="$MM_SOURCE_DIR/ci/gitlab/mlops-maturity.gitlab-ci.yml"
mkdir -p "$TMP/bin" "$TMP/work"
ln -s "$MM_BIN" "$TMP/bin/mlops-maturity"
export PATH="$TMP/bin:$PATH"
cp "$MM_DATA/valid/basic.yaml" "$MM_DATA/answers/basic-level1.yaml" "$TMP/work/"
cd "$TMP/work" || exit 1

# ---- GitHub: run the composite step as the runner would ----
declare -A default=()
while IFS=$'\t' read -r name value; do default[$name]=$value; done < <(
  awk '/^inputs:/ { on = 1; next } /^[a-z]/ { on = 0 }
       on && /^  [a-z-]+:$/ { name = $1; sub(/:$/, "", name) }
       on && /^    default:/ { v = $0; sub(/^    default: */, "", v); gsub(/^"|"$/, "", v); print name "\t" v }' "$ACTION")
if [ "${default[questionnaire]:-}" = mlops ] && [ "${default[format]:-}" = markdown ]; then ok; else
  CODE=0; not_ok "action.yml defaults not read: ${!default[*]}"; fi
run_cmd=$(awk '/^      run: / { sub(/^      run: /, ""); print; exit }' "$ACTION")
if [[ $run_cmd == *ci/run-gate.sh* ]]; then ok; else CODE=0; not_ok "action.yml step does not run ci/run-gate.sh: $run_cmd"; fi

# action INPUT=VALUE...: runs the action's step with those inputs (others at their defaults).
action() {
  declare -A input=()
  local k
  for k in "${!default[@]}"; do input[$k]=${default[$k]}; done
  for kv in "$@"; do input[${kv%%=*}]=${kv#*=}; done
  : >"$TMP/summary.md"
  : >"$TMP/output"
  (
    while IFS=$'\t' read -r var name; do export "$var=${input[$name]:-}"; done < <(
      awk '/^      env:/ { on = 1; next } on && /^        MM_/ { v = $1; sub(/:$/, "", v)
           match($0, /inputs\.[a-z-]+/); print v "\t" substr($0, RSTART + 7, RLENGTH - 7) }' "$ACTION")
    export GITHUB_ACTION_PATH="$MM_SOURCE_DIR" GITHUB_STEP_SUMMARY="$TMP/summary.md" GITHUB_OUTPUT="$TMP/output"
    export GITHUB_ACTIONS=true
    eval "$run_cmd"
  ) >"$TMP/out" 2>"$TMP/err" </dev/null
  CODE=$?
  OUT=$(cat "$TMP/out")
  ERR=$(cat "$TMP/err")
}
has() { # has FILE TEXT description
  if grep -qF -- "$2" "$1"; then ok; else not_ok "$3: $(basename "$1") lacks '$2': $(head -c 600 "$1")"; fi
}

action answers=basic-level1.yaml questionnaire=basic.yaml min-level=1
expect_code 0 "github: gate passes at level 1"
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

# ---- GitLab: the job's variables and script ----
if grep -qE '^ *exit_codes: \[1\]' "$GITLAB"; then ok; else not_ok "gitlab: the warn variant needs allow_failure exit_codes [1]"; fi
gitlab() { # gitlab VAR=VALUE...: runs the .mlops-maturity job's script with its variables (overridden by args)
  (
    eval "$(awk '/^\.mlops-maturity:/ { job = 1; next } /^[^ ]/ { job = 0 }
                 job && /^  variables:/ { on = 1; next } job && /^  [a-z]/ { on = 0 }
                 on && /^    MM_/ { v = $1; sub(/:$/, "", v); $1 = ""; sub(/^ /, ""); print "export " v "=" $0 }' "$GITLAB")"
    export MM_GATE_SCRIPT="$MM_SOURCE_DIR/ci/run-gate.sh"
    for kv in "$@"; do export "$kv"; done
    unset GITHUB_STEP_SUMMARY GITHUB_OUTPUT GITHUB_ACTIONS
    awk '/^\.mlops-maturity:/ { job = 1; next } /^[^ ]/ { job = 0 } job && /^  script:/ { on = 1; next }
         job && /^  [a-z]/ { on = 0 } on && /^    - / { sub(/^    - /, ""); print }' "$GITLAB" >"$TMP/script.sh"
    bash -e "$TMP/script.sh"
  ) >"$TMP/out" 2>"$TMP/err" </dev/null
  CODE=$?
  OUT=$(cat "$TMP/out")
  ERR=$(cat "$TMP/err")
}
rm -f mlops-maturity-report.* mlops-maturity-junit.xml
gitlab MM_ANSWERS=basic-level1.yaml MM_QUESTIONNAIRE=basic.yaml MM_MIN_LEVEL=1
expect_code 0 "gitlab: gate passes"
for artifact in mlops-maturity-report.json mlops-maturity-report.md mlops-maturity-junit.xml; do
  if [ -s "$artifact" ]; then ok; else not_ok "gitlab: artifact $artifact was not written"; fi
done
has mlops-maturity-junit.xml "<testsuite" "gitlab: JUnit report"
gitlab MM_ANSWERS=basic-level1.yaml MM_QUESTIONNAIRE=basic.yaml MM_MIN_LEVEL=3
expect_code 1 "gitlab: gate fails with exit 1 (allowed to fail in the warn variant)"
gitlab MM_ANSWERS=nope.yaml MM_QUESTIONNAIRE=basic.yaml MM_MIN_LEVEL=1
expect_code 2 "gitlab: bad input exits 2 (fails even in the warn variant)"

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
