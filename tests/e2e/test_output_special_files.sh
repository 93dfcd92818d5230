#!/usr/bin/env bash
# Outputs that are not plain new files, through assess -o, init --force -o, scan -o and the interactive autosave
# (--save): a FIFO is written into (waiting for a reader, as sort -o does); a symbolic link is followed and its
# target replaced, the link kept; a dangling link gets its target created; a socket, a directory and a loop of
# links are errors that leave them as they were; a link planted by another user in a sticky shared directory
# (/tmp) is not followed. Device nodes are in test_output_devices.sh (a private /dev). docs/limits.md, "Output
# files". The checks that need root (a device node here, another user's link) are left out, with a note, when
# not root; CI runs as root.
source "$(dirname "$0")/lib.sh"

Q="$MM_DATA/valid/basic.yaml"
A="$MM_DATA/answers/basic-level1.yaml"
SMALL="$MM_DATA/valid/small.yaml"
ROOT=0
can_mknod_chown && ROOT=1
[ "$ROOT" = 1 ] || echo "note: not root (or may not mknod and chown); the device node and other-user checks did not run"

no_temp_files() { # no_temp_files DIR description
  local left
  left=$(find "$1" -name '*.tmp.*')
  if [ -z "$left" ]; then ok; else not_ok "$2: temporary files left behind: $left"; fi
}

for cmd in "assess -q $Q -a $A" "init -q $Q --force" "scan $MM_DATA/sample-ml-repo"; do
  name=${cmd%% *}
  w="$TMP/$name"
  mkdir -p "$w/real" "$w/links"
  # shellcheck disable=SC2086
  run $cmd -o "$w/expected"
  expect_code 0 "$name -o a new file"

  # A FIFO with its reader already there.
  mkfifo "$w/fifo"
  timeout 20 cat "$w/fifo" >"$w/from-fifo" &
  reader=$!
  # shellcheck disable=SC2086
  run $cmd -o "$w/fifo"
  wait "$reader"
  expect_code 0 "$name -o FIFO"
  expect_file_same "$w/expected" "$w/from-fifo" "$name -o FIFO: what the reader got"
  [ -p "$w/fifo" ] && ok || not_ok "$name -o FIFO: the FIFO was replaced: $(ls -l "$w/fifo")"
  # A FIFO with no reader yet: the writer waits for one (as sort -o and the shell's > do), then writes.
  # shellcheck disable=SC2086
  "$MM_BIN" $cmd -o "$w/fifo" >/dev/null 2>"$TMP/err" </dev/null &
  writer=$!
  sleep 0.5
  if kill -0 "$writer" 2>/dev/null; then ok; else not_ok "$name -o FIFO without a reader should wait for one"; fi
  timeout 20 cat "$w/fifo" >"$w/from-fifo"
  wait "$writer"
  CODE=$?
  expect_code 0 "$name -o FIFO, the reader came later"
  expect_file_same "$w/expected" "$w/from-fifo" "$name -o FIFO, the reader came later: what it got"
  [ -p "$w/fifo" ] && ok || not_ok "$name -o FIFO: the FIFO was replaced: $(ls -l "$w/fifo")"
  # ... and a signal ends the wait.
  # shellcheck disable=SC2086
  "$MM_BIN" $cmd -o "$w/fifo" >/dev/null 2>"$TMP/err" </dev/null &
  writer=$!
  sleep 0.3
  kill -TERM "$writer"
  wait "$writer"
  CODE=$?
  expect_code 143 "$name -o FIFO without a reader, then SIGTERM"
  [ -p "$w/fifo" ] && ok || not_ok "$name -o FIFO: the FIFO was replaced: $(ls -l "$w/fifo")"

  # A link (relative, to another directory, through a second link): the target is replaced, the links kept.
  printf 'old\n' >"$w/real/out"
  ln -s ../real/out "$w/links/hop"
  ln -s hop "$w/links/out"
  # shellcheck disable=SC2086
  run $cmd -o "$w/links/out"
  expect_code 0 "$name -o a link"
  is_link "$w/links/out" hop "$name -o a link"
  is_link "$w/links/hop" ../real/out "$name -o a link to a link"
  expect_file_same "$w/expected" "$w/real/out" "$name -o a link: the target's new content"
  [ -f "$w/real/out" ] && [ ! -L "$w/real/out" ] && ok || not_ok "$name -o a link: the target is not a file"

  # A dangling link: its target is created (as the shell's > and sort -o do; GNU cp refuses), the link kept.
  ln -s ../real/new "$w/links/dangling"
  # shellcheck disable=SC2086
  run $cmd -o "$w/links/dangling"
  expect_code 0 "$name -o a dangling link"
  is_link "$w/links/dangling" ../real/new "$name -o a dangling link"
  expect_file_same "$w/expected" "$w/real/new" "$name -o a dangling link: the created target"

  # A socket cannot be opened for writing: an error, and the socket stays.
  python3 -c 'import socket, sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])' "$w/socket"
  # shellcheck disable=SC2086
  run $cmd -o "$w/socket"
  expect_code 3 "$name -o a socket"
  expect_err "cannot write $w/socket: opening it: No such device or address" "$name -o a socket: message"
  [ -S "$w/socket" ] && ok || not_ok "$name -o a socket: the socket was replaced: $(ls -l "$w/socket")"

  # A directory, or a link to one: an error, as before.
  mkdir "$w/dir"
  ln -s dir "$w/dir-link"
  for d in dir dir-link; do
    # shellcheck disable=SC2086
    run $cmd -o "$w/$d"
    expect_code 3 "$name -o $d"
    expect_err "cannot write $w/$d: it is a directory" "$name -o $d: message"
  done
  is_link "$w/dir-link" dir "$name -o a link to a directory"

  # A loop of links: an error, the links kept.
  ln -s loop-b "$w/loop-a"
  ln -s loop-a "$w/loop-b"
  # shellcheck disable=SC2086
  run $cmd -o "$w/loop-a"
  expect_code 3 "$name -o a loop of links"
  expect_err "cannot write $w/loop-a: following symbolic links: Too many levels of symbolic links" "$name -o a loop: message"
  is_link "$w/loop-a" loop-b "$name -o a loop of links"

  # Another user's link in a sticky directory anyone may write (as /tmp): not followed, nothing replaced.
  if [ "$ROOT" = 1 ]; then
    mkdir -m 1777 "$w/shared"
    printf 'keep\n' >"$w/precious"
    ln -s "$w/precious" "$w/shared/planted"
    chown -h nobody "$w/shared/planted"
    # shellcheck disable=SC2086
    run $cmd -o "$w/shared/planted"
    expect_code 3 "$name -o another user's link in a sticky directory"
    expect_err "cannot write $w/shared/planted: not following a symbolic link owned by another user in a shared directory" \
      "$name -o another user's link: message"
    [ "$(cat "$w/precious")" = keep ] && ok || not_ok "$name -o another user's link: its target was replaced"
    is_link "$w/shared/planted" "$w/precious" "$name -o another user's link"
  fi
  no_temp_files "$w" "$name"
done

# ---- the interactive autosave (--save), through a pseudo-terminal ----
ASSESS=(env -u CI "$MM_BIN" assess -q "$SMALL")

# --save a dangling link: the first save creates its target, every save replaces it, the link stays.
mkdir -p "$TMP/save-link/real"
ln -s real/answers.yaml "$TMP/save-link/answers.yaml"
session save-link -- "${ASSESS[@]}" --save answers.yaml <<EOF
expect [team 1/1]
send 2
file real/answers.yaml   serving: online
expect [1/5]
send y
file real/answers.yaml   data-documented: yes
send q
exit 0
EOF
expect_code 0 "--save a dangling link"
is_link "$TMP/save-link/answers.yaml" real/answers.yaml "--save a link"
file_has "$TMP/save-link/real/answers.yaml" "  data-documented: yes" "--save a link: the target has the answers"
# ... and the next session resumes from the target, through the link.
session save-link -- "${ASSESS[@]}" --save answers.yaml <<EOF
expect Resuming from answers.yaml
expect [2/5] Data
send n
file real/answers.yaml   data-versioned: no
send q
exit 0
EOF
expect_code 0 "--save a link: resumed"
is_link "$TMP/save-link/answers.yaml" real/answers.yaml "--save a link, resumed"
no_temp_files "$TMP/save-link" "--save a link"

# --save a device node (a private copy of /dev/null: a regression replaces that, nothing else): answers are
# written into it and it stays a device; nothing in it is "an earlier session" to resume from.
if [ "$ROOT" = 1 ]; then
  mkdir -p "$TMP/save-null"
  mknod -m 666 "$TMP/save-null/null" c 1 3
  session save-null -- "${ASSESS[@]}" --save null <<EOF
expect [team 1/1]
send 2
expect [1/5]
send y
expect [2/5]
send q
expect Answers saved to null
exit 0
EOF
  expect_code 0 "--save a device"
  if [ -c "$TMP/save-null/null" ]; then ok; else not_ok "--save a device: it was replaced: $(ls -l "$TMP/save-null/null")"; fi
  no_temp_files "$TMP/save-null" "--save a device"
fi
finish
