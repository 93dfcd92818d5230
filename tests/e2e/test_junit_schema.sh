#!/usr/bin/env bash
# JUnit reports are read by real consumers: every one must be valid against the JUnit schema of Jenkins' xUnit
# plugin (tests/data/xsd/junit-10.xsd, a transcription; the strictest of the common JUnit schemas), checked with
# xmllint: the golden reports, reports rendered fresh from the saved fixtures and from the example answers, and
# one from the hostile questionnaire. Skips (exit 77, which CTest shows as skipped) when xmllint is not installed:
# `apt-get install libxml2-utils`.
source "$(dirname "$0")/lib.sh"
if ! command -v xmllint >/dev/null; then
  echo "SKIP: xmllint is not installed (apt-get install libxml2-utils); the JUnit reports were not validated"
  exit 77
fi
XSD=$MM_DATA/xsd/junit-10.xsd
REPORTS=$MM_DATA/reports

# valid FILE DESCRIPTION: FILE is valid against the schema.
valid() {
  if xmllint --noout --schema "$XSD" "$1" >"$TMP/xmllint" 2>&1; then ok; else
    not_ok "$2 is not valid against junit-10.xsd: $(grep -v ' validates$' "$TMP/xmllint" | head -5)"
  fi
}

# The schema is what it should be: it refuses a skipped attribute on <testsuites> and accepts one on <testsuite>.
printf '<testsuites skipped="1"><testsuite name="s" tests="1" failures="0" errors="0" skipped="1"/></testsuites>\n' >"$TMP/root-skipped.xml"
if xmllint --noout --schema "$XSD" "$TMP/root-skipped.xml" >/dev/null 2>&1; then
  not_ok "junit-10.xsd accepts a skipped attribute on <testsuites>"
else ok; fi
printf '<testsuites tests="1"><testsuite name="s" tests="1" failures="0" errors="0" skipped="1"/></testsuites>\n' >"$TMP/suite-skipped.xml"
valid "$TMP/suite-skipped.xml" "a skipped attribute on <testsuite>"

n=0
for golden in "$MM_DATA"/golden/reports/*.xml; do
  valid "$golden" "golden $(basename "$golden")"
  n=$((n + 1))
done
[ "$n" -ge 4 ] && ok || not_ok "expected at least 4 JUnit golden files, found $n"

for fixture in "$REPORTS"/*.json; do
  name=$(basename "$fixture" .json)
  [ "$name" = schema-v2 ] && continue  # a report of a schema this tool refuses
  run report "$fixture" -f junit -o "$TMP/$name.xml"
  expect_code 0 "report $name -f junit"
  valid "$TMP/$name.xml" "report $name -f junit"
done
for example in "$MM_SOURCE_DIR"/examples/*.yaml; do
  name=$(basename "$example" .yaml)
  run assess --answers "$example" -f junit -o "$TMP/example-$name.xml"
  expect_code 0 "assess $name -f junit"
  valid "$TMP/example-$name.xml" "assess $name -f junit"
  # With a gate that fails, a report has failures; it stays valid.
  run assess --answers "$example" --min-level 4 -f junit -o "$TMP/gate-$name.xml"
  expect_code 1 "assess $name --min-level 4 -f junit"
  valid "$TMP/gate-$name.xml" "assess $name --min-level 4 -f junit"
done
run assess -q "$REPORTS/hostile-questionnaire.yaml" -a "$REPORTS/hostile-answers.yaml" --team $'<x> & "y" \e[2J' \
  -f junit -o "$TMP/hostile-assess.xml"
expect_code 0 "assess -f junit (hostile)"
valid "$TMP/hostile-assess.xml" "assess -f junit (hostile)"

# The totals a reader sums from the suites are still those of the report.
run report "$REPORTS/acme-q2-gate.json" -f junit
expect_out '<testsuites name="MLOps maturity assessment: ACME recommendations" tests="77" failures="1" errors="0" time="0">' \
  "the root carries tests, failures and errors"
finish
