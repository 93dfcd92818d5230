#!/usr/bin/env python3
"""Levels from evidence against levels judged blind from the same files (levels/judged.tsv).

Usage:
  levels.py BINARY CHECKOUTS_DIR [--verbose]
  levels.py --self-test

For every repository of levels/judged.tsv it runs `BINARY assess --scan CHECKOUTS_DIR/<owner>+<name> -f json`
(the built-in `mlops`, evidence alone) and compares:
- the overall level from evidence with the reviewer's `level_from_files` (the lowest level over the dimensions the
  files show): equal, one off, or further; "above" is the worse mistake (evidence claiming more than the files show);
- per dimension, where both give a level (the tool shows the dimension and the reviewer did not say unknown): equal,
  tool above, tool below.
It fetches nothing: a missing checkout is reported and skipped. Python 3 standard library only.
"""
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
JUDGED = os.path.join(HERE, "levels", "judged.tsv")
DIMENSIONS = ("data", "experiments", "pipelines", "testing", "deployment", "serving", "monitoring", "governance",
              "platform")


def parse_judged(text):
    """Rows of the judged levels: {repo: {"dims": {dim: int or None}, "files": int, "practitioner": int}}.

    >>> t = "# note\\nrepo\\t" + "\\t".join(DIMENSIONS) + "\\tlevel_from_files\\tpractitioner_level\\twhy\\n"
    >>> t += "a+b\\t1\\tunknown\\t" + "\\t".join(["2"] * 7) + "\\t1\\t2\\tbecause\\n"
    >>> r = parse_judged(t)["a+b"]
    >>> r["dims"]["data"], r["dims"]["experiments"], r["files"], r["practitioner"]
    (1, None, 1, 2)
    """
    rows, header = {}, None
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            continue
        row = dict(zip(header, cells))
        level = lambda v: None if v == "unknown" else int(v)  # noqa: E731
        rows[row["repo"]] = {"dims": {d: level(row[d]) for d in DIMENSIONS},
                             "files": level(row["level_from_files"]),
                             "practitioner": level(row["practitioner_level"])}
    return rows


def compare(tool_level, tool_dims, judged):
    """Overall verdict and per-dimension counts.

    >>> j = {"dims": {"data": 1, "testing": None}, "files": 1, "practitioner": 2}
    >>> compare(2, {"data": 1, "testing": 0}, j)
    ('above by 1', {'equal': 1, 'above': 0, 'below': 0})
    >>> compare(1, {"data": None, "testing": 0}, j)
    ('equal', {'equal': 0, 'above': 0, 'below': 0})
    """
    diff = tool_level - judged["files"]
    verdict = "equal" if diff == 0 else f"{'above' if diff > 0 else 'below'} by {abs(diff)}"
    dims = {"equal": 0, "above": 0, "below": 0}
    for d, j in judged["dims"].items():
        t = tool_dims.get(d)
        if j is None or t is None:
            continue
        dims["equal" if t == j else "above" if t > j else "below"] += 1
    return verdict, dims


class NoLevel(Exception):
    """The tool refuses a level by design: a repository that looks like several projects or a course gives no
    level from evidence (exit 2, "... looks like <what>: ..."). The message is <what>."""


def assess(binary, path):
    """(level, {dimension: level or None}); raises NoLevel when the tool refuses one."""
    out = subprocess.run([binary, "assess", "--scan", path, "-f", "json"], capture_output=True, text=True)
    if out.returncode == 2 and " looks like " in out.stderr:
        raise NoLevel(out.stderr.split(" looks like ", 1)[1].split(":", 1)[0])
    if out.returncode not in (0, 1):
        raise RuntimeError(f"{path}: exit {out.returncode}: {out.stderr.strip()}")
    report = json.loads(out.stdout)
    dims = {d["id"]: (d["level"] if d.get("shown", True) and d.get("assessed", True) else None)
            for d in report["dimensions"]}
    return report["overall"]["level"], dims


def main(argv):
    if argv[1:] == ["--self-test"]:
        import doctest
        failures = doctest.testmod().failed
        judged = parse_judged(open(JUDGED, encoding="utf-8").read())  # the data file parses, every level in range
        bad = [r for r, j in judged.items() if not all(v is None or 0 <= v <= 4 for v in
                                                      [*j["dims"].values(), j["files"], j["practitioner"]])]
        if len(judged) < 12 or bad:
            print(f"self-test: {JUDGED}: {len(judged)} rows, levels out of range in {bad}")
            failures += 1
        print("self-test:", "failed" if failures else "ok")
        return 1 if failures else 0
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    binary, checkouts, verbose = argv[1], argv[2], "--verbose" in argv[3:]
    judged = parse_judged(open(JUDGED, encoding="utf-8").read())
    totals = {"equal": 0, "one off": 0, "further": 0, "above": 0, "no level": 0}
    dim_totals = {"equal": 0, "above": 0, "below": 0}
    print(f"{'repository':<58} {'evidence':>8} {'judged':>6} {'bet':>4}  verdict")
    for repo, j in judged.items():
        path = os.path.join(checkouts, repo)
        if not os.path.isdir(path):
            print(f"{repo:<58} missing checkout, skipped")
            continue
        try:
            level, dims = assess(binary, path)
        except NoLevel as refused:  # counted as a miss: the judges gave the team a level
            totals["no level"] += 1
            print(f"{repo[:58]:<58} {'-':>8} {j['files']:>6} {j['practitioner']:>4}  no level: looks like {refused}")
            continue
        verdict, per_dim = compare(level, dims, j)
        diff = abs(level - j["files"])
        totals["equal" if diff == 0 else "one off" if diff == 1 else "further"] += 1
        totals["above"] += level > j["files"]
        for k, v in per_dim.items():
            dim_totals[k] += v
        print(f"{repo[:58]:<58} {level:>8} {j['files']:>6} {j['practitioner']:>4}  {verdict}")
        if verbose:
            for d in DIMENSIONS:
                t = "-" if dims.get(d) is None else dims[d]
                jj = "?" if j["dims"][d] is None else j["dims"][d]
                print(f"    {d:<12} evidence {t}  judged {jj}")
    n = totals["equal"] + totals["one off"] + totals["further"] + totals["no level"]
    print(f"\noverall level: {totals['equal']}/{n} equal to the judged level from the files, "
          f"{totals['one off']} one off, {totals['further']} further, {totals['no level']} given no level; "
          f"{totals['above']} above it")
    m = sum(dim_totals.values())
    print(f"dimensions both give a level for: {m}; equal {dim_totals['equal']}, evidence above "
          f"{dim_totals['above']}, evidence below {dim_totals['below']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
