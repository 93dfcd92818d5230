#!/usr/bin/env bash
# The CI gate, shared by the GitHub Action (action.yml) and the GitLab CI template (ci/gitlab/): assesses a
# committed answers file, keeps the JSON report, and writes a readable report where the CI shows it.
#
# Environment (the Action maps its inputs to these; in GitLab they are job variables):
#   MM_ANSWERS        answers file (required)
#   MM_QUESTIONNAIRE  built-in questionnaire id or YAML file (default: mlops)
#   MM_MIN_LEVEL      bars, space separated: "2" or "2 monitoring=3" (default: none, report only)
#   MM_FORMAT         format of the summary: markdown (default) or text
#   MM_REPORT         where to write the JSON report (default: mlops-maturity-report.json)
#   MM_SUMMARY        where to append the summary (default: $GITHUB_STEP_SUMMARY if set, else
#                     mlops-maturity-report.md next to the JSON report)
#   MM_JUNIT          also write a JUnit XML report here (GitLab shows it in merge requests); optional
#   MM_WARN_ONLY      "true": a failed gate (exit 1) only warns and the step passes; bad input still fails
#   MM_BIN            the mlops-maturity binary (default: mlops-maturity on PATH)
#
# Exit code: that of `mlops-maturity assess` (0 passed, 1 gate failed, 2 bad input, 3 internal error), except
# that MM_WARN_ONLY=true turns 1 into 0. Outputs (appended to $GITHUB_OUTPUT when set): report, summary,
# level, exit-code.
set -uo pipefail

bin=${MM_BIN:-mlops-maturity}
answers=${MM_ANSWERS:-}
questionnaire=${MM_QUESTIONNAIRE:-mlops}
format=${MM_FORMAT:-markdown}
report=${MM_REPORT:-mlops-maturity-report.json}
summary=${MM_SUMMARY:-${GITHUB_STEP_SUMMARY:-${report%.json}.md}}

say() { printf 'mlops-maturity gate: %s\n' "$*" >&2; }
output() { [ -n "${GITHUB_OUTPUT:-}" ] && printf '%s=%s\n' "$1" "$2" >>"$GITHUB_OUTPUT"; return 0; }

if [ -z "$answers" ]; then
  say "no answers file given (set MM_ANSWERS, or the action's 'answers' input)"
  exit 2
fi
if ! command -v "$bin" >/dev/null 2>&1; then
  say "'$bin' not found: install mlops-maturity first (see docs/ci.md)"
  exit 2
fi
case $format in markdown | text) ;; *) say "MM_FORMAT must be markdown or text, not '$format'"; exit 2 ;; esac

args=(assess --no-input -q "$questionnaire" -a "$answers" -f json -o "$report")
for bar in ${MM_MIN_LEVEL:-}; do args+=(--min-level "$bar"); done
"$bin" "${args[@]}"
code=$?
output exit-code "$code"

if [ "$code" -ne 0 ] && [ "$code" -ne 1 ]; then
  # Bad input or an internal error: no report was written. The diagnostics are on stderr above.
  say "assess failed with exit code $code (bad input or setup); no report"
  printf '### mlops-maturity: the assessment could not run (exit %s)\n\nSee the job log for the errors.\n' "$code" >>"$summary"
  exit "$code"
fi

output report "$report"
level=$(awk '/"overall": *\{/ { on = 1 } on && /"level":/ { gsub(/[^0-9]/, ""); print; exit }' "$report")
output level "$level"

# The readable report: Markdown where the CI renders it, else text in a code block.
{
  if [ "$format" = markdown ] && "$bin" report "$report" -f markdown >"$report.summary.tmp" 2>/dev/null; then
    cat "$report.summary.tmp"
  else
    printf '```\n'
    "$bin" report "$report" -f text --color never 2>/dev/null || "$bin" assess --no-input -q "$questionnaire" -a "$answers" --color never
    printf '```\n'
  fi
} >>"$summary"
rm -f "$report.summary.tmp"
output summary "$summary"
if [ -n "${MM_JUNIT:-}" ]; then "$bin" report "$report" -f junit -o "$MM_JUNIT" || say "could not write $MM_JUNIT"; fi

# The text report in the job log too, for whoever reads it there.
"$bin" report "$report" -f text --color never 2>/dev/null || true

if [ "$code" -eq 1 ]; then
  if [ "${MM_WARN_ONLY:-false}" = true ]; then
    say "the gate failed (level ${level:-?}); MM_WARN_ONLY=true, so this only warns"
    [ -n "${GITHUB_ACTIONS:-}" ] && echo "::warning title=mlops-maturity::maturity gate failed (overall level ${level:-?})"
    exit 0
  fi
  say "the gate failed (level ${level:-?})"
fi
exit "$code"
