#!/usr/bin/env bash
# The ml-test-score built-in: listed as the fifth built-in, valid without warnings, scored by points (section sums,
# the lowest as the final score, the paper's band) in every report format, and gated with --min-score (exit 1
# naming the weakest section); --min-level with it, or --min-score with a staircase questionnaire, is a usage error.
source "$(dirname "$0")/lib.sh"
CAL=$MM_SOURCE_DIR/tests/calibration/ml-test-score

run list
expect_code 0 "list"
expect_out "ml-test-score" "list names ml-test-score"
count=$(printf '%s\n' "$OUT" | awk 'NR > 1' | wc -l)
[ "$count" = 5 ] && ok || not_ok "list shows five built-ins, not $count"
run validate --strict "$MM_SOURCE_DIR/questionnaires/ml-test-score.yaml"
expect_code 0 "validate --strict ml-test-score.yaml"
if [[ $OUT$ERR == *warning* ]]; then not_ok "ml-test-score validates without warnings"; else ok; fi

# The paper's worked example: data 4, model 3, infrastructure 5, monitoring 1.5 -> 1.5.
run assess -q ml-test-score -a "$CAL/m02-manual-checks.yaml" --date none
expect_code 0 "assess -q ml-test-score"
expect_out "Final score 1.5 of 7: A first pass at making it production-ready" "the text report leads with the final score"
expect_out "Monitoring        1.5" "the text report shows section points"
expect_out "[monitoring, not done]" "the gap list marks each test"
run assess -q ml-test-score -a "$CAL/m02-manual-checks.yaml" --date none -f json
final=$(printf '%s' "$OUT" | python3 -c 'import json,sys; p=json.load(sys.stdin)["points"]; print(p["final"], p["band"])')
[ "$final" = "1.5 first-productionization" ] && ok || not_ok "JSON points: '$final'"
for f in markdown html junit; do
  run assess -q ml-test-score -a "$CAL/m02-manual-checks.yaml" --date none -f "$f"
  expect_code 0 "assess -f $f"
done

# The gate.
run assess -q ml-test-score -a "$CAL/m02-manual-checks.yaml" --date none --min-score 1.5
expect_code 0 "--min-score at the final score passes"
run assess -q ml-test-score -a "$CAL/m02-manual-checks.yaml" --date none --min-score 2
expect_code 1 "--min-score above the final score fails"
expect_err "gate failed: final score 1.5 is below the required 2 (weakest section: Monitoring, 1.5 of 7)" "the failure names the weakest section"
run assess -q ml-test-score -a "$CAL/m02-manual-checks.yaml" --min-level 1
expect_code 2 "--min-level with a points questionnaire"
expect_err "is scored by points, not levels" "says to use --min-score"
run assess -a "$MM_SOURCE_DIR/examples/startup.yaml" --min-score 1
expect_code 2 "--min-score with a staircase questionnaire"
expect_err "is scored by levels, not points" "says to use --min-level"

# The answers' scale: n/a is refused, with its location.
printf 'questionnaire: ml-test-score\nanswers:\n  feature-expectations: n/a\n' >"$TMP/na.yaml"
run assess -q ml-test-score -a "$TMP/na.yaml"
expect_code 2 "n/a on a test"
expect_err "na.yaml:3:3: error: 'feature-expectations' is a test of a points questionnaire, which has no n/a" "located"
# diff compares points; aggregate says it compares levels only.
run diff "$MM_DATA/reports/mts-m02-gate.json" "$MM_DATA/reports/mts-m04.json"
expect_out "Final score 1.5 → 5" "diff compares the final scores"
run aggregate "$MM_DATA/reports/mts-m01.json" "$MM_DATA/reports/mts-m04.json"
expect_code 0 "aggregate of points reports"
expect_err "is scored by points, but aggregate compares levels only" "aggregate says it compares levels only"
finish
