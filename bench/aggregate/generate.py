#!/usr/bin/env python3
"""Writes N realistic team reports of the built-in `mlops` questionnaire for the aggregate benchmark.

    bench/aggregate/generate.py N OUT_DIR --bin path/to/mlops-maturity [--distinct K] [--seed S]

Each of K distinct teams gets a random profile and a maturity m in [0, 4.3]; a practice at level L is in place
with a probability that falls as L rises above m (some partial, a few unanswered or n/a), choice questions pick
an option near m. The real tool scores them (`assess -f json`), so the reports are real reports with real gaps.
N files are then written from those K reports, each under its own team name (about one in twenty has no team, so
aggregate falls back to the file name). Same arguments, same files.
"""
import argparse
import json
import math
import os
import random
import subprocess
import sys
import tempfile


def main():
    p = argparse.ArgumentParser()
    p.add_argument("n", type=int)
    p.add_argument("out_dir")
    p.add_argument("--bin", required=True)
    p.add_argument("--distinct", type=int, default=200)
    p.add_argument("--seed", type=int, default=5)
    args = p.parse_args()
    rng = random.Random(args.seed)
    q = json.loads(subprocess.run([args.bin, "show", "mlops", "-f", "json"], check=True,
                                  capture_output=True, text=True).stdout)
    os.makedirs(args.out_dir, exist_ok=True)
    distinct = min(args.distinct, args.n)
    bases = []
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(distinct):
            maturity = rng.uniform(0, 4.3)
            profile = {pq["id"]: rng.choice(pq["options"])["value"] for pq in q["profile"]}
            lines = ["questionnaire: mlops", "profile:"]
            lines += [f"  {key}: {value}" for key, value in profile.items()]
            lines.append("answers:")
            for d in q["dimensions"]:
                skill = maturity + rng.gauss(0, 0.6)  # dimensions differ within a team
                for question in d["questions"]:
                    r = rng.random()
                    if r < 0.03:
                        continue  # unanswered
                    if r < 0.05:
                        lines.append(f"  {question['id']}: n/a")
                        continue
                    if question.get("type") == "choice":
                        levels = [o["level"] for o in question["options"]]
                        want = round(skill + rng.gauss(0, 0.7))
                        lines.append(f"  {question['id']}: {min(levels, key=lambda lv: abs(lv - want))}")
                        continue
                    chance = 1 / (1 + math.exp(-2.2 * (skill - question["level"] + 0.5)))
                    x = rng.random()
                    answer = "yes" if x < chance else "partial" if x < chance + 0.12 else "no"
                    lines.append(f"  {question['id']}: {answer}")
            path = os.path.join(tmp, f"answers-{k}.yaml")
            with open(path, "w") as f:
                f.write("\n".join(lines) + "\n")
            report = subprocess.run([args.bin, "assess", "--no-input", "-a", path, "-f", "json", "--team",
                                     "@@TEAM@@"], capture_output=True, text=True)
            if report.returncode not in (0, 1):
                sys.exit(f"assess failed: {report.stderr}")
            bases.append(report.stdout)
    width = len(str(args.n))
    for i in range(args.n):
        text = bases[i % distinct]
        if i % 20 == 19:
            text = text.replace('  "team": "@@TEAM@@",\n', "", 1)
        else:
            text = text.replace("@@TEAM@@", f"Team {i + 1:0{width}d}", 1)
        with open(os.path.join(args.out_dir, f"team-{i + 1:0{width}d}.json"), "w") as f:
            f.write(text)
    print(f"wrote {args.n} reports ({distinct} distinct assessments) to {args.out_dir}")


if __name__ == "__main__":
    main()
