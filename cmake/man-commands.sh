#!/bin/sh
# Writes a help2man include file with one section per subcommand: its `--help`, as listed by `BIN --help`.
# Usage: man-commands.sh BIN OUTPUT
set -eu
bin=$1
out=$2
commands=$("$bin" --help | awk '/^Subcommands:/ { on = 1; next } on && /^  [a-z]/ { print $1 } on && /^$/ { on = 0 }')
[ -n "$commands" ] || { echo "man-commands.sh: no subcommands in '$bin --help'" >&2; exit 1; }
# roff: escape backslashes; a line starting with . or ' would be a request.
roff() { sed -e 's/\\/\\e/g' -e "s/^\([.']\)/\\\\\&\1/"; }
{
  echo "[COMMANDS]"
  printf '%s\n' 'Each command takes its own options; \fBmlops-maturity\fR \fICOMMAND\fR \fB\-\-help\fR prints them.'
  for c in $commands; do
    echo ".SS \"$c\""
    echo ".nf"
    "$bin" "$c" --help | roff
    echo ".fi"
  done
  echo "[ENVIRONMENT]"
  echo ".TP"
  echo ".B NO_COLOR"
  echo "When set (to anything), output has no colour."
  echo ".TP"
  echo ".B CI"
  echo "When set to true, never prompt for answers."
  echo "[FILES]"
  echo "Questionnaires and answers are YAML (or JSON) files; reports are written atomically."
  echo "Formats, limits and CI use are documented in /usr/share/doc/mlops-maturity/ and the project's docs/."
} >"$out.tmp"
mv "$out.tmp" "$out"
