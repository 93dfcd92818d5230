#!/usr/bin/env bash
# The install path of the CI templates, run as their CI runs it (tests/e2e/ci_runner.py), on a machine without
# the tool on PATH: the GitHub Action from a checkout of this source tree (its GITHUB_ACTION_PATH), and the
# GitLab job cloning it from a git repository; both build it with ci/install.sh into a temporary prefix, then
# gate on a sample answers file with the installed ci/run-gate.sh. Nothing is downloaded: the build packages
# must be installed already (tools/dev.sh test does that), or the test is skipped. Takes two builds of the tool;
# with ccache the second costs little (the two trees are laid out alike, so their compiles hash alike).
source "$(dirname "$0")/lib.sh"
RUNNER="$(cd "$(dirname "$0")" && pwd)/ci_runner.py"
skip() { echo "skipped: $*"; exit 77; }
python3 -c 'import yaml' 2>/dev/null || skip "needs python3 and PyYAML (python3-yaml)"
command -v git >/dev/null || skip "needs git"
command -v dpkg-query >/dev/null || skip "needs a Debian/Ubuntu system (dpkg-query)"
mapfile -t packages < <(sed -n '/^BUILD_PACKAGES=(/,/^)/{/^BUILD_PACKAGES=(/d;/^)/d;s/#.*//;p}' "$MM_SOURCE_DIR/ci/install.sh" | tr -s ' ' '\n' | grep .)
[ ${#packages[@]} -ge 5 ] || { CODE=0; not_ok "no BUILD_PACKAGES list in ci/install.sh"; finish; exit; }
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
    skip "the build package $p is not installed, and this test downloads nothing (tools/dev.sh deps)"
done

# The source tree as it is now (uncommitted changes too), as a git repository with a tag: what GitLab clones and
# what GitHub checks out as the action.
repo=$TMP/repo
mkdir -p "$repo"
if git -C "$MM_SOURCE_DIR" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  (cd "$MM_SOURCE_DIR" && git ls-files -z --cached --others --exclude-standard |
     while IFS= read -r -d '' f; do [ -f "$f" ] && printf '%s\0' "$f"; done |
     tar --null -T - -cf -) | tar -C "$repo" -xf -
else
  tar -C "$MM_SOURCE_DIR" --exclude=./.git --exclude='./build*' --exclude=./out -cf - . | tar -C "$repo" -xf -
fi
export GIT_AUTHOR_NAME=test GIT_AUTHOR_EMAIL=test@example.invalid GIT_COMMITTER_NAME=test
export GIT_COMMITTER_EMAIL=test@example.invalid GIT_CONFIG_NOSYSTEM=1 HOME=$TMP
(cd "$repo" && git init -q && git add -A && git commit -q -m snapshot && git tag v-test) ||
  { CODE=0; not_ok "could not make a git repository of the source tree"; finish; exit; }

# A PATH without mlops-maturity, so that install=auto installs it.
clean_path=
IFS=: read -r -a dirs <<<"$PATH"
for d in "${dirs[@]}"; do [ -x "$d/mlops-maturity" ] || clean_path+=${clean_path:+:}$d; done
# ccache, when there, with the base directory that makes the GitHub and GitLab builds hash alike.
if command -v ccache >/dev/null; then export CMAKE_CXX_COMPILER_LAUNCHER=ccache CCACHE_BASEDIR=$TMP; fi
unset GITHUB_STEP_SUMMARY GITHUB_OUTPUT GITHUB_PATH GITHUB_ACTIONS

answers() { # answers DIR: a repository with only an answers file (and, here, its questionnaire)
  mkdir -p "$1" && cp "$MM_DATA/valid/basic.yaml" "$MM_DATA/answers/basic-level1.yaml" "$1/"
}
has() { # has FILE TEXT description
  if grep -qF -- "$2" "$1"; then ok; else not_ok "$3: $(basename "$1") lacks '$2': $(head -c 600 "$1")"; fi
}

# ---- GitHub: the action, checked out at its ref, on a runner without the tool ----
gh=$TMP/gh
git clone -q "$repo" "$gh/mlops-maturity" && git -C "$gh/mlops-maturity" checkout -q v-test
answers "$TMP/gh-work"
action() { # action INPUT=VALUE...
  : >"$TMP/summary.md"
  : >"$TMP/output"
  : >"$TMP/path"
  (cd "$TMP/gh-work" && PATH=$clean_path GITHUB_ACTION_PATH="$gh/mlops-maturity" RUNNER_TEMP="$gh" \
     GITHUB_STEP_SUMMARY="$TMP/summary.md" GITHUB_OUTPUT="$TMP/output" GITHUB_PATH="$TMP/path" GITHUB_ACTIONS=true \
     python3 "$RUNNER" action "$gh/mlops-maturity/action.yml" "$@") >"$TMP/out" 2>"$TMP/err" </dev/null
  CODE=$?
  OUT=$(cat "$TMP/out")
  ERR=$(cat "$TMP/err")
}
action answers=basic-level1.yaml questionnaire=basic.yaml min-level=1
expect_code 0 "github: installs the tool, then the gate passes at level 1"
expect_err "mlops-maturity install: installed mlops-maturity" "github: the install step says what it installed"
has "$TMP/path" "$gh/mlops-maturity/bin" "github: the install step puts the prefix on the next steps' PATH"
installed=$gh/mlops-maturity/bin/mlops-maturity
if [ -x "$installed" ] && [ "$("$installed" --version)" = "$("$MM_BIN" --version)" ]; then ok; else
  not_ok "github: $installed is not the tool of this source tree"; fi
if [ -f "$gh/mlops-maturity/share/mlops-maturity/ci/run-gate.sh" ]; then ok; else not_ok "github: no installed run-gate.sh"; fi
if [ -f "$gh/mlops-maturity-build/CMakeCache.txt" ] && [ ! -e "$gh/mlops-maturity-build/tests" ]; then ok; else
  not_ok "github: the build should be in RUNNER_TEMP/mlops-maturity-build, without tests"; fi
has "$TMP/output" "exit-code=0" "github: outputs"
has "$TMP/output" "level=1" "github: outputs"
has "$TMP/summary.md" "Basic test model" "github: the summary names the questionnaire"
if [ -s "$TMP/gh-work/mlops-maturity-report.json" ]; then ok; else not_ok "github: no JSON report"; fi

# Again, as a second job on the same runner would: the build directory is reused.
action answers=basic-level1.yaml questionnaire=basic.yaml min-level=2
expect_code 1 "github: after installing again, the gate fails at level 2"
expect_out "ninja: no work to do" "github: a second install rebuilds nothing"

# ---- GitLab: the job clones the tool's repository at MM_TOOL_REF and builds it ----
answers "$TMP/gl-work"
(cd "$TMP/gl-work" && PATH=$clean_path python3 "$RUNNER" gitlab "$repo/ci/gitlab/mlops-maturity.gitlab-ci.yml" \
   .mlops-maturity MM_TOOL_REPO="file://$repo" MM_TOOL_REF=v-test MM_TOOL_SRC="$TMP/gl/mlops-maturity" \
   MM_BUILD_DIR="$TMP/gl/mlops-maturity-build" MM_PREFIX="$TMP/gl/prefix" \
   MM_ANSWERS=basic-level1.yaml MM_QUESTIONNAIRE=basic.yaml MM_MIN_LEVEL=1) >"$TMP/out" 2>"$TMP/err" </dev/null
CODE=$?
OUT=$(cat "$TMP/out")
ERR=$(cat "$TMP/err")
expect_code 0 "gitlab: clones and installs the tool, then the gate passes"
if [ "$(git -C "$TMP/gl/mlops-maturity" describe --tags 2>/dev/null)" = v-test ]; then ok; else
  not_ok "gitlab: the clone is not at MM_TOOL_REF"; fi
if [ -x "$TMP/gl/prefix/bin/mlops-maturity" ]; then ok; else not_ok "gitlab: nothing installed in MM_PREFIX"; fi
for artifact in mlops-maturity-report.json mlops-maturity-report.md mlops-maturity-junit.xml; do
  if [ -s "$TMP/gl-work/$artifact" ]; then ok; else not_ok "gitlab: artifact $artifact was not written"; fi
done
expect_out "Basic test model" "gitlab: the text report is in the job log"
finish
