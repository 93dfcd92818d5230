#!/usr/bin/env bash
# Key press -> next question drawn, in the interactive assessment, with the autosave (issue 17's goal: at most
# 2 ms), against the floor of the same session saving to /dev/null (written, never synced), in one run.
#   bench/interactive/run.sh [BUILD_DIR] [ROUNDS]        (defaults: build-release, 5)
# Builds a Release binary and runs keylatency.py ROUNDS times for each, alternating, in a directory of
# BUILD_DIR (a real disk: on tmpfs an fsync costs nothing); prints the median and the 90th percentile over every
# key of every round. BIN=path/to/mlops-maturity measures another binary (e.g. an older build) instead.
# Results: bench/interactive/README.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
BUILD=${1:-build-release}
ROUNDS=${2:-5}
command -v python3 >/dev/null || { echo "bench/interactive: needs python3" >&2; exit 2; }
if [ -z "${BIN:-}" ]; then
  cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null
  cmake --build "$BUILD" --target mlops-maturity >/dev/null
  BIN=$(realpath "$BUILD/mlops-maturity")
fi
DIR=$(realpath "$BUILD")/bench-interactive
rm -rf "$DIR"
mkdir -p "$DIR"
trap 'rm -rf "$DIR"' EXIT
for round in $(seq "$ROUNDS"); do
  mkdir -p "$DIR/floor" "$DIR/save"
  rm -f "$DIR"/save/*
  python3 bench/interactive/keylatency.py "$BIN" "$DIR/floor" --save /dev/null >>"$DIR/floor.ms"
  python3 bench/interactive/keylatency.py "$BIN" "$DIR/save" >>"$DIR/save.ms"
done
python3 - "$DIR/floor.ms" "$DIR/save.ms" <<'PY'
import statistics, sys
def stats(path):
    xs = sorted(float(x) for x in open(path))
    return statistics.median(xs), xs[int(0.9 * (len(xs) - 1))], len(xs)
floor, save = stats(sys.argv[1]), stats(sys.argv[2])
print(f"floor (--save /dev/null):  median {floor[0]:.3f} ms  p90 {floor[1]:.3f} ms  ({floor[2]} keys)")
print(f"autosave to a file:        median {save[0]:.3f} ms  p90 {save[1]:.3f} ms  ({save[2]} keys)"
      f" = {save[0] / floor[0]:.2f}x the floor")
PY
