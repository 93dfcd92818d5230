#!/usr/bin/env python3
"""How far two people's labels of the same repository agree, measured the way the scan is measured.

Usage:
  agreement.py BINARY CHECKOUTS_DIR [--json]
  agreement.py --self-test

Every file second/<owner>+<name>.tsv is a second, blind labelling of a repository that labels/ already holds,
by a reviewer who saw neither the first labels, the scan nor the rules. Reading the second labeller as if it were
the scan (its yes and partial rows are its "suggestions") gives the precision and recall that a careful person
reaches against the first labels, with run.py's credit rule and over the same questions (those with evidence
rules, as recall counts). That is the ceiling against which the scan's own numbers on those repositories mean
something: a scan cannot agree with one labeller more often than a second labeller does, except by chance.

It also scores the scan against the questions both labellers agree on, and against each labeller alone.
Python 3 standard library only; fetches nothing.
"""
import json
import os
import sys

import run

SECOND = os.path.join(run.HERE, "second")


def as_scan(labels, scan):
    """A labelling dressed as a scan's JSON: its positives are the suggestions, on the scan's questions.

    >>> scan = {"questions": [{"question": "a", "rules": 1}, {"question": "b", "rules": 2},
    ...                       {"question": "c", "rules": 1}]}
    >>> lab = {"answers": {"a": {"expected": "yes"}, "b": {"expected": "none"}, "z": {"expected": "yes"}}}
    >>> [(q["question"], q["suggested"]) for q in as_scan(lab, scan)["questions"]]
    [('a', 'yes'), ('b', None), ('c', None)]
    """
    out = []
    for q in scan["questions"]:
        expected = labels["answers"].get(q["question"], {"expected": "none"})["expected"]
        out.append({"question": q["question"], "rules": q.get("rules", 0),
                    "suggested": None if expected == "none" else expected, "evidence": []})
    return {"questions": out}


def consensus(first, second):
    """The questions both labellers answer alike (a question neither lists is none to both).

    >>> f = {"answers": {"a": {"expected": "yes"}, "b": {"expected": "partial"}, "c": {"expected": "none"}}}
    >>> s = {"answers": {"a": {"expected": "yes"}, "b": {"expected": "yes"}, "d": {"expected": "partial"}}}
    >>> sorted((q, v["expected"]) for q, v in consensus(f, s)["answers"].items())
    [('a', 'yes'), ('c', 'none')]
    >>> sorted(consensus(f, s)["disputed"])
    ['b', 'd']
    """
    answers, disputed = {}, set()
    for q in set(first["answers"]) | set(second["answers"]):
        a = first["answers"].get(q, {"expected": "none"})
        b = second["answers"].get(q, {"expected": "none"})
        if a["expected"] == b["expected"]:
            answers[q] = a
        else:
            disputed.add(q)
    return {"answers": answers, "disputed": disputed}


def without(scan, questions):
    """The scan's JSON without some questions (those the labellers dispute are nobody's ground truth)."""
    return {"questions": [q for q in scan["questions"] if q["question"] not in questions]}


def measure(binary, checkouts):
    rows = []
    firsts = dict(run.load_label_files())
    for fn in sorted(os.listdir(SECOND)):
        if not fn.endswith(".tsv"):
            continue
        name = fn[:-4]
        with open(os.path.join(SECOND, fn), encoding="utf-8") as f:
            second = run.parse_labels(f.read(), os.path.relpath(os.path.join(SECOND, fn)))
        if name not in firsts:
            raise run.LabelError(f"second/{fn}: no labels/{name}.tsv to compare with")
        first = firsts[name]
        scan = run.run_scan(binary, os.path.join(checkouts, name), [])
        both = consensus(first, second)
        rows.append({
            "name": name,
            "second_vs_first": run.score(as_scan(second, scan), first),
            "first_vs_second": run.score(as_scan(first, scan), second),
            "scan_vs_first": run.score(scan, first),
            "scan_vs_second": run.score(scan, second),
            "scan_vs_consensus": run.score(without(scan, both["disputed"]), both),
            "disputed_ruled": len([q for q in scan["questions"] if q["question"] in both["disputed"]]),
        })
    return rows


def main(argv):
    if argv[1:2] == ["--self-test"]:  # doctests, and every second labelling parses and has a first one
        import doctest
        failed, _ = doctest.testmod()
        firsts = {name for name, _ in run.load_label_files()}
        for fn in sorted(os.listdir(SECOND)) if os.path.isdir(SECOND) else []:
            if fn.endswith(".tsv"):
                with open(os.path.join(SECOND, fn), encoding="utf-8") as f:
                    run.parse_labels(f.read(), f"second/{fn}")
                if fn[:-4] not in firsts:
                    print(f"second/{fn}: no labels/{fn} to compare with", file=sys.stderr)
                    failed += 1
        return 1 if failed else 0
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    rows = measure(argv[1], argv[2])
    keys = ("second_vs_first", "first_vs_second", "scan_vs_first", "scan_vs_second", "scan_vs_consensus")
    totals = {k: run.totals([r[k] for r in rows]) for k in keys}
    if "--json" in argv:
        print(json.dumps({"repositories": rows, "totals": totals}, indent=1, default=list))
        return 0
    title = {"second_vs_first": "second labeller against the first",
             "first_vs_second": "first labeller against the second",
             "scan_vs_first": "scan against the first labels",
             "scan_vs_second": "scan against the second labels",
             "scan_vs_consensus": "scan against the questions both agree on"}
    print("| measured | sugg | credit | precision | pos | found | recall |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for k in keys:
        t = totals[k]
        print(f"| {title[k]} | {t['suggestions']} | {run.num(t['correct'])} | {run.pct(t['precision'])} | "
              f"{t['positives']} | {run.num(t['found'])} | {run.pct(t['recall'])} |")
    print()
    print("| repository | second vs first: precision / recall | scan vs first | scan vs consensus "
          "| disputed questions with rules |")
    print("|---|---|---|---|---:|")
    for r in rows:
        cell = lambda s: f"{run.pct(s['precision'])} / {run.pct(s['recall'])}"  # noqa: E731
        print(f"| {r['name']} | {cell(r['second_vs_first'])} | {cell(r['scan_vs_first'])} | "
              f"{cell(r['scan_vs_consensus'])} | {r['disputed_ruled']} |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
