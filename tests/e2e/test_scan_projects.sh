#!/usr/bin/env bash
# Projects inside a repository and assessments from evidence (docs/scan.md, docs/scoring.md "From evidence"):
# the layout in every scan format, --project with the repository's CI, --exclude, no silent pre-fill from a
# course or a monorepo, and "level from evidence: N; M questions need a person".
source "$(dirname "$0")/lib.sh"
COURSE=$MM_DATA/layout/course
MONO=$MM_DATA/layout/monorepo
SINGLE=$MM_DATA/sample-ml-repo

# ---- the layout, in every format ----
run scan "$COURSE"
expect_code 0 "scan of a course"
expect_out "Layout: a course or example gallery (teaching folders: 02-training/homework, 03-deploy/homework, 04-monitoring/solution and 4 more)" "course named in text"
expect_out "Scan one with --project DIR" "text says how to scan one project"
run scan "$COURSE" -f json
expect_out '"kind": "course"' "json layout kind"
expect_out '"project": null' "json: no project"
# Every format lists the evidence but suggests nothing from a course (not only the answers file).
expect_out '"evidence_count": 1' "json still lists the evidence of a course"
# Nothing at all: every question's "suggested" is null (a partial or a choice's level would be a suggestion too).
suggested=$(grep -c '"suggested"' <<<"$OUT"); unsuggested=$(grep -c '"suggested": null' <<<"$OUT")
if [[ $suggested -gt 0 && $suggested == "$unsuggested" ]]; then ok
else not_ok "json suggests nothing from a course: $((suggested - unsuggested)) of $suggested suggested"; fi
expect_err "looks like a course or example gallery" "json: the warning on stderr"
run scan "$COURSE" -f json --whole-repo
expect_out '"suggested": "yes"' "json with --whole-repo suggests"
expect_out '"suggested": "partial"' "json with --whole-repo suggests partial answers too"
run scan "$COURSE" --color never
# The suggestion column (yes, partial, a choice's level) holds only "-".
if grep -qE '^  [^ -]' <<<"$OUT"; then not_ok "text suggests nothing from a course"; else ok; fi
run scan "$COURSE" --color never --whole-repo
expect_out "  yes      experiment-tracking" "text with --whole-repo suggests"
run scan "$MONO"
expect_out "Layout: 3 projects (projects/churn, projects/fraud, projects/search)" "monorepo named in text"
run scan "$SINGLE"
expect_out "Layout: one project" "a single project is one project"
expect_no_out "mixed" "a single project has no layout warning"
run scan "$SINGLE" -f json
expect_out '"kind": "single"' "json: single"
expect_out '"coursework": null' "json: no coursework title"
# A student's single submission: its README's title says so; nothing suggested, and only --whole-repo is offered.
HOMEWORK=$MM_DATA/layout/homework
run scan "$HOMEWORK" -f json
expect_code 0 "scan of homework"
expect_out '"kind": "course"' "homework is a course layout"
expect_out '"coursework": "MLOps HW #4"' "json names the README title"
expect_no_out '"suggested": "' "homework suggests nothing"
expect_err "mlops-maturity: warning: $HOMEWORK looks like homework or coursework (its README's title: \"MLOps HW #4\"): its evidence is not one team's practice, so no answers are suggested from it; use --whole-repo to take its evidence anyway" "homework warning offers --whole-repo only"
run scan "$HOMEWORK" --color never
expect_out "Layout: homework or coursework (its README's title: \"MLOps HW #4\")" "text names the title"
expect_out "A student's work, not a team's practice" "text says why nothing is suggested"
run scan "$HOMEWORK" -f json --whole-repo
expect_out '"suggested": "partial"' "--whole-repo takes homework's evidence"
run assess --scan "$HOMEWORK" --no-input -f json
expect_code 2 "assess from homework's evidence alone"
expect_err "so it gives no level; give answers with -a FILE, or use --whole-repo to take its evidence anyway" "one error, ways out that fit"

# ---- no silent pre-fill: scan -f yaml ----
run scan "$COURSE" -f yaml
expect_code 0 "scan -f yaml of a course"
expect_err "mlops-maturity: warning: $COURSE looks like a course or example gallery" "course warning on stderr"
expect_err "--whole-repo" "the warning names the override"
expect_out "# No answers suggested" "the file says why it is empty"
expect_out "layout: a course or example gallery" "yaml comment names the layout"
expect_no_out "experiment-tracking: yes" "nothing suggested from a course"
run scan "$COURSE" -f yaml --whole-repo
expect_code 0 "--whole-repo"
expect_out "experiment-tracking: yes" "--whole-repo takes the evidence"
if [[ $ERR == *"looks like"* ]]; then not_ok "--whole-repo: no warning"; else ok; fi
run scan "$COURSE" -f yaml --project 02-training
expect_out "experiment-tracking: yes" "--project picks one module"
expect_out "# Scanned: $COURSE --project 02-training; layout: one project" "yaml comment names the project"
if [[ $ERR == *"looks like"* ]]; then not_ok "--project: no warning"; else ok; fi
run scan "$SINGLE" -f yaml
if [[ $ERR == *"looks like"* ]]; then not_ok "single project: no warning"; else ok; fi
expect_out "# Scanned: $SINGLE; layout: one project" "yaml comment for a single project"

# ---- --project keeps the repository's CI that runs it ----
run scan "$MONO" --project projects/churn -f json
expect_code 0 "scan --project"
expect_out '"project": "projects/churn"' "json names the project"
expect_out '"path": ".github/workflows/churn.yml"' "the workflow filtered to the project is kept"
expect_out '"path": ".github/workflows/lint.yml"' "a workflow without path filter is kept"
expect_no_out 'fraud' "nothing of the other projects, their workflow included"
expect_out '"path": "projects/churn/dvc.yaml"' "hits cite paths in the repository"
run scan "$MONO" --project projects/churn
expect_out "Project: projects/churn" "text names the project"
expect_out "entries left out by --exclude or --project" "text counts what was left out"

# ---- --exclude ----
run scan "$COURSE" -f json --exclude homework/ --exclude solution
expect_code 0 "scan --exclude"
expect_no_out 'homework/' "excluded folders are not scanned"
expect_no_out 'solution/' "a second --exclude applies too"
expect_out '"excluded": 3' "excluded entries counted"

# ---- bad input ----
run scan "$MONO" --project ../monorepo
expect_code 2 "--project outside the tree"
expect_err "'../monorepo' must be inside the scanned directory" "names the problem"
run scan "$MONO" --project projects/missing
expect_code 2 "--project that does not exist"
expect_err "projects/missing" "names the project"
run scan "$MONO" --project projects/churn --whole-repo
expect_code 2 "--project and --whole-repo exclude each other"
run assess --project projects/churn
expect_code 2 "--project needs --scan"
expect_err "--scan" "says it needs --scan"

# ---- assess --scan ----
# Evidence alone, of a course: one error and no level (a level 0 would read as the team's).
run assess --scan "$COURSE" --no-input -f json
expect_code 2 "assess --scan of a course, with nothing else to go on"
expect_err "mlops-maturity: error: $COURSE looks like a course or example gallery" "one error names the layout"
expect_err "assess one project with --project DIR" "and the way out"
if [[ $ERR == *warning* ]]; then not_ok "no warning besides the error"; else ok; fi
expect_no_out '"overall"' "no level printed for a course"
# With answers given, the course's evidence still pre-fills nothing (a warning says why).
run assess --scan "$COURSE" --no-input -f json --answer data-from-code=yes
expect_code 0 "assess --scan of a course with answers"
expect_err "mlops-maturity: warning: $COURSE looks like a course" "assess warns about a course"
expect_no_out '"source": "evidence"' "no answer pre-filled from a course"
expect_no_out '"from_evidence"' "a course gets no level from evidence"
run assess --scan "$COURSE" --no-input -f json --whole-repo
expect_out '"source": "evidence"' "--whole-repo pre-fills"
run assess --scan "$MONO" --project projects/churn --no-input -f json
expect_code 0 "assess --scan --project"
expect_out '"source": "evidence"' "the project's evidence pre-fills"
expect_out '"from_evidence": {' "an assessment from evidence says so"
expect_out '"needs_person": [' "and lists who must answer"
if [[ $ERR == *"looks like"* ]]; then not_ok "--project: assess does not warn"; else ok; fi

run assess --scan "$SINGLE" --no-input
expect_code 0 "assess from evidence alone"
expect_out "Level from evidence: 1; " "text states the level from evidence: a project whose files show level 1 everywhere they can gets 1"
expect_out "questions need a person (not counted as no)" "and how many need a person"
expect_no_out "the files do not show, left out." "code owners beside its training code show governance's level 1 (owners recorded)"
# Without CODEOWNERS, no file shows who owns the model: governance (ownership and KPIs) is left to a person.
UNOWNED=$TMP/unowned
cp -R "$SINGLE" "$UNOWNED" && rm -f "$UNOWNED/.github/CODEOWNERS"
run assess --scan "$UNOWNED" --no-input
expect_code 0 "assess from evidence without code owners"
expect_out "Level from evidence: 1; " "files not showing an owner do not hold the level at 0"
expect_out "1 dimension the files do not show, left out." "and how many dimensions files cannot show (governance: ownership and KPIs)"
expect_out "needs a person: the files do not show level 1" "the table names them"
# Monitoring usually lives in a platform, not the repository (`if_not_shown: needs-person`): the same project
# without its alert rules keeps its level from evidence, and monitoring is left to a person, not counted as "no".
cp -R "$UNOWNED" "$TMP/unmonitored" && rm -rf "$TMP/unmonitored/monitoring"
run assess --scan "$TMP/unmonitored" --no-input
expect_code 0 "assess from evidence without monitoring files"
expect_out "Level from evidence: 1; " "files not showing monitoring do not hold the level at 0"
expect_out "2 dimensions the files do not show, left out." "monitoring joins governance as left to a person"
if grep -q "^Monitoring, observability and feedback .*needs a person: the files do not show level 1" <<<"$OUT"; then ok
else not_ok "the table says monitoring needs a person"; fi
run assess --scan "$TMP/unmonitored" --no-input -f json
if python3 -c 'import json, sys; sys.exit("production-monitored" not in json.load(sys.stdin)["from_evidence"]["needs_person"])' <<<"$OUT"
then ok; else not_ok "JSON lists production-monitored among the questions that need a person"; fi
run assess --scan "$SINGLE" --no-input -f markdown
expect_out "Level from evidence: " "markdown states it"
run assess --scan "$SINGLE" --no-input -f html
expect_out "Level from evidence: " "html states it"
run assess --scan "$UNOWNED" --no-input -f junit
expect_out 'skipped message="needs a person: the files do not show it"' "junit skips questions that need a person"
run assess --scan "$UNOWNED" --no-input -f json -o "$TMP/fe.json"
if grep -q '"shown": false' "$TMP/fe.json"; then ok; else not_ok "JSON marks the dimensions no file can show"; fi
if python3 -c 'import jsonschema' 2>/dev/null; then
  python3 - "$MM_SOURCE_DIR/docs/schemas/report.schema.json" "$TMP/fe.json" <<'PY' && ok || not_ok "a report from evidence validates against the report schema"
import json, sys, jsonschema
jsonschema.Draft202012Validator(json.load(open(sys.argv[1]))).validate(json.load(open(sys.argv[2])))
PY
fi
run report "$TMP/fe.json"
expect_code 0 "a report from evidence reads back"
expect_out "needs a person: the files do not show level 1" "and keeps the dimensions no file can show"
expect_out "Level from evidence: " "and renders the same"

finish
