#!/usr/bin/env python3
"""Key press -> next question drawn, through the real binary on a pseudo-terminal.

    keylatency.py BIN DIR [--save PATH] [--keys N]

Starts `BIN assess` (the built-in mlops questionnaire) in DIR on a pty and answers it: 1 to every choice, n to
the offer to skip levels, y to every question, for up to N keys. For each key it times, from writing the key
to the pty, until the next question is fully drawn (the output ends with the prompt's "> "), and prints one
latency per line in milliseconds. With --save PATH the answers go there (/dev/null: written, never synced: the
floor, everything but the durable save).
"""
import argparse
import os
import pty
import select
import signal
import sys
import time


def main():
    p = argparse.ArgumentParser()
    p.add_argument("bin")
    p.add_argument("dir")
    p.add_argument("--save")
    p.add_argument("--keys", type=int, default=40)
    p.add_argument("--transcript", help="write everything the command drew to this file")
    args = p.parse_args()
    argv = [args.bin, "assess", "-f", "json", "-o", os.devnull]
    if args.save:
        argv += ["--save", args.save]
    pid, fd = pty.fork()
    if pid == 0:
        os.chdir(args.dir)
        os.environ.pop("CI", None)
        os.execv(args.bin, argv)
    buf = b""
    transcript = open(args.transcript, "wb") if args.transcript else None

    def read_until_prompt(deadline):
        nonlocal buf
        while not buf.endswith(b"> "):
            left = deadline - time.monotonic()
            if left <= 0:
                raise SystemExit(f"keylatency: no prompt after {buf[-300:]!r}")
            ready, _, _ = select.select([fd], [], [], left)
            if ready:
                try:
                    data = os.read(fd, 65536)
                except OSError:
                    data = b""
                if not data:
                    return False
                buf += data
                if transcript:
                    transcript.write(data)
        return True

    try:
        read_until_prompt(time.monotonic() + 30)
        for _ in range(args.keys):
            screen = buf
            key = b"1" if b"choose" in screen[-200:] else b"n" if b"Skip the" in screen else b"y"
            buf = b""
            start = time.perf_counter()
            os.write(fd, key)
            if not read_until_prompt(time.monotonic() + 30):
                break  # the walk ended
            print(f"{(time.perf_counter() - start) * 1000:.3f}")
            sys.stdout.flush()
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)


if __name__ == "__main__":
    main()
