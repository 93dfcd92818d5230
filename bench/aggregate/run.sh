#!/usr/bin/env bash
# How long `aggregate` takes over 10,000 team reports, and its peak memory.
#   bench/aggregate/run.sh [BUILD_DIR] [N]        (defaults: build-release, 10000)
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
echo "$N reports, $(du -sh "$DATA" | cut -f1) on disk; $(nproc) CPUs"
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
# The file list goes through a shell glob, as a user would run it.
hyperfine --warmup 1 --runs "${RUNS:-5}" --export-json "$OUT/h.json" \
  "cat $DATA/*.json > /dev/null" \
  "$BIN aggregate $DATA/*.json -o $OUT/agg.txt" \
  "$BIN aggregate $DATA/*.json -f html -o $OUT/agg.html" >/dev/null
python3 - "$OUT/h.json" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
floor = results[0]["median"]
def cpu(x):
    # hyperfine's JSON gives the mean user and system seconds of the runs as numbers.
    return f"cpu {x['user'] + x['system']:.2f} s"
print(f"floor: cat of the files  median {floor:.3f} s  ({cpu(results[0])})")
for x in results[1:]:
    fmt = "html" if "-f html" in x["command"] else "text"
    print(f"aggregate -f {fmt:<5} median {x['median']:.3f} s = {x['median'] / floor:.2f}x cat  "
          f"(min {x['min']:.3f}, max {x['max']:.3f}, {len(x['times'])} runs; {cpu(x)})")
PY
for fmt in text html; do
  /usr/bin/time -v "$BIN" aggregate "$DATA"/*.json -f "$fmt" -o "$OUT/agg.$fmt" 2>"$OUT/time" >/dev/null
  echo "aggregate -f $fmt: peak RSS $(awk -F': ' '/Maximum resident set size/ {printf "%.1f MB", $2 / 1024}' "$OUT/time")," \
    "wall $(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$OUT/time")"
done
