#!/usr/bin/env bash
# Regenerates the golden outputs of the report formats, `diff` and `aggregate` from the fixture reports in
# tests/data/reports (tests/e2e/test_report_formats.sh compares against them). Review the result as a diff
# (git diff tests/data/golden/reports) before committing it.
#   tests/update-golden.sh [path/to/mlops-maturity]        (default: build/mlops-maturity)
# To change the fixtures themselves, first run tests/data/reports/make-fixtures.sh.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bin=$(realpath "${1:-$root/build/mlops-maturity}")
export NO_COLOR=1 CI=true
unset COLUMNS
golden=$root/tests/data/golden/reports
mkdir -p "$golden"
cd "$root/tests/data/reports"  # file names in the outputs stay relative
ext() { case $1 in text) echo txt ;; markdown) echo md ;; html) echo html ;; junit) echo xml ;; json) echo json ;; csv) echo csv ;; esac; }
for fixture in acme-q2-gate beta hostile scan mts-m01 mts-m02-gate mts-m04; do
  for format in text markdown html junit; do
    "$bin" report "$fixture.json" -f "$format" >"$golden/$fixture.$(ext "$format")"
  done
done
# The gap list as CSV: one ordinary report, and the hostile one (formula-like and quoted text).
for fixture in acme-q2-gate hostile; do
  "$bin" report "$fixture.json" -f csv >"$golden/$fixture.csv"
done
for format in text json markdown; do
  "$bin" diff acme-q1.json acme-q2.json -f "$format" >"$golden/diff-acme.$(ext "$format")"
done
for format in text json markdown html csv; do
  "$bin" aggregate acme-q1.json acme-q2.json beta.json gamma.json -f "$format" >"$golden/aggregate.$(ext "$format")"
done
echo "updated $(ls "$golden" | wc -l) golden files in $golden; review them with: git diff --stat -- $golden"
