#!/usr/bin/env bash
# A short answer first: on a terminal `assess` ends with one screen (level, why, the first next steps, where the
# rest is); anywhere else the full report as before. The roadmap view. The team kept in the answers file. The
# resume and gate hints: the flags given, relative paths, never broken inside a flag, a gate that passes today.
source "$(dirname "$0")/lib.sh"

EXAMPLES=$MM_SOURCE_DIR/examples
GOLDEN=$MM_DATA/golden/examples
SMALL="$MM_DATA/valid/small.yaml"
# check_py DESCRIPTION SCRIPT ARGS...: a Python check; its failure message goes into the report.
check_py() {
  local what=$1 script=$2
  shift 2
  if python3 -c "$script" "$@" 2>"$TMP/err"; then ok; else ERR=$(cat "$TMP/err"); not_ok "$what"; fi
}

# ---- on a terminal (CI=true from lib.sh: nothing is asked), the report is one screen ----
mkdir -p "$TMP/summary"
cp "$EXAMPLES/research.yaml" "$TMP/summary/research.yaml"  # a relative path: the hint names it so
session summary --columns 80 -- "$MM_BIN" assess --answers research.yaml <<EOF
expect Full report:
exit 0
EOF
expect_code 0 "assess on a terminal"
screen_has "Overall level 0: No MLOps   (score 13%)" "the level"
screen_has "Target level 0: No MLOps (recommended)" "the target"
screen_has "Why level 0: held by 8 dimensions. Level 1 (DevOps but no MLOps) needs:" "why"
screen_has "and 5 more dimensions" "the rest of why is counted"
screen_has "Next steps (5 of 69 gaps, in priority order)" "five next steps"
screen_has "data-from-code" "the first step"
screen_has "data, level 1" "its dimension and level"
screen_has "Put the extraction of train" "one line of its practice"
screen_has "Full report: mlops-maturity assess --answers research.yaml --all" "how to see the rest"
screen_lacks "Dimension  " "no table"
screen_lacks "Beyond your target" "no full gap list"
check_py "the summary fits one 80x24 screen" 'import sys
lines = open(sys.argv[1], encoding="utf-8").read().rstrip("\n").split("\n")
assert len(lines) <= 23, len(lines)
wide = [l for l in lines if len(l) > 79]
assert not wide, wide
steps = [l for l in lines if l.startswith("  ") and ". " in l[:6]]
assert len(steps) == 5, steps' "$TMP/summary.screen"
# --all and -o give the full report on a terminal; a pipe gives it as before (the goldens, test_examples).
session all --columns 80 -- "$MM_BIN" assess --answers "$EXAMPLES/research.yaml" --all <<EOF
expect Beyond your target (optional)
exit 0
EOF
expect_code 0 "--all on a terminal is the full report"
screen_has "Dimension   " "--all shows the table"
session file --columns 80 -- "$MM_BIN" assess --answers "$EXAMPLES/research.yaml" -o report.txt <<EOF
exit 0
EOF
expect_code 0 "-o on a terminal"
expect_file_same "$GOLDEN/research.text" "$TMP/file/report.txt" "-o writes the full report, as the golden file"
session file --columns 80 --stdout "$TMP/file/piped.txt" -- "$MM_BIN" assess --answers "$EXAMPLES/research.yaml" <<EOF
exit 0
EOF
expect_file_same "$GOLDEN/research.text" "$TMP/file/piped.txt" "stdout not a terminal: the full report"

# ---- --top N: the short form anywhere, N steps ----
cd "$TMP/summary" || exit 1
run assess --answers research.yaml --top 3
expect_code 0 "--top 3"
expect_out "Next steps (3 of 69 gaps, in priority order)" "--top 3 heading"
expect_out "  3. " "the third step"
expect_no_out "  4. " "no fourth step"
expect_out "Full report: mlops-maturity assess --answers research.yaml --all" "the full-report line"
cp "$EXAMPLES/platform.yaml" platform.yaml
run assess --answers platform.yaml --top 1 --team "Platform team" --min-level 1
expect_out "MLOps maturity assessment · team Platform team (mlops 2.1)" "the team in the summary"
expect_out "  1. " "one step"
expect_no_out "  2. " "only one step"
expect_out "Full report: mlops-maturity assess --answers platform.yaml \\
               --team 'Platform team' --min-level 1 --all" "the full-report command repeats the flags, quoted, broken between flags"
cd - >/dev/null || exit 1
run assess --answers "$EXAMPLES/research.yaml" --top 3 -f json
expect_code 2 "--top with JSON"
expect_err "mlops-maturity: error: --top" "--top with JSON is refused"
run assess --answers "$EXAMPLES/research.yaml" --top 3 --all
expect_code 2 "--top with --all"

# ---- --roadmap: per level above the current one, the defining practices missing, then the supporting ----
# ROADMAP_CHECK REPORT.json ROADMAP.txt: every defining gap is listed under its own level and its dimension,
# nothing else is; the supporting ones are counted there.
ROADMAP_CHECK='import json, re, sys
r = json.load(open(sys.argv[1])); text = open(sys.argv[2]).read()
sections = re.split(r"\n(?=Level \d)", text)[1:]
top = max(l["level"] for l in r["questionnaire"]["levels"])
levels = list(range(r["overall"]["level"] + 1, top + 1))
assert [int(s.split()[1].rstrip(":")) for s in sections] == levels, [s[:20] for s in sections]
for s, level in zip(sections, levels):
    gaps = [g for g in r["gaps"] if g["level"] == level]
    rows, last = {}, None
    for line in s.split("\n")[1:]:
        if line.startswith("  plus") or not line.strip():
            continue
        m = re.match(r"  (\S+)\s{2,}(.*)", line)
        if m:
            last = m.group(1)
            rows[last] = m.group(2)
        else:
            rows[last] += " " + line.strip()  # a wrapped row
    ids = {d: set(re.split(r",\s*", v.strip().rstrip(","))) for d, v in rows.items()}
    listed = {(d, g) for d, v in ids.items() for g in v}
    defining = {(g["dimension"], g["question"]) for g in gaps if g["defining"]}
    assert listed == defining, (level, listed ^ defining)
    supporting = sum(1 for g in gaps if not g["defining"])
    if supporting:
        assert "plus %d supporting practice" % supporting in s, (level, supporting)
    else:
        assert "supporting" not in s, level
'

# The startup (level 1, target 2): the roadmap marks the target.
run assess --answers "$EXAMPLES/startup.yaml" -f json -o "$TMP/research.json"
expect_code 0 "a saved report"
for cmd in "assess --answers $EXAMPLES/startup.yaml" "report $TMP/research.json"; do
  # shellcheck disable=SC2086
  run $cmd --roadmap
  expect_code 0 "$cmd --roadmap"
  expect_out "Roadmap from level 1: DevOps but no MLOps" "$cmd --roadmap title"
  expect_out "Level 2: Automated training (target)" "$cmd --roadmap marks the target"
  printf '%s\n' "$OUT" >"$TMP/roadmap.txt"
  # Every defining gap is listed under its own level and its dimension; the supporting ones are counted there.
  check_py "$cmd --roadmap lists each level's defining gaps and counts the others" "$ROADMAP_CHECK" \
    "$TMP/research.json" "$TMP/roadmap.txt"
done
# A rule-2 questionnaire has supporting practices: counted under their level, not listed.
python3 -c 'import sys
text = open(sys.argv[1]).read()
text = text.replace("dimensions:\n", "scoring: {rule: 2}\ndimensions:\n", 1)
text = text.replace("        practice: Document every data source.\n",
                    "        practice: Document every data source.\n        core: true\n", 1)
text = text.replace("      - id: data-versioned\n",
                    "      - id: data-owner\n        level: 1\n        text: Does each dataset have an owner?\n"
                    "        practice: Name an owner.\n      - id: data-versioned\n", 1)
open(sys.argv[2], "w").write(text)' "$SMALL" "$TMP/rule2.yaml"
printf 'questionnaire: small\nprofile: {serving: batch}\nanswers: {data-documented: "no", data-owner: "no"}\n' \
  >"$TMP/rule2-answers.yaml"
run assess -q "$TMP/rule2.yaml" --answers "$TMP/rule2-answers.yaml" -f json -o "$TMP/rule2.json"
expect_code 0 "a rule-2 report"
run report "$TMP/rule2.json" --roadmap
expect_code 0 "report --roadmap of a rule-2 report"
expect_out "Level 1: Repeatable (target)
  data      data-documented
  deploy    release-documented, release-path
  plus 1 supporting practice (they raise the score, not the level)" "supporting practices are counted"
printf '%s\n' "$OUT" >"$TMP/roadmap.txt"
check_py "the rule-2 roadmap agrees with the JSON report" "$ROADMAP_CHECK" "$TMP/rule2.json" "$TMP/roadmap.txt"
run report "$TMP/research.json" --roadmap -f markdown
expect_code 0 "report --roadmap -f markdown"
expect_out "## Roadmap from level 1: DevOps but no MLOps" "markdown title"
expect_out "### Level 2: Automated training (target)" "markdown level heading"
expect_out "- **Data management and quality**: \`pipeline-extracts-data\`" "markdown lists a dimension's practices"
run assess --answers "$EXAMPLES/research.yaml" --roadmap -f markdown
expect_code 0 "assess --roadmap -f markdown"
expect_out "### Level 4: " "up to the top level"
run report "$TMP/research.json" --roadmap -f json
expect_code 2 "--roadmap with JSON"
expect_err "mlops-maturity: error: --roadmap" "--roadmap with JSON is refused"
expect_err "gaps[].level" "the error says where JSON has the data"

# ---- team: kept in the answers file, --team wins ----
printf 'questionnaire: small\nteam: "Fraud models"\nprofile: {serving: batch}\nanswers: {data-documented: yes}\n' \
  >"$TMP/team.yaml"
run assess -q "$SMALL" --answers "$TMP/team.yaml" -f json
expect_code 0 "an answers file with team:"
expect_out '"team": "Fraud models"' "the report takes the team from the answers file"
run assess -q "$SMALL" --answers "$TMP/team.yaml" --team Payments -f json
expect_out '"team": "Payments"' "--team wins over the file"
printf 'questionnaire: small\nteam: [a, b]\n' >"$TMP/team-bad.yaml"
run assess -q "$SMALL" --answers "$TMP/team-bad.yaml"
expect_code 2 "team: must be text"
expect_err "team-bad.yaml:2:" "the bad team is located"

# ---- the resume hint: the flags given, paths relative to the current directory, never broken in a flag ----
mkdir -p "$TMP/hints/sub" "$TMP/hints/out"
session hints --columns 60 -- env -u CI "$MM_BIN" assess -q "$SMALL" --team "Data Science" -f json \
  -o "$TMP/hints/out/report.json" --save "$TMP/hints/sub/answers.yaml" <<EOF
expect [team 1/1]
send 1
send n
expect [1/4]
send q
expect Answers saved to sub/answers.yaml (0 of 4 questions answered).
expect Resume with:
exit 0
EOF
expect_code 0 "quit with flags given"
file_has "$TMP/hints/sub/answers.yaml" 'team: "Data Science"' "--team is saved in the answers file"
# The command after "Resume with:", continuation lines joined.
hint_command() { # hint_command SCREEN_FILE HEADING: prints the command under HEADING, one line
  python3 -c 'import sys
text = open(sys.argv[1], encoding="utf-8").read()
lines = text[text.rfind(sys.argv[2]):].split("\n")[1:]
cmd = []
for l in lines:
    assert len(l) <= 59, "wider than the terminal: %r" % l
    if cmd:
        assert l.startswith("    -") or l.startswith("    --"), "a continuation line starts inside a flag: %r" % l
    cmd.append(l.strip().rstrip("\\").strip())
    if not l.endswith("\\"):
        break
print(" ".join(cmd))' "$@"
}
RESUME=$(hint_command "$TMP/hints.screen" "Resume with:" 2>"$TMP/err")
if [ -n "$RESUME" ]; then ok; else ERR=$(cat "$TMP/err"); not_ok "the resume command is laid out in whole flags"; fi
if [ "$RESUME" = "mlops-maturity assess -q $SMALL --answers sub/answers.yaml --team 'Data Science' -f json -o out/report.json" ]
then ok; else not_ok "the resume command repeats the flags given: '$RESUME'"; fi

# ---- the gate hint: a bar passed today, the ratchet, the target as the goal; it runs and passes ----
session hints --columns 60 -- env -u CI "$MM_BIN" assess -q "$SMALL" -f json -o "$TMP/hints/out/report.json" \
  --save "$TMP/hints/sub/answers.yaml" <<EOF
expect Resuming from sub/answers.yaml
expect [1/4]
send nyn0
expect Gate this in CI (passes today; raise --min-level toward the target, 1):
expect --fail-on-regression
exit 0
EOF
expect_code 0 "the gate hint after an assessment"
GATE=$(hint_command "$TMP/hints.screen" "Gate this in CI" 2>"$TMP/err")
if [ "$GATE" = "mlops-maturity assess -q $SMALL --answers sub/answers.yaml --min-level 0 -f json -o out/report.json" ]
then ok; else ERR=$(cat "$TMP/err"); not_ok "the gate command: '$GATE'"; fi
screen_has "  mlops-maturity diff main-report.json out/report.json \\" "the ratchet against the last saved report"
# The gate passes today, in CI (no terminal), where the hint was given.
(cd "$TMP/hints" && eval "${GATE/mlops-maturity/\"\$MM_BIN\"}" </dev/null >/dev/null 2>"$TMP/err")
CODE=$?
ERR=$(cat "$TMP/err")
expect_code 0 "the suggested gate passes on the day it is suggested"
if [ -z "$ERR" ]; then ok; else not_ok "the suggested gate printed an error"; fi
if python3 -c 'import json,sys; assert json.load(open(sys.argv[1]))["team"] == "Data Science"' \
  "$TMP/hints/out/report.json"; then ok; else not_ok "the gate's report keeps the team from the answers file"; fi

finish
