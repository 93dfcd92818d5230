#!/usr/bin/env bash
# clang-format (.clang-format) on the lines a change touches, never the whole tree:
#   tools/format.sh [BASE]         show what clang-format would change in lines changed since BASE (default: main);
#                                  exit 1 when it would change anything
#   tools/format.sh --fix [BASE]   change them in the working tree
# Lines nobody touched keep their shape, so history stays readable and branches merge cleanly.
set -euo pipefail
cd "$(dirname "$0")/.."
fix=false
if [ "${1:-}" = --fix ]; then fix=true; shift; fi
base=${1:-main}
command -v git-clang-format >/dev/null || { echo "tools/format.sh: git-clang-format is missing (Debian: clang-format)" >&2; exit 2; }
files=$(git diff --name-only --diff-filter=ACMR "$base" -- '*.cpp' '*.hpp')
[ -n "$files" ] || { echo "no C++ files changed since $base"; exit 0; }
if $fix; then
  # shellcheck disable=SC2086
  git clang-format --force "$base" -- $files
else
  # shellcheck disable=SC2086
  out=$(git clang-format --diff "$base" -- $files) || true
  case "$out" in
    "" | "no modified files to format" | "clang-format did not modify any files") echo "formatted"; exit 0 ;;
  esac
  printf '%s\n' "$out"
  echo "tools/format.sh: the lines above are not formatted; run tools/format.sh --fix $base" >&2
  exit 1
fi
