#!/usr/bin/env bash
# Shell completions (completions/): every subcommand `mlops-maturity --help` lists completes, and for each
# subcommand every long option its `--help` lists completes (bash: by calling the completion function; zsh and
# fish: syntax-checked when those shells are installed, and checked to name every subcommand and option), and
# option values (--format, --color) match the choices in the help. A new subcommand or option without a
# completion fails here.
source "$(dirname "$0")/lib.sh"
COMP="$MM_SOURCE_DIR/completions"

# The binary as `mlops-maturity` on PATH, as installed (the completions call `mlops-maturity list`).
mkdir -p "$TMP/bin"
ln -s "$MM_BIN" "$TMP/bin/mlops-maturity"
export PATH="$TMP/bin:$PATH"

subcommands=$("$MM_BIN" --help | awk '/^Subcommands:/ { on = 1; next } on && /^  [a-z]/ { print $1 } on && /^$/ { on = 0 }')
if [ "$(printf '%s\n' "$subcommands" | wc -w)" -ge 5 ]; then ok; else CODE=0; not_ok "could not read subcommands from --help: $subcommands"; fi
long_options() { # long_options SUBCOMMAND: the --options in its help
  "$MM_BIN" "$1" --help | awk '/^Options:/ { on = 1; next } /^[A-Z][a-z]*:/ { on = 0 } on' |
    grep -oE '^  (-[a-zA-Z],)?--[a-z][a-z0-9-]*' | grep -oE -- '--[a-z][a-z0-9-]*' | sort -u
}
choices() { # choices SUBCOMMAND OPTION: the {a,b,c} set in its help, one per line
  "$MM_BIN" "$1" --help | grep -E "^  (-[a-z],)?$2 " | grep -oE '\{[^}]*\}' | tr -d '{}' | tr ',' '\n' | sort
}

# ---- bash ----
complete_bash() { # complete_bash WORD...: COMPREPLY for the command line WORD... (the last word is the cursor's)
  bash -c '
    [ "$1" = with-bash-completion ] && source /usr/share/bash-completion/bash_completion
    shift
    source "$0"
    COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
    _mlops_maturity mlops-maturity "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
    printf "%s\n" "${COMPREPLY[@]}"' "$COMP/mlops-maturity.bash" "$MODE" "$@"
}
modes=plain
[ -f /usr/share/bash-completion/bash_completion ] && modes="plain with-bash-completion"
for MODE in $modes; do
  got=$(complete_bash mlops-maturity "")
  for s in $subcommands; do
    if printf '%s\n' "$got" | grep -qx -- "$s"; then ok; else CODE=0; not_ok "bash ($MODE): subcommand '$s' does not complete"; fi
  done
  got=$(complete_bash mlops-maturity help as)
  if [ "$got" = assess ]; then ok; else CODE=0; not_ok "bash ($MODE): 'help as' should complete to assess, got: $got"; fi
  got=$(complete_bash mlops-maturity assess --require-c)
  if [ "$got" = --require-complete ]; then ok; else CODE=0; not_ok "bash ($MODE): 'assess --require-c' should complete, got: $got"; fi
  got=$(complete_bash mlops-maturity ag)
  if [ "$got" = aggregate ]; then ok; else CODE=0; not_ok "bash ($MODE): 'ag' should complete to aggregate, got: $got"; fi
  for s in $subcommands; do
    got=$(complete_bash mlops-maturity "$s" --)
    for o in $(long_options "$s"); do
      if printf '%s\n' "$got" | grep -qx -- "$o"; then ok; else CODE=0; not_ok "bash ($MODE): '$s $o' does not complete"; fi
    done
    for o in --format --color; do
      want=$(choices "$s" "$o")
      [ -n "$want" ] || continue
      got=$(complete_bash mlops-maturity "$s" "$o" "" | sort)
      if [ "$got" = "$want" ]; then ok; else CODE=0; not_ok "bash ($MODE): '$s $o' completes '$(echo $got)', help says '$(echo $want)'"; fi
    done
  done
  got=$(complete_bash mlops-maturity assess -q "")
  for id in $("$MM_BIN" list | awk 'NR > 1 { print $1 }'); do
    if printf '%s\n' "$got" | grep -qx -- "$id"; then ok; else CODE=0; not_ok "bash ($MODE): 'assess -q' should offer built-in '$id'"; fi
  done
  (cd "$MM_DATA/reports" && complete_bash mlops-maturity report "ac") >"$TMP/files"
  if grep -qx 'acme-q1.json' "$TMP/files" && ! grep -q 'yaml$' "$TMP/files"; then ok; else
    CODE=0; not_ok "bash ($MODE): 'report ac' should complete JSON files: $(cat "$TMP/files")"; fi
done

# ---- zsh and fish: every subcommand and long option is named; syntax check when the shell is installed ----
for f in "$COMP/_mlops-maturity" "$COMP/mlops-maturity.fish"; do
  for s in $subcommands; do
    if grep -qE "(^|[^a-z-])$s([^a-z-]|$)" "$f"; then ok; else CODE=0; not_ok "$(basename "$f"): no subcommand '$s'"; fi
    for o in $(long_options "$s"); do
      name=${o#--}
      if grep -qE -- "(--|-l )$name([^a-z-]|$)" "$f"; then ok; else CODE=0; not_ok "$(basename "$f"): no option '$s $o'"; fi
    done
  done
done
if command -v zsh >/dev/null; then
  if zsh -n "$COMP/_mlops-maturity" 2>"$TMP/zsh.err"; then ok; else CODE=0; not_ok "zsh -n: $(cat "$TMP/zsh.err")"; fi
else
  echo "zsh not installed: syntax check skipped"
fi
if command -v fish >/dev/null; then
  if fish -n "$COMP/mlops-maturity.fish" 2>"$TMP/fish.err"; then ok; else CODE=0; not_ok "fish -n: $(cat "$TMP/fish.err")"; fi
  # fish can complete a command line non-interactively: check subcommands and every long option for real.
  fish_complete() { HOME="$TMP" fish --no-config -c "source $COMP/mlops-maturity.fish; complete -C '$1'" 2>/dev/null | cut -f1; }
  got=$(fish_complete "mlops-maturity ")
  for s in $subcommands; do
    if printf '%s\n' "$got" | grep -qx -- "$s"; then ok; else CODE=0; not_ok "fish: subcommand '$s' does not complete"; fi
  done
  for s in $subcommands; do
    got=$(fish_complete "mlops-maturity $s --")
    for o in $(long_options "$s"); do
      if printf '%s\n' "$got" | grep -qx -- "$o"; then ok; else CODE=0; not_ok "fish: '$s $o' does not complete"; fi
    done
  done
else
  echo "fish not installed: syntax check skipped"
fi
finish
