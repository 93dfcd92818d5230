#!/usr/bin/env bash
# How long `aggregate` takes over 10,000 team reports, and its peak memory.
#   bench/aggregate/run.sh [BUILD_DIR] [N]        (defaults: build-release, 10000)
#   BEFORE=OLD_BINARY bench/aggregate/run.sh ...  also times OLD_BINARY (e.g. a Release build of main's HEAD in
#                                                 another build dir) in the same hyperfine run, for before -> after
# Builds a Release binary, generates N reports (generate.py; kept in $BUILD_DIR/bench-aggregate-N for re-runs),
# times `aggregate -f text` and `-f html` with hyperfine (median of several runs, warm page cache) against the
# floor of reading the same files (`cat` of them to /dev/null, in the same hyperfine run) and prints the ratio
# (issue 17's goal: at most 2x), and measures the peak resident set size with /usr/bin/time -v (Debian package
# `time`). Results: bench/aggregate/README.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
BUILD=${1:-build-release}
N=${2:-10000}
for tool in hyperfine /usr/bin/time python3; do
  command -v "$tool" >/dev/null || { echo "bench/aggregate: needs $tool (apt-get install hyperfine time python3)" >&2; exit 2; }
done
cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null
cmake --build "$BUILD" --target mlops-maturity >/dev/null
BIN=$(realpath "$BUILD/mlops-maturity")
DATA=$BUILD/bench-aggregate-$N
if [ "$(ls "$DATA" 2>/dev/null | wc -l)" -ne "$N" ]; then
  rm -rf "$DATA"
  python3 bench/aggregate/generate.py "$N" "$DATA" --bin "$BIN"
fi
echo "$N reports, $(du -shL "$DATA" | cut -f1) on disk; $(nproc) CPUs"
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
# The file list goes through a shell glob, as a user would run it.
COMMANDS=("cat $DATA/*.json > /dev/null")
if [ -n "${BEFORE:-}" ]; then
  BEFORE_BIN=$(realpath "$BEFORE")
  COMMANDS+=("$BEFORE_BIN aggregate $DATA/*.json -o $OUT/before.txt")
fi
COMMANDS+=("$BIN aggregate $DATA/*.json -o $OUT/agg.txt")
[ -n "${BEFORE:-}" ] && COMMANDS+=("$BEFORE_BIN aggregate $DATA/*.json -f html -o $OUT/before.html")
COMMANDS+=("$BIN aggregate $DATA/*.json -f html -o $OUT/agg.html")
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
hyperfine --warmup 1 --runs "${RUNS:-5}" --export-json "$OUT/h.json" "${COMMANDS[@]}" >/dev/null
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"
if [ -n "${BEFORE:-}" ]; then
  cmp -s "$OUT/before.txt" "$OUT/agg.txt" && cmp -s "$OUT/before.html" "$OUT/agg.html" ||
    { echo "bench/aggregate: the outputs of $BEFORE and $BIN differ" >&2; exit 1; }
fi
python3 - "$OUT/h.json" "${BEFORE_BIN:-}" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
floor = results[0]["median"]
def mean(v):  # hyperfine writes the mean (1.x) or, in some versions, each run's value
    return sum(v) / len(v) if isinstance(v, list) else v
def cpu(x):
    return f"cpu {mean(x['user']) + mean(x['system']):.2f} s"
print(f"floor: cat of the files  median {floor:.3f} s  ({cpu(results[0])})")
for x in results[1:]:
    fmt = "html" if "-f html" in x["command"] else "text"
    which = "" if not sys.argv[2] else "before " if x["command"].startswith(sys.argv[2] + " ") else "after  "
    print(f"{which}aggregate -f {fmt:<5} median {x['median']:.3f} s = {x['median'] / floor:.2f}x cat  "
          f"(min {x['min']:.3f}, max {x['max']:.3f}, {len(x['times'])} runs; {cpu(x)})")
PY
for fmt in text html; do
  /usr/bin/time -v "$BIN" aggregate "$DATA"/*.json -f "$fmt" -o "$OUT/agg.$fmt" 2>"$OUT/time" >/dev/null
  echo "aggregate -f $fmt: peak RSS $(awk -F': ' '/Maximum resident set size/ {printf "%.1f MB", $2 / 1024}' "$OUT/time")," \
    "wall $(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$OUT/time")"
done
