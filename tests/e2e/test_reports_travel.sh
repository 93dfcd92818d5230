#!/usr/bin/env bash
# Reports that travel: every report says when (--date, SOURCE_DATE_EPOCH, today, or none) and what (the Git
# commit of --scan's directory, read from the repository's files, or --commit) was assessed, in every format;
# saved reports keep both; diff warns about reports that should not be compared; aggregate keeps a team's
# latest report, has a target column and a legend that fits 80 columns.
source "$(dirname "$0")/lib.sh"
EX=$MM_SOURCE_DIR/examples
REPORTS=$MM_DATA/reports
SHA=0123456789abcdef0123456789abcdef01234567
unset MLOPS_MATURITY_DATE MLOPS_MATURITY_COMMIT  # lib.sh sets them to none for the other tests' goldens

# ---- the date ----
run assess -a "$EX/startup.yaml" -f json --date 2026-03-31
expect_code 0 "--date"
expect_out '"date": "2026-03-31"' "--date is stored"
SOURCE_DATE_EPOCH=1774915200 run assess -a "$EX/startup.yaml" -f json
expect_out '"date": "2026-03-31"' "SOURCE_DATE_EPOCH gives the date (UTC)"
SOURCE_DATE_EPOCH=1774915200 run assess -a "$EX/startup.yaml" -f json --date 2025-12-24
expect_out '"date": "2025-12-24"' "--date wins over SOURCE_DATE_EPOCH"
today=$(date +%F)
run assess -a "$EX/startup.yaml" -f json
expect_out "\"date\": \"$today\"" "without either, today"
SOURCE_DATE_EPOCH=1774915200 run assess -a "$EX/startup.yaml" -f json --date none
expect_no_out '"date"' "--date none: no date"
expect_file_same "$MM_DATA/golden/examples/startup.json" "$TMP/out" "--date none: byte-identical to the golden"
run assess -a "$EX/startup.yaml" --date 2026-02-30
expect_code 2 "an impossible date"
expect_err "mlops-maturity: error: --date: '2026-02-30' is not a date: use YYYY-MM-DD" "date message"
SOURCE_DATE_EPOCH=yesterday run assess -a "$EX/startup.yaml"
expect_code 2 "a malformed SOURCE_DATE_EPOCH"
expect_err "mlops-maturity: error: SOURCE_DATE_EPOCH='yesterday' is not a number of seconds" "SDE message"
MLOPS_MATURITY_DATE=none SOURCE_DATE_EPOCH=1774915200 run assess -a "$EX/startup.yaml" -f json
expect_no_out '"date"' "MLOPS_MATURITY_DATE=none is --date none"
MLOPS_MATURITY_DATE=2024-02-29 run assess -a "$EX/startup.yaml" -f json --date 2025-01-01
expect_out '"date": "2025-01-01"' "--date wins over MLOPS_MATURITY_DATE"

# ---- the commit ----
run assess -a "$EX/startup.yaml" -f json --date none --commit "${SHA^^}"
expect_code 0 "--commit"
expect_out "\"commit\": \"$SHA\"" "--commit is stored, lowercased"
run assess -a "$EX/startup.yaml" --commit 0123abc
expect_code 2 "an abbreviated commit"
expect_err "mlops-maturity: error: --commit: '0123abc' is not a full commit hash" "commit message"
# Not a repository: no commit and nothing said.
mkdir -p "$TMP/plain"
if ! git -C "$TMP/plain" rev-parse 2>/dev/null; then
  run assess -a "$EX/startup.yaml" -f json --scan "$TMP/plain"
  expect_code 0 "scan of a plain directory"
  expect_no_out '"commit"' "no repository, no commit"
  [[ $ERR != *commit* ]] && ok || not_ok "no repository: no warning about a commit"
fi
if command -v git >/dev/null; then
  g() { git -C "$TMP/repo" -c user.name=t -c user.email=t@example.org -c init.defaultBranch=main "$@" >/dev/null 2>&1; }
  mkdir -p "$TMP/repo" && g init
  # An unborn branch: a warning, the report without a commit.
  run assess -a "$EX/startup.yaml" -f json --scan "$TMP/repo"
  expect_code 0 "new repository"
  expect_err "warning: $TMP/repo: no commit recorded in the report: branch main has no commit yet" "unborn warning"
  echo x >"$TMP/repo/train.py" && g add . && g commit -m one
  head1=$(git -C "$TMP/repo" rev-parse HEAD)
  run assess -a "$EX/startup.yaml" -f json --scan "$TMP/repo"
  expect_out "\"commit\": \"$head1\"" "loose ref: the commit git names"
  mkdir -p "$TMP/repo/sub/dir"
  run assess -a "$EX/startup.yaml" -f json --scan "$TMP/repo/sub/dir"
  expect_out "\"commit\": \"$head1\"" "a subdirectory: the repository's commit"
  g pack-refs --all
  [ ! -e "$TMP/repo/.git/refs/heads/main" ] && ok || not_ok "pack-refs left a loose ref"
  run assess -a "$EX/startup.yaml" -f json --scan "$TMP/repo"
  expect_out "\"commit\": \"$head1\"" "packed ref"
  echo y >>"$TMP/repo/train.py" && g commit -am two
  head2=$(git -C "$TMP/repo" rev-parse HEAD)
  g worktree add "$TMP/wt" "$head1"  # detached, in a linked worktree
  run assess -a "$EX/startup.yaml" -f json --scan "$TMP/wt"
  expect_out "\"commit\": \"$head1\"" "linked worktree, detached HEAD"
  g -C "$TMP/wt" checkout -b topic
  echo z >>"$TMP/wt/train.py" && git -C "$TMP/wt" -c user.name=t -c user.email=t@example.org commit -qam three
  head3=$(git -C "$TMP/wt" rev-parse HEAD)
  run assess -a "$EX/startup.yaml" -f json --scan "$TMP/wt"
  expect_out "\"commit\": \"$head3\"" "linked worktree on a branch"
  run assess -a "$EX/startup.yaml" -f json --scan "$TMP/repo"
  expect_out "\"commit\": \"$head2\"" "the main worktree is unchanged"
  run assess -a "$EX/startup.yaml" -f json --scan "$TMP/repo" --commit none
  expect_no_out '"commit"' "--commit none"
  run assess -a "$EX/startup.yaml" -f json --scan "$TMP/repo" --commit "$SHA"
  expect_out "\"commit\": \"$SHA\"" "--commit wins over the scan"
  # A checkout is untrusted: a FIFO where HEAD should be is said at once, not read (it would block for good).
  cp -a "$TMP/repo" "$TMP/fifo-head" && rm "$TMP/fifo-head/.git/HEAD" && mkfifo "$TMP/fifo-head/.git/HEAD"
  run_within 30 assess -a "$EX/startup.yaml" -f json --scan "$TMP/fifo-head"
  expect_code 0 "a FIFO for HEAD: the assessment stands"
  # One cause, one warning: the history and the commit are both unread because of HEAD.
  expect_err "warning: .git: cannot read HEAD (not a regular file" "a FIFO for HEAD: said, not waited for"
  expect_err "history rules show nothing and the report records no commit; give it with --commit SHA" \
    "a FIFO for HEAD: both effects in the one warning"
  [ "$(grep -c 'HEAD' <<<"$ERR")" = 1 ] && ok || not_ok "a FIFO for HEAD: said once, not twice ($ERR)"
  # A cause the history does not share is said on its own: here the history is read, the commit is given.
  run_within 30 assess -a "$EX/startup.yaml" -f json --scan "$TMP/fifo-head" --commit "$SHA"
  [[ $ERR != *"records no commit"* && $ERR != *"no commit recorded"* ]] && ok ||
    not_ok "--commit given: no word about the commit ($ERR)"
fi

# ---- shown in every format; saved and read back ----
"$MM_BIN" assess -a "$EX/startup.yaml" -f json -o "$TMP/dated.json" --date 2026-03-31 --commit "$SHA" --team "Startup"
run report "$TMP/dated.json" -f json
expect_file_same "$TMP/dated.json" "$TMP/out" "report -f json round-trips date and commit"
run report "$TMP/dated.json" -f text
expect_out $'Team: Startup\nDate: 2026-03-31\nCommit: '"$SHA" "text"
run report "$TMP/dated.json" -f markdown
expect_out "Assessed 2026-03-31 at commit \`$SHA\`" "markdown"
if command -v cmark-gfm >/dev/null; then
  printf '%s\n' "$OUT" | cmark-gfm -e table >"$TMP/md.html"
  grep -qF "Assessed 2026-03-31 at commit <code>$SHA</code>" "$TMP/md.html" && ok || not_ok "markdown renders"
fi
run report "$TMP/dated.json" -f html -o "$TMP/dated.html"
OUT=$(cat "$TMP/dated.html")
expect_out "<p class=\"assessed\">Assessed <time datetime=\"2026-03-31\">2026-03-31</time> at commit <code>$SHA</code></p>" "html"
if command -v vnu >/dev/null; then
  vnu --errors-only "$TMP/dated.html" 2>"$TMP/vnu" && ok || not_ok "vnu: $(head -5 "$TMP/vnu")"
fi
run report "$TMP/dated.json" -f junit -o "$TMP/dated.xml"
OUT=$(cat "$TMP/dated.xml")
expect_out "<property name=\"date\" value=\"2026-03-31\"/>" "junit date"
expect_out "<property name=\"commit\" value=\"$SHA\"/>" "junit commit"
if command -v xmllint >/dev/null; then
  xmllint --noout --schema "$MM_DATA/xsd/junit-10.xsd" "$TMP/dated.xml" 2>"$TMP/xsd" && ok || not_ok "xsd: $(cat "$TMP/xsd")"
fi
if python3 -c 'import jsonschema' 2>/dev/null; then
  python3 - "$MM_SOURCE_DIR/docs/schemas/report.schema.json" "$TMP/dated.json" <<'PY' && ok || not_ok "schema"
import json, sys, jsonschema, copy
schema = json.load(open(sys.argv[1])); report = json.load(open(sys.argv[2]))
jsonschema.Draft202012Validator(schema).validate(report)
for key, bad in (("date", "2026-3-31"), ("commit", "abc")):
    r = copy.deepcopy(report); r[key] = bad
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(r)), f"{key}={bad} should not validate"
PY
fi
# A saved report with a bad date or commit is refused like any bad value.
sed 's/"date": "2026-03-31"/"date": "2026-02-30"/' "$TMP/dated.json" >"$TMP/bad-date.json"
run report "$TMP/bad-date.json"
expect_code 2 "bad saved date"
expect_err "bad-date.json: error: date: '2026-02-30' is not a date (YYYY-MM-DD)" "bad saved date message"
sed "s/\"commit\": \"$SHA\"/\"commit\": \"xyz\"/" "$TMP/dated.json" >"$TMP/bad-commit.json"
run report "$TMP/bad-commit.json"
expect_code 2 "bad saved commit"
expect_err "bad-commit.json: error: commit: expected a full commit hash" "bad saved commit message"
run aggregate "$TMP/bad-date.json"
expect_code 2 "aggregate checks the date too"
# Reports from before the fields still read.
run report "$REPORTS/acme-q1.json" -f json
expect_code 0 "an old report"
expect_no_out '"date"' "an old report gets no date"

# ---- diff warns when two reports should not be compared ----
"$MM_BIN" assess -a "$EX/startup.yaml" -f json -o "$TMP/other-team.json" --date 2026-01-15 --team "Other"
run diff "$TMP/other-team.json" "$TMP/dated.json"
expect_code 0 "different teams still diff"
expect_err "mlops-maturity: warning: the reports are of different teams ('Other' and 'Startup')" "team warning"
expect_out "Assessed 2026-01-15 → 2026-03-31" "diff shows the dates"
run diff "$TMP/dated.json" "$TMP/other-team.json"
expect_err "warning: NEW is dated 2026-01-15, before OLD (2026-03-31)" "order warning"
sed 's/"version": "2.1"/"version": "2.2"/' "$TMP/dated.json" >"$TMP/v11.json"
run diff "$TMP/dated.json" "$TMP/v11.json"
expect_err "warning: the reports are of different versions of questionnaire 'mlops' (2.1 -> 2.2)" "version warning"
run diff "$REPORTS/acme-q1.json" "$REPORTS/acme-q2.json"
[[ $ERR == *warning* ]] && not_ok "no warning for one team, one questionnaire" || ok

# ---- aggregate: the latest report of a team, a target column, a legend that fits ----
mk() { "$MM_BIN" assess -a "$EX/$1.yaml" -f json -o "$TMP/agg/$2.json" --team "$3" --date "${4:-}" 2>/dev/null; }
mkdir -p "$TMP/agg"
mk startup s-new "Startup" 2026-06-30
mk research s-old "Startup" 2026-03-31
mk platform p "Platform team"
run aggregate "$TMP/agg/s-new.json" "$TMP/agg/p.json" "$TMP/agg/s-old.json"
expect_code 0 "aggregate with a team twice"
expect_err "mlops-maturity: warning: $TMP/agg/s-old.json (2026-03-31) left out: a later report of team 'Startup' was given, $TMP/agg/s-new.json (2026-06-30)" "stderr says which was left out"
expect_out "Left out, as a later report of the same team was given:" "the output says so"
expect_out ": 2 teams" "two teams"
expect_out "Team           Overall  Target  Date      " "target and date columns"
# The heatmap and its legend (everything above "Overall levels") fit 80 columns.
too_wide=$(printf '%s\n' "$OUT" | python3 -c '
import sys
for line in sys.stdin:
    if line.startswith("Overall levels"): break
    if len(line.rstrip("\n")) > 80: print(line, end="")')
[ -z "$too_wide" ] && ok || not_ok "the table and legend fit 80 columns: $too_wide"
# The ids are cut to three columns, "data" too (it was once left whole, a column wider than the levels below it).
expect_out "  dat  data: Data management and quality" "legend: one id a line"
header=$(printf '%s\n' "$OUT" | grep '^Team ')
row=$(printf '%s\n' "$OUT" | grep '^Startup ')
[ "${#header}" -eq "${#row}" ] && ok || not_ok "the header lines up with the rows: '$header' / '$row'"
# The later date wins whatever the order; on the same date the one given later.
run aggregate "$TMP/agg/s-old.json" "$TMP/agg/s-new.json" -f json
expect_out '"source": "'"$TMP/agg/s-new.json"'",
      "date": "2026-06-30"' "kept the later one"
expect_out '"superseded": [' "json lists what was left out"
mk research s-same "Startup" 2026-06-30
run aggregate "$TMP/agg/s-new.json" "$TMP/agg/s-same.json" -f csv
expect_out "s-same.json" "same date: the one given later"
expect_no_out "s-new.json" "same date: the earlier one left out"
# Teams named after their files are never merged.
mkdir -p "$TMP/agg/a" "$TMP/agg/b"
"$MM_BIN" assess -a "$EX/startup.yaml" -f json -o "$TMP/agg/a/report.json" --date none
"$MM_BIN" assess -a "$EX/research.yaml" -f json -o "$TMP/agg/b/report.json" --date none
run aggregate "$TMP/agg/a/report.json" "$TMP/agg/b/report.json"
expect_out ": 2 teams" "unnamed teams stay apart"
run aggregate "$TMP/agg/s-new.json" "$TMP/agg/p.json" -f html -o "$TMP/agg.html"
OUT=$(cat "$TMP/agg.html")
expect_out "<th>Target</th>" "html target column"
expect_out "overflow-wrap: normal" "html team names wrap between words only"
if command -v vnu >/dev/null; then
  vnu --errors-only "$TMP/agg.html" 2>"$TMP/vnu" && ok || not_ok "vnu aggregate: $(head -5 "$TMP/vnu")"
fi

# ---- the HTML report at 390 px: the table scrolls in its box; the chart has a narrow form with numbered axes and
# labels twice the size, and a key below it ----
run report "$TMP/dated.json" -f html
expect_out '<div class="table-scroll">' "the dimension table scrolls sideways"
expect_out '<svg class="chart radar narrow" viewBox="0 0 600 560"' "a narrow chart"
expect_out 'svg.narrow .label { font-size: 24px;' "its labels twice the size"
expect_out '<ol class="radar-key">' "the narrow chart's key"
expect_out '@media (max-width: 560px) {
  .chart.wide { display: none; }
  .chart.narrow, .radar-key { display: block; }' "shown on narrow screens instead of the wide chart"
finish
