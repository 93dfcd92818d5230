#!/usr/bin/env bash
# `history`: one team's reports ordered by their dates (not by name or order given), in every format; the
# practices adopted and lost between consecutive reports agree with `diff`; reports of other teams, questionnaire
# versions or scoring rules are shown with a warning; a report without a date or of another questionnaire is an
# error (exit 2).
source "$(dirname "$0")/lib.sh"
REPORTS=$MM_DATA/reports
mkdir -p "$TMP/h"
# The saved fixtures of `diff` (tests/e2e/test_diff.sh knows what changed between them), dated. File names sort in
# another order than the dates: history must go by date.
dated() { # dated FIXTURE DATE OUT
  python3 - "$REPORTS/$1.json" "$2" "$3" <<'PY'
import json, sys
r = json.load(open(sys.argv[1], encoding="utf-8"))
r["date"] = sys.argv[2]
json.dump(r, open(sys.argv[3], "w", encoding="utf-8"), ensure_ascii=False, indent=2)
PY
}
dated acme-q1 2026-01-15 "$TMP/h/c-january.json"
dated acme-q2 2026-04-15 "$TMP/h/a-april.json"
dated acme-q1 2026-07-15 "$TMP/h/b-july.json"

run history "$TMP/h" -f json
expect_code 0 "history of a directory"
if python3 - "$OUT" >"$TMP/py" 2>&1 <<'PY'
import json, sys
h = json.loads(sys.argv[1])
dates = [r["date"] for r in h["reports"]]
assert dates == ["2026-01-15", "2026-04-15", "2026-07-15"], dates
assert [r["overall"]["level"] for r in h["reports"]] == [0, 1, 0], h["reports"]
first = h["changes"][0]
assert sorted(x["question"] for x in first["adopted"]) == ["business-kpis-documented", "data-schema", "model-cards",
                                                          "model-provenance", "upstream-change-alerts"], first
assert sorted(x["question"] for x in first["lost"]) == ["model-validation-gate", "serving-auth"], first
second = h["changes"][1]
assert sorted(x["question"] for x in second["adopted"]) == ["model-validation-gate", "serving-auth"], second
assert sorted(x["question"] for x in second["lost"]) == sorted(x["question"] for x in first["adopted"]), second
assert h["notes"] == [], h["notes"]
assert h["reports"][0]["dimensions"]["data"] is not None
PY
then ok; else not_ok "history json: $(cat "$TMP/py")"; fi

run history "$TMP/h/b-july.json" "$TMP/h/c-january.json" "$TMP/h/a-april.json"
expect_code 0 "history text"
expect_out "History: " "text heading"
expect_out "2026-01-15  2026-04-15  2026-07-15" "text columns in date order"
expect_out "2026-01-15 → 2026-04-15
  + business-kpis-documented" "text: practices adopted"
expect_out "  - serving-auth  [serving, level 3] lost" "text: practices lost"
expect_out "overall      0           1 ▲         0 ▼" "text: the overall level moves"
expect_empty_err() { if [ -z "$ERR" ]; then ok; else not_ok "$1: stderr should be empty"; fi; }
expect_empty_err "one team, one questionnaire version: no warning"

run history "$TMP/h" -f markdown
expect_out "| Date | Report | Overall | Score |" "markdown table"
expect_out "- **lost** \`serving-auth\`" "markdown lost"
run history "$TMP/h" -f html -o "$TMP/history.html"
expect_code 0 "html to a file"
OUT=$(cat "$TMP/history.html")
expect_out "<svg class=\"chart\"" "html has the SVG chart"
expect_out "<polyline" "html has lines"
expect_no_out "<script" "html has no script"

# Another team in the same folder: shown, with a warning.
dated beta 2026-10-01 "$TMP/h/d-beta.json"
run history "$TMP/h"
expect_code 0 "two teams still give a history"
expect_err "mlops-maturity: warning: the reports are of 2 teams: 'ACME recommendations' (" "a warning names the teams"

# A report without a date, and one of another questionnaire: errors.
cp "$REPORTS/acme-q1.json" "$TMP/undated.json"
run history "$TMP/h/a-april.json" "$TMP/undated.json"
expect_code 2 "a report without a date"
expect_err "undated.json: error: the report has no date, so it has no place in a history" "the undated error"
"$MM_BIN" assess -q "$MM_DATA/valid/basic.yaml" -a "$MM_DATA/answers/basic-level1.yaml" --no-input -f json \
  --date 2026-02-01 -o "$TMP/basic.json" 2>/dev/null
run history "$TMP/h/a-april.json" "$TMP/basic.json"
expect_code 2 "a report of another questionnaire"
expect_err "a history follows one questionnaire" "the questionnaire error"
mkdir -p "$TMP/empty"
run history "$TMP/empty"
expect_code 2 "an empty directory"
expect_err "no JSON reports (*.json) in this directory" "the empty directory error"

run_stdin "$REPORTS/beta.json" history - -
expect_code 2 "history reads standard input once"
expect_err "mlops-maturity: error: history: standard input ('-') can be given only once" "history says so"

finish
