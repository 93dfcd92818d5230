#!/usr/bin/env bash
# Builds the .deb with CPack (release preset), unpacks it into a temporary root with `dpkg -x`, and runs the
# packaged binary there: --version, list, an assessment of a fixture, the man page, the completions and the CI
# gate script. Needs: cmake, ninja, dpkg-dev (dpkg-shlibdeps), help2man, man-db (for `man -l`, optional).
# Usage: tools/test-deb.sh            (leaves the package in out/build/release/)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
jobs=${MM_JOBS:-2}
cmake --preset release -DBUILD_TESTING=OFF >/dev/null
cmake --build --preset release -- -j"$jobs" >/dev/null
BUILD=$ROOT/out/build/release
(cd "$BUILD" && rm -f ./*.deb && cpack -G DEB >/dev/null)
deb=$(ls "$BUILD"/*.deb)
echo "test-deb: built $(basename "$deb")"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0
check() { # check DESCRIPTION COMMAND...: runs the command, reports
  if "${@:2}" >"$work/out" 2>&1; then echo "ok: $1"; else echo "FAIL: $1"; sed 's/^/  /' "$work/out" | head -20; fail=1; fi
}
contains() { grep -q -- "$1" "$work/out" || { echo "  missing '$1'"; return 1; }; }

dpkg-deb --info "$deb" >"$work/info"
check "package metadata" grep -q '^ Package: mlops-maturity' "$work/info"
check "package depends on its shared libraries" grep -qE '^ Depends:.*libyaml-cpp' "$work/info"
check "package depends on libgit2" grep -qE '^ Depends:.*libgit2' "$work/info"
dpkg-deb --contents "$deb" >"$work/contents"
for f in ./usr/bin/mlops-maturity ./usr/share/man/man1/mlops-maturity.1 \
         ./usr/share/bash-completion/completions/mlops-maturity ./usr/share/zsh/site-functions/_mlops-maturity \
         ./usr/share/fish/vendor_completions.d/mlops-maturity.fish ./usr/share/mlops-maturity/ci/run-gate.sh \
         ./usr/share/mlops-maturity/schemas/report.schema.json ./usr/share/doc/mlops-maturity/limits.md; do
  check "the package holds $f" grep -q " $f\$" "$work/contents"
done

dpkg -x "$deb" "$work/root"
bin=$work/root/usr/bin/mlops-maturity
check "--version" sh -c "'$bin' --version | grep -qx 'mlops-maturity [0-9][0-9.]*'"
check "list shows the built-in questionnaires" sh -c "'$bin' list | grep -q '^mlops '"
check "assess a fixture (gate passes)" "$bin" assess -q "$ROOT/tests/data/valid/basic.yaml" \
  -a "$ROOT/tests/data/answers/basic-level1.yaml" --min-level 1 --color never
set +e
"$bin" assess -q "$ROOT/tests/data/valid/basic.yaml" -a "$ROOT/tests/data/answers/basic-level1.yaml" --min-level 3 >/dev/null 2>&1
code=$?
set -e
check "assess a fixture (gate fails with exit 1)" test "$code" -eq 1
check "assess -f json writes a report" "$bin" assess -q "$ROOT/tests/data/valid/basic.yaml" \
  -a "$ROOT/tests/data/answers/basic-level1.yaml" -f json -o "$work/report.json"
check "the report reads back" "$bin" report "$work/report.json" -f markdown

man=$work/root/usr/share/man/man1/mlops-maturity.1
check "the man page names every subcommand" sh -c "
  for c in \$('$bin' --help | awk '/^Subcommands:/ { on = 1; next } on && /^  [a-z]/ { print \$1 } on && /^\$/ { on = 0 }'); do
    grep -q \"^\\.SS \\\"\$c\\\"\" '$man' || { echo \"no section for \$c\"; exit 1; }
  done"
if command -v man >/dev/null; then
  check "the man page renders" sh -c "MANWIDTH=100 man -l '$man' 2>&1 | grep -q 'COMMANDS'"
fi
check "the packaged bash completion completes subcommands" bash -c "
  PATH='$work/root/usr/bin':\$PATH
  source '$work/root/usr/share/bash-completion/completions/mlops-maturity'
  COMP_WORDS=(mlops-maturity as); COMP_CWORD=1
  _mlops_maturity; [ \"\${COMPREPLY[*]}\" = assess ]"
check "the packaged gate script runs" env PATH="$work/root/usr/bin:$PATH" MM_ANSWERS="$ROOT/tests/data/answers/basic-level1.yaml" \
  MM_QUESTIONNAIRE="$ROOT/tests/data/valid/basic.yaml" MM_MIN_LEVEL=1 MM_REPORT="$work/gate.json" MM_SUMMARY="$work/gate.md" \
  bash "$work/root/usr/share/mlops-maturity/ci/run-gate.sh"

if [ "$fail" -eq 0 ]; then echo "test-deb: all checks passed"; else echo "test-deb: FAILED"; fi
exit "$fail"
