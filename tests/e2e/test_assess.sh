#!/usr/bin/env bash
# assess: reports, the CI gate and its exit codes, golden JSON, answers from files, stdin and --answer.
source "$(dirname "$0")/lib.sh"
Q=$MM_DATA/valid/basic.yaml
A1=$MM_DATA/answers/basic-level1.yaml
A2=$MM_DATA/answers/basic-level2.json

run assess -q "$Q" -a "$A1" -f json
expect_code 0 "json report"
printf '%s\n' "$OUT" >"$TMP/report.json"
expect_file_same "$MM_DATA/golden/basic-level1.json" "$TMP/report.json" "golden JSON report"
run assess -q "$Q" -a "$A1" -f json
printf '%s\n' "$OUT" >"$TMP/again.json"
expect_file_same "$TMP/report.json" "$TMP/again.json" "same input, same bytes"

run assess -q "$Q" -a "$A1"
expect_code 0 "text report"
expect_out "Overall level 1: Repeatable" "headline"
expect_out "Target level 2: Automated (recommended)" "target"
expect_out "1. data-versioned [data, level 2, partly in place]" "first gap"
expect_out "Tools: DVC, lakeFS" "tools"
expect_out "1 question not asked for this profile" "not asked"
expect_no_out $'\033[' "no colour when not a terminal"
run assess -q "$Q" -a "$A1" --color always
expect_out $'\033[1m' "colour on request"

# The gate.
run assess -q "$Q" -a "$A1" --min-level 1
expect_code 0 "gate passes at the bar"
expect_out "Gate passed (overall >= 1)" "gate passed line"
run assess -q "$Q" -a "$A1" --min-level 2
expect_code 1 "gate fails below the bar"
expect_err "overall level 1 is below the required 2" "gate failure on stderr"
run assess -q "$Q" -a "$A1" --min-level deploy=2 --min-level data=2
expect_code 1 "per-dimension gate"
expect_err "data: level 1 < 2" "dimension failure named"
if printf '%s' "$ERR" | grep -q "deploy:"; then not_ok "a met bar is not reported"; else ok; fi
run assess -q "$Q" -a "$A2" --min-level 2 -f json
expect_code 0 "level 2 answers pass"
expect_out '"passed": true' "gate in JSON"
run assess -q "$Q" -a "$A1" --min-level dta=2
expect_code 2 "unknown dimension is a usage error"
expect_err "unknown dimension 'dta' in 'dta=2' (did you mean 'data'?)" "dimension suggestion"
run assess -q "$Q" -a "$A1" --min-level 9
expect_code 2 "level out of range"
expect_err "'9' is not a level from 0 to 3" "range message"

# -o writes atomically and prints nothing.
run assess -q "$Q" -a "$A1" -f json -o "$TMP/out.json"
expect_code 0 "-o"
expect_empty_out "-o leaves stdout empty"
expect_file_same "$MM_DATA/golden/basic-level1.json" "$TMP/out.json" "-o content"
if ls "$TMP"/out.json.tmp.* >/dev/null 2>&1; then not_ok "temporary file left behind"; else ok; fi
run assess -q "$Q" -a "$A1" -f json -o "$TMP/missing-dir/out.json"
expect_code 3 "unwritable output is exit 3"
expect_err "cannot write $TMP/missing-dir/out.json" "output error names the file"

# Bad answers never overwrite the output.
printf 'previous\n' >"$TMP/keep.json"
printf 'answers:\n  data-versioned: maybe\n' >"$TMP/bad.yaml"
run assess -q "$Q" -a "$TMP/bad.yaml" -f json -o "$TMP/keep.json"
expect_code 2 "bad answers"
expect_err "$TMP/bad.yaml:2:19: error: invalid answer 'maybe' for 'data-versioned'" "located answer error"
if [ "$(cat "$TMP/keep.json")" = previous ]; then ok; else not_ok "output overwritten on bad input"; fi

# Answers from stdin and --answer.
run_stdin "$A1" assess -q "$Q" -a - -f json
expect_code 0 "answers from stdin"
expect_out '"level": 1' "stdin answers scored"
run assess -q "$Q" -a "$A1" --answer data-versioned=yes --min-level 2
expect_code 0 "--answer wins over the file"
run assess -q "$Q" --answer data-documented=yes -f json
expect_code 0 "--answer alone"
expect_out '"unanswered": [' "the rest unanswered"
run assess -q "$Q" -a "$A1" --answer nope=yes
expect_code 2 "--answer with unknown id"
expect_err "unknown question 'nope'" "--answer message"

# No answers and no terminal: say how to provide them.
run assess -q "$Q"
expect_code 2 "no answers without a terminal"
expect_err "init -q basic -o answers.yaml" "how to provide answers"

# The default questionnaire is built in.
run assess --answer data-versioning=yes -f json
expect_code 0 "built-in mlops"
expect_out '"id": "mlops"' "mlops report"
finish
