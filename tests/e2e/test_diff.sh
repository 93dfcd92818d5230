#!/usr/bin/env bash
# `diff`: known answers on two quarters of one team (tests/data/reports/acme-q{1,2}-answers.yaml differ in nine
# answers), exit codes with --fail-on-regression, and refusal of reports that cannot be compared.
source "$(dirname "$0")/lib.sh"
REPORTS=$MM_DATA/reports
GOLDEN=$MM_DATA/golden/reports
ext() { case $1 in text) echo txt ;; markdown) echo md ;; json) echo json ;; esac; }

for format in text json markdown; do
  (cd "$REPORTS" && "$MM_BIN" diff acme-q1.json acme-q2.json -f "$format" >"$TMP/diff.$format" 2>"$TMP/err") </dev/null
  CODE=$?
  expect_code 0 "diff -f $format (no --fail-on-regression)"
  expect_file_same "$GOLDEN/diff-acme.$(ext "$format")" "$TMP/diff.$format" "golden diff-acme.$(ext "$format")"
done

# Known answers: overall 0 -> 1; data, monitoring, governance up; testing down (the validation gate was
# switched off); five practices adopted, two lost, 37 still open.
run diff "$REPORTS/acme-q1.json" "$REPORTS/acme-q2.json" -f json
if python3 - "$OUT" >"$TMP/py" 2>&1 <<'PY'
import json, sys
d = json.loads(sys.argv[1])
assert d["overall"] == {"old": 0, "new": 1, "change": 1, "old_score": d["overall"]["old_score"], "new_score": d["overall"]["new_score"]}, d["overall"]
changes = {x["id"]: x["change"] for x in d["dimensions"]}
assert changes == {"data": 1, "experiments": 0, "pipelines": 0, "testing": -1, "deployment": 0, "serving": 0,
                   "monitoring": 1, "governance": 1, "platform": 0}, changes
assert sorted(x["question"] for x in d["adopted"]) == ["business-kpis-documented", "data-schema", "model-cards",
                                                      "model-provenance", "upstream-change-alerts"], d["adopted"]
assert sorted(x["question"] for x in d["lost"]) == ["model-validation-gate", "serving-auth"], d["lost"]
assert len(d["still_open"]) == 37, len(d["still_open"])
mon = [x for x in d["still_open"] if x["question"] == "model-monitoring"][0]
assert (mon["old_level"], mon["level"]) == (2, 4), mon   # a choice question that moved up one option
assert d["regressed"] is True
PY
then ok; else not_ok "diff known answers: $(cat "$TMP/py")"; fi

# --fail-on-regression: 1 when any level went down, 0 otherwise; the diff is printed either way.
run diff "$REPORTS/acme-q1.json" "$REPORTS/acme-q2.json" --fail-on-regression
expect_code 1 "testing went down: exit 1"
expect_out "ML testing and validation                       2    1  ▼ -1" "the regression is shown"
expect_err "regression: a maturity level went down" "regression message"
run diff "$REPORTS/acme-q1.json" "$REPORTS/acme-q1.json" --fail-on-regression
expect_code 0 "no change: exit 0"
expect_out "Still open (42)" "nothing adopted or lost against itself"
expect_no_out "Newly adopted" "nothing adopted against itself"
run diff "$REPORTS/beta.json" "$REPORTS/gamma.json" --fail-on-regression
expect_code 0 "only improvements: exit 0"
run diff "$REPORTS/acme-q2.json" "$REPORTS/acme-q1.json" --fail-on-regression -f markdown
expect_code 1 "backwards: overall went down"
expect_out "> [!WARNING]" "markdown warns about the regression"

# Different questionnaires cannot be compared; a changed questionnaire (same id) only warns.
run diff "$REPORTS/acme-q1.json" "$REPORTS/hostile.json"
expect_code 2 "different questionnaires: exit 2"
expect_err "hostile.json: error: is a report of questionnaire 'hostile', but" "mismatch message names the file"
expect_err "diff compares two assessments of the same questionnaire" "mismatch message says why"
sed 's/"digest": "sha256:[0-9a-f]*"/"digest": "sha256:0000"/' "$REPORTS/acme-q2.json" >"$TMP/acme-q2-other-digest.json"
run diff "$REPORTS/acme-q1.json" "$TMP/acme-q2-other-digest.json"
expect_code 0 "changed digest still diffs"
expect_err "warning: the questionnaire 'mlops' changed between the two reports" "digest warning"
run diff "$REPORTS/acme-q1.json" "$REPORTS/acme-q2.json"
expect_code 0 "same rule"
if [[ $ERR == *"scored by different rules"* ]]; then not_ok "no rule warning when both reports are rule 1"; else ok; fi
sed 's/"scoring_rule": 1,/"scoring_rule": 2,/' "$REPORTS/acme-q2.json" >"$TMP/acme-q2-rule2.json"
run diff "$REPORTS/acme-q1.json" "$TMP/acme-q2-rule2.json"
expect_code 0 "a changed rule still diffs"
expect_err "warning: the reports were scored by different rules (rule 1 -> rule 2, see docs/scoring.md)" "rule warning"
run diff "$REPORTS/acme-q1.json" "$REPORTS/schema-v2.json"
expect_code 2 "unknown schema version"
expect_err "report schema version 2 is not supported" "schema message"
run diff "$REPORTS/acme-q1.json"
expect_code 2 "one report only"
run diff - -
expect_code 2 "stdin twice"
expect_err "only one of OLD and NEW can be standard input" "stdin twice: the message says why"
run diff "$REPORTS/acme-q1.json" "$REPORTS/acme-q2.json" -f html
expect_code 2 "html is not a diff format"
run diff "$REPORTS/acme-q1.json" "$REPORTS/acme-q2.json" -o "$TMP/d.txt"
expect_code 0 "diff -o"
expect_empty_out "diff -o writes nothing to stdout"
[ -s "$TMP/d.txt" ] && ok || not_ok "diff -o wrote the file"
finish
