#!/usr/bin/env bash
# The interactive assessment, driven through a pseudo-terminal (tests/e2e/pty_session.py) as a person would:
# single keys, back, help, skip, quit and resume, Ctrl-C/SIGTERM/SIGHUP and resume, autosave after every key,
# clean JSON on stdout while prompting, resize; assess --scan with the evidence shown; and the paths that
# must never prompt.
source "$(dirname "$0")/lib.sh"

SMALL="$MM_DATA/valid/small.yaml"
# Waits are generous under the sanitizers (the sanitize test preset sets MM_PTY_TIMEOUT), where a loaded CI
# machine can take seconds to start the instrumented binary.
# lib.sh sets CI=true, which forbids prompting; the interactive runs take it out.
ASSESS=(env -u CI "$MM_BIN" assess -q "$SMALL")
ANS="mlops-maturity-answers.yaml"
# ---- answer everything with single keys; the file is rewritten after each key ----
session all -- "${ASSESS[@]}" <<EOF
expect Small interactive model
expect 5 questions, after 1 about your team
expect 1-2 an answer about your team   0-2 a choice's option
expect Answers are saved after every key to $ANS
expect [team 1/1] About your team
send 2
file $ANS   serving: online
expect [1/5] Data · level 1 (Repeatable)
send y
file $ANS   data-documented: yes
expect [2/5]
send n
file $ANS   data-versioned: no
expect [3/5]
send p
file $ANS   release-documented: partial
expect [4/5] Deployment · choice
expect 2  By a pipeline
send 1
file $ANS   release-path: 1
expect [5/5]
send a
file $ANS   latency-slo: n/a
expect Overall level
expect Gate this in CI (passes today; raise --min-level toward the target, 2):
expect --answers $ANS
expect --min-level 0
exit 0
EOF
expect_code 0 "answering all questions"
file_has "$TMP/all/$ANS" "questionnaire: small" "the answers file names the questionnaire"
run assess -q "$SMALL" --answers "$TMP/all/$ANS" -f json
expect_code 0 "the saved file is read back by --answers"
expect_out '"unanswered": []' "nothing left unanswered"

# ---- the profile rules questions out; back and change; help; invalid key; skip ----
session back -- "${ASSESS[@]}" <<EOF
expect [team 1/1]
send 1
expect Skip the 1 question above level 1?
send n
expect [1/4] Data
send y
expect [2/4]
send b
expect Current answer: yes (Enter keeps it)
send n
file $ANS   data-documented: no
expect [2/4]
send ?
expect Practice: Version datasets.
expect Tools: DVC, lakeFS
send x
expect press y, p, n or a to answer
send y
expect [3/4]
send s
expect [4/4] Deployment · choice
send 7
expect press 0-2 to choose an option
send 2
expect 1 question left unanswered
exit 0
EOF
expect_code 0 "back, help, invalid key, skip"
file_has "$TMP/back/$ANS" "  data-documented: no" "the changed answer is saved"
file_has "$TMP/back/$ANS" "  data-versioned: yes" "the answer after help"
file_has "$TMP/back/$ANS" "  release-documented:" "the skipped question stays blank"
if printf '%s' "$SCREEN" | grep -qF "latency objective"; then not_ok "a question that does not apply was asked"; else ok; fi

# ---- quit, then resume asks only what is left ----
session quit -- "${ASSESS[@]}" <<EOF
expect [team 1/1]
send 2
expect [1/5]
send y
expect [2/5]
send q
expect Answers saved to $ANS (1 of 5 questions answered).
expect mlops-maturity assess -q $SMALL \\
expect     --answers $ANS
exit 0
EOF
expect_code 0 "q quits with exit 0"
session quit -- "${ASSESS[@]}" --answers "$ANS" <<EOF
expect 4 of 5 questions left
expect [2/5] Data · level 2
send y
expect [3/5]
send y
expect [4/5]
send 2
expect [5/5]
send y
expect Overall level
expect Gate this in CI
exit 0
EOF
expect_code 0 "resume with --answers asks only the unanswered questions"
if printf '%s' "$SCREEN" | grep -qF "Are data sources documented?"; then not_ok "resume asked an answered question"; else ok; fi

# ---- Ctrl-C mid-way: exit 130, nothing lost; a fresh run resumes from the default file ----
session ctrlc -- "${ASSESS[@]}" <<EOF
expect [team 1/1]
send 2
expect [1/5]
send p
expect [2/5]
send \x03
expect Interrupted. Answers saved to $ANS (1 of 5 questions answered).
exit 130
EOF
expect_code 0 "Ctrl-C exits 130"
file_has "$TMP/ctrlc/$ANS" "  data-documented: partial" "the answer before Ctrl-C is on disk"
session ctrlc -- "${ASSESS[@]}" <<EOF
expect Resuming from $ANS
expect 4 of 5 questions left
expect [2/5] Data · level 2
send n
file $ANS   data-versioned: no
send \x03
exit 130
EOF
expect_code 0 "a fresh run resumes from the save file"
file_has "$TMP/ctrlc/$ANS" "  data-documented: partial" "the first session's answer is kept"
file_has "$TMP/ctrlc/$ANS" "  serving: online" "the profile is kept"

# ---- SIGTERM and a closed terminal (SIGHUP) lose nothing either ----
session term -- "${ASSESS[@]}" --save my.yaml <<EOF
expect [team 1/1]
send 1
send n
expect [1/4]
signal TERM
expect Resume with:
expect --answers my.yaml
exit 130
EOF
expect_code 0 "SIGTERM exits 130 after saving"
file_has "$TMP/term/my.yaml" "  serving: batch" "--save names the file"
session hup -- "${ASSESS[@]}" <<EOF
expect [team 1/1]
send 1
send n
expect [1/4]
send y
file $ANS   data-documented: yes
hangup
exit 130
EOF
expect_code 0 "a closed terminal exits 130"
file_has "$TMP/hup/$ANS" "  data-documented: yes" "answers before the hangup are kept"

# ---- the autosave runs on a thread of its own (the next question is drawn before the save ends); every way out
# waits for it, so an answer given just before leaving is on disk: q, Ctrl-C, SIGTERM, SIGHUP, the end ----
session last-quit -- "${ASSESS[@]}" <<EOF
expect [team 1/1]
send 2
expect [1/5]
send p
send q
exit 0
EOF
expect_code 0 "q right after an answer"
file_has "$TMP/last-quit/$ANS" "  data-documented: partial" "the answer just before q is on disk"
for way in ctrlc term hup; do
  case $way in
    ctrlc) leave='send \x03' ;;
    term) leave='signal TERM' ;;
    hup) leave='hangup' ;;
  esac
  session "last-$way" -- "${ASSESS[@]}" <<EOF
expect [team 1/1]
send 2
expect [1/5]
send y
expect [2/5]
send n
expect [3/5]
$leave
exit 130
EOF
  expect_code 0 "$way right after an answer exits 130"
  file_has "$TMP/last-$way/$ANS" "  data-versioned: no" "$way: the answer just before leaving is on disk"
done
session last-end -- "${ASSESS[@]}" <<EOF
expect [team 1/1]
send 2ynp1a
expect Overall level
exit 0
EOF
expect_code 0 "answering everything at once"
file_has "$TMP/last-end/$ANS" "  latency-slo: n/a" "the last answer is on disk at the end of the walk"

# ---- --review walks everything with the current answers ----
session hup -- "${ASSESS[@]}" --answers "$ANS" --review <<EOF
expect Reviewing 4 questions, after 1 about your team
expect Current answer: Batch-only scoring
send \r
expect Current answer: yes
send p
file $ANS   data-documented: partial
send q
exit 0
EOF
expect_code 0 "--review"

# ---- -f json > file: prompts on the terminal, clean JSON in the file ----
session json --stdout "$TMP/json/report.json" -- "${ASSESS[@]}" -f json <<EOF
expect [team 1/1]
send 1nyyy1
expect Gate this in CI
exit 0
EOF
expect_code 0 "interactive with -f json to a file"
if python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); assert r["unanswered"] == []' \
  "$TMP/json/report.json" 2>"$TMP/err"; then ok; else ERR=$(cat "$TMP/err"); not_ok "report.json is not clean, complete JSON"; fi

# ---- resize and 80 columns: lines fit the terminal ----
session narrow --columns 60 -- "${ASSESS[@]}" <<EOF
expect [team 1/1]
send 2
expect [1/5]
columns 44
send y
expect [2/5]
send q
exit 0
EOF
expect_code 0 "a narrow, resized terminal"
# widest FROM TO: the widest line (in characters) of the screen between the lines holding FROM and TO.
widest() {
  python3 -c 'import sys
text = open(sys.argv[1], encoding="utf-8").read()
start = text.find(sys.argv[2]); end = text.find(sys.argv[3], start)
print(max(len(l) for l in text[start:end].split("\n")))' "$TMP/narrow.screen" "$1" "$2"
}
before=$(widest "Small interactive model" "[2/5]")
if [ "$before" -le 60 ]; then ok; else not_ok "in 60 columns a line is $before wide"; fi
after=$(widest "[2/5]" "Answers saved")
if [ "$after" -le 44 ]; then ok; else not_ok "after resizing to 44 columns a line is $after wide"; fi

# ---- the built-in questionnaire in 80 columns, colour on: starts, asks, quits ----
session builtin -- env -u CI -u NO_COLOR TERM=xterm "$MM_BIN" assess <<EOF
expect MLOps maturity assessment
expect [team 1/
send q
exit 0
EOF
expect_code 0 "the built-in questionnaire"
if printf '%s' "$SCREEN" | grep -q $'\033\\['; then ok; else not_ok "colour on a terminal without NO_COLOR"; fi

# ---- assess --scan on a terminal: evidence under the question, Enter takes the suggestion ----
# The answers file answers every question n/a except three: one without evidence (typed: yes), data-schema
# (evidence: "n" overrides it) and data-versioning (evidence: Enter accepts "yes").
REPO="$MM_SOURCE_DIR/tests/data/sample-ml-repo"
mkdir -p "$TMP/scan"
cp -R "$REPO" "$TMP/scan/repo"  # a short relative path, so the intro wraps the same on every machine
"$MM_BIN" init -o "$TMP/scan/answers.yaml" >/dev/null
python3 -c 'import re, sys
path = sys.argv[1]
text = open(path).read()
profile = {"stage": "production", "models": "few", "serving": "batch", "criticality": "high",
           "regulated": "no", "scale": "team", "scheduled-jobs": "yes", "llm-apps": "no"}
for k, v in profile.items():
    text = re.sub(r"^  %s:$" % k, "  %s: %s" % (k, v), text, flags=re.M)
keep = {"data-sources-documented", "data-versioning", "data-schema"}
text = re.sub(r"^  ([a-z0-9-]+):$", lambda m: m.group(0) + ("" if m.group(1) in keep else " n/a"), text, flags=re.M)
open(path, "w").write(text)' "$TMP/scan/answers.yaml"
session scan --stdout "$TMP/scan/report.json" -- env -u CI "$MM_BIN" assess --scan repo --answers answers.yaml -f json \
  <<EOF
expect 3 of 105 questions left
expect Evidence in repo suggests an answer to 2 of these questions
expect [2/105] Data management and quality · level 1
expect Is each source of training data documented
send y
file answers.yaml   data-sources-documented: yes
expect [6/105]
expect Evidence (suggests yes):
expect +1 more
expect Enter = yes
send n
file answers.yaml   data-schema: no
expect [8/105]
expect Evidence (suggests yes):
expect data/raw.dvc
expect dvc.yaml
expect Enter = yes (suggested by the evidence)
expect Y yes  p partial  n no  a n/a
send \r
file answers.yaml   data-versioning: yes
file answers.yaml   data-versioning: "evidence: data/raw.dvc; dvc.yaml"
expect Gate this in CI
expect mlops-maturity assess --answers answers.yaml --scan repo --min-level
exit 0
EOF
expect_code 0 "assess --scan on a terminal asks with the evidence shown"
# The report: the accepted suggestion is source evidence with its hits; typed answers are given, and the typed
# "no" that the repository contradicts is listed.
if python3 -c 'import json, sys
r = json.load(open(sys.argv[1]))
got = {a["question"]: a for a in r["answers"]}
v, s, d = got["data-versioning"], got["data-schema"], got["data-sources-documented"]
assert v["source"] == "evidence" and v["answer"] == "yes", v
assert [e["path"] for e in v["evidence"]] == ["data/raw.dvc", "dvc.yaml"], v
assert s["source"] == "given" and s["answer"] == "no" and s["evidence"], s
assert d["source"] == "given" and d["answer"] == "yes", d
assert got["data-validation-gate"]["source"] == "given", got["data-validation-gate"]  # n/a in the file wins
kinds = {c["question"]: c["kind"] for c in r["contradictions"]}
assert kinds == {"data-schema": "no-but-evidence", "data-sources-documented": "yes-unverified"}, kinds
' "$TMP/scan/report.json" 2>"$TMP/err"; then ok; else ERR=$(cat "$TMP/err"); not_ok "the JSON report after an interactive --scan"; fi
# Without a terminal the same scan never prompts: it pre-fills what is left and scores.
sed -i 's/^  data-lineage: n\/a$/  data-lineage:/; s/^  data-schema: no$/  data-schema:/' "$TMP/scan/answers.yaml"
run assess --scan "$REPO" --answers "$TMP/scan/answers.yaml" -f json
expect_code 0 "assess --scan without a terminal"
expect_out '"question": "data-schema"' "the report lists data-schema"
if printf '%s' "$OUT" | python3 -c 'import json, sys
got = {a["question"]: a for a in json.load(sys.stdin)["answers"]}
assert got["data-schema"]["source"] == "evidence", got["data-schema"]
assert "data-lineage" not in got' 2>"$TMP/err"; then ok; else ERR=$(cat "$TMP/err"); not_ok "pre-filled without prompting"; fi
if grep -q "^  data-schema:$" "$TMP/scan/answers.yaml"; then ok; else not_ok "the answers file was rewritten without a terminal"; fi

# ---- up to the target: after the profile, one y/N question skips the questions above the target ----
# Batch: the recommended target is 1, so data-versioned (level 2) can be skipped; latency-slo does not apply.
session scope -- "${ASSESS[@]}" -f json -o report.json <<EOF
expect [team 1/1]
send 1
expect Your target is level 1 (Repeatable), recommended for your team.
expect Skip the 1 question above level 1?
expect y skip them  n ask them (Enter)
send y
expect skipping them
file $ANS   up_to_level: 1
expect [1/3] Data · level 1
send y
expect [2/3] Deployment · level 1
send y
expect [3/3] Deployment · choice
send 1
expect Gate this in CI
exit 0
EOF
expect_code 0 "skipping the questions above the target"
screen_lacks "Are datasets versioned?" "the question above the target is not asked"
file_has "$TMP/scope/$ANS" "scope:" "the scope is saved in the answers file"
file_has "$TMP/scope/$ANS" "  data-versioned:" "the skipped question stays unanswered"
# The report: capped at 1, the skipped question not assessed (not a gap, not unanswered).
SCOPE_CHECK='import json, sys
r = json.load(open(sys.argv[1]))
assert r["scope"] == {"up_to_level": 1}, r.get("scope")
assert [n["question"] for n in r["not_assessed"]] == ["data-versioned"], r["not_assessed"]
assert r["unanswered"] == [], r["unanswered"]
assert all(g["level"] <= 1 for g in r["gaps"]), r["gaps"]
assert "data-versioned" not in [g["question"] for g in r["gaps"]]
assert r["overall"]["level"] == 1 and r["overall"]["held_by"] == [], r["overall"]
for d in r["dimensions"]:
    assert d["level"] <= 1 and d["levels"][1]["assessed"] is False, d
'
if python3 -c "$SCOPE_CHECK" "$TMP/scope/report.json" 2>"$TMP/err"; then ok; else ERR=$(cat "$TMP/err"); not_ok "the report of a scoped session"; fi
# Scripted, the saved answers score the same: the same JSON (but for when it was made), no unanswered warning,
# and --require-complete does not ask for the skipped question.
run assess -q "$SMALL" --answers "$TMP/scope/$ANS" -f json --require-complete
expect_code 0 "the scoped answers with --require-complete"
if [ -z "$ERR" ]; then ok; else not_ok "no warning about the skipped question"; fi
printf '%s\n' "$OUT" >"$TMP/scope/scripted.json"
if python3 -c 'import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:])
for r in (a, b):
    r.pop("date", None)
assert a == b, "the scripted report differs"' "$TMP/scope/report.json" "$TMP/scope/scripted.json" 2>"$TMP/err"; then ok; else ERR=$(cat "$TMP/err"); not_ok "assess -a FILE scores a scoped file as the session did"; fi
run assess -q "$SMALL" --answers "$TMP/scope/$ANS"
expect_out "Overall level 1: Repeatable" "the text report's level"
expect_out "Capped: levels above 1 not assessed (1 question left out)" "the text report marks the cap"
for f in markdown html; do
  run assess -q "$SMALL" --answers "$TMP/scope/$ANS" -f "$f"
  expect_out "levels above 1 not assessed (1 question left out)" "the $f report marks the cap"
done
run assess -q "$SMALL" --answers "$TMP/scope/$ANS" -f junit
expect_out '<skipped message="not assessed: above level 1"/>' "JUnit skips the question not assessed"
# Declining (Enter) asks every level; the file says so (the top level), and a resumed session does not ask again.
session noscope -- "${ASSESS[@]}" <<EOF
expect [team 1/1]
send 1
expect Skip the 1 question above level 1?
send \r
expect asking every level
expect [1/4] Data
send q
exit 0
EOF
expect_code 0 "declining the scope"
file_has "$TMP/noscope/$ANS" "  up_to_level: 2" "a declined offer is saved as the top level"
session noscope -- "${ASSESS[@]}" <<EOF
expect Resuming from
expect [1/4] Data
send q
exit 0
EOF
expect_code 0 "a resumed session after declining"
screen_lacks "Skip the" "the offer is not repeated"

# ---- the built-in questionnaire at 80 columns: every line fits, a long profile answer included ----
# Production, one model, real-time, moderate criticality (a long option text), not regulated, one team,
# scheduled jobs, no LLM apps: the recommended target is 2, and the offer counts the questions above it.
session fit80 --columns 80 -- env -u CI "$MM_BIN" assess <<EOF
expect [team 1/8]
send 2
expect [team 2/8]
send 1
expect [team 3/8]
send 2
expect [team 4/8]
send 2
expect [team 5/8]
send 1
expect [team 6/8]
send 1
expect [team 7/8]
send 1
expect [team 8/8]
send 2
expect Your target is level 2 (Automated training), recommended for your team.
expect Skip the
send q
exit 0
EOF
expect_code 0 "the built-in profile at 80 columns"
screen_has "> Moderate criticality" "the long profile answer is echoed"
if python3 -c 'import sys
wide = [l for l in open(sys.argv[1], encoding="utf-8").read().split("\n") if len(l) > 79]
assert not wide, wide' "$TMP/fit80.screen" 2>"$TMP/err"; then ok; else ERR=$(cat "$TMP/err"); not_ok "a line is wider than 80 columns"; fi

# ---- never prompt: no terminal, --no-input, CI=true ----
run assess -q "$SMALL"
expect_code 2 "no terminal and no answers"
expect_err "no answers given, and no terminal to ask them in" "the how-to message"
expect_err "mlops-maturity init -q small" "the how-to message names the questionnaire"
session noinput -- env -u CI "$MM_BIN" assess -q "$SMALL" --no-input <<EOF
expect no answers given
exit 2
EOF
expect_code 0 "--no-input on a terminal exits 2"
session ci -- env CI=true "$MM_BIN" assess -q "$SMALL" <<EOF
expect no answers given
exit 2
EOF
expect_code 0 "CI=true on a terminal exits 2"
session ci1 -- env CI=1 "$MM_BIN" assess -q "$SMALL" --answers "$TMP/back/$ANS" <<EOF
expect Overall level
exit 0
EOF
expect_code 0 "CI=1 with answers scores without asking"
if printf '%s' "$SCREEN" | grep -qF "[1/"; then not_ok "CI=1 prompted"; else ok; fi
# Ctrl-\ (SIGQUIT from the terminal) is not a way out that leaves the terminal raw: the prompt ignores it.
session quit-key -- "${ASSESS[@]}" <<EOF
expect [team 1/1] About your team
send \x1c
send q
exit 0
EOF
expect_code 0 "Ctrl-\\ does not kill the session; q then quits"

# Nothing left to ask with --save NEW: nothing is written there, so the closing hint names the answers file.
cp "$TMP/all/$ANS" "$TMP/complete.yaml"
session nothing-left -- "${ASSESS[@]}" --answers "$TMP/complete.yaml" --save new.yaml <<EOF
expect Every question is answered
expect Gate this in CI
expect complete.yaml
exit 0
EOF
expect_code 0 "complete answers with --save: the hint names the answers file"
if [ -e "$TMP/nothing-left/new.yaml" ]; then not_ok "new.yaml was written though nothing was asked"; else ok; fi

# Answers typed on standard input (--answers -) are scripted: scored as they are, nothing asked, no file saved.
session stdin -- env -u CI "$MM_BIN" assess -q "$SMALL" --answers - <<EOF
send questionnaire: small\ranswers: {data-documented: yes}\r\x04
expect Overall level
exit 0
EOF
expect_code 0 "--answers - on a terminal scores without asking"
if printf '%s' "$SCREEN" | grep -qF "[1/"; then not_ok "--answers - prompted"; else ok; fi
if [ -e "$TMP/stdin/-" ] || [ -e "$TMP/stdin/$ANS" ]; then not_ok "--answers - saved a file: $(ls "$TMP/stdin")"; else ok; fi
printf 'questionnaire: small\nprofile: {serving: batch}\nanswers: {data-documented: yes}\n' >"$TMP/partial.yaml"
run assess -q "$SMALL" --answers "$TMP/partial.yaml" -f json
expect_code 0 "partial answers without a terminal are scored"
expect_out '"release-path"' "the unanswered questions are listed"
if grep -q "data-versioned" "$TMP/partial.yaml"; then not_ok "the answers file was rewritten without a terminal"; else ok; fi

finish
