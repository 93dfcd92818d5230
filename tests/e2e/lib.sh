# Shared helpers for end-to-end tests: each tests/e2e/test_*.sh sources this, runs the real binary ($MM_BIN)
# and checks exit codes, stdout, stderr and files. A failed check prints what was expected and what came, and
# the script exits 1 at the end; the last line is "N passed, N failed".
set -u
: "${MM_BIN:?set MM_BIN to the mlops-maturity binary}"
: "${MM_DATA:?set MM_DATA to tests/data}"
MM_SOURCE_DIR=${MM_SOURCE_DIR:-$(cd "$MM_DATA/../.." && pwd)}
export NO_COLOR=1 CI=true
# Reports without a date or commit, so that they are the same bytes every day and in every checkout (the goldens);
# tests/e2e/test_reports_travel.sh unsets these to test both.
export MLOPS_MATURITY_DATE=none MLOPS_MATURITY_COMMIT=none
unset COLUMNS SOURCE_DATE_EPOCH
PASSED=0
FAILED=0
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# run ARGS...: runs the binary; sets $OUT, $ERR, $CODE.
run() {
  "$MM_BIN" "$@" >"$TMP/out" 2>"$TMP/err" </dev/null
  CODE=$?
  OUT=$(cat "$TMP/out")
  ERR=$(cat "$TMP/err")
}

# run_within SECONDS ARGS...: like run, killed after SECONDS (then CODE is 124): for what must never hang.
run_within() {
  timeout "$1" "$MM_BIN" "${@:2}" >"$TMP/out" 2>"$TMP/err" </dev/null
  CODE=$?
  OUT=$(cat "$TMP/out")
  ERR=$(cat "$TMP/err")
}

# run_stdin FILE ARGS...: like run, with FILE on standard input.
run_stdin() {
  local input=$1
  shift
  "$MM_BIN" "$@" >"$TMP/out" 2>"$TMP/err" <"$input"
  CODE=$?
  OUT=$(cat "$TMP/out")
  ERR=$(cat "$TMP/err")
}

ok() { PASSED=$((PASSED + 1)); }
not_ok() {
  FAILED=$((FAILED + 1))
  echo "FAIL: $1" >&2
  echo "  command exit: ${CODE:-?}" >&2
  echo "  stdout: $(printf '%s' "${OUT:-}" | head -c 1500)" >&2
  echo "  stderr: $(printf '%s' "${ERR:-}" | head -c 1500)" >&2
}

expect_code() { # expect_code N description
  if [ "$CODE" -eq "$1" ]; then ok; else not_ok "$2: expected exit $1, got $CODE"; fi
}
# TEXT is matched literally and whole, newlines included (grep -F would take each line of it as a pattern of
# its own and match any one of them).
expect_out() { # expect_out TEXT description: stdout contains TEXT
  if [[ $OUT == *"$1"* ]]; then ok; else not_ok "$2: stdout lacks '$1'"; fi
}
expect_no_out() {
  if [[ $OUT == *"$1"* ]]; then not_ok "$2: stdout has '$1'"; else ok; fi
}
expect_err() { # expect_err TEXT description: stderr contains TEXT
  if [[ $ERR == *"$1"* ]]; then ok; else not_ok "$2: stderr lacks '$1'"; fi
}
expect_empty_out() {
  if [ -z "$OUT" ]; then ok; else not_ok "$1: stdout should be empty"; fi
}
expect_file_same() { # expect_file_same EXPECTED ACTUAL description
  if diff -u "$1" "$2" >"$TMP/diff"; then ok; else not_ok "$3: $(head -40 "$TMP/diff")"; fi
}
file_has() { # file_has FILE TEXT description: FILE has TEXT as a whole line
  if grep -qxF -- "$2" "$1" 2>/dev/null; then ok; else not_ok "$3: $1 lacks the line '$2'"; fi
}
is_link() { # is_link PATH TARGET description: PATH is still a symbolic link to TARGET
  if [ -L "$1" ] && [ "$(readlink "$1")" = "$2" ]; then ok; else not_ok "$3: $1 should still link to $2, is: $(ls -l "$1")"; fi
}

# can_mknod_chown: true when running as root that may make device nodes and give files away (not so in every
# container); the output tests leave those checks out, with a note, otherwise.
can_mknod_chown() {
  local may=1
  if [ "$(id -u)" -eq 0 ] && mknod "$TMP/probe" c 1 3 2>/dev/null && chown -h 65534:65534 "$TMP/probe" 2>/dev/null; then may=0; fi
  rm -f "$TMP/probe"
  return $may
}

# ---- scripted terminal sessions (tests/e2e/pty_session.py) ----
PTY=(python3 "$(dirname "$0")/pty_session.py" --timeout "${MM_PTY_TIMEOUT:-10}")

# session NAME [pty options] -- COMMAND... < SCRIPT: runs one scripted terminal session in $TMP/NAME;
# sets CODE (0 when every step of the script held), ERR (what went wrong, with the screen) and SCREEN.
session() {
  local name=$1
  shift
  mkdir -p "$TMP/$name"
  "${PTY[@]}" --cwd "$TMP/$name" --transcript "$TMP/$name.screen" "$@" 2>"$TMP/err"
  CODE=$?
  ERR=$(cat "$TMP/err")
  OUT=""
  SCREEN=$(cat "$TMP/$name.screen" 2>/dev/null)
}
screen_has() { # screen_has TEXT description
  if printf '%s' "$SCREEN" | grep -qF -- "$1"; then ok; else not_ok "$2: the screen lacks '$1'"; fi
}
screen_lacks() { # screen_lacks TEXT description
  if printf '%s' "$SCREEN" | grep -qF -- "$1"; then not_ok "$2: the screen has '$1'"; else ok; fi
}

finish() {
  echo "$PASSED passed, $FAILED failed"
  [ "$FAILED" -eq 0 ]
}
