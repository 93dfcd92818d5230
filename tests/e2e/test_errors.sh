#!/usr/bin/env bash
# Errors that point at the one cause (the first hour of use): one root cause gives one error, YAML mistakes are
# named as people make them, a bad value says what the question takes, a mistyped command or option gets a
# "did you mean", every error starts the same way, and unanswered questions are not silently counted as "no".
source "$(dirname "$0")/lib.sh"
Q="$MM_DATA/valid/basic.yaml"

one_line() { # one_line DESCRIPTION: stderr is exactly one line
  local n
  n=$(printf '%s\n' "$ERR" | wc -l)
  if [ "$n" -eq 1 ]; then ok; else not_ok "$1: $n lines on stderr (want 1)"; fi
}
starts_with() { # starts_with PREFIX DESCRIPTION: every line of stderr starts with PREFIX
  if printf '%s\n' "$ERR" | grep -qv -- "^$1"; then not_ok "$2: a line of stderr does not start with '$1'"; else ok; fi
}

# ---- one root cause, one error ----

# The built-in questionnaire's template with the 'answers:' line left out and every answer at the top level: one
# error for all of them, not one per question.
run init -o "$TMP/template.yaml"
expect_code 0 "init"
sed -e 's/^answers:$//' -e 's/^  \([a-z0-9-]*\):$/\1: yes/' "$TMP/template.yaml" | grep -v '^  [a-z]' >"$TMP/top.yaml"
run assess -a "$TMP/top.yaml"
expect_code 2 "answers at the top level"
expect_err "top.yaml:" "answers at the top level: located"
expect_err "error: the answers must be under 'answers:': 'stage', 'models' and" "answers at the top level"
one_line "answers at the top level"

# A broken questionnaire and a broken answers file (read at the same time, on two threads): the questionnaire's
# error is the one shown, as when they were read one after the other; a broken answers file alone is still
# located; nothing is written.
printf 'id: broken\ntitle: [unclosed\n' >"$TMP/broken-q.yaml"
printf 'questionnaire: mlops\nanswers:\n  data-from-code: [yes\n' >"$TMP/broken-a.yaml"
run assess -q "$TMP/broken-q.yaml" -a "$TMP/broken-a.yaml" -o "$TMP/never.json"
expect_code 2 "a broken questionnaire and broken answers"
expect_err "broken-q.yaml:" "the questionnaire's error is shown"
if [[ $ERR == *"broken-a.yaml"* ]]; then not_ok "the answers' error is not shown with the questionnaire's"; else ok; fi
if [ -e "$TMP/never.json" ]; then not_ok "nothing is written"; else ok; fi
run assess -a "$TMP/broken-a.yaml"
expect_code 2 "broken answers"
expect_err "broken-a.yaml:3:" "broken answers: located"
one_line "broken answers"

# The same with the 'answers:' line commented out below the profile: the answers land under 'profile:'.
sed -e 's/^answers:$/# answers:/' -e 's/^  \([a-z0-9-]*\):$/  \1: yes/' "$TMP/template.yaml" |
  sed -e '/^profile:/,/^# answers:/ s/^  \([a-z0-9-]*\): yes$/  \1:/' >"$TMP/under-profile.yaml"
run assess -a "$TMP/under-profile.yaml"
expect_code 2 "answers under 'profile:'"
expect_err "error: the answers must be under 'answers:':" "answers under 'profile:'"
expect_err "are questions under 'profile:' (is the line 'answers:' missing above them?)" "answers under 'profile:'"
one_line "answers under 'profile:'"

# Answers for another questionnaire: that line only, not one "unknown question" per answer.
printf 'questionnaire: basic\nanswers:\n  data-documented: yes\n  data-versioned: no\n  release-path: 2\n' >"$TMP/basic-answers.yaml"
run assess -a "$TMP/basic-answers.yaml"
expect_code 2 "answers for another questionnaire"
expect_err "basic-answers.yaml:1:16: error: these answers are for questionnaire 'basic', not 'mlops' (choose it with -q basic)" \
  "answers for another questionnaire"
one_line "answers for another questionnaire"

# At most 10 errors per file, then the count (tests/e2e/test_limits.sh checks 500 of them).
{ echo "answers:"; for i in $(seq 1 25); do echo "  nope-$i: yes"; done; } >"$TMP/many.yaml"
run assess -q "$Q" -a "$TMP/many.yaml"
expect_code 2 "25 unknown questions"
expect_err "many.yaml: error: and 15 more errors (fix the ones above first)" "25 unknown questions"
lines=$(printf '%s\n' "$ERR" | wc -l)
if [ "$lines" -eq 11 ]; then ok; else not_ok "25 unknown questions: $lines lines (want 11)"; fi

# ---- YAML structure errors name the mistake, at the mistake ----

yaml_error() { # yaml_error TEXT EXPECTED DESCRIPTION
  printf "$1" >"$TMP/y.yaml"
  run assess -q "$Q" -a "$TMP/y.yaml"
  expect_code 2 "$3"
  expect_err "$2" "$3"
  one_line "$3"
  if [[ $ERR == *"end of map"* || $ERR == *"illegal"* ]]; then not_ok "$3: yaml-cpp's words"; else ok; fi
}
yaml_error 'answers:\n  data-documented: yes\n\tdata-versioned: no\n' \
  "y.yaml:3:1: error: invalid YAML: a tab in the indentation: YAML indents with spaces only (replace the tab with spaces)" \
  "a tab in the indentation"
yaml_error 'answers:\n  data-documented: yes\n data-versioned: no\n' \
  "y.yaml:3:2: error: invalid YAML: the indentation does not line up: this line is indented by 1 space, the lines above it by 2 or 0" \
  "indentation that lines up with nothing"
yaml_error 'answers:\n  data-documented: yes\n   data-versioned: no\n' \
  "y.yaml:3:4: error: invalid YAML: the indentation does not line up: this line is indented by 3 spaces, deeper than 'data-documented'" \
  "indentation deeper than a key with a value"
yaml_error 'answers:\n  data-documented: yes\n  data-versioned no\n  data-validated: no\n' \
  "y.yaml:3:17: error: invalid YAML: missing ':' after 'data-versioned' (a key and its value are written 'data-versioned: no')" \
  "a missing colon"
yaml_error 'questionnaire basic\nanswers:\n  data-documented: yes\n' \
  "y.yaml:1:14: error: invalid YAML: missing ':' after 'questionnaire'" "a missing colon on the first line"

# ---- value errors per question kind ----

printf 'answers:\n  data-documented: yse\n' >"$TMP/v.yaml"
run assess -q "$Q" -a "$TMP/v.yaml"
expect_code 2 "a practice answered 'yse'"
expect_err "v.yaml:2:20: error: invalid answer 'yse' for 'data-documented': a practice question takes yes, partial, no or n/a (did you mean 'yes'?)" \
  "a practice answered 'yse'"
printf 'answers:\n  release-path: pipeline\n' >"$TMP/v.yaml"
run assess -q "$Q" -a "$TMP/v.yaml"
expect_code 2 "a choice answered with a word"
expect_err "error: invalid answer 'pipeline' for 'release-path': a choice question takes the level of one of its options (0 = By hand; 1 = By a script; 2 = By a pipeline; 3 = By CI/CD with canary) or n/a" \
  "a choice answered with a word: its options with level and text"
run assess -q "$Q" --answer data-documented=yse
expect_code 2 "--answer data-documented=yse"
expect_err "mlops-maturity: error: --answer: invalid answer 'yse' for 'data-documented': a practice question takes yes, partial, no or n/a (did you mean 'yes'?)" \
  "--answer data-documented=yse"

# Spellings: any case; partial, partly and partially are the same answer; "" is unanswered like a blank.
printf 'answers:\n  data-documented: Partially\n  data-versioned: partly\n  data-validated: PARTIAL\n  data-lineage: ""\n  release-process: YES\n  release-path: 1\n  canary:\n' >"$TMP/spell.yaml"
run assess -q "$Q" -a "$TMP/spell.yaml" -f json
expect_code 0 "spellings"
for id in data-documented data-versioned data-validated; do
  if printf '%s' "$OUT" | python3 -c "import json,sys; r=json.load(sys.stdin); q=[x for x in r['answers'] if x['question']=='$id'][0]; sys.exit(q['answer']!='partial')" 2>/dev/null; then
    ok; else not_ok "spellings: $id should be partial"; fi
done
expect_err "2 of 7 questions are unanswered (data-lineage and canary)" "\"\" and a blank are both unanswered"

# ---- the command line ----

run asses
expect_code 2 "a mistyped command"
expect_err "mlops-maturity: error: unknown command 'asses' (did you mean 'assess'?)" "a mistyped command"
one_line "a mistyped command"
run asses -a "$TMP/spell.yaml" --min-level 2
expect_code 2 "a mistyped command with options"
expect_err "mlops-maturity: error: unknown command 'asses' (did you mean 'assess'?)" "a mistyped command before its options"
one_line "a mistyped command with options"
run assess -q "$Q" --minlevel 2
expect_code 2 "--minlevel"
expect_err "mlops-maturity: error: unknown option '--minlevel' for 'assess' (did you mean '--min-level'?)" "--minlevel"
one_line "--minlevel"
run report "$MM_DATA/reports/acme-q1.json" --colour never
expect_code 2 "--colour"
expect_err "mlops-maturity: error: unknown option '--colour' for 'report' (did you mean '--color'?)" "--colour"
run assess -q "$Q" --answer "$TMP/spell.yaml"
expect_code 2 "--answer FILE"
expect_err "mlops-maturity: error: --answer: '$TMP/spell.yaml' is not ID=VALUE (did you mean '--answers $TMP/spell.yaml'?" "--answer FILE"
run assess -f jsn
expect_code 2 "a bad --format"
expect_err "mlops-maturity: error: --format: jsn not in {text,json,markdown,html,junit,csv}" "a bad --format"
run assess -q "$Q" --min-level nope=2 --answer data-documented=yes
expect_code 2 "--min-level of an unknown dimension"
expect_err "mlops-maturity: error: --min-level: unknown dimension 'nope'" "--min-level of an unknown dimension"

# help [COMMAND] is --help; no arguments prints the help on stderr and exits 2 (a usage error).
run help
expect_code 0 "help"
expected=$("$MM_BIN" --help)
if [ "$OUT" = "$expected" ]; then ok; else not_ok "help: differs from --help"; fi
for c in assess diff help; do
  run help "$c"
  expect_code 0 "help $c"
  expected=$("$MM_BIN" "$c" --help)
  if [ "$OUT" = "$expected" ]; then ok; else not_ok "help $c: differs from '$c --help'"; fi
done
run help asses
expect_code 2 "help of a mistyped command"
expect_err "mlops-maturity: error: unknown command 'asses' (did you mean 'assess'?)" "help of a mistyped command"
run
expect_code 2 "no arguments"
expect_empty_out "no arguments"
expect_err "Usage: mlops-maturity [OPTIONS] SUBCOMMAND" "no arguments: the usage on stderr"

# Every usage error starts the same way.
for args in "asses" "assess --minlevel 2" "assess -x" "list extra" "diff" "assess -f jsn" "assess --target-level 9"; do
  # shellcheck disable=SC2086
  run $args
  expect_code 2 "$args"
  starts_with "mlops-maturity: error: \|(see 'mlops-maturity" "$args"
  expect_err "mlops-maturity: error: " "$args"
done

# ---- unanswered questions: a warning, or an error with --require-complete ----

printf 'answers:\n  data-documented: yes\n' >"$TMP/partial.yaml"
run assess -q "$Q" -a "$TMP/partial.yaml"
expect_code 0 "half-answered file"
expect_err "mlops-maturity: warning: 6 of 7 questions are unanswered (data-versioned, data-validated, data-lineage and 3 more) and count as not in place; run 'mlops-maturity assess -a $TMP/partial.yaml' in a terminal to answer them, or use --require-complete to fail" \
  "half-answered file: the warning"
one_line "half-answered file"
run assess -q "$Q" -a "$TMP/partial.yaml" --require-complete
expect_code 2 "--require-complete"
expect_empty_out "--require-complete: no report"
expect_err "mlops-maturity: error: 6 of 7 questions are unanswered (data-versioned, data-validated, data-lineage and 3 more) and --require-complete is given: answer them in $TMP/partial.yaml" \
  "--require-complete"
# Answers on standard input: there is no file to name, neither as -a - nor as "in -".
run_stdin "$TMP/partial.yaml" assess -q "$Q" -a -
expect_code 0 "half-answered, on stdin"
expect_err "are unanswered (data-versioned, data-validated, data-lineage and 3 more) and count as not in place; run 'mlops-maturity assess' in a terminal" \
  "half-answered, on stdin: the warning names no file"
run_stdin "$TMP/partial.yaml" assess -q "$Q" -a - --require-complete
expect_code 2 "--require-complete, on stdin"
# The error is the last line, and it ends there (not "answer them in -").
if [[ $ERR == *"and --require-complete is given: answer them" ]]; then ok; else not_ok "--require-complete, on stdin: names no file"; fi
printf 'answers:\n  data-documented: yes\n  data-versioned: yes\n  data-validated: yes\n  data-lineage: n/a\n  release-process: no\n  release-path: 0\n  canary: n/a\n' >"$TMP/complete.yaml"
run assess -q "$Q" -a "$TMP/complete.yaml" --require-complete
expect_code 0 "--require-complete with every question answered (n/a counts)"
if [[ $ERR == *unanswered* ]]; then not_ok "a complete file: no warning"; else ok; fi

finish
