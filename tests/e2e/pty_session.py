#!/usr/bin/env python3
"""Drives a command through a pseudo-terminal, as a person at a terminal would, from a small script.

Usage: pty_session.py [--cwd DIR] [--stdout FILE] [--columns N] [--transcript FILE] -- COMMAND ARGS... < SCRIPT

The command gets a new session whose controlling terminal is the pty (stdin, stdout and stderr too, unless
--stdout sends standard output to a file), so it works where the caller has no terminal (CI). Script lines:

  expect TEXT        wait until TEXT appears in the terminal output after the previous match
  send KEYS          type KEYS (Python escapes: \\x03 is Ctrl-C, \\r is Enter, \\x1b[D is the left arrow)
  signal NAME        send SIGINT, SIGTERM, SIGHUP... to the command
  columns N          resize the terminal (the command gets SIGWINCH)
  file PATH TEXT     wait until file PATH contains TEXT
  nofile PATH TEXT   check that file PATH does not contain TEXT
  hangup             close the terminal (the command gets SIGHUP)
  exit N             wait for the command to exit with status N (128+signal when killed)

Every wait gives up after --timeout seconds (default 10). On any failure it prints what happened and the
terminal output, kills the command, and exits 1; so a test can never hang.
"""
import argparse
import codecs
import errno
import fcntl
import os
import pty
import select
import signal
import struct
import sys
import termios
import time


class Failure(Exception):
    pass


class Session:
    def __init__(self, argv, cwd, stdout_path, columns, timeout):
        self.timeout = timeout
        self.output = b""
        self.matched = 0
        self.status = None
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child: the pty is already its controlling terminal and stdio
            try:
                if cwd:
                    os.chdir(cwd)
                if stdout_path:
                    out = os.open(stdout_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
                    os.dup2(out, 1)
                os.execvp(argv[0], argv)
            except Exception as e:  # noqa: BLE001
                os.write(2, f"cannot run {argv[0]}: {e}\n".encode())
            os._exit(127)
        self.resize(columns)

    def resize(self, columns):
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, columns, 0, 0))

    def pump(self, wait):
        """Reads what the command wrote within `wait` seconds; returns False at end of output."""
        if self.fd is None:
            return False
        ready, _, _ = select.select([self.fd], [], [], wait)
        if not ready:
            return True
        try:
            data = os.read(self.fd, 65536)
        except OSError as e:
            if e.errno == errno.EIO:  # the command and everyone else closed the terminal
                return False
            raise
        if not data:
            return False
        self.output += data
        return True

    def text(self):
        return self.output.decode("utf-8", "replace").replace("\r", "")

    def expect(self, needle):
        deadline = time.monotonic() + self.timeout
        while True:
            at = self.text().find(needle, self.matched)
            if at >= 0:
                self.matched = at + len(needle)
                return
            if time.monotonic() > deadline:
                raise Failure(f"timed out waiting for {needle!r}")
            if not self.pump(0.1) and self.text().find(needle, self.matched) < 0:
                self.reap(0.5)
                raise Failure(f"the command ended (status {self.status}) before {needle!r}")

    def send(self, keys):
        os.write(self.fd, codecs.decode(keys, "unicode_escape").encode("latin-1"))

    def wait_file(self, path, needle, present=True):
        deadline = time.monotonic() + (self.timeout if present else 0)
        while True:
            try:
                with open(path, encoding="utf-8") as f:
                    has = needle in f.read()
            except FileNotFoundError:
                has = False
            if has == present:
                return
            if time.monotonic() >= deadline:
                raise Failure(f"{path} {'lacks' if present else 'has'} {needle!r}")
            self.pump(0.1)

    def reap(self, wait):
        deadline = time.monotonic() + wait
        while self.status is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.status = os.waitstatus_to_exitcode(status)
                if self.status < 0:
                    self.status = 128 - self.status
                break
            if time.monotonic() > deadline:
                return
            self.pump(0.05)

    def expect_exit(self, code):
        self.reap(self.timeout)
        while self.pump(0.05):  # collect the last output
            pass
        if self.status is None:
            raise Failure(f"still running after {self.timeout}s, expected exit {code}")
        if self.status != code:
            raise Failure(f"exited {self.status}, expected {code}")

    def hangup(self):
        os.close(self.fd)
        self.fd = None

    def kill(self):
        if self.status is None:
            try:
                os.kill(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.reap(2)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cwd")
    parser.add_argument("--stdout")
    parser.add_argument("--columns", type=int, default=80)
    parser.add_argument("--timeout", type=float, default=10)
    parser.add_argument("--transcript")
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    argv = args.command[1:] if args.command[:1] == ["--"] else args.command
    script = [line.rstrip("\n") for line in sys.stdin if line.strip() and not line.lstrip().startswith("#")]

    s = Session(argv, args.cwd, args.stdout, args.columns, args.timeout)
    step = ""
    try:
        for step in script:
            verb, _, rest = step.strip().partition(" ")
            if verb == "expect":
                s.expect(rest)
            elif verb == "send":
                s.send(rest)
            elif verb == "signal":
                os.kill(s.pid, getattr(signal, "SIG" + rest.strip()))
            elif verb == "columns":
                s.resize(int(rest))
            elif verb in ("file", "nofile"):
                path, _, needle = rest.partition(" ")
                s.wait_file(os.path.join(args.cwd or ".", path), needle, verb == "file")
            elif verb == "hangup":
                s.hangup()
            elif verb == "exit":
                s.expect_exit(int(rest))
            else:
                raise Failure(f"unknown script line {step!r}")
        if s.status is None:
            raise Failure("the script ended without 'exit N' while the command still runs")
    except Failure as e:
        s.kill()
        print(f"pty_session: at '{step}': {e}", file=sys.stderr)
        print("---- terminal output ----", file=sys.stderr)
        print(s.text()[-4000:], file=sys.stderr)
        print("-------------------------", file=sys.stderr)
        return 1
    finally:
        if args.transcript:
            with open(args.transcript, "w", encoding="utf-8") as f:
                f.write(s.text())
    return 0


if __name__ == "__main__":
    sys.exit(main())
