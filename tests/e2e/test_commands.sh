#!/usr/bin/env bash
# list, show, validate, init, --help and --version, and usage errors mapped to exit 2.
source "$(dirname "$0")/lib.sh"
Q=$MM_DATA/valid/basic.yaml

run --version
expect_code 0 "--version"
expect_out "mlops-maturity 0." "version text"
run --help
expect_code 0 "--help"
COMMANDS="assess list show validate init scan report diff aggregate"
for cmd in $COMMANDS; do expect_out "
  $cmd " "--help lists $cmd as a subcommand"; done
expect_out "Exit codes: 0 ok, 1 gate failed, 2 usage error or bad input" "exit codes in help"
for cmd in $COMMANDS; do
  run "$cmd" --help
  expect_code 0 "$cmd --help"
  expect_out "Usage: mlops-maturity $cmd" "$cmd --help is its own"
  expect_out "Example" "$cmd --help has examples"
done
run
expect_code 2 "no subcommand"
run frobnicate
expect_code 2 "unknown subcommand"
run assess --no-such-option
expect_code 2 "unknown option (CLI11's 109 mapped to 2)"
run assess -f pdf
expect_code 2 "invalid format (CLI11's 105 mapped to 2)"

run list
expect_code 0 list
expect_out "mlops " "list names mlops"
run list -f json
expect_out '"id": "mlops"' "list json"

run show "$Q"
expect_code 0 show
expect_out "Basic test model (basic 1.0, 7 questions)" "show headline"
expect_out "release-path" "show questions"
run show "$Q" -f json
expect_code 0 "show json"
printf '%s' "$OUT" | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["id"]=="basic" and len(d["dimensions"])==2' \
  && ok || not_ok "show -f json has the YAML's keys"
# Every evidence rule of every built-in questionnaire, as show -f json gives it, is the rule its YAML writes.
for q in mlops mlops-ct mlops-org genaiops ml-test-score; do
  run show "$q" -f json
  printf '%s' "$OUT" | python3 -c '
import json, sys, yaml
shown = json.load(sys.stdin)
written = yaml.safe_load(open(sys.argv[1]))
def norm(rule):
    rule = {k: (norm_all(v) if k == "all" else v) for k, v in rule.items()}
    if rule.get("suggests") == "yes": del rule["suggests"]
    if rule.get("ignore_case") is False: del rule["ignore_case"]
    return rule
def norm_all(rules): return [norm(r) for r in rules]
def rules(d): return {q["id"]: norm_all(q.get("evidence", [])) for dim in d["dimensions"] for q in dim["questions"]}
a, b = rules(shown), rules(written)
assert a == b, [k for k in a if a[k] != b.get(k)]
' "$MM_SOURCE_DIR/questionnaires/$q.yaml" && ok || not_ok "show $q -f json: every evidence rule as written"
done

run show nonexistent
expect_code 2 "show unknown"
expect_err "no built-in questionnaire or file named 'nonexistent'" "unknown questionnaire message"

run validate "$Q"
expect_code 0 validate
expect_out "valid (basic, 4 levels, 2 dimensions, 7 questions)" "validate summary"
expect_no_out "warnings" "no warnings for a complete questionnaire"
cat >"$TMP/gappy.yaml" <<'YAML'
id: gappy
title: Gappy
version: "1"
levels: [{level: 0, name: A}, {level: 1, name: B}, {level: 2, name: C}]
dimensions:
  - id: d
    name: D
    questions:
      - {id: q, level: 1, text: "Q?", practice: Do it.}
YAML
run validate "$TMP/gappy.yaml"
expect_code 0 "warnings alone do not fail validate"
expect_err "$TMP/gappy.yaml:6:5: warning: dimension 'd' has no question at level 2, so that level is met by default" "lint warning"
run validate --strict "$TMP/gappy.yaml"
expect_code 2 "validate --strict fails on warnings"
printf 'id: x\n' >"$TMP/broken.yaml"
run validate "$Q" "$TMP/broken.yaml"
expect_code 2 "validate reports an invalid file"
expect_err "$TMP/broken.yaml:1:1: error: missing required key 'title'" "validate names the file and position"
expect_err "missing required key 'dimensions'" "validate reports every problem"
run validate "$TMP"
expect_code 2 "a directory"
expect_err "is a directory" "directory message"

run init -q "$Q"
expect_code 0 "init to stdout"
expect_out "questionnaire: basic" "template names the questionnaire"
expect_out "  # [choice] How does a model reach production?" "template shows the question"
expect_out "  #   2 = By a pipeline" "template shows choice options"
run init -q "$Q" -o "$TMP/answers.yaml"
expect_code 0 "init -o"
run init -q "$Q" -o "$TMP/answers.yaml"
expect_code 2 "init refuses to overwrite answers"
expect_err "already exists" "overwrite message"
run init -q "$Q" -o "$TMP/answers.yaml" --force
expect_code 0 "init --force"
# The template is itself a valid answers file: all unanswered.
run assess -q "$Q" -a "$TMP/answers.yaml" -f json
expect_code 0 "template is a valid answers file"
expect_out '"data-documented"' "unanswered listed"
builtins=$("$MM_BIN" list -f json | python3 -c 'import json,sys; print(" ".join(x["id"] for x in json.load(sys.stdin)))')
[ "$(wc -w <<<"$builtins")" -eq 5 ] && ok || not_ok "list -f json names the five built-ins: '$builtins'"
for b in $builtins; do
  run init -q "$b"
  expect_code 0 "init -q $b"
  printf '%s\n' "$OUT" >"$TMP/$b.yaml"
  run assess -q "$b" -a "$TMP/$b.yaml" -f json
  expect_code 0 "init template for $b reads back"
done
finish
