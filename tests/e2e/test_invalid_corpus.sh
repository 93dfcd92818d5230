#!/usr/bin/env bash
# The malformed-input corpus (tests/data/invalid/): every file is listed in expected.tsv with the command kind,
# the exit code and a substring its stderr must contain (with FILE:LINE:COL where the problem has a place).
# Each run must also leave stdout empty, never report an internal error, and print no raw control characters.
source "$(dirname "$0")/lib.sh"

DIR="$MM_DATA/invalid"
MANIFEST="$DIR/expected.tsv"
QUESTIONNAIRE="$MM_DATA/valid/basic.yaml"
cd "$DIR" || exit 1

rows=0
listed="$TMP/listed"
: >"$listed"
while IFS=$'\t' read -r file kind code expected; do
  case "$file" in '' | '#'*) continue ;; esac
  rows=$((rows + 1))
  echo "$file" >>"$listed"
  case "$kind" in
    questionnaire) run validate "$file" ;;
    answers) run assess -q "$QUESTIONNAIRE" -a "$file" ;;
    answers-stdin) run_stdin "$file" assess -q "$QUESTIONNAIRE" -a - ;;
    report) run report "$file" ;;
    *) CODE=?; not_ok "$file: unknown kind '$kind' in expected.tsv"; continue ;;
  esac
  expect_code "$code" "$file ($kind)"
  expect_err "$expected" "$file ($kind)"
  if [ -n "$OUT" ]; then not_ok "$file: stdout should be empty"; else ok; fi
  if printf '%s' "$ERR" | grep -q "internal error"; then not_ok "$file: internal error"; else ok; fi
  if printf '%s' "$ERR" | LC_ALL=C grep -q $'[\x01-\x08\x0b-\x1f\x7f]'; then
    not_ok "$file: raw control characters on stderr"
  else ok; fi
done <"$MANIFEST"

# The corpus is complete: every fixture is in the manifest (and at least 50 of them).
for f in *; do
  [ "$f" = expected.tsv ] || [ "$f" = README.md ] && continue
  if grep -qxF -- "$f" "$listed"; then ok; else CODE=0; not_ok "$f is not listed in expected.tsv"; fi
done
if [ "$rows" -ge 50 ]; then ok; else CODE=0; not_ok "only $rows cases in expected.tsv (want at least 50)"; fi
finish
