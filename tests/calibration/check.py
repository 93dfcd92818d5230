#!/usr/bin/env python3
"""The calibration suite: real kinds of teams, answered honestly, must land on the level the public models give them.

For each built-in questionnaire ID with a folder tests/calibration/ID/, every row of its expected.tsv names an
answers file and what the tool must give for it: the overall level exactly, the target level exactly, and each listed
dimension's level within its range. For a questionnaire scored by points (ml-test-score), a row names the final score
exactly, its band, and listed sections' scores exactly (FILE<TAB>FINAL<TAB>BAND<TAB>SECTION=SCORE ...). Every answers file must answer every question that applies (a description that
says nothing of a practice is answered "no", see README.md), so a new question cannot slip through unanswered.

Usage: check.py MLOPS_MATURITY_BINARY [--table]   (exit 0 when every team lands; 1 otherwise)
"""
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def parse_range(text):
    lo, _, hi = text.partition("-")
    return int(lo), int(hi or lo)


def read_points_expected(path):
    """Rows of a points questionnaire's expected.tsv: FILE, FINAL, BAND, SECTION=SCORE ..."""
    rows = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) < 3:
                sys.exit(f"{path}:{number}: expected FILE<TAB>FINAL<TAB>BAND[<TAB>SECTION=SCORE ...]")
            sections = {k: float(v) for k, _, v in (item.partition("=") for item in
                                                    (cols[3].split() if len(cols) > 3 else []))}
            rows.append((cols[0], float(cols[1]), cols[2], sections, number))
    return rows


def points_problems(report, final, band, sections):
    """What a points report gets wrong against its row: the final score, the band, the listed sections."""
    points = report.get("points")
    if points is None:
        return ["no points in the report (is the questionnaire scored by points?)"]
    problems = []
    if points["final"] != final:
        problems.append(f"final score {points['final']}, expected {final}")
    if points["band"] != band:
        problems.append(f"band {points['band']}, expected {band}")
    given = {s["id"]: s["score"] for s in points["sections"]}
    for sid, score in sections.items():
        if given.get(sid) != score:
            problems.append(f"section {sid} {given.get(sid)}, expected {score}")
    return problems


def read_expected(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) < 3:
                sys.exit(f"{path}:{number}: expected FILE<TAB>OVERALL<TAB>TARGET[<TAB>DIM=N[-M] ...]")
            dims = {}
            for item in (cols[3].split() if len(cols) > 3 else []):
                dim, _, rng = item.partition("=")
                dims[dim] = parse_range(rng)
            target = None if cols[2] == "-" else int(cols[2])
            rows.append((cols[0], int(cols[1]), target, dims, number))
    return rows


def check_points_folder(binary, qid, expected, failures, table):
    for file, final, band, sections, line in read_points_expected(expected):
        run = subprocess.run([binary, "assess", "-q", qid, "--answers", os.path.join(HERE, qid, file), "-f", "json"],
                             capture_output=True, text=True)
        where = f"{qid}/{file}"
        if run.returncode != 0:
            failures.append(f"{where}: exit {run.returncode}: {run.stderr.strip()}")
            table.append((qid, file, f"{final:g}", "error", "", "", "FAIL"))
            continue
        report = json.loads(run.stdout)
        problems = points_problems(report, final, band, sections)
        if report["unanswered"]:
            problems.append("unanswered: " + ", ".join(report["unanswered"]))
        for p in problems:
            failures.append(f"{where} (expected.tsv line {line}): {p}")
        points = report.get("points", {})
        shown = ", ".join(f"{s['id']} {s['score']:g}" for s in points.get("sections", []))
        table.append((qid, file.rsplit(".", 1)[0], f"{final:g} {band}", f"{points.get('final', '?')} {points.get('band', '?')}",
                      "-", shown, "FAIL" if problems else "ok"))


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    binary = sys.argv[1]
    failures = []
    table = [("questionnaire", "team", "expected", "given", "target exp/given", "dimensions", "result")]
    for qid in sorted(os.listdir(HERE)):
        expected = os.path.join(HERE, qid, "expected.tsv")
        if not os.path.isfile(expected):
            continue
        if os.path.isfile(os.path.join(HERE, qid, "POINTS")):
            check_points_folder(binary, qid, expected, failures, table)
            continue
        for file, overall, target, dims, line in read_expected(expected):
            answers = os.path.join(HERE, qid, file)
            run = subprocess.run([binary, "assess", "-q", qid, "--answers", answers, "-f", "json"],
                                 capture_output=True, text=True)
            where = f"{qid}/{file}"
            if run.returncode != 0:
                failures.append(f"{where}: exit {run.returncode}: {run.stderr.strip()}")
                table.append((qid, file, str(overall), "error", "", "", "FAIL"))
                continue
            report = json.loads(run.stdout)
            problems = []
            given = report["overall"]["level"]
            if given != overall:
                problems.append(f"overall level {given}, expected {overall} (held by {report['overall'].get('held_by')})")
            given_target = report.get("target", {}).get("level")
            if given_target != target:
                problems.append(f"target {given_target}, expected {target}")
            levels = {d["id"]: d["level"] for d in report["dimensions"]}
            shown = []
            for dim, (lo, hi) in dims.items():
                if dim not in levels:
                    problems.append(f"no dimension '{dim}'")
                    continue
                shown.append(f"{dim} {levels[dim]}")
                if not lo <= levels[dim] <= hi:
                    missing = next(d["missing_for_next"] for d in report["dimensions"] if d["id"] == dim)
                    problems.append(f"{dim} level {levels[dim]}, expected {lo}-{hi} (missing: {', '.join(missing)})")
            if report["unanswered"]:
                problems.append("unanswered: " + ", ".join(report["unanswered"]))
            for p in problems:
                failures.append(f"{where} (expected.tsv line {line}): {p}")
            table.append((qid, file.rsplit(".", 1)[0], str(overall), str(given),
                          f"{target if target is not None else '-'}/{given_target if given_target is not None else '-'}",
                          ", ".join(shown), "FAIL" if problems else "ok"))
    if "--table" in sys.argv:
        print("| " + " | ".join(table[0]) + " |")
        print("|" + "---|" * len(table[0]))
        for row in table[1:]:
            print("| " + " | ".join(row) + " |")
    for f in failures:
        print("calibration: " + f, file=sys.stderr)
    teams = len(table) - 1
    print(f"calibration: {teams - len({r[0] + r[1] for r in table[1:] if r[-1] == 'FAIL'})} of {teams} teams land")
    return 1 if failures or teams == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
