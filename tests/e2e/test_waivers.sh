#!/usr/bin/env bash
# Waivers (docs/answers-format.md, "Waivers"): a waived gap keeps the gate passing up to and including its expiry
# date and fails it the day after, naming the expired waiver; every report format marks the gap as waived and shows
# the level with and without waivers; --today and SOURCE_DATE_EPOCH choose the day; bad waivers are located errors.
source "$(dirname "$0")/lib.sh"
B="$MM_DATA/valid/basic.yaml"

# basic-level1 with data-versioned (level 2 of data) waived until 2027-01-31: data reaches 2 only with the waiver.
cat >"$TMP/waived.yaml" <<'YAML'
questionnaire: basic
profile:
  serving: batch
answers:
  data-documented: yes
  data-versioned: partial
  data-validated: yes
  data-lineage: no
  release-process: yes
  release-path: 2
waivers:
  - question: data-versioned
    reason: Moving the last datasets to DVC this quarter
    owner: alice
    expires: 2027-01-31
YAML

run assess -q "$B" -a "$TMP/waived.yaml" --min-level data=2 --today 2027-01-31
expect_code 0 "the gate passes on the waiver's last day"
expect_out "With waivers: level" "the text report shows the level with waivers"
expect_out "Waived until 2027-01-31 (last day), owner alice: Moving the last datasets" \
  "the waived gap says until when, who and why"
expect_out "Gate passed" "the report says the gate passed"

run assess -q "$B" -a "$TMP/waived.yaml" --min-level data=2 --today 2027-01-30
expect_code 0 "the gate passes the day before"
expect_out "(1 day left)" "one day left"

run assess -q "$B" -a "$TMP/waived.yaml" --min-level data=2 --today 2027-02-01
expect_code 1 "the gate fails the day after the waiver expires"
expect_err "gate failed: data: level 1 < 2" "the failed bar"
expect_err "gate failed: the waiver for 'data-versioned' (owner alice) expired on 2027-01-31: its gap counts again" \
  "the failure names the expired waiver"
expect_err "waived.yaml:15:14: warning: the waiver for 'data-versioned' (owner alice) expired on 2027-01-31 (1 day ago)" \
  "a located warning at the expiry date"
expect_out "Waiver expired on 2027-01-31 (1 day ago)" "the report marks the waiver as expired"

# Without --today, SOURCE_DATE_EPOCH gives the day (2027-01-31 00:00 UTC, then a day later).
SOURCE_DATE_EPOCH=1801353600 run assess -q "$B" -a "$TMP/waived.yaml" --min-level data=2
expect_code 0 "SOURCE_DATE_EPOCH on the last day"
SOURCE_DATE_EPOCH=1801440000 run assess -q "$B" -a "$TMP/waived.yaml" --min-level data=2
expect_code 1 "SOURCE_DATE_EPOCH the day after"

run assess -q "$B" -a "$TMP/waived.yaml" --today 2027-13-01
expect_code 2 "a malformed --today"
expect_err "--today: '2027-13-01' is not a date" "the --today error"

# Every format marks the gap.
run assess -q "$B" -a "$TMP/waived.yaml" --today 2027-01-01 -f json
expect_code 0 "json"
if python3 - "$OUT" >"$TMP/py" 2>&1 <<'PY'
import json, sys
r = json.loads(sys.argv[1])
w = r["waivers"]
assert w["today"] == "2027-01-01", w
assert w["entries"] == [{"question": "data-versioned", "dimension": "data", "reason": "Moving the last datasets to DVC this quarter",
                         "owner": "alice", "expires": "2027-01-31", "status": "valid", "days_left": 30}], w["entries"]
assert {d["id"]: d["level"] for d in w["dimensions"]}["data"] == 2, w["dimensions"]
assert {d["id"]: d["level"] for d in r["dimensions"]}["data"] == 1, "the report's own level stays without waivers"
gap = [g for g in r["gaps"] if g["question"] == "data-versioned"][0]
assert gap["waived"] is True, gap
assert all("waived" not in g for g in r["gaps"] if g["question"] != "data-versioned")
PY
then ok; else not_ok "json waivers: $(cat "$TMP/py")"; fi
printf '%s\n' "$OUT" >"$TMP/r.json"
run report "$TMP/r.json" -f json
expect_code 0 "the saved report reads back"
if [ "$OUT" = "$(cat "$TMP/r.json")" ]; then ok; else not_ok "report -f json gives the same bytes back"; fi
run report "$TMP/r.json" -f markdown
expect_out "**With waivers: level" "markdown headline"
expect_out "_Waived until 2027-01-31 (30 days left), owner alice: Moving the last datasets to DVC this quarter_" "markdown gap"
run report "$TMP/r.json" -f html
expect_out '<p class="waiver">Waived until 2027-01-31 (30 days left), owner alice' "html gap"
run assess -q "$B" -a "$TMP/waived.yaml" --today 2027-01-01 -f junit --min-level data=2
expect_out '<skipped message="Waived until 2027-01-31 (30 days left), owner alice' "junit: the waived gap is skipped"
run assess -q "$B" -a "$TMP/waived.yaml" --today 2027-02-01 -f junit --min-level data=2
expect_no_out '<skipped message="Waived' "junit: an expired waiver is a failure again"

# A waiver on a practice in place waives nothing: a warning, and the run goes on.
sed 's/question: data-versioned/question: data-documented/' "$TMP/waived.yaml" >"$TMP/met.yaml"
run assess -q "$B" -a "$TMP/met.yaml" --today 2027-01-01
expect_code 0 "a waiver on a met practice is a warning"
expect_err "met.yaml:12:15: warning: the waiver for 'data-documented' waives nothing: it is answered yes" "the met warning"

finish
