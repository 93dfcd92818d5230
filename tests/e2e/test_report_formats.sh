#!/usr/bin/env bash
# `report` and `assess -f`: every format renders from a saved report and from the answers alike, against golden
# files (regenerate with tests/update-golden.sh and review the diff); the JSON report round-trips; bad input
# exits 2 with a clear message.
source "$(dirname "$0")/lib.sh"
REPORTS=$MM_DATA/reports
GOLDEN=$MM_DATA/golden/reports
ext() { case $1 in text) echo txt ;; markdown) echo md ;; html) echo html ;; junit) echo xml ;; esac; }

# Golden files, rendered from the saved reports (mts-*: the ML Test Score, scored by points).
for fixture in acme-q2-gate beta hostile scan mts-m01 mts-m02-gate mts-m04; do
  for format in text markdown html junit; do
    (cd "$REPORTS" && "$MM_BIN" report "$fixture.json" -f "$format" >"$TMP/$fixture.$format" 2>"$TMP/err") </dev/null
    CODE=$?
    expect_code 0 "report $fixture -f $format"
    expect_file_same "$GOLDEN/$fixture.$(ext "$format")" "$TMP/$fixture.$format" "golden $fixture.$(ext "$format")"
  done
  # JSON: the saved report is its own golden file; rendering it again gives the same bytes.
  "$MM_BIN" report "$REPORTS/$fixture.json" -f json >"$TMP/$fixture.json" </dev/null
  expect_file_same "$REPORTS/$fixture.json" "$TMP/$fixture.json" "report -f json round-trips $fixture"
done

# The gap list as CSV (tests/update-golden.sh writes these goldens too).
for fixture in acme-q2-gate hostile; do
  (cd "$REPORTS" && "$MM_BIN" report "$fixture.json" -f csv >"$TMP/$fixture.csv" 2>"$TMP/err") </dev/null
  CODE=$?
  expect_code 0 "report $fixture -f csv"
  expect_file_same "$GOLDEN/$fixture.csv" "$TMP/$fixture.csv" "golden $fixture.csv"
done
OUT=$(cat "$TMP/hostile.csv")
expect_no_out $'\n=' "csv: no cell starts a formula"
if [ "$(head -1 "$TMP/hostile.csv")" = $'id,dimension,level,priority,practice,tools,waiver\r' ]; then ok; else
  not_ok "csv: the header row, CRLF ended"; fi
# The same formats straight from assess (answers -> report) match the ones rendered later from its saved JSON.
# (Computed live, so the built-in questionnaire may change without touching the fixtures.)
assess_gate=(assess --no-input -a "$REPORTS/acme-q2-answers.yaml" --team "ACME recommendations" --min-level 1
  --min-level testing=2)
"$MM_BIN" "${assess_gate[@]}" -f json >"$TMP/live.json" 2>/dev/null </dev/null
CODE=$?
expect_code 1 "assess with a failing gate exits 1 and still writes the report"
for format in text markdown html junit; do
  "$MM_BIN" "${assess_gate[@]}" -f "$format" >"$TMP/assess.$format" 2>/dev/null </dev/null
  CODE=$?
  expect_code 1 "assess -f $format with a failing gate exits 1"
  "$MM_BIN" report "$TMP/live.json" -f "$format" >"$TMP/report.$format" </dev/null
  expect_file_same "$TMP/report.$format" "$TMP/assess.$format" "assess -f $format equals report -f $format"
done
# Notes on unanswered questions, and an answer and note for a question the profile rules out, are kept in the
# JSON, so every format renders the same from assess and from the saved report.
cat >"$TMP/notes.yaml" <<'YAML'
questionnaire: basic
profile: {serving: batch}
answers: {data-documented: yes, canary: yes}
notes:
  data-lineage: waiting on the platform team
  canary: we canary the batch jobs too
YAML
"$MM_BIN" assess --no-input -q "$MM_DATA/valid/basic.yaml" -a "$TMP/notes.yaml" -f json >"$TMP/notes.json" </dev/null
CODE=$?
expect_code 0 "assess with notes on unanswered and not-asked questions"
OUT=$(cat "$TMP/notes.json")
expect_out '"unanswered_notes": [
    {
      "question": "data-lineage",
      "note": "waiting on the platform team"
    }
  ]' "a note on an unanswered question is in the JSON"
expect_out '"reason": "not asked: Batch-only scoring",
      "answer": "yes",
      "note": "we canary the batch jobs too"' "a not-asked question keeps its answer and note"
"$MM_BIN" report "$TMP/notes.json" -f json >"$TMP/notes-again.json" </dev/null
expect_file_same "$TMP/notes.json" "$TMP/notes-again.json" "the notes survive a JSON round trip"
for format in text markdown html; do
  "$MM_BIN" assess --no-input -q "$MM_DATA/valid/basic.yaml" -a "$TMP/notes.yaml" -f "$format" >"$TMP/notes-assess.$format" </dev/null
  "$MM_BIN" report "$TMP/notes.json" -f "$format" >"$TMP/notes-report.$format" </dev/null
  expect_file_same "$TMP/notes-assess.$format" "$TMP/notes-report.$format" "notes: assess -f $format equals report -f $format"
done
grep -q "waiting on the platform team" "$TMP/notes-report.markdown" && ok || not_ok "the markdown shows the note of an unanswered gap"

"$MM_BIN" assess --no-input -q "$REPORTS/hostile-questionnaire.yaml" -a "$REPORTS/hostile-answers.yaml" \
  --team '<script>alert(1)</script> "Team" | `tick` & co' -f html >"$TMP/hostile-assess.html" </dev/null
expect_file_same "$GOLDEN/hostile.html" "$TMP/hostile-assess.html" "assess -f html (hostile) equals report -f html"

# -o writes the file atomically; stdin works as '-'.
run report "$REPORTS/beta.json" -f markdown -o "$TMP/out.md"
expect_code 0 "report -o"
expect_empty_out "report -o writes nothing to stdout"
expect_file_same "$GOLDEN/beta.md" "$TMP/out.md" "report -o file content"
run_stdin "$REPORTS/beta.json" report - -f markdown
expect_code 0 "report from stdin"
expect_out "## MLOps maturity assessment: Beta (proof of concept)" "report from stdin renders"

# JUnit XML is well-formed and has a suite per dimension, a case per practice.
for fixture in acme-q2-gate beta hostile mts-m02-gate; do
  if python3 - "$TMP/$fixture.junit" >"$TMP/xml" 2>&1 <<'PY'
import sys, xml.dom.minidom
doc = xml.dom.minidom.parse(sys.argv[1])
suites = doc.getElementsByTagName("testsuite")
cases = doc.getElementsByTagName("testcase")
root = doc.documentElement
assert root.tagName == "testsuites", root.tagName
assert int(root.getAttribute("tests")) == len(cases), "tests count"
assert int(root.getAttribute("failures")) == len(doc.getElementsByTagName("failure")), "failure count"
assert not root.hasAttribute("skipped"), "junit-10.xsd has no skipped attribute on testsuites"
assert sum(int(s.getAttribute("skipped")) for s in suites) == len(doc.getElementsByTagName("skipped")), "skipped count"
print(len(suites), len(cases))
PY
  then ok; else not_ok "junit $fixture is not well-formed XML: $(cat "$TMP/xml")"; fi
done
# Known answers for acme-q2-gate: 9 dimensions, 77 practices, the gate's testing=2 bar makes exactly one failure
# (model-validation-gate), 4 skipped (not asked for this profile).
run report "$REPORTS/acme-q2-gate.json" -f junit
expect_out 'tests="77" failures="1" errors="0" time="0">' "junit totals for acme-q2-gate"
[ "$(printf '%s' "$OUT" | grep -o '<skipped ' | wc -l)" -eq 4 ] && ok || not_ok "junit has 4 skipped cases"
expect_out '<testcase classname="mlops.testing" name="model-validation-gate" time="0">
      <failure message="Must a newly trained model pass automated quality thresholds' "junit failure is the gated gap"
[ "$(printf '%s' "$OUT" | grep -c '<testsuite ')" -eq 9 ] && ok || not_ok "junit has 9 suites"
# Without a gate the target (level 3) decides: every gap at levels 1..3 fails.
run report "$REPORTS/acme-q2.json" -f junit
expect_out 'tests="77" failures="25"' "junit failures up to the target level"

# Hostile text is escaped in every format (the unit tests check each escape in detail).
for format in html markdown junit; do
  run report "$REPORTS/hostile.json" -f "$format"
  expect_no_out "<script>" "no raw <script> in $format"
  expect_no_out "<iframe" "no raw <iframe> in $format"
  expect_no_out "<img" "no raw <img> in $format"
done
run report "$REPORTS/hostile.json" -f html
expect_no_out 'href="javascript:' "no javascript: link in html"
expect_out "&lt;script&gt;alert(1)&lt;/script&gt; &quot;Team&quot; | \`tick\` &amp; co" "html escapes the team"
run report "$REPORTS/hostile.json" -f markdown
expect_out '&lt;script&gt;alert(1)&lt;/script&gt; &quot;Team&quot; \| \`tick\` &amp; co' "markdown escapes the team"

# Bad input: exit 2, with a message that names the file and the problem.
run report "$REPORTS/schema-v2.json"
expect_code 2 "unknown schema version"
expect_err "schema-v2.json: error: report schema version 2 is not supported: this tool reads version 1" "schema message"
printf '{"schema_version": 1,' >"$TMP/truncated.json"
run report "$TMP/truncated.json"
expect_code 2 "truncated JSON"
expect_err "invalid JSON" "truncated JSON message"
printf '{"schema_version": 1, "tool": {"name": "x", "version": "1"}}' >"$TMP/shape.json"
run report "$TMP/shape.json"
expect_code 2 "missing members"
expect_err "missing 'questionnaire'" "missing member message"
run report "$TMP/does-not-exist.json"
expect_code 2 "missing file"
run report "$REPORTS/beta.json" -f pdf
expect_code 2 "unknown format"
run report
expect_code 2 "no report given"
finish

# A report saved before scoring rule 2 has no scoring_rule, held_by or missing_for_next: it reads as rule 1 and
# the reasons for its level are derived from its dimension levels and blocking gaps.
run report "$REPORTS/legacy-before-rule2.json" -f json
expect_code 0 "legacy report"
expect_out '"scoring_rule": 1,' "legacy report is rule 1"
expect_out '"held_by": [
      "pipelines",
      "testing",
      "governance",
      "platform"
    ]' "legacy report: held_by derived"
run report "$REPORTS/legacy-before-rule2.json" -f text
expect_out "Why level 1: held by 4 dimensions. Level 2 (Automated training) needs:" "legacy report: why this level"
expect_out "  platform    project-bootstrap, infra-changes-via-cd" "legacy report: missing practices derived"

# ---- a real Markdown renderer: every table of every Markdown golden renders as a table (GitHub's cmark-gfm) ----
if command -v cmark-gfm >/dev/null; then
  for md in "$MM_DATA"/golden/reports/*.md; do
    tables=$(grep -cE '^\|[ :]*-' "$md" || true)
    rendered=$(cmark-gfm --extension table "$md" | grep -c '<table>' || true)
    if [ "$tables" -gt 0 ] && [ "$tables" = "$rendered" ]; then ok; else
      not_ok "cmark-gfm: $(basename "$md") has $tables tables, renders $rendered"; fi
  done
fi
