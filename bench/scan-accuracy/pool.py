#!/usr/bin/env python3
"""Pool the questions the label files do not list, for blind judgement (as TREC pools unjudged documents).

Usage:
  pool.py BINARY CHECKOUTS_DIR > pairs.tsv        the pairs to judge, shuffled (fixed seed)
  pool.py --brief pairs.tsv BINARY > brief.md    the reviewers' brief for those pairs

A label file lists the questions its labeller judged; the rest count as `none`. Where the scan suggests an
answer on an unlisted question, that `none` was never looked at. Pool A is every such pair; pool B is as many
unlisted pairs the scan did NOT suggest, drawn at random from the same repositories (at least 3 each), so a
reviewer cannot tell the two apart and so a missed practice found there counts against recall. Two reviewers
judge every pair; the result goes to pooled/round-N.tsv, which run.py reads as labels (`--no-pooled` leaves
them out). Python 3 standard library only.
"""
import json
import os
import random
import subprocess
import sys

import run

SEED = 20261129


def make_pool(binary, root, seed=SEED):
    """(repository, question, pool) triples, shuffled; pooled pairs already judged are not pooled again."""
    rng = random.Random(seed)
    pairs = []
    for name, lab in run.load_label_files():
        directory = os.path.join(root, name)
        if not os.path.isdir(directory):
            continue
        scan = {q["question"]: q for q in run.run_scan(binary, directory, [])["questions"]}
        unlisted = sorted(q for q in scan if q not in lab["answers"])
        suggested = [q for q in unlisted if scan[q].get("suggested")]
        if not suggested:
            continue
        quiet = [q for q in unlisted if not scan[q].get("suggested")]
        pairs += [(name, q, "A") for q in suggested]
        pairs += [(name, q, "B") for q in rng.sample(quiet, min(len(quiet), max(3, len(suggested))))]
    rng.shuffle(pairs)
    return pairs


def brief(pairs, binary):
    shown = json.loads(subprocess.run([binary, "show", "mlops", "-f", "json"], capture_output=True, text=True,
                                      check=True).stdout)
    questions = {q["id"]: q for d in shown["dimensions"] for q in d["questions"]}
    with open(os.path.join(run.HERE, "README.md"), encoding="utf-8") as f:
        readme = f.read()
    standard = readme[readme.index("## Labelling standard"):readme.index("Every label names the file")].strip()
    kinds = {name: lab["meta"].get("kind", "") for name, lab in run.load_label_files()}
    out = ["# Judging practices in real repositories (blind)", "",
           "You are an experienced MLOps reviewer. For each (repository, question) pair below, decide from the",
           "repository's files what the team's practice is: `yes`, `partial` or `none`, by the labelling standard",
           "below and the question's help text. Read the checkouts under CHECKOUTS/<repository>/ (read-only). Do NOT",
           "run mlops-maturity, read its rules or labels, or look for other people's judgements.", "", standard, "",
           "Where the files do not show a practice, the answer is `none`.", "", "## The repositories", ""]
    out += [f"- `{r}`: {kinds.get(r, '')}" for r in sorted({p[0] for p in pairs})]
    out += ["", "## The pairs (judge each on its own)", ""]
    for n, (r, q, _) in enumerate(pairs, 1):
        out.append(f"{n}. **{r}** / `{q}`: {questions[q]['text']}\n   Help: {questions[q].get('help', '')}\n")
    out += ["## What to return", "", "One TSV line per pair, in order: `n<TAB>repository<TAB>question<TAB>expected"
            "<TAB>file<TAB>reason` (expected: yes, partial or none; file: the file and line that shows it, or for",
            "none the most tempting file that does not count)."]
    return "\n".join(out) + "\n"


def main(argv):
    if len(argv) == 3 and argv[0] == "--brief":
        with open(argv[1], encoding="utf-8") as f:
            pairs = [tuple(line.rstrip("\n").split("\t")) for line in f if line.strip()]
        sys.stdout.write(brief(pairs, argv[2]))
        return 0
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    for pair in make_pool(*argv):
        print("\t".join(pair))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
