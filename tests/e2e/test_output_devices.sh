#!/usr/bin/env bash
# -o to /dev/null, /dev/full, /dev/stdout and a device without a driver, through assess -o, init --force -o and
# scan -o: the node is written into and stays what it was (docs/limits.md, "Output files"). Runs as root in a
# mount namespace whose /dev is a private tmpfs with its own nodes, so that a regression replaces those and never
# the machine's. Skips (exit 77, which CTest shows as skipped) where it is not root or may not make the namespace.
if [ "${MM_PRIVATE_DEV:-}" != 1 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "SKIP: not root; device nodes cannot be made, the -o /dev/... checks did not run"
    exit 77
  fi
  if ! unshare -m true 2>/dev/null; then
    echo "SKIP: unshare -m is not permitted here; the -o /dev/... checks did not run"
    exit 77
  fi
  MM_PRIVATE_DEV=1 exec unshare -m --propagation private bash "$0" "$@"
fi
# In the namespace: nothing mounted here is seen outside it.
if ! mount -t tmpfs -o mode=0755 tmpfs /dev; then
  echo "SKIP: cannot mount a private /dev in the namespace; the -o /dev/... checks did not run"
  exit 77
fi
# major 1 (mem) has no minor 200: opening /dev/nodriver fails with ENXIO.
if ! { mknod -m 666 /dev/null c 1 3 && mknod -m 666 /dev/full c 1 7 && mknod -m 666 /dev/nodriver c 1 200; }; then
  echo "SKIP: mknod is not permitted (root without CAP_MKNOD?); the -o /dev/... checks did not run"
  exit 77
fi
ln -s /proc/self/fd /dev/fd
ln -s /proc/self/fd/1 /dev/stdout
ln -s /proc/self/fd/2 /dev/stderr
source "$(dirname "$0")/lib.sh"

Q="$MM_DATA/valid/basic.yaml"
A="$MM_DATA/answers/basic-level1.yaml"

is_char() { # is_char PATH MAJOR MINOR description
  if [ -c "$1" ] && [ ! -L "$1" ] && [ "$(stat -c '%t %T' "$1")" = "$(printf '%x %x' "$2" "$3")" ]; then ok; else
    not_ok "$4: $1 should still be the character device $2,$3, is: $(ls -l "$1")"; fi
}

for cmd in "assess -q $Q -a $A" "init -q $Q --force" "scan $MM_DATA/sample-ml-repo"; do
  name=${cmd%% *}
  # What the command writes to standard output without -o: what each device gets.
  # shellcheck disable=SC2086
  "$MM_BIN" $cmd >"$TMP/$name.expected" 2>"$TMP/err" </dev/null
  CODE=$?
  expect_code 0 "$name to standard output"

  # shellcheck disable=SC2086
  run $cmd -o /dev/null
  expect_code 0 "$name -o /dev/null"
  expect_empty_out "$name -o /dev/null"
  is_char /dev/null 1 3 "$name -o /dev/null"

  # shellcheck disable=SC2086
  run $cmd -o /dev/full
  expect_code 3 "$name -o /dev/full"
  expect_err "mlops-maturity: error: cannot write /dev/full: writing: No space left on device" "$name -o /dev/full: message"
  is_char /dev/full 1 7 "$name -o /dev/full"

  # shellcheck disable=SC2086
  run $cmd -o /dev/nodriver
  expect_code 3 "$name -o a device without a driver"
  expect_err "cannot write /dev/nodriver: opening it: No such device or address" "$name -o /dev/nodriver: message"
  is_char /dev/nodriver 1 200 "$name -o /dev/nodriver"

  # /dev/stdout: standard output, whatever it is. A file (run sends it to one):
  # shellcheck disable=SC2086
  "$MM_BIN" $cmd -o /dev/stdout >"$TMP/$name.got" 2>"$TMP/err" </dev/null
  CODE=$?
  expect_code 0 "$name -o /dev/stdout"
  expect_file_same "$TMP/$name.expected" "$TMP/$name.got" "$name -o /dev/stdout into a file"
  is_link /dev/stdout /proc/self/fd/1 "$name -o /dev/stdout"
  # ... a file that already has something in it: appended to, as with no -o (not written over from its start).
  # shellcheck disable=SC2086
  { echo "first line"; "$MM_BIN" $cmd -o /dev/stdout; } >"$TMP/$name.appended" 2>"$TMP/err" </dev/null
  { echo "first line"; cat "$TMP/$name.expected"; } >"$TMP/$name.want"
  expect_file_same "$TMP/$name.want" "$TMP/$name.appended" "$name -o /dev/stdout after other output"
  # ... a pipe:
  # shellcheck disable=SC2086
  "$MM_BIN" $cmd -o /dev/stdout 2>"$TMP/err" </dev/null | cat >"$TMP/$name.piped"
  CODE=${PIPESTATUS[0]}
  expect_code 0 "$name -o /dev/stdout into a pipe"
  expect_file_same "$TMP/$name.expected" "$TMP/$name.piped" "$name -o /dev/stdout into a pipe"
  # ... a pipe whose reader has gone: a write error (exit 3), at once. The command starts after the reader has
  # closed the pipe.
  # shellcheck disable=SC2086
  timeout 20 sh -c 'sleep 0.3; exec "$0" "$@"' "$MM_BIN" $cmd -o /dev/stdout 2>"$TMP/err" </dev/null |
    { exec 0<&-; sleep 1; }
  CODE=${PIPESTATUS[0]}
  ERR=$(cat "$TMP/err")
  expect_code 3 "$name -o /dev/stdout into a pipe nobody reads (124: it hung)"
  expect_err "cannot write /dev/stdout: writing: Broken pipe" "$name -o /dev/stdout, no reader: message"
  is_link /dev/stdout /proc/self/fd/1 "$name -o /dev/stdout"

  # /dev/stderr too, and /dev/fd/N (what the shell's >(...) gives).
  # shellcheck disable=SC2086
  "$MM_BIN" $cmd -o /dev/stderr >"$TMP/out" 2>"$TMP/$name.got" </dev/null
  CODE=$?
  expect_code 0 "$name -o /dev/stderr"
  [ -s "$TMP/out" ] && not_ok "$name -o /dev/stderr: stdout should be empty" || ok
  expect_file_same "$TMP/$name.expected" "$TMP/$name.got" "$name -o /dev/stderr"
  # shellcheck disable=SC2086
  "$MM_BIN" $cmd -o /dev/fd/3 3>"$TMP/$name.fd3" >"$TMP/out" 2>"$TMP/err" </dev/null
  CODE=$?
  expect_code 0 "$name -o /dev/fd/3"
  expect_file_same "$TMP/$name.expected" "$TMP/$name.fd3" "$name -o /dev/fd/3"
  [ -L /dev/fd ] && [ -z "$(ls /dev | grep '\.tmp\.')" ] && ok || not_ok "$name: /dev changed: $(ls -l /dev)"
done

# init without --force still refuses an -o that exists, device or not: --force says "replace it".
run init -q "$Q" -o /dev/null
expect_code 2 "init -o /dev/null without --force"
expect_err "already exists" "init -o /dev/null without --force: message"
is_char /dev/null 1 3 "init -o /dev/null without --force"

# A link to a device: the device is written, the link kept.
ln -s /dev/full "$TMP/full-link"
run assess -q "$Q" -a "$A" -o "$TMP/full-link"
expect_code 3 "-o a link to /dev/full"
expect_err "cannot write $TMP/full-link: writing: No space left on device" "-o a link to /dev/full: message"
is_link "$TMP/full-link" /dev/full "-o a link to /dev/full"
is_char /dev/full 1 7 "-o a link to /dev/full"

# A link to a file on another file system (this /dev is a tmpfs of its own): the temporary file is made next to
# the target, since a rename cannot cross file systems.
printf 'old\n' >/dev/report.json
ln -s /dev/report.json "$TMP/cross-link"
run assess -q "$Q" -a "$A" -o "$TMP/cross-link"
expect_code 0 "-o a link to another file system"
"$MM_BIN" assess -q "$Q" -a "$A" >"$TMP/cross.expected" 2>/dev/null </dev/null
expect_file_same "$TMP/cross.expected" /dev/report.json "-o a link to another file system: the target"
is_link "$TMP/cross-link" /dev/report.json "-o a link to another file system"
finish
