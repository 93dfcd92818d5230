#!/usr/bin/env python3
"""Interleaved timing of short commands: each round runs every command once, in a fresh random order, so a
slow spell of a shared or virtual machine falls on all of them alike (hyperfine runs one command's runs in a
row, and on this machine two medians of the same `--version` differed by 60%). Prints, per command, the median
wall time and the median CPU time (user + system, from wait4) and both as ratios to the first command.

Usage: interleaved.py ROUNDS -- CMD1 -- CMD2 [-- CMD3 ...]     (each CMD a command line, split on spaces)
"""
import os
import random
import statistics
import sys
import time


def run_once(argv):
    devnull = os.open(os.devnull, os.O_WRONLY)
    start = time.perf_counter()
    pid = os.posix_spawn(argv[0], argv, os.environ, file_actions=[(os.POSIX_SPAWN_DUP2, devnull, 1),
                                                                 (os.POSIX_SPAWN_DUP2, devnull, 2)])
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    os.close(devnull)
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        sys.exit(f"interleaved.py: {' '.join(argv)} exited {os.waitstatus_to_exitcode(status)}")
    return wall, usage.ru_utime + usage.ru_stime


def main(args):
    if len(args) < 3 or args[1] != "--":
        print(__doc__, file=sys.stderr)
        return 2
    rounds = int(args[0])
    commands = [c.split() for c in " ".join(args[2:]).split(" -- ")]
    wall = {i: [] for i in range(len(commands))}
    cpu = {i: [] for i in range(len(commands))}
    for i in range(len(commands)):  # warm the page cache
        run_once(commands[i])
    for _ in range(rounds):
        order = list(range(len(commands)))
        random.shuffle(order)
        for i in order:
            w, c = run_once(commands[i])
            wall[i].append(w)
            cpu[i].append(c)
    base_wall, base_cpu = statistics.median(wall[0]), statistics.median(cpu[0])
    for i, argv in enumerate(commands):
        w, c = statistics.median(wall[i]), statistics.median(cpu[i])
        print(f"{' '.join(argv)[:90]:<90} wall {w * 1000:6.2f} ms ({w / base_wall:4.2f}x)   "
              f"cpu {c * 1000:6.2f} ms ({c / base_cpu:4.2f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
