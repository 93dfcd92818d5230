#!/usr/bin/env bash
# scan and assess --scan: suggestions with evidence on a sample ML repository, pre-filling, contradictions,
# --require-evidence and the gate, and a walk that skips what it must and never fails on unreadable entries.
source "$(dirname "$0")/lib.sh"
REPO=$MM_DATA/sample-ml-repo
GOLDEN=$MM_DATA/golden/scan

# The suggested answers for the sample repository, per built-in questionnaire (update with
# tools/update-scan-golden.sh and review the diff).
for q in mlops mlops-ct mlops-org; do
  run scan "$REPO" -q "$q" -f yaml
  expect_code 0 "scan -q $q -f yaml"
  printf '%s\n' "$OUT" | grep -E '^  [a-z0-9-]+: (yes|partial)$' | sed 's/^  //' >"$TMP/$q.suggestions"
  expect_file_same "$GOLDEN/sample-ml-repo.$q.suggestions" "$TMP/$q.suggestions" "suggestions for $q"
done

run scan "$REPO"
expect_code 0 "scan text"
expect_out "Data management and quality" "grouped by dimension"
expect_out "yes      data-versioning" "dvc.yaml suggests data versioning"
expect_out "src/train.py:4: import mlflow" "file, line and excerpt of a content match"
expect_out "dags/retrain_churn.py:4: from airflow import DAG" "the Airflow DAG"
expect_out "monitoring/prometheus/rules.yml:4: - alert: ChurnApiHighLatency" "Prometheus rules"
expect_out "partial  reproducible-training" "a partial suggestion"
expect_out "yes      training-scripted" "a DVC stage running training"
expect_out "no evidence" "questions without evidence are listed as such"
expect_out "Summary: 30 of 75 questions with evidence rules have evidence" "summary"
expect_out "Files: 24 scanned" "files scanned"
expect_no_out "yes      drift-detection" "no evidence, no suggestion"

run scan "$REPO" -f json
expect_code 0 "scan json"
expect_out '"question": "experiment-tracking"' "json names questions"
expect_out '"suggested": "yes"' "json suggestion"
expect_out '"suggested": null' "json: no evidence is null, not no"
expect_out '"excerpt": "import mlflow"' "json excerpt"
expect_out '"with_evidence": 30' "json summary"

# -f yaml is an answers file for assess -a, with the evidence as notes.
run scan "$REPO" -f yaml -o "$TMP/suggested.yaml"
expect_code 0 "scan -o"
expect_empty_out "nothing on stdout with -o"
if grep -qF 'experiment-tracking: "evidence: serving/app.py:2; src/train.py:4; src/train.py:23"' "$TMP/suggested.yaml"; then ok; else
  not_ok "evidence notes in the answers file"; fi
run assess -a "$TMP/suggested.yaml" -f json
expect_code 0 "the suggested answers are a valid answers file"
expect_out '"note": "evidence: data/raw.dvc; dvc.yaml"' "notes carried into the report"

# assess --scan: evidence fills what is not given; given answers win; contradictions listed.
cat >"$TMP/given.yaml" <<'YAML'
questionnaire: mlops
answers:
  data-versioning: "no"
  drift-detection: "yes"
  fairness-checks: "no"
YAML
run assess -a "$TMP/given.yaml" --scan "$REPO" -f json
expect_code 0 "assess --scan"
expect_out '"source": "evidence"' "pre-filled answers say so"
expect_out '"source": "given"' "given answers say so"
expect_out '"kind": "no-but-evidence"' "a no with evidence"
expect_out '"kind": "yes-unverified"' "an unverified yes"
expect_err "contradiction: data-versioning: answered no" "contradiction on stderr"
expect_err "contradiction: drift-detection: answered yes" "unverified on stderr"
if [ "$(printf '%s' "$OUT" | grep -c '"kind": "')" -eq 2 ]; then ok; else
  not_ok "exactly two contradictions (a no without evidence is none)"; fi
run assess -a "$TMP/given.yaml" --scan "$REPO"
expect_out "Answers the repository contradicts (2)" "text report section"
expect_out "data-versioning  answered no, but evidence found: data/raw.dvc (+1 more)" "text report names the evidence"
run assess --scan "$REPO" -f json
expect_code 0 "assess --scan with no answers file"
expect_out '"contradictions": []' "no given answers, no contradictions"

# --require-evidence and the gate, on a small questionnaire.
mkdir -p "$TMP/q" "$TMP/tree/pipelines"
cat >"$TMP/q/q.yaml" <<'YAML'
id: gate-test
title: Gate test
version: "1"
levels:
  - {level: 0, name: None}
  - {level: 1, name: Basics}
dimensions:
  - id: d
    name: D
    questions:
      - id: versioned
        level: 1
        text: Versioned?
        practice: Version it.
        evidence:
          - path: "**/dvc.yaml"
      - id: monitored
        level: 1
        text: Monitored?
        practice: Monitor it.
        evidence:
          - {content: 'from evidently', in: "**/*.py"}
YAML
echo "stages: {}" >"$TMP/tree/pipelines/dvc.yaml"
printf 'questionnaire: gate-test\nanswers:\n  monitored: yes\n' >"$TMP/q/a.yaml"
run assess -q "$TMP/q/q.yaml" -a "$TMP/q/a.yaml" --scan "$TMP/tree" --min-level 1
expect_code 0 "self-reported yes passes the gate"
run assess -q "$TMP/q/q.yaml" -a "$TMP/q/a.yaml" --scan "$TMP/tree" --min-level 1 --require-evidence
expect_code 1 "--require-evidence: an unverified yes counts as no"
expect_err "gate failed" "gate failure named"
run assess -q "$TMP/q/q.yaml" -a "$TMP/q/a.yaml" --scan "$TMP/tree" --require-evidence -f json
expect_out "counted as no by --require-evidence" "the report says why"
echo "from evidently import Report" >"$TMP/tree/monitor.py"
run assess -q "$TMP/q/q.yaml" -a "$TMP/q/a.yaml" --scan "$TMP/tree" --min-level 1 --require-evidence
expect_code 0 "with evidence the gate passes"
run assess -q "$TMP/q/q.yaml" -a "$TMP/q/a.yaml" --require-evidence
expect_code 2 "--require-evidence needs --scan"

# The walk: ignored, skipped and unreadable entries; bad input.
mkdir -p "$TMP/w/.git" "$TMP/w/node_modules/x" "$TMP/w/locked" "$TMP/w/gen"
echo "gen/" >"$TMP/w/.gitignore"
echo "stages: {}" >"$TMP/w/node_modules/x/dvc.yaml"
echo "stages: {}" >"$TMP/w/gen/dvc.yaml"
echo "stages: {}" >"$TMP/w/locked/dvc.yaml"
ln -s / "$TMP/w/rootlink"
# Root reads a mode-000 directory, and CI runs as root: there the scan runs as "nobody" (setpriv, util-linux),
# which must be able to read everything else, and to run the binary: a copy in $TMP, since the checkout may be
# under a private directory (the binary needs no data files).
AS_USER=()
SCAN_BIN=$MM_BIN
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null; then
  cp "$MM_BIN" "$TMP/mlops-maturity"
  chmod -R a+rX "$TMP"
  nobody=(setpriv --reuid=65534 --regid=65534 --clear-groups)
  if "${nobody[@]}" "$TMP/mlops-maturity" --version >/dev/null 2>&1; then
    AS_USER=("${nobody[@]}")
    SCAN_BIN=$TMP/mlops-maturity
  fi
fi
chmod 000 "$TMP/w/locked"
"${AS_USER[@]}" "$SCAN_BIN" scan "$TMP/w" -q "$TMP/q/q.yaml" >"$TMP/out" 2>"$TMP/err" </dev/null
CODE=$?
OUT=$(cat "$TMP/out")
ERR=$(cat "$TMP/err")
expect_code 0 "unreadable entries are not fatal"
if [ "$(id -u)" -eq 0 ] && [ ${#AS_USER[@]} -eq 0 ]; then
  echo "note: root without setpriv reads mode-000 directories: the unreadable-directory check did not run" >&2
else
  expect_err "warning: cannot read directory 'locked'" "unreadable directory is a warning"
  expect_out "1 unreadable" "the summary counts it"
fi
expect_no_out "node_modules/" "nothing from a heavy directory"
expect_no_out "gen/dvc.yaml" "nothing from a gitignored directory"
expect_no_out "locked/dvc.yaml" "nothing from an unreadable directory"
chmod 700 "$TMP/w/locked"
expect_out "1 ignored by .gitignore" "gitignored directory"
expect_out "1 symlinks" "symlink out of the tree"
# A GitHub workflow whose every trigger is commented out never runs: no evidence, and the summary says why.
mkdir -p "$TMP/inert/.github/workflows"
printf 'name: deploy\non:\n  # push:\n  #   branches: [main]\njobs:\n  d:\n    steps:\n      - run: pytest -q\n' \
  >"$TMP/inert/.github/workflows/deploy.yml"
printf 'def test_a():\n    assert True\n' >"$TMP/inert/test_a.py"
run scan "$TMP/inert"
expect_code 0 "scan of a tree with an inert workflow"
expect_out "1 GitHub workflow with every trigger commented out, never run: not evidence." "the summary says why"
expect_no_out ".github/workflows/deploy.yml" "the inert workflow is cited nowhere"
run scan "$TMP/inert" -f json
expect_out '"inert_workflows": 1' "json counts it"
run scan "$TMP/missing"
expect_code 2 "a missing directory is bad input"
run scan "$REPO" --max-file-size lots
expect_code 2 "a bad size is bad input"
run scan "$REPO" --max-file-size 1K
expect_code 0 "size with a unit"
# The history rule of code-in-vcs: a repository committed on many days is "yes", with the history cited; a
# shallow clone of it is "partial" from its files, and the scan says why; a copy without .git has no such
# evidence. Made with git (a test package), at fixed dates, so the citation is exact.
H=$TMP/history
mkdir -p "$H" && printf 'print("train")\n' >"$H/train.py"
git -C "$H" init -q
for i in $(seq 0 19); do
  day=$(printf '2024-01-%02d' $((i % 10 + 1)))
  printf '%s\n' "$i" >"$H/step.txt"
  git -C "$H" add -A
  GIT_AUTHOR_DATE="${day}T12:00:00Z" GIT_COMMITTER_DATE="${day}T12:00:00Z" \
    git -C "$H" -c user.name=T -c user.email=t@example.org commit -q -m "step $i"
done
run scan "$H"
expect_code 0 "scan of a repository with history"
expect_out "yes      code-in-vcs" "20 commits on 10 days: committed as the work happens"
expect_out ".git: 20 commits on 10 days, 2024-01-01 to 2024-01-10" "the history is cited"
# A training script in a repository worked in commit by commit: the code that trained the model is versioned (yes);
# the same script without that history, or a script named so that trains nothing, is not.
cp -a "$H" "$TMP/trained" && printf 'model.fit(X, y)\n' >"$TMP/trained/train.py"
run scan "$TMP/trained"
expect_out "yes      training-code-versioned" "a training script with the history"
run scan "$H"
expect_out "-        training-code-versioned" "a script named train.py that trains nothing, with the history"
mkdir -p "$TMP/trained-export" && cp "$TMP/trained/train.py" "$TMP/trained-export/"
run scan "$TMP/trained-export"
expect_out "partial  training-code-versioned" "the training script without history"
git clone -q --depth 1 "file://$H" "$TMP/shallow"
run scan "$TMP/shallow"
expect_code 0 "scan of a shallow clone"
expect_out "partial  code-in-vcs" "a shallow clone shows one commit: partial from its files"
expect_err "warning: .git: a shallow clone (1 commit on 1 day, 2024-01-10" "the scan says the history is cut"
expect_err "fetch-depth: 0" "and how to get all of it"
run scan "$TMP/shallow" -f json
expect_out '"warnings": [' "the warning is in the JSON too"
# Only the repository's own configuration is read: a broken one of the user's changes nothing.
mkdir -p "$TMP/home/.config/git" && printf '[core\n' >"$TMP/home/.gitconfig" && printf '[core\n' >"$TMP/home/.config/git/config"
HOME=$TMP/home XDG_CONFIG_HOME=$TMP/home/.config run scan "$H"
expect_out "yes      code-in-vcs" "the user's git configuration is not read"
[ -z "$ERR" ] && ok || not_ok "no warning with a broken user configuration" "$ERR"
# A checkout owned by another user (as in CI containers) is read all the same: nothing of it runs.
if can_mknod_chown; then
  cp -a "$H" "$TMP/owned" && chown -R 65534:65534 "$TMP/owned"
  run scan "$TMP/owned"
  expect_out "yes      code-in-vcs" "a checkout owned by another user: the history is read"
fi
# Five changes merged through pull requests, a fifth of the main line: reviews are part of the work (partial; git
# does not record approvals). The branches' own commits are not the main line.
for i in 1 2 3 4 5; do
  git -C "$H" checkout -q -b "feature-$i"
  printf '%s\n' "$i" >"$H/feature.txt" && git -C "$H" add -A
  GIT_AUTHOR_DATE=2024-01-10T13:00:00Z GIT_COMMITTER_DATE=2024-01-10T13:00:00Z \
    git -C "$H" -c user.name=T -c user.email=t@example.org commit -q -m "feature $i"
  git -C "$H" checkout -q -
  GIT_AUTHOR_DATE=2024-01-10T14:00:00Z GIT_COMMITTER_DATE=2024-01-10T14:00:00Z \
    git -C "$H" -c user.name=T -c user.email=t@example.org merge -q --no-ff "feature-$i" \
    -m "Merge pull request #$i from team/feature-$i"
done
run scan "$H"
expect_out "partial  model-code-reviewed" "changes merged through pull requests"
run scan "$H" -f json
expect_out '"excerpt": "30 commits on 10 days, 2024-01-01 to 2024-01-10, 5 of 25 on the main line through pull or merge requests"' \
  "the history cited with the main line's requests"
# A worktree: its .git is a file naming the main repository's worktrees/NAME, whose commondir holds the objects.
git -C "$H" worktree add -q "$TMP/worktree" 2>/dev/null
run scan "$TMP/worktree"
expect_out "yes      code-in-vcs" "a worktree reads its main repository's history"

# A stale branch file in the worktree's own git directory is not the branch (branches are shared).
wt_gitdir=$(git -C "$TMP/worktree" rev-parse --absolute-git-dir)
wt_branch=$(git -C "$TMP/worktree" symbolic-ref --short HEAD)
mkdir -p "$wt_gitdir/refs/heads" && git -C "$H" rev-parse HEAD~20 >"$wt_gitdir/refs/heads/$wt_branch"
run scan "$TMP/worktree"
expect_out "yes      code-in-vcs" "a worktree's stale private branch file is not read"

# Hostile or odd repositories (the checkout is untrusted): nothing outside the repository is read, nothing blocks
# the scan, and every history that cannot be read says why.
cp -a "$H" "$TMP/include" && mkfifo "$TMP/include/.git/fifo" && printf '[include]\n\tpath = fifo\n' >>"$TMP/include/.git/config"
run_within 30 scan "$TMP/include"
expect_out "yes      code-in-vcs" "a configuration that includes a FIFO: not read at all, no hang"
cp -a "$H" "$TMP/worktreeconfig" && git -C "$TMP/worktreeconfig" config core.repositoryformatversion 1 &&
  git -C "$TMP/worktreeconfig" config extensions.worktreeConfig true
run scan "$TMP/worktreeconfig"
expect_out "yes      code-in-vcs" "a repository extension libgit2 1.5 refuses in a configuration: read all the same"
cp -a "$H" "$TMP/outside" && echo 'ref: ../../../../../../../etc/hostname' >"$TMP/outside/.git/HEAD"
run scan "$TMP/outside"
expect_err "HEAD names '../../../../../../../etc/hostname', which is not a branch under refs/" "HEAD never leads outside"
mkdir -p "$TMP/moved" && cp "$H/train.py" "$TMP/moved/" && echo 'gitdir: ../main/.git/worktrees/moved' >"$TMP/moved/.git"
run scan "$TMP/moved"
expect_err "the .git file names ../main/.git/worktrees/moved, which is not a directory here" "a worktree moved away"
cp -a "$H" "$TMP/alternates" && mkfifo "$TMP/alternates/.git/objects/info/alternates"
run_within 60 scan "$TMP/alternates"
expect_err ".git: cannot read the history (objects/info/alternates is not a regular file)" "a FIFO for alternates: said at once"
# A parent that is a tag, and a commit whose message inflates to 2 MiB: neither is read; each is named.
cp -a "$H" "$TMP/forged"
tree=$(git -C "$TMP/forged" rev-parse 'HEAD^{tree}') && tip=$(git -C "$TMP/forged" rev-parse HEAD)
tag=$(printf 'object %s\ntype commit\ntag v1\ntagger T <t@example.org> 1704067200 +0000\n\nv1\n' "$tip" | git -C "$TMP/forged" mktag)
forged=$(printf 'tree %s\nparent %s\nparent %s\nauthor T <t@example.org> 1704067200 +0000\ncommitter T <t@example.org> 1704067200 +0000\n\nforged\n' \
  "$tree" "$tip" "$tag" | git -C "$TMP/forged" hash-object -t commit --literally -w --stdin)
git -C "$TMP/forged" update-ref HEAD "$forged"
run scan "$TMP/forged"
expect_err ".git: commit ${tag:0:12}: not a commit; the history behind it is not counted" "a tag as a parent is not a commit"
expect_out "yes      code-in-vcs" "and the rest of the history counts"
{ printf 'tree %s\nparent %s\nauthor T <t@example.org> 1704067200 +0000\ncommitter T <t@example.org> 1704067200 +0000\n\n' "$tree" "$tip"
  head -c 2097152 /dev/zero | tr '\0' 'x'; } >"$TMP/big-commit"
big=$(git -C "$TMP/forged" hash-object -t commit --literally -w "$TMP/big-commit")
printf 'tree %s\nparent %s\nauthor T <t@example.org> 1704067200 +0000\ncommitter T <t@example.org> 1704067200 +0000\n\nsmall\n' "$tree" "$big" |
  git -C "$TMP/forged" hash-object -t commit --literally -w --stdin | xargs git -C "$TMP/forged" update-ref HEAD
run scan "$TMP/forged"
expect_err ".git: commit ${big:0:12}: a commit object of" "a commit too large to be one is not read"
# (git keeps each new commit as a loose object: HEAD's is a file of its own)
cp -a "$H" "$TMP/fifo" && head=$(git -C "$TMP/fifo" rev-parse HEAD) &&
  rm -f "$TMP/fifo/.git/objects/${head:0:2}/${head:2}" && mkfifo "$TMP/fifo/.git/objects/${head:0:2}/${head:2}"
run_within 60 scan "$TMP/fifo"
expect_code 0 "a FIFO where an object should be: the scan ends"
expect_err "reading the history took over 10 s" "and says the history was not read"
# Tracked files are never ignored, as in git: a config committed with `git add -f` in spite of a pattern counts;
# an untracked file the pattern matches does not. An index that is a FIFO is said, not waited for.
T=$TMP/tracked
mkdir -p "$T/tools" && git -C "$T" init -q && printf 'tools/\n' >"$T/.gitignore"
printf 'repos:\n  - repo: local\n    hooks:\n      - id: ruff\n' >"$T/tools/.pre-commit-config.yaml" && printf '# Releasing\n' >"$T/tools/RELEASE.md"
git -C "$T" add .gitignore && git -C "$T" add -f tools/.pre-commit-config.yaml
run scan "$T"
expect_out "partial  lint-precommit" "a tracked file under an ignored directory is evidence"
expect_out "-        release-process-documented" "an untracked file beside it is still ignored"
mv "$T/.git/index" "$T/index.saved" && mkfifo "$T/.git/index"
run_within 30 scan "$T"
expect_code 0 "an index that is a FIFO: the scan ends"
expect_err "warning: .git: cannot read the index (the index is not a regular file)" "and says why tracked files may be missed"
expect_out "-        lint-precommit" "without the index, .gitignore applies to every file"
mkdir -p "$TMP/exported" && cp "$H/train.py" "$TMP/exported/"
run scan "$TMP/exported"
expect_code 0 "scan of an export without .git"
expect_out "-        code-in-vcs" "no repository: no evidence of version control"

finish
