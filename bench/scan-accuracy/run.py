#!/usr/bin/env python3
"""Accuracy of `mlops-maturity scan` on real repositories, against hand-judged labels.

Usage:
  run.py BINARY CHECKOUTS_DIR [--verbose] [--json] [--strict] [--only NAME ...] [--scan-arg ARG ...]
  run.py BINARY PATH [PATH ...]           (checkout paths named <owner>+<name>, like the label files)
  run.py --self-test [BINARY]             (doctests; with BINARY also checks every label against the questionnaire)

Labels are the label files plus pooled/round-*.tsv: unlisted questions judged later, blind, by two reviewers
(pool.py); --no-pooled scores against the label files alone.

For every label file labels/<owner>+<name>.tsv it scans CHECKOUTS_DIR/<owner>+<name> with
`BINARY scan DIR -f json` and compares the suggested answers with the labels. It fetches nothing: a missing
checkout is reported and skipped. Python 3 standard library only.

Scoring (README.md, "Scoring"):
- a suggestion is a question the scan suggests yes or partial for; a question not listed in a label file is
  labelled none;
- a suggestion whose label is the same answer is correct (1); yes against partial either way is half right
  (0.5; 0 with --strict); a suggestion on a question labelled none is a false positive (0);
- precision = credit of the suggestions / number of suggestions;
- recall = credit of the labelled positives (yes or partial) on questions that have evidence rules / their number;
  positives on questions without rules are counted apart ("unruled"): no scan can find them until rules exist.
"""
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
LABELS = os.path.join(HERE, "labels")
POOLED = os.path.join(HERE, "pooled")
ANSWERS = ("yes", "partial", "none")
COLUMNS = ("question", "expected", "file", "reason")


class LabelError(Exception):
    pass


def tsv_rows(text, name, columns, comment=None):
    """The rows of a TAB-separated file with a header row: (line number, {column: cell}) after the header.

    Blank lines are skipped; `#` lines go to `comment(line, header_seen)` when given. The header must be exactly
    `columns`, and every row must have as many cells.

    >>> list(tsv_rows("# c\\na\\tb\\n1\\t2\\n", "x.tsv", ("a", "b")))
    [(3, {'a': '1', 'b': '2'})]
    >>> list(tsv_rows("a\\tb\\n1\\n", "x.tsv", ("a", "b")))
    Traceback (most recent call last):
    ...
    LabelError: x.tsv:2: 1 tab-separated fields, expected 2
    """
    header_seen = False
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        if line.startswith("#"):
            if comment:
                comment(line, header_seen)
            continue
        fields = line.split("\t")
        if not header_seen:
            if tuple(fields) != columns:
                raise LabelError(f"{name}:{lineno}: the first row must be the header {' '.join(columns)}")
            header_seen = True
            continue
        if len(fields) != len(columns):
            raise LabelError(f"{name}:{lineno}: {len(fields)} tab-separated fields, expected {len(columns)}")
        yield lineno, dict(zip(columns, fields))
    if not header_seen:
        raise LabelError(f"{name}: no header row ({' '.join(columns)})")


def parse_labels(text, name="<labels>"):
    """Parse a label file: `# key: value` header lines, then a TSV with the columns of COLUMNS.

    >>> lab = parse_labels("# repo: https://x/y\\n# kind: docs\\nquestion\\texpected\\tfile\\treason\\n"
    ...                    "ci-on-every-change\\tyes\\t.github/workflows/ci.yml:3\\truns on push\\n")
    >>> lab["meta"]["kind"], lab["answers"]["ci-on-every-change"]["expected"]
    ('docs', 'yes')
    >>> parse_labels("question\\texpected\\tfile\\treason\\nq\\tmaybe\\tf\\tr\\n", "x.tsv")
    Traceback (most recent call last):
    ...
    LabelError: x.tsv:2: expected must be yes, partial or none, not 'maybe'
    >>> parse_labels("question\\texpected\\tfile\\treason\\nq\\tyes\\tf\\tr\\nq\\tnone\\tf\\tr\\n", "x.tsv")
    Traceback (most recent call last):
    ...
    LabelError: x.tsv:3: question 'q' is labelled twice
    """
    meta, answers = {}, {}

    def header_line(line, header_seen):  # `# key: value` before the header row
        key, sep, value = line[1:].partition(":")
        if sep and not header_seen and key.strip() and " " not in key.strip():
            meta[key.strip()] = value.strip()

    for lineno, row in tsv_rows(text, name, COLUMNS, header_line):
        question, expected, path, reason = (row[c] for c in COLUMNS)
        if expected not in ANSWERS:
            raise LabelError(f"{name}:{lineno}: expected must be yes, partial or none, not {expected!r}")
        if question in answers:
            raise LabelError(f"{name}:{lineno}: question {question!r} is labelled twice")
        answers[question] = {"expected": expected, "file": path, "reason": reason, "line": lineno}
    return {"meta": meta, "answers": answers}


def credit(suggested, expected, strict=False):
    """Credit of one question: the scan's suggestion (None for no suggestion) against the label.

    >>> credit("yes", "yes"), credit("partial", "partial")
    (1.0, 1.0)
    >>> credit("partial", "yes"), credit("yes", "partial"), credit("yes", "partial", strict=True)
    (0.5, 0.5, 0.0)
    >>> credit("yes", "none"), credit(None, "yes"), credit(None, "none")
    (0.0, 0.0, 0.0)
    """
    if suggested is None or expected == "none":
        return 0.0
    if suggested == expected:
        return 1.0
    return 0.0 if strict else 0.5


def score(scan, labels, strict=False):
    """Compare one scan's JSON (the `questions` list matters) with one repository's labels.

    >>> scan = {"questions": [
    ...   {"question": "a", "rules": 2, "suggested": "yes", "evidence": [{"path": "x.py", "line": 3, "excerpt": "import a"}]},
    ...   {"question": "b", "rules": 1, "suggested": "partial", "evidence": [{"path": "y"}]},
    ...   {"question": "c", "rules": 1, "suggested": "yes", "evidence": [{"path": "z"}]},
    ...   {"question": "d", "rules": 1, "suggested": None, "evidence": []},
    ...   {"question": "e", "rules": 0, "suggested": None, "evidence": []}]}
    >>> labels = {"answers": {"a": {"expected": "yes", "file": "x.py"}, "b": {"expected": "yes", "file": "y"},
    ...   "d": {"expected": "partial", "file": "w"}, "e": {"expected": "yes", "file": "v"},
    ...   "f": {"expected": "none", "file": "-"}, "g": {"expected": "yes", "file": "u"}}}
    >>> r = score(scan, labels)
    >>> r["suggestions"], r["correct"], r["positives"], r["found"], r["unruled"]
    (3, 1.5, 3, 1.5, 2)
    >>> round(r["precision"], 3), r["recall"]
    (0.5, 0.5)
    >>> [(f["question"], f["kind"]) for f in r["wrong"]]
    [('b', 'half'), ('c', 'false-positive'), ('d', 'false-negative')]
    >>> [u["question"] for u in r["unruled_questions"]]
    ['e', 'g']
    >>> score(scan, labels, strict=True)["correct"]
    1.0
    """
    answers = labels["answers"]
    questions = {q["question"]: q for q in scan["questions"]}
    suggestions = correct = positives = found = 0
    wrong, unruled = [], []
    for qid, q in questions.items():
        suggested = q.get("suggested")
        label = answers.get(qid, {"expected": "none", "file": "", "reason": "not listed"})
        expected = label["expected"]
        c = credit(suggested, expected, strict)
        if suggested is not None:
            suggestions += 1
            correct += c
        if expected != "none":
            if q.get("rules", 0) > 0:
                positives += 1
                found += c
            else:
                unruled.append({"question": qid, "expected": expected, "file": label.get("file", "")})
        if c == 1.0 or (suggested is None and expected == "none"):
            continue
        if suggested is not None and expected == "none":
            kind = "false-positive"
        elif suggested is None:
            if q.get("rules", 0) == 0:
                continue
            kind = "false-negative"
        else:
            kind = "half" if c else "wrong-strength"
        wrong.append({"question": qid, "kind": kind, "suggested": suggested, "expected": expected,
                      "evidence": q.get("evidence", [])[:3], "evidence_count": q.get("evidence_count"),
                      "label_file": label.get("file", ""), "label_reason": label.get("reason", "")})
    for qid, label in answers.items():  # questions without rules do not appear in the scan's JSON at all
        if qid not in questions and label["expected"] != "none":
            unruled.append({"question": qid, "expected": label["expected"], "file": label.get("file", "")})
    return {"suggestions": suggestions, "correct": correct, "precision": ratio(correct, suggestions),
            "positives": positives, "found": found, "recall": ratio(found, positives),
            "unruled": len(unruled), "unruled_questions": unruled, "wrong": wrong}


def ratio(a, b):
    return a / b if b else None


def pct(x):
    return "-" if x is None else f"{100 * x:.0f}%"


def num(x):
    return f"{x:g}"


def cite(ev):
    if not ev:
        return "(no evidence listed)"
    e = ev[0]
    where = e["path"] + (f":{e['line']}" if e.get("line") else "")
    return where + (f": {e['excerpt'].strip()[:80]}" if e.get("excerpt") else "")


ORDER = {"none": 0, "partial": 1, "yes": 2}
POOLED_COLUMNS = ("repository", "question", "pool", "reviewer_a", "reviewer_b", "expected", "file", "reason")


def parse_pooled(text, name="<pooled>"):
    """Parse a pooled round (pool.py): two blind judgements per unlisted pair and the answer kept.

    >>> rows = parse_pooled("# c\\n" + "\\t".join(POOLED_COLUMNS) + "\\nr\\tq\\tA\\tyes\\tpartial\\tpartial\\tf\\twhy\\n")
    >>> rows[0]["repository"], rows[0]["question"], rows[0]["expected"], rows[0]["line"]
    ('r', 'q', 'partial', 3)
    >>> parse_pooled("\\t".join(POOLED_COLUMNS) + "\\nr\\tq\\tA\\tyes\\tpartial\\tyes\\tf\\twhy\\n", "p.tsv")
    Traceback (most recent call last):
    ...
    LabelError: p.tsv:2: expected must be the reviewers' answer when they agree, else the lower one ('partial'), not 'yes'
    >>> parse_pooled("\\t".join(POOLED_COLUMNS) + "\\nr\\tq\\tC\\tyes\\tyes\\tyes\\tf\\twhy\\n", "p.tsv")
    Traceback (most recent call last):
    ...
    LabelError: p.tsv:2: pool must be A (suggested) or B (drawn at random), not 'C'
    """
    rows = []
    for lineno, row in tsv_rows(text, name, POOLED_COLUMNS):
        row["line"] = lineno
        for key in ("reviewer_a", "reviewer_b", "expected"):
            if row[key] not in ANSWERS:
                raise LabelError(f"{name}:{lineno}: {key} must be yes, partial or none, not {row[key]!r}")
        if row["pool"] not in ("A", "B"):
            raise LabelError(f"{name}:{lineno}: pool must be A (suggested) or B (drawn at random), not {row['pool']!r}")
        kept = min(row["reviewer_a"], row["reviewer_b"], key=ORDER.get)
        if row["expected"] != kept:
            raise LabelError(f"{name}:{lineno}: expected must be the reviewers' answer when they agree, else the "
                             f"lower one ({kept!r}), not {row['expected']!r}")
        rows.append(row)
    return rows


def load_pooled():
    """Every pooled round's rows, by repository: {name: [row, ...]}."""
    out, seen = {}, {}
    if not os.path.isdir(POOLED):
        return out
    for fn in sorted(os.listdir(POOLED)):
        if fn.endswith(".tsv"):
            path = os.path.join(POOLED, fn)
            with open(path, encoding="utf-8") as f:
                for row in parse_pooled(f.read(), os.path.relpath(path)):
                    row["source"] = os.path.relpath(path, HERE)
                    key = (row["repository"], row["question"])
                    if key in seen:
                        raise LabelError(f"{row['source']}:{row['line']}: {key[1]} of {key[0]} is pooled twice "
                                         f"(first at {seen[key]})")
                    seen[key] = f"{row['source']}:{row['line']}"
                    out.setdefault(row["repository"], []).append(row)
    return out


def load_label_files(only=None, pooled=True):
    """The label files, with the pooled judgements added as labels of the questions the files do not list."""
    rounds = load_pooled() if pooled else {}
    out = []
    for fn in sorted(os.listdir(LABELS)):
        if not fn.endswith(".tsv"):
            continue
        name = fn[:-4]
        if only and name not in only:
            continue
        path = os.path.join(LABELS, fn)
        with open(path, encoding="utf-8") as f:
            lab = parse_labels(f.read(), os.path.relpath(path))
        for row in rounds.pop(name, []):
            if row["question"] in lab["answers"]:
                raise LabelError(f"{row['source']}:{row['line']}: {row['question']} is already labelled in "
                                 f"labels/{name}.tsv; only unlisted questions are pooled")
            lab["answers"][row["question"]] = {"expected": row["expected"], "file": row["file"],
                                               "reason": f"[pooled] {row['reason']}", "line": row["line"],
                                               "where": row["source"]}
        out.append((name, lab))
    if not only:
        for name, rows in rounds.items():
            raise LabelError(f"{rows[0]['source']}:{rows[0]['line']}: no label file for {name}")
    return out


def set_name(meta):
    """The label set a repository belongs to: the `# set:` line up to its explanation.

    Files without the line are the development set, labelled before any held-out set existed.
    >>> set_name({"set": "held-out 4 (labelled blind by a reviewer)"}), set_name({})
    ('held-out 4', 'development')
    """
    return meta.get("set", "").split(" (")[0].strip() or "development"


def totals(results):
    t = {k: sum(r[k] for r in results) for k in ("suggestions", "correct", "positives", "found", "unruled")}
    t["precision"] = ratio(t["correct"], t["suggestions"])
    t["recall"] = ratio(t["found"], t["positives"])
    t["false_positives"] = sum(1 for r in results for w in r["wrong"] if w["kind"] == "false-positive")
    t["false_negatives"] = sum(1 for r in results for w in r["wrong"] if w["kind"] == "false-negative")
    t["repositories"] = len(results)
    return t


def run_scan(binary, directory, extra):
    proc = subprocess.run([binary, "scan", directory, "-f", "json", *extra], capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"scan of {directory} exited {proc.returncode}: {proc.stderr.strip()[:500]}")
    return json.loads(proc.stdout)


def all_questions(binary, questionnaire="mlops"):
    """Every question id of the questionnaire (scan's JSON lists only the questions with rules)."""
    proc = subprocess.run([binary, "show", questionnaire, "-f", "json"], capture_output=True, text=True, check=True)
    return {q["id"] for d in json.loads(proc.stdout)["dimensions"] for q in d["questions"]}


def main(argv):
    import argparse
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("binary", nargs="?", help="the mlops-maturity binary")
    p.add_argument("paths", nargs="*", help="a directory holding <owner>+<name> checkouts, or checkout paths")
    p.add_argument("--verbose", "-v", action="store_true", help="list every wrong suggestion and every miss")
    p.add_argument("--json", action="store_true", help="print the results as JSON")
    p.add_argument("--strict", action="store_true", help="yes against partial counts as wrong, not half")
    p.add_argument("--only", action="append", help="only this repository (<owner>+<name>); repeatable")
    p.add_argument("--scan-arg", action="append", default=[], help="extra argument for scan; repeatable")
    p.add_argument("--self-test", action="store_true", help="run the doctests and check the label files")
    p.add_argument("--no-pooled", action="store_true", help="the label files alone, without pooled/ judgements")
    a = p.parse_args(argv)

    if a.self_test:
        import doctest
        failed, _ = doctest.testmod(verbose=False)
        labels = load_label_files()
        problems = failed
        if a.binary:
            known = all_questions(a.binary)
            for name, lab in labels:
                for qid, ans in lab["answers"].items():
                    if qid not in known:
                        where = ans.get("where", f"labels/{name}.tsv")
                        print(f"{where}:{ans['line']}: unknown question {qid!r}", file=sys.stderr)
                        problems += 1
        print(f"self-test: {failed} doctest failures, {len(labels)} label files, {problems} problems")
        return 1 if problems else 0

    if not a.binary or not a.paths:
        p.error("give the binary and a directory of checkouts (or checkout paths)")
    if len(a.paths) == 1 and not os.path.basename(os.path.normpath(a.paths[0])).count("+"):
        base = a.paths[0]
        where = lambda name: os.path.join(base, name)  # noqa: E731
    else:
        given = {os.path.basename(os.path.normpath(x)): x for x in a.paths}
        where = lambda name: given.get(name, "")  # noqa: E731
        if not a.only:
            a.only = list(given)

    results, missing = [], []
    for name, lab in load_label_files(a.only, pooled=not a.no_pooled):
        directory = where(name)
        if not directory or not os.path.isdir(directory):
            missing.append(name)
            continue
        r = score(run_scan(a.binary, directory, a.scan_arg), lab, a.strict)
        r.update(name=name, path=directory, repo=lab["meta"].get("repo"), commit=lab["meta"].get("commit"),
                 kind=lab["meta"].get("kind", "").split(" ")[0], set=set_name(lab["meta"]))
        results.append(r)

    tot = totals(results)
    fp, fn = tot["false_positives"], tot["false_negatives"]
    set_names = sorted({r["set"] for r in results}, key=lambda n: (n != "development", n))
    by_set = {n: totals([r for r in results if r["set"] == n]) for n in set_names}

    if a.json:
        json.dump({"schema_version": 1, "binary": a.binary, "partial_mismatch_credit": 0 if a.strict else 0.5,
                   "scan_args": a.scan_arg, "repositories": results, "totals": tot, "sets": by_set, "missing": missing},
                  sys.stdout, indent=2)
        print()
        return 0

    head = ("repository", "kind", "sugg", "correct", "precision", "pos", "found", "recall", "FP", "FN", "unruled")
    rows = [(r["name"], r["kind"], r["suggestions"], num(r["correct"]), pct(r["precision"]), r["positives"],
             num(r["found"]), pct(r["recall"]),
             sum(1 for w in r["wrong"] if w["kind"] == "false-positive"),
             sum(1 for w in r["wrong"] if w["kind"] == "false-negative"), r["unruled"]) for r in results]
    rows.append(("TOTAL", f"{len(results)} repos", tot["suggestions"], num(tot["correct"]), pct(tot["precision"]),
                 tot["positives"], num(tot["found"]), pct(tot["recall"]), fp, fn, tot["unruled"]))
    print("| " + " | ".join(head) + " |")
    print("|" + "|".join("---" if i < 2 else "---:" for i in range(len(head))) + "|")
    for row in rows:
        print("| " + " | ".join(str(x) for x in row) + " |")
    if len(by_set) > 1:
        print("\n| set | repos | sugg | correct | precision | pos | found | recall |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|")
        for n, t in by_set.items():
            print(f"| {n} | {t['repositories']} | {t['suggestions']} | {num(t['correct'])} | {pct(t['precision'])} | "
                  f"{t['positives']} | {num(t['found'])} | {pct(t['recall'])} |")
    print(f"\nyes against partial counts {'as wrong' if a.strict else 'half'}; "
          f"unruled = labelled positives on questions without evidence rules (not in recall)")
    for name in missing:
        print(f"missing checkout, skipped: {name}")
    if a.verbose:
        for r in results:
            if not r["wrong"] and not r["unruled_questions"]:
                continue
            print(f"\n{r['name']}:")
            for w in r["wrong"]:
                if w["kind"] == "false-negative":
                    print(f"  FN   {w['question']}: labelled {w['expected']}: {w['label_file']} ({w['label_reason']})")
                else:
                    tag = {"false-positive": "FP  ", "half": "HALF", "wrong-strength": "WRNG"}[w["kind"]]
                    print(f"  {tag} {w['question']}: suggested {w['suggested']}, labelled {w['expected']}: "
                          f"cites {cite(w['evidence'])}" + (f" [label: {w['label_reason']}]"
                                                            if w["label_reason"] else ""))
            for u in r["unruled_questions"]:
                print(f"  UNRULED {u['question']}: labelled {u['expected']}: {u['file']} (the question has no rules)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
