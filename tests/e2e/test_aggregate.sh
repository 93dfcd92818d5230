#!/usr/bin/env bash
# `aggregate`: known answers on four teams' reports, the formats against golden files, team names, CSV safety,
# and refusal of reports of different questionnaires.
source "$(dirname "$0")/lib.sh"
REPORTS=$MM_DATA/reports
GOLDEN=$MM_DATA/golden/reports
FOUR=(acme-q1.json acme-q2.json beta.json gamma.json)
ext() { case $1 in text) echo txt ;; markdown) echo md ;; *) echo "$1" ;; esac; }

for format in text json markdown html csv; do
  (cd "$REPORTS" && "$MM_BIN" aggregate "${FOUR[@]}" -f "$format" >"$TMP/agg.$format" 2>"$TMP/err") </dev/null
  CODE=$?
  expect_code 0 "aggregate -f $format"
  expect_file_same "$GOLDEN/aggregate.$(ext "$format")" "$TMP/agg.$format" "golden aggregate.$(ext "$format")"
done

# Known answers: acme-q1 and acme-q2 are two reports of one team (ACME recommendations), neither dated: the one
# given later (acme-q2) is kept in the team's row. Overall levels 1, 0, 2; gamma has no team in its report, so its
# file name is used.
(cd "$REPORTS" && "$MM_BIN" aggregate "${FOUR[@]}" -f json >"$TMP/agg.json") </dev/null
if python3 - "$TMP/agg.json" "$REPORTS" >"$TMP/py" 2>&1 <<'PY'
import json, sys
a = json.load(open(sys.argv[1]))
assert a["overall_distribution"] == [1, 1, 1, 0, 0], a["overall_distribution"]
assert [t["team"] for t in a["teams"]] == ["ACME recommendations", "Beta (proof of concept)", "gamma"], \
    [t["team"] for t in a["teams"]]
assert [t["source"] for t in a["teams"]] == ["acme-q2.json", "beta.json", "gamma.json"]
assert a["superseded"] == [{"team": "ACME recommendations", "source": "acme-q1.json", "kept_source": "acme-q2.json"}]
assert [t["overall"] for t in a["teams"]] == [1, 0, 2]
assert [t["target"] for t in a["teams"]] == [3, 1, 4]
assert a["teams"][2]["levels"]["data"] == 3 and a["teams"][1]["levels"]["testing"] == 1
data = [d for d in a["dimensions"] if d["id"] == "data"][0]
assert data["distribution"] == [1, 0, 1, 1, 0] and data["mean"] == 1.67, data
# Ranked by teams that need the practice for their target: at most 3, never more than it is missing.
top = a["most_missing"]
assert len(top) == 15 and all(p["needed"] <= p["missing"] <= 3 for p in top)
assert [p["needed"] for p in top] == sorted((p["needed"] for p in top), reverse=True)
# Recount practices from the reports kept: the left-out report counts nowhere.
for p in top:
    count = sum(any(g["question"] == p["question"] for g in json.load(open(sys.argv[2] + "/" + f))["gaps"]) for f in
                ["acme-q2.json", "beta.json", "gamma.json"])
    assert p["missing"] == count, (p["question"], p["missing"], count)
PY
then ok; else not_ok "aggregate known answers: $(cat "$TMP/py")"; fi

run aggregate "$REPORTS/beta.json" --top 3 -f json
expect_code 0 "one report"
expect_out '"practices_missing": ' "practices counted"
[ "$(printf '%s' "$OUT" | grep -c '"needed":')" -eq 3 ] && ok || not_ok "--top 3 lists three"

# Team names in CSV cannot run as spreadsheet formulas; quotes and commas are quoted.
sed 's/"team": "Beta (proof of concept)"/"team": "=HYPERLINK(\\"http:\/\/x\\",\\"a,b\\")"/' "$REPORTS/beta.json" >"$TMP/evil.json"
run aggregate "$TMP/evil.json" -f csv
expect_code 0 "csv with a hostile team"
expect_out "\"'=HYPERLINK(\"\"http://x\"\",\"\"a,b\"\")\"" "csv neutralises a formula and quotes"
# A control character in a team name is dropped, as in the gap CSV (one cell escaper, render_escape_csv.hpp).
sed 's/"team": "Beta (proof of concept)"/"team": "Be\\u0007ta"/' "$REPORTS/beta.json" >"$TMP/bell.json"
run aggregate "$TMP/bell.json" -f csv
expect_code 0 "csv with a control character in a team"
expect_out "$(printf '\r\nBeta,')" "csv drops the control character"
run aggregate "$REPORTS/hostile.json" -f html
expect_code 0 "html of a hostile report"
expect_no_out "<script>" "html escapes team and texts"
expect_out "&lt;script&gt;" "html shows the hostile text, escaped"
run aggregate "$REPORTS/hostile.json" -f markdown
expect_code 0 "markdown of a hostile report"
expect_no_out "<script>" "markdown escapes team and texts"
expect_out "&lt;script&gt;" "markdown shows the hostile text, escaped"

# One questionnaire only.
run aggregate "$REPORTS/acme-q1.json" "$REPORTS/hostile.json" "$REPORTS/beta.json"
expect_code 2 "different questionnaires: exit 2"
expect_err "hostile.json: error: is a report of questionnaire 'hostile', but" "mismatch names the file"
expect_err "aggregate compares reports of one questionnaire" "mismatch says why"
sed 's/"digest": "sha256:[0-9a-f]*"/"digest": "sha256:0000"/' "$REPORTS/beta.json" >"$TMP/beta-old.json"
run aggregate "$REPORTS/acme-q1.json" "$TMP/beta-old.json"
expect_code 0 "different digests aggregate"
expect_err "warning: the reports were made with 2 different versions of questionnaire 'mlops'" "digest warning"
run aggregate "$REPORTS/acme-q1.json" "$REPORTS/schema-v2.json"
expect_code 2 "unknown schema version"
expect_err "schema-v2.json: error: report schema version 2 is not supported" "schema message"
printf '{"schema_version": 1, "questionnaire": []}' >"$TMP/bad.json"
run aggregate "$REPORTS/acme-q1.json" "$TMP/bad.json"
expect_code 2 "wrong shape"
expect_err "questionnaire: expected an object" "shape message"
run aggregate
expect_code 2 "no reports"
run aggregate "$REPORTS/beta.json" -f pdf
expect_code 2 "unknown format"
# Reports scored by different rules (docs/scoring.md): compared, but with a warning that says so.
sed 's/"scoring_rule": 1/"scoring_rule": 2/' "$MM_DATA/reports/beta.json" >"$TMP/beta-rule2.json"
run aggregate "$MM_DATA/reports/acme-q1.json" "$TMP/beta-rule2.json"
expect_code 0 "aggregate of two scoring rules"
expect_err "mlops-maturity: warning: the reports were scored by different scoring rules (1 and 2, docs/scoring.md)" \
  "a warning names the rules"
run aggregate "$MM_DATA/reports/acme-q1.json" "$MM_DATA/reports/beta.json"
expect_no_err() { if [[ $ERR == *"$1"* ]]; then not_ok "$2: stderr has '$1'"; else ok; fi; }
expect_no_err "scoring rules" "one rule: no warning"

# Many reports, more than the reading threads keep in flight at once: every one is added, in the order given, and
# of several bad ones the first given is the one reported, whichever a thread happened to read first.
mkdir "$TMP/many"
python3 - "$REPORTS/beta.json" "$TMP/many" <<'PY'
import sys
text = open(sys.argv[1]).read()
for i in range(1, 301):
    open(f"{sys.argv[2]}/r{i:03}.json", "w").write(text.replace('"team": "Beta (proof of concept)"', f'"team": "T{i:03}"'))
PY
run aggregate "$TMP"/many/r*.json -f json
expect_code 0 "aggregate of 300 reports"
if python3 -c 'import json, sys; t = [r["team"] for r in json.load(sys.stdin)["teams"]]; assert t == [f"T{i:03}" for i in range(1, 301)], t' \
  <"$TMP/out" 2>"$TMP/py"; then ok; else not_ok "300 reports, each a row, in the order given: $(cat "$TMP/py")"; fi
printf '{"schema_version": 1,' >"$TMP/many/r250.json"
cp "$REPORTS/hostile.json" "$TMP/many/r290.json"
run aggregate "$TMP"/many/r*.json
expect_code 2 "a damaged report among 300"
expect_err "r250.json:1:" "the damaged report is named, with its line"
cp "$REPORTS/hostile.json" "$TMP/many/r120.json"
run aggregate "$TMP"/many/r*.json
expect_code 2 "a report of another questionnaire before the damaged one"
expect_err "r120.json: error: is a report of questionnaire 'hostile'" "the first bad report given is the one named"

# Standard input can be read once; the error is the tool's, not a file's.
run_stdin "$MM_DATA/reports/beta.json" aggregate - -
expect_code 2 "aggregate reads standard input once"
expect_err "mlops-maturity: error: aggregate: standard input ('-') can be given only once" "aggregate says so"

finish
