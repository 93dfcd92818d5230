#!/usr/bin/env bash
# Untrusted text: a questionnaire whose every text field carries terminal escapes written as YAML escapes
# ("\e[2J", "\x1b]0;...\a", "\u009b", "\r", bidi overrides). The YAML reader accepts them (they are not raw control
# characters in the file), so every path to the terminal must strip them: show, validate, assess (report, gate
# messages, diagnostics), report, diff, aggregate, init; and scan and assess --scan over a tree whose file names
# and contents hold such bytes raw, invalid UTF-8 included; and command-line arguments, which CLI11's messages
# quote. Nothing printed may hold a C0/C1 control character, ESC, a bidirectional override or invalid UTF-8.
source "$(dirname "$0")/lib.sh"

Q="$TMP/hostile.yaml"
E='\e[2J\e[31m'       # clear screen, red
O='\x1b]0;pwned\x07'  # OSC: set the window title
C='\u009b6n'          # 8-bit CSI: ask the terminal to report the cursor position
B='\u202e'            # right-to-left override
N='\ufffe\uffff'      # noncharacters: not printable in YAML, so a YAML file must not hold them raw
cat >"$Q" <<YAML
id: hostile-text
title: "Title $E$O$C$B$N end"
version: "1$E"
description: "Description\r$E with a carriage return"
levels:
  - {level: 0, name: "Zero $E", description: "Level $O zero"}
  - {level: 1, name: "One $C"}
  - {level: 2, name: "Two $B"}
profile:
  - id: serving
    text: "Profile $E text"
    help: "Profile $O help"
    options:
      - {value: batch, text: "Batch $C"}
      - {value: online, text: "Online \x07\x08 bell"}
target:
  - level: 2
    reason: "Reason $E$O"
dimensions:
  - id: data
    name: "Data $E$O"
    description: "Dimension $C description"
    questions:
      - id: data-documented
        level: 1
        text: "Question $E$N text?"
        help: "Help $O text"
        practice: "Practice $C$B text"
        tools: ["Tool $E"]
        references: ["https://example.org/$O"]
      - id: release-path
        type: choice
        text: "Choice $E?"
        practice: "Choice practice $O"
        options:
          - {level: 0, text: "Option zero $E"}
          - {level: 1, text: "Option one $C", practice: "Option practice $O"}
          - {level: 2, text: "Option two $B"}
YAML

# clean DESCRIPTION: stdout and stderr of the last run hold no control characters, escapes or bidi overrides, and
# are valid UTF-8.
clean() {
  local f
  for f in "$TMP/out" "$TMP/err"; do
    if LC_ALL=C grep -qP '[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xa8-\xae]|\xe2\x81[\xa6-\xa9]' "$f"; then
      not_ok "$1: raw control characters in $(basename "$f"): $(LC_ALL=C grep -aoP '.{0,20}[\x00-\x08\x0b-\x1f\x7f].{0,20}' "$f" | head -3 | od -c | head -5)"
    elif ! iconv -f UTF-8 -t UTF-8 "$f" >/dev/null 2>&1; then
      # A byte that is no part of a UTF-8 character: a lone 0x9B or 0x9D is an 8-bit CSI or OSC to a terminal.
      not_ok "$1: invalid UTF-8 in $(basename "$f"): $(LC_ALL=C grep -aoP '.{0,20}[\x80-\xff].{0,20}' "$f" | head -3 | od -c | head -5)"
    else
      ok
    fi
  done
}

run validate "$Q"
expect_code 0 "the hostile questionnaire is valid YAML and a valid questionnaire"
clean "validate"
run show "$Q"
expect_code 0 "show"
expect_out "Title" "show: the visible text stays"
clean "show"
run show "$Q" -f json
expect_code 0 "show -f json"
expect_out '\u001b[2J' "show -f json keeps the text, escaped as JSON"
clean "show -f json"
run init -q "$Q"
expect_code 0 "init"
clean "init"
printf '%s\n' "$OUT" >"$TMP/template.yaml"
run assess -q "$Q" -a "$TMP/template.yaml"
expect_code 0 "the answers template init wrote is still valid YAML"
# pyyaml FILE DESCRIPTION: PyYAML (a YAML 1.1 reader that refuses what YAML does not print) loads FILE.
pyyaml() {
  if python3 -c 'import yaml, sys; yaml.safe_load(open(sys.argv[1], encoding="utf-8"))' "$1" >"$TMP/py" 2>&1; then
    ok
  else
    not_ok "$2: PyYAML refuses it: $(tail -3 "$TMP/py")"
  fi
}
pyyaml "$TMP/template.yaml" "init's template of the hostile questionnaire"

printf 'questionnaire: hostile-text\nprofile: {serving: online}\nanswers: {data-documented: no, release-path: 1}\n' >"$TMP/a.yaml"
run assess -q "$Q" -a "$TMP/a.yaml" --all --min-level 2 --min-level data=2 --team "team"
expect_code 1 "assess with a failing gate"
clean "assess (text report, gate messages)"
run assess -q "$Q" -a "$TMP/a.yaml" -f json -o "$TMP/r1.json"
expect_code 0 "assess -f json"
printf 'questionnaire: hostile-text\nanswers: {data-documented: yes, release-path: 2}\n' >"$TMP/b.yaml"
run assess -q "$Q" -a "$TMP/b.yaml" -f json -o "$TMP/r2.json" --team other
expect_code 0 "assess -f json (second team)"
run report "$TMP/r1.json"
expect_code 0 "report"
clean "report (text)"
run diff "$TMP/r1.json" "$TMP/r2.json"
expect_code 0 "diff"
expect_out "Data " "diff shows the dimension"
clean "diff (text)"
run aggregate "$TMP/r1.json" "$TMP/r2.json"
expect_code 0 "aggregate"
expect_out "other" "aggregate shows the second team"
clean "aggregate (text)"
# The JSON views carry the same text as JSON escapes (\u009b, \u202e), never raw C1 controls or overrides.
run diff "$TMP/r1.json" "$TMP/r2.json" -f json
expect_out 'Data \u001b[2J' "diff -f json keeps the text, escaped as JSON"
clean "diff (json)"
run aggregate "$TMP/r1.json" "$TMP/r2.json" -f json
expect_out '\u202e' "aggregate -f json writes a bidi override as an escape"
clean "aggregate (json)"

# Diagnostics quote what the file says: escapes in keys and values are shown escaped, never sent raw.
printf 'questionnaire: hostile-text\nanswers:\n  "\\e[2Jdata-documented": yes\nnotes:\n  "\\u202eevil": "x"\n' >"$TMP/bad.yaml"
run assess -q "$Q" -a "$TMP/bad.yaml"
expect_code 2 "answers with escapes in keys"
expect_err "bad.yaml:3:3: error: unknown question '\\e[2Jdata-documented'" "the unknown id is shown with its escape visible"
expect_err "note for unknown question '\\u{202e}evil'" "a bidi override is shown as an escape"
clean "diagnostics for answers (keys)"
printf 'questionnaire: hostile-text\nanswers:\n  release-path: "\\e]0;x\\a\\u009b2J"\n' >"$TMP/bad-value.yaml"
run assess -q "$Q" -a "$TMP/bad-value.yaml"
expect_code 2 "answers with escapes in a value"
expect_err "invalid answer '\\e]0;x\\a\\u{9b}2J' for 'release-path'" "the invalid value is shown with its escapes visible"
clean "diagnostics for answers (values)"
printf 'id: x\n"ti\\e[2Jtle": y\n' >"$TMP/badq.yaml"
run validate "$TMP/badq.yaml"
expect_code 2 "a questionnaire with an escape in a key"
clean "diagnostics for a questionnaire"

# Scanned text is bytes that no YAML reader checked: file names and file contents with a lone invalid byte 0x9B
# (8-bit CSI) or 0x9D (8-bit OSC), as well as valid C1 controls, bidi overrides and line separators. scan's text
# output and assess --scan's contradiction lines must stay clean, and scan -f yaml must write an answers file
# that PyYAML and our own reader accept.
T="$TMP/tree"
mkdir -p "$T/data"
touch "$T/data/lone"$'\x9b'"6n.dvc" "$T/data/osc"$'\x9d'"0;PWNED"$'\a'".dvc" "$T/data/c1"$'\xc2\x9b'"6n.dvc" \
  "$T/data/bidi"$'\xe2\x80\xae'"txt.dvc" "$T/data/sep"$'\xe2\x80\xa8'"x.dvc" "$T/data/nel"$'\xc2\x85'"x.dvc" \
  "$T/data/nonchar"$'\xef\xbf\xbe'"x.dvc"
printf 'import mlflow  # \x9b2J \x9d0;PWNED\x07 \xc2\x9b6n \xe2\x80\xae rlo \xff end\n' >"$T/train.py"
run scan "$T"
expect_code 0 "scan of a tree with hostile names and contents"
expect_out "train.py:1: import mlflow" "scan shows the content match"
expect_out "data/lone"$'\xef\xbf\xbd'"6n.dvc" "scan shows an invalid byte of a file name as U+FFFD"
clean "scan (text)"
printf 'questionnaire: mlops\nanswers:\n  data-versioning: "no"\n' >"$TMP/given.yaml"
run assess -a "$TMP/given.yaml" --scan "$T"
expect_code 0 "assess --scan over the hostile tree"
expect_err "contradiction: data-versioning: answered no" "the contradiction is reported"
clean "assess --scan (contradictions on stderr)"
run scan "$T" -f yaml -o "$TMP/suggested.yaml"
expect_code 0 "scan -f yaml over the hostile tree"
pyyaml "$TMP/suggested.yaml" "scan -f yaml over the hostile tree"
cp "$TMP/suggested.yaml" "$TMP/out"; : >"$TMP/err"
clean "scan -f yaml (the file)"
run assess -a "$TMP/suggested.yaml" -f json
expect_code 0 "our own reader reads the suggested answers back"
expect_out '"note": "evidence: data/bidi\u202etxt.dvc; data/c1\u009b6n.dvc; data/lone'$'\xef\xbf\xbd''6n.dvc (+4 more)"' \
  "the note reads back as the scan found it: escapes decoded, the invalid byte as U+FFFD"

# Arguments are untrusted too: CLI11's own messages (an unknown option, a value not allowed, one that is no
# number, an unexpected argument) quote them, and so do the tool's (an output file that cannot be written, a
# file validate names). Each message shows the escapes (\e, \a, \u{9b}, \x9b) instead of sending them.
R="$MM_DATA/reports/beta.json"
arg_error() { # arg_error CODE VISIBLE DESCRIPTION ARGS...: exit CODE, VISIBLE in stderr, nothing raw anywhere
  local code=$1 visible=$2 what=$3
  shift 3
  run "$@"
  expect_code "$code" "$what"
  expect_err "$visible" "$what: the argument is shown with its escapes visible"
  clean "$what"
}
arg_error 2 "unknown option '--\\e]0;PWNED\\a' for 'assess'" "an unknown option" assess $'--\e]0;PWNED\a'
arg_error 2 '--format: x\e[2J not in {' "a bad -f" assess -f $'x\e[2J'
arg_error 2 '--format: \e]0;PWNED\a not in {' "a bad -f of report" report "$R" -f $'\e]0;PWNED\a'
arg_error 2 '--format: \u{9b}6n not in {' "a bad -f of scan (C1 control)" scan -f $'\xc2\x9b6n'
arg_error 2 '--target-level: Value 1\e[2J not in range' "a bad --target-level" assess --target-level $'1\e[2J'
arg_error 2 '--color: \x9b6n not in {auto,always,never}' "a bad --color (invalid UTF-8)" assess --color $'\x9b6n'
arg_error 2 '--color: \x9d0;PWNED\a not in {' "a bad --color of report (8-bit OSC)" report "$R" --color $'\x9d0;PWNED\a'
arg_error 2 'not expected: \e[2J' "an extra argument" list $'\e[2J'
arg_error 3 "cannot write $TMP/missing\\e]0;PWNED\\a/r.txt" "an output file that cannot be written" \
  report "$R" -o "$TMP/missing"$'\e]0;PWNED\a'"/r.txt"
# A huge argument is shortened in the message as diagnostics are, not echoed whole.
run assess -f "$(printf 'x%.0s' {1..100000})"
expect_code 2 "a 100,000-character -f"
expect_err " bytes…] " "the message is shortened"
if [ "${#ERR}" -lt 2000 ]; then ok; else not_ok "the message of a 100,000-character -f has ${#ERR} characters"; fi
# Help shows our own text only, whatever values come with --help.
run assess -q $'\e[2Jq' --team $'\e]0;PWNED\a' --help
expect_code 0 "--help after hostile values"
expect_out "--target-level" "the help of assess"
clean "--help after hostile values"
# validate names the files it checks: on stdout when valid, on stderr when --strict finds warnings.
H="$TMP/q"$'\e]0;PWNED\a'".yaml"
cp "$MM_DATA/valid/small.yaml" "$H"
run validate "$H"
expect_code 0 "validate a file whose name holds escapes"
expect_out "q\\e]0;PWNED\\a.yaml: valid" "validate shows the escapes of a file name on stdout"
clean "validate (file name)"
printf 'id: w\ntitle: W\nversion: "1"\nlevels: [{level: 0, name: N}, {level: 1, name: S}, {level: 2, name: M}]\ndimensions:\n  - {id: d, name: D, questions: [{id: q1, level: 1, text: Q1, practice: Do.}]}\n' >"$H"
run validate "$H" --strict
expect_code 2 "validate --strict with a warning"
expect_err "q\\e]0;PWNED\\a.yaml: invalid with --strict (1 warnings)" "validate --strict shows the escapes of a file name"
clean "validate --strict (file name)"
finish
