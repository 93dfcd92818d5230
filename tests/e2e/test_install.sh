#!/usr/bin/env bash
# `cmake --install` of this build into a temporary prefix: the binary, the man page (help2man is required: the
# page must exist and have a section for every subcommand `--help` lists), the bash/zsh/fish completions where
# those shells look, the CI gate script and the JSON schemas.
source "$(dirname "$0")/lib.sh"
BUILD=$(dirname "$MM_BIN")
if [ ! -f "$BUILD/cmake_install.cmake" ]; then
  CODE=0; not_ok "$BUILD is not a CMake build directory"; finish; exit
fi
prefix="$TMP/prefix"
if cmake --install "$BUILD" --prefix "$prefix" >"$TMP/install.log" 2>&1; then ok; else
  CODE=$?; ERR=$(cat "$TMP/install.log"); not_ok "cmake --install"; fi

for f in bin/mlops-maturity share/man/man1/mlops-maturity.1 share/bash-completion/completions/mlops-maturity \
         share/zsh/site-functions/_mlops-maturity share/fish/vendor_completions.d/mlops-maturity.fish \
         share/mlops-maturity/ci/run-gate.sh share/mlops-maturity/ci/mlops-maturity.gitlab-ci.yml \
         share/mlops-maturity/schemas/questionnaire.schema.json share/mlops-maturity/schemas/answers.schema.json \
         share/mlops-maturity/schemas/report.schema.json share/doc/mlops-maturity/limits.md; do
  if [ -f "$prefix/$f" ]; then ok; else CODE=0; not_ok "not installed: $f (is help2man installed? apt-get install help2man)"; fi
done

run --version
installed=$("$prefix/bin/mlops-maturity" --version)
if [ "$installed" = "$OUT" ]; then ok; else not_ok "the installed binary says '$installed'"; fi

man="$prefix/share/man/man1/mlops-maturity.1"
if [ -f "$man" ]; then
  for c in $("$MM_BIN" --help | awk '/^Subcommands:/ { on = 1; next } on && /^  [a-z]/ { print $1 } on && /^$/ { on = 0 }'); do
    if grep -qx ".SS \"$c\"" "$man"; then ok; else CODE=0; not_ok "the man page has no section for '$c'"; fi
    # ... with that subcommand's options in it.
    for o in $("$MM_BIN" "$c" --help | grep -oE '^  (-[a-zA-Z],)?--[a-z][a-z0-9-]*' | grep -oE -- '--[a-z][a-z0-9-]*'); do
      if grep -qF -- "$(printf '%s' "$o" | sed 's/-/\\-/g')" "$man" || grep -qF -- "$o" "$man"; then ok; else
        CODE=0; not_ok "the man page lacks '$c $o'"; fi
    done
  done
  if grep -q 'fBmlops-maturity' "$man"; then ok; else CODE=0; not_ok "the man page's COMMANDS intro lost its roff fonts"; fi
  if command -v man >/dev/null; then
    MANWIDTH=100 man -l "$man" >"$TMP/man.txt" 2>"$TMP/man.err"
    if grep -q '^COMMANDS' "$TMP/man.txt" && grep -q 'mlops-maturity assess -a answers.yaml' "$TMP/man.txt"; then ok; else
      CODE=0; ERR=$(cat "$TMP/man.err"); not_ok "man -l does not render the COMMANDS section"; fi
  fi
fi
finish
