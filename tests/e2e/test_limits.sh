#!/usr/bin/env bash
# The input limits of docs/limits.md: each one is a clear, located error with exit code 2 (never a crash, a hang
# or an internal error), for questionnaires, answers files (also on stdin) and saved reports.
source "$(dirname "$0")/lib.sh"
Q="$MM_DATA/valid/basic.yaml"
no_internal() {
  if printf '%s' "$ERR" | grep -q "internal error"; then not_ok "$1: internal error"; else ok; fi
}

# File size: 16 MiB, for files (checked before reading) and for stdin (checked while reading).
big="$TMP/big.yaml"
{ echo "id: big"; head -c $((17 * 1024 * 1024)) /dev/zero | tr '\0' '#'; } >"$big"
run validate "$big"
expect_code 2 "a questionnaire over 16 MiB"
expect_err "big.yaml: error: the file is larger than 16 MiB" "a questionnaire over 16 MiB"
run_stdin "$big" assess -q "$Q" -a -
expect_code 2 "answers over 16 MiB on stdin"
expect_err "<stdin>: error: the file is larger than 16 MiB" "answers over 16 MiB on stdin"
run report "$big"
expect_code 2 "a saved report over 16 MiB"
expect_err "the file is larger than 16 MiB" "a saved report over 16 MiB"

# Nesting: 64 levels, found as yaml-cpp reports the events, long before its own recursion limit (500).
printf 'answers: ' >"$TMP/deep.yaml"
head -c 100000 /dev/zero | tr '\0' '[' >>"$TMP/deep.yaml"
run assess -q "$Q" -a "$TMP/deep.yaml"
expect_code 2 "100,000 nested lists"
expect_err "deep.yaml:1:" "100,000 nested lists: located"
expect_err "nesting is deeper than 64 levels" "100,000 nested lists"
no_internal "100,000 nested lists"
head -c 100000 /dev/zero | tr '\0' '{' >"$TMP/deep-maps.yaml"
run validate "$TMP/deep-maps.yaml"
expect_code 2 "100,000 nested maps"
expect_err "nesting is deeper than 64 levels" "100,000 nested maps"
awk 'BEGIN { for (i = 0; i < 100; i++) { printf "%*s- \n", 2 * i, "" } }' >"$TMP/deep-block.yaml"
run validate "$TMP/deep-block.yaml"
expect_code 2 "100 nested block lists"
expect_err "nesting is deeper than 64 levels" "100 nested block lists"

# Values: 1,000,000 in one document (a flow list of 1,000,001 numbers is about 2 MB).
awk 'BEGIN { printf "questionnaire: basic\nnotes: {data-documented: ["; for (i = 0; i <= 1000000; i++) printf "1,"; print "1]}" }' >"$TMP/many.yaml"
run assess -q "$Q" -a "$TMP/many.yaml"
expect_code 2 "over 1,000,000 values"
expect_err "many.yaml:2:" "over 1,000,000 values: located"
expect_err "the document has more than 1000000 values" "over 1,000,000 values"

# A long scalar (8 MiB on one line) is fine as far as the reader goes, and is reported like any other value.
{ printf 'questionnaire: basic\nanswers:\n  data-documented: '; head -c $((8 * 1024 * 1024)) /dev/zero | tr '\0' 'y'; echo; } >"$TMP/long.yaml"
run assess -q "$Q" -a "$TMP/long.yaml"
expect_code 2 "an 8 MiB answer"
expect_err "long.yaml:3:20: error: invalid answer 'yyyy" "an 8 MiB answer"
expect_err "bytes…] yyyy" "an 8 MiB answer: the message is shortened"
expect_err "' for 'data-documented': a practice question takes yes, partial, no or n/a" "an 8 MiB answer: the end of the message stays"
if [ "${#ERR}" -lt 2000 ]; then ok; else not_ok "an 8 MiB answer: ${#ERR} bytes of error message"; fi
no_internal "an 8 MiB answer"

# CRLF line ends and a UTF-8 byte order mark are accepted; positions stay right.
printf '\xef\xbb\xbfquestionnaire: basic\r\nanswers:\r\n  data-documented: yes\r\n  data-lineag: no\r\n' >"$TMP/crlf.yaml"
run assess -q "$Q" -a "$TMP/crlf.yaml"
expect_code 2 "CRLF + BOM with an unknown id"
expect_err "crlf.yaml:4:3: error: unknown question 'data-lineag'" "CRLF + BOM: the position of the error"
sed -i 's/data-lineag/data-lineage/' "$TMP/crlf.yaml"
run assess -q "$Q" -a "$TMP/crlf.yaml"
expect_code 0 "CRLF + BOM answers are read"

# Too many errors: the first 10 are shown (the first ones in the file), the rest counted.
{ echo "questionnaire: basic"; echo "answers:"; for i in $(seq 1 500); do echo "  unknown-$i: yes"; done; } >"$TMP/errors.yaml"
run assess -q "$Q" -a "$TMP/errors.yaml"
expect_code 2 "500 unknown questions"
expect_err "errors.yaml:3:3: error: unknown question 'unknown-1' for questionnaire 'basic'" "500 unknown questions: the first is shown"
expect_err "errors.yaml:12:3: error: unknown question 'unknown-10' for" "500 unknown questions: the tenth is shown"
expect_err "errors.yaml: error: and 490 more errors (fix the ones above first)" "500 unknown questions: the rest counted"
lines=$(printf '%s\n' "$ERR" | wc -l)
if [ "$lines" -eq 11 ]; then ok; else not_ok "500 unknown questions: $lines lines of errors (want 10 and the count)"; fi
# Every error is counted, and fast: a questionnaire of 20,000 questions, each with an unknown key.
{ printf 'id: big\ntitle: Big\nversion: "1"\nlevels: [{level: 0, name: a}, {level: 1, name: b}]\ndimensions:\n  - id: d\n    name: D\n    questions:\n'
  for i in $(seq 1 20000); do printf '      - {id: q%d, level: 1, text: "Q%d?", practice: p, colour: red}\n' "$i" "$i"; done; } >"$TMP/many.yaml"
start=$(date +%s)
run validate "$TMP/many.yaml"
expect_code 2 "20,000 unknown keys"
expect_err "many.yaml: error: and 19990 more errors" "20,000 unknown keys: counted"
if [ $(($(date +%s) - start)) -lt 20 ]; then ok; else not_ok "20,000 unknown keys took $(($(date +%s) - start)) s"; fi

# Huge unknown keys get no "did you mean" (which would cost length x length per key) and stay fast.
# (Explicit keys: YAML allows implicit keys of at most 1024 characters.)
{ echo "questionnaire: basic"; echo "answers:"; for i in $(seq 1 50); do printf '  ? %s%d\n  : yes\n' "$(head -c 100000 /dev/zero | tr '\0' 'd')" "$i"; done; } >"$TMP/longkeys.yaml"
start=$(date +%s)
run assess -q "$Q" -a "$TMP/longkeys.yaml"
expect_code 2 "50 unknown ids of 100,000 characters"
expect_err "longkeys.yaml:3:5: error: unknown question 'dddd" "50 unknown ids of 100,000 characters"
if [ $(($(date +%s) - start)) -lt 60 ]; then ok; else not_ok "50 huge unknown ids took over a minute"; fi

# Saved reports: nesting (32 levels), huge numbers, invalid UTF-8; for report, diff and aggregate.
awk 'BEGIN { for (i = 0; i < 100000; i++) printf "{\"a\":"; printf "1"; for (i = 0; i < 100000; i++) printf "}" }' >"$TMP/deep-report.json"
for cmd in "report" "diff $TMP/deep-report.json" "aggregate"; do
  # shellcheck disable=SC2086
  run $cmd "$TMP/deep-report.json"
  expect_code 2 "$cmd: a report nested 100,000 deep"
  expect_err "nests deeper than 32 levels" "$cmd: a report nested 100,000 deep"
  no_internal "$cmd: a report nested 100,000 deep"
done
sed 's/"schema_version": 1/"schema_version": 1e999/' "$MM_DATA/reports/beta.json" >"$TMP/huge-number.json"
for cmd in report aggregate; do
  run $cmd "$TMP/huge-number.json"
  expect_code 2 "$cmd: a number too large"
  expect_err "huge-number.json" "$cmd: a number too large"
  no_internal "$cmd: a number too large"
done
printf '{"schema_version": 1, "tool": {"name": "x\xff", "version": "1"}}' >"$TMP/bad-utf8.json"
for cmd in report aggregate; do
  run $cmd "$TMP/bad-utf8.json"
  expect_code 2 "$cmd: invalid UTF-8 in a report"
  no_internal "$cmd: invalid UTF-8 in a report"
done
# Saved reports: every number is checked against the schema's ranges and the report's own levels, for report,
# diff and aggregate alike. A progress of about 1e18 or more (or +-2^62, +-1e308) once crashed the text, HTML and
# Markdown renderers (SIGSEGV, exit 139); a level of 99 was shown as "Overall level 99: No MLOps".
# edit_report IN OUT PYTHON: OUT is the report IN after the Python statement PYTHON ran on it as `r`.
edit_report() {
  python3 - "$1" "$2" "$3" <<'PY'
import json, sys
r = json.load(open(sys.argv[1], encoding="utf-8"))
exec(sys.argv[3])
json.dump(r, open(sys.argv[2], "w", encoding="utf-8"), indent=2)
PY
}
BETA="$MM_DATA/reports/beta.json"
for v in 1e18 -1e18 4611686018427387904 -4611686018427387904 1e308 -1e308 5 -1; do
  edit_report "$BETA" "$TMP/progress.json" "r['dimensions'][2]['progress'] = float('$v')"
  for f in text html markdown junit json; do
    run report -f "$f" "$TMP/progress.json"
    expect_code 2 "report -f $f: a progress of $v"
    expect_err "progress.json: error: dimensions[2].progress: " "report -f $f: a progress of $v: located"
    expect_err " is outside 0 to 4 (the questionnaire's levels)" "report -f $f: a progress of $v: the range"
    expect_empty_out "report -f $f: a progress of $v"
  done
  run diff "$BETA" "$TMP/progress.json"
  expect_code 2 "diff: a progress of $v"
  expect_err "progress.json: error: dimensions[2].progress: " "diff: a progress of $v: located"
done
# aggregate reads no progress: the report is fine for it.
run aggregate "$BETA" "$TMP/progress.json"
expect_code 0 "aggregate: a progress it does not read"
for edit in "r['overall']['level'] = 99|overall.level: 99 is not a level of this questionnaire (0 to 4)" \
            "r['overall']['level'] = -1|overall.level: -1 is not a level of this questionnaire (0 to 4)" \
            "r['overall']['score'] = 2|overall.score: 2 is outside 0 to 1" \
            "r['dimensions'][1]['level'] = 5|dimensions[1].level: 5 is not a level of this questionnaire (0 to 4)" \
            "r['gaps'][3]['level'] = 0|gaps[3].level: 0 is not a level a practice can be at (1 to 4)" \
            "r['gaps'][3]['group'] = 'urgent'|gaps[3].group: unknown group 'urgent' (expected blocking, next or optional)" \
            "r['questionnaire']['levels'] = []|questionnaire.levels: a questionnaire has 2 to 5 levels (0 up to at most 4), not 0" \
            "r['dimensions'] = []|dimensions: a report has at least one dimension"; do
  edit_report "$BETA" "$TMP/bad-value.json" "${edit%%|*}"
  for cmd in report "diff $BETA" aggregate; do
    # shellcheck disable=SC2086
    run $cmd "$TMP/bad-value.json"
    expect_code 2 "$cmd: ${edit%%|*}"
    expect_err "bad-value.json: error: ${edit#*|}" "$cmd: ${edit%%|*}: located"
    no_internal "$cmd: ${edit%%|*}"
  done
done
run report "$BETA"
expect_code 0 "the unedited report still reads"

# Saved reports are read and rendered in time linear in their size, or refused with a located limit. Each case
# runs under a generous timeout (each takes about a second now, or much less): before, 400,000 levels (13 MB)
# took over 3 minutes in report and diff and over 5 in aggregate, a profile of 160,000 entries over 3 minutes.
# The oversize lists are refused at their first element too many, while the file is parsed.
# big_report OUT PYTHON: beta.json grown by the Python statement PYTHON (on `r`), compactly written; it must stay
# under the 16 MiB file limit, or the case would test that limit instead.
big_report() {
  python3 - "$BETA" "$1" "$2" <<'PY'
import json, sys
r = json.load(open(sys.argv[1], encoding="utf-8"))
exec(sys.argv[3])
json.dump(r, open(sys.argv[2], "w", encoding="utf-8"), separators=(",", ":"))
PY
  local size
  size=$(stat -c %s "$1")
  if [ "$size" -lt $((16 * 1024 * 1024)) ]; then ok; else not_ok "$(basename "$1") is $size bytes, over the 16 MiB limit"; fi
}
run_limited() { # run_limited DESCRIPTION ARGS...: run with a 120 s timeout (a quadratic reader takes minutes)
  local what=$1
  shift
  timeout 120 "$MM_BIN" "$@" >"$TMP/out" 2>"$TMP/err" </dev/null
  CODE=$?
  OUT=$(head -c 2000 "$TMP/out")
  ERR=$(head -c 2000 "$TMP/err")
  if [ "$CODE" -eq 124 ]; then not_ok "$what: still running after 120 s"; else ok; fi
}
big_report "$TMP/levels.json" "r['questionnaire']['levels'] = [{'level': i, 'name': 'L%d' % i} for i in range(400000)]"
for cmd in "report -f html" "report -f text" "report -f markdown" "diff $BETA" aggregate; do
  # shellcheck disable=SC2086
  run_limited "$cmd: 400,000 levels" $cmd "$TMP/levels.json"
  expect_code 2 "$cmd: 400,000 levels"
  expect_err "levels.json: error: questionnaire.levels[5]: a questionnaire has 2 to 5 levels (0 up to at most 4), not more" \
    "$cmd: 400,000 levels"
done
big_report "$TMP/profile.json" "r['profile'] = {'p%06d' % i: 'v' for i in range(160000)}"
for cmd in "report -f html" "report -f text" "diff $BETA"; do
  # shellcheck disable=SC2086
  run_limited "$cmd: a profile of 160,000 entries" $cmd "$TMP/profile.json"
  expect_code 2 "$cmd: a profile of 160,000 entries"
  expect_err "profile.json: error: profile: more than 100 entries; a questionnaire has at most 100 profile questions" \
    "$cmd: a profile of 160,000 entries"
done
run_limited "aggregate: a profile of 160,000 entries" aggregate "$TMP/profile.json"
expect_code 0 "aggregate: a profile of 160,000 entries (aggregate reads no profile)"
# Valid but big (sized to stay well inside the test's time under the sanitizers, where reading is 25 times
# slower): 20,000 gaps with their tools (5 MB), and members the readers skip: an object of 200,000 keys and a
# list of 1,000,000 empty objects (3 MB each; quadratic, these took over 3 minutes and over 1).
big_report "$TMP/gaps.json" "g = r['gaps'][0]; r['gaps'] = [dict(g, priority=i + 1, question='q%d' % i, text='T%d' % i, practice='P', references=['R'], tools=['t%d' % k for k in range(8)]) for i in range(20000)]"
for cmd in "report -f html" "diff $BETA" aggregate; do
  # shellcheck disable=SC2086
  run_limited "$cmd: 20,000 gaps" $cmd "$TMP/gaps.json"
  expect_code 0 "$cmd: 20,000 gaps"
done
big_report "$TMP/extra.json" "r['x-extra'] = {'k%d' % i: [i] for i in range(200000)}"
for cmd in "report -f html" aggregate; do
  # shellcheck disable=SC2086
  run_limited "$cmd: an unknown member of 200,000 keys" $cmd "$TMP/extra.json"
  expect_code 0 "$cmd: an unknown member of 200,000 keys"
done
big_report "$TMP/objects.json" "r['x-list'] = [{}] * 1000000"
for cmd in "report -f html" aggregate; do
  # shellcheck disable=SC2086
  run_limited "$cmd: an unknown list of 1,000,000 objects" $cmd "$TMP/objects.json"
  expect_code 0 "$cmd: an unknown list of 1,000,000 objects"
done
finish
