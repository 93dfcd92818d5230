#!/usr/bin/env bash
# Times `mlops-maturity scan` against ripgrep searching the same content patterns over the same files with the
# same ignore rules, in the same run, interleaved in rounds so both see the same machine load.
#
#   bench/scan/run.sh [TREE] [MM_BIN] [ROUNDS]
#     TREE    default /tmp/mm-bench-tree (made by bench/scan/generate.py when missing)
#     MM_BIN  default: a Release build made in /tmp/mm-bench-build
#     ROUNDS  default 5; each round runs every command 3 times with hyperfine (after one warm-up)
#
# Commands compared (page cache warm):
#   scan      mlops-maturity scan TREE -q mlops -f json (path rules and content rules, per-question answers)
#   rg-one    rg -l, every content pattern (-e) limited to every content rule's `in` glob (-g): one pass, the
#             least work that finds the files with content evidence (no per-rule attribution, no path rules)
#   rg-sets   rg -l once per distinct `in` glob with that glob's patterns, plus rg --files for the path rules:
#             what a script would need to answer per rule with ripgrep
# Needs: ripgrep, hyperfine, GNU time (/usr/bin/time), python3.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
SRC=$(cd "$HERE/../.." && pwd)
TREE=${1:-/tmp/mm-bench-tree}
MM_BIN=${2:-}
ROUNDS=${3:-5}
WORK=$(mktemp -d /tmp/mm-bench-scan.XXXXXX)
trap '[ -n "${KEEP:-}" ] || rm -rf "$WORK"' EXIT
[ -n "${KEEP:-}" ] && echo "commands kept in $WORK"

if [ ! -d "$TREE" ]; then python3 "$HERE/generate.py" "$TREE"; fi
if [ -z "$MM_BIN" ]; then
  cmake -S "$SRC" -B /tmp/mm-bench-build -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null
  ninja -C /tmp/mm-bench-build mlops-maturity >/dev/null
  MM_BIN=/tmp/mm-bench-build/mlops-maturity
fi

# The same ignore rules for ripgrep: the directories scan never enters (docs/scan.md, "What is walked": the heavy
# ones, then the vendored and third-party ones; not the `{{ }}` template placeholders nor a directory holding a
# pyvenv.cfg, which ignore globs cannot say); the root .gitignore is read by both (--no-require-git); hidden files
# are searched by both.
cat >"$WORK/ignore" <<'IGN'
.git/
.hg/
.svn/
node_modules/
bower_components/
.venv/
venv/
site-packages/
__pycache__/
build/
dist/
target/
.tox/
.nox/
.mypy_cache/
.pytest_cache/
.ruff_cache/
.ipynb_checkpoints/
.gradle/
.terraform/
.eggs/
.next/
.cache/
__MACOSX/
.dvc/
*.egg-info/
vendor/
vendored/
_vendor/
third_party/
third-party/
thirdparty/
3rdparty/
external/
extern/
IGN

# The mlops questionnaire's content patterns and globs, as ripgrep arguments.
"$MM_BIN" show mlops -f json | python3 -c '
import json, sys, shlex
d = json.load(sys.stdin)
by_glob, paths = {}, set()
def walk(r):
    if "all" in r:
        for s in r["all"]: walk(s)
    elif "content" in r: by_glob.setdefault(r["in"], set()).add(r["content"])
    elif "path" in r: paths.add(r["path"])
    # history rules read .git, which ripgrep cannot: the scan does that work on top (the tree has no history)
for dim in d["dimensions"]:
    for q in dim["questions"]:
        for r in q.get("evidence", []): walk(r)
# ripgrep searches line by line and refuses a literal \n in a pattern (without -U); a class that excludes the line
# break means the same there without it.
# RE2 takes \" for a quote, ripgrep does not. A pattern that still spans lines ((?s), \n) would need the
# multiline mode (-U), which makes every search of the pass read whole files and takes ripgrep 5-10x longer: such
# patterns are left out of the ripgrep commands, so they search less than the scan does (a floor, not a peer).
def rg(p): return p.replace("[^\\n]", ".").replace("\\n]", "]").replace("\\\"", "\"")
def spans_lines(p): return "\\n" in p or "(?s)" in p
by_glob = {g: set(rg(p) for p in ps) for g, ps in by_glob.items()}
left_out = sorted(set(p for ps in by_glob.values() for p in ps if spans_lines(p)))
by_glob = {g: set(p for p in ps if not spans_lines(p)) for g, ps in by_glob.items()}
by_glob = {g: ps for g, ps in by_glob.items() if ps}
pats = sorted(set(p for s in by_glob.values() for p in s))
# ripgrep globs allow one level of {a,b}: expand the rest (every alternative becomes its own -g).
def expand(g):
    depth, start = 0, -1
    for i, c in enumerate(g):
        if c == "{":
            if depth == 0: start = i
            depth += 1
        elif c == "}" and depth:
            depth -= 1
            if depth == 0:
                parts, d, last = [], 0, start + 1
                for j in range(start + 1, i):
                    if g[j] == "{": d += 1
                    elif g[j] == "}": d -= 1
                    elif g[j] == "," and d == 0: parts.append(g[last:j]); last = j + 1
                parts.append(g[last:i])
                return [x for p in parts for x in expand(g[:start] + p + g[i + 1:])]
    return [g]
def gs(g): return " ".join("-g " + shlex.quote(x) for x in expand(g))
common = "rg -l --hidden --no-require-git --no-config --no-ignore-parent --no-messages --max-filesize 4M -j 2 --ignore-file {ign}"
one = common + " " + " ".join(gs(g) for g in sorted(by_glob)) + " " + " ".join("-e " + shlex.quote(p) for p in pats) + " {tree}"
sets = [common + " " + gs(g) + " " + " ".join("-e " + shlex.quote(p) for p in sorted(ps)) + " {tree}" for g, ps in sorted(by_glob.items())]
sets.append("rg --files --hidden --no-require-git --no-config --no-ignore-parent -j 2 --ignore-file {ign} " + " ".join(gs(g) for g in sorted(paths)) + " {tree}")
# rg exits 1 when nothing matches (fine) and 2 on an error such as a pattern it refuses (a broken comparison).
open(sys.argv[1] + "/rg-one.sh", "w").write(one + " >/dev/null; [ $? -le 1 ]\n")
open(sys.argv[1] + "/rg-sets.sh", "w").write("\n".join(s + " >/dev/null; [ $? -le 1 ] || exit 2" for s in sets) + "\n")
print(f"{len(pats)} content patterns over {len(by_glob)} globs, {len(paths)} path globs"
      f" ({len(left_out)} multi-line patterns only the scan searches)", file=sys.stderr)
' "$WORK"
sed -i "s|{ign}|$WORK/ignore|g; s|{tree}|$TREE|g" "$WORK/rg-one.sh" "$WORK/rg-sets.sh"

SCAN="$MM_BIN scan $TREE -q mlops -f json >/dev/null"
echo "tree: $TREE ($(find "$TREE" -type f | wc -l) files, $(du -sh "$TREE" | cut -f1)); rg $(rg --version | sed -n "1s/ripgrep //p"); load: $(cut -d' ' -f1-3 /proc/loadavg)"
"$MM_BIN" scan "$TREE" -q mlops -f json | python3 -c 'import json,sys; s=json.load(sys.stdin)["summary"]; print("scan sees", s["files"], "files, reads", s["files_read"], "(%d MiB)" % (s["bytes_read"] >> 20))'

for cmd in rg-one rg-sets; do
  bash "$WORK/$cmd.sh" 2>"$WORK/$cmd.err" || { echo "$cmd failed (ripgrep refused a pattern?): $(head -3 "$WORK/$cmd.err")" >&2; exit 2; }
done

for r in $(seq 1 "$ROUNDS"); do
  hyperfine -N --warmup 1 --runs 3 --export-json "$WORK/round$r.json" -n scan "bash -c '$SCAN'" \
    -n rg-one "bash $WORK/rg-one.sh" -n rg-sets "bash $WORK/rg-sets.sh" >/dev/null 2>&1 ||
    hyperfine --warmup 1 --runs 3 --export-json "$WORK/round$r.json" -n scan "$SCAN" \
      -n rg-one "bash $WORK/rg-one.sh" -n rg-sets "bash $WORK/rg-sets.sh" >/dev/null
done

peak() { /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F': ' '/Maximum resident/ {print $2}'; }
PEAK_SCAN=$(peak "$MM_BIN" scan "$TREE" -q mlops -f json)
PEAK_RG=$(peak bash "$WORK/rg-one.sh")

python3 - "$WORK" "$ROUNDS" "$PEAK_SCAN" "$PEAK_RG" <<'PY'
import json, statistics, sys
work, rounds, peak_scan, peak_rg = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
times, cpu = {}, {}
for r in range(1, rounds + 1):
    for res in json.load(open(f"{work}/round{r}.json"))["results"]:
        times.setdefault(res["command"], []).extend(res["times"])
        cpu.setdefault(res["command"], []).append(res["user"] + res["system"])
med = {k: statistics.median(v) for k, v in times.items()}
print(f"{'command':<8} {'runs':>4} {'median s':>9} {'min s':>7} {'max s':>7} {'cpu s':>6}")
for k in ("scan", "rg-one", "rg-sets"):
    print(f"{k:<8} {len(times[k]):>4} {med[k]:>9.3f} {min(times[k]):>7.3f} {max(times[k]):>7.3f} {statistics.median(cpu[k]):>6.2f}")
print(f"ratio scan / rg-one:  {med['scan'] / med['rg-one']:.2f}  (target <= 1.5)")
print(f"ratio scan / rg-sets: {med['scan'] / med['rg-sets']:.2f}")
print(f"peak memory: scan {int(peak_scan) // 1024} MiB, rg-one {int(peak_rg) // 1024} MiB (max RSS)")
PY
