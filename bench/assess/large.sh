#!/usr/bin/env bash
# How `assess -f json` scales with the questionnaire: a generated questionnaire of N practice questions (1,000 per
# dimension) with every question answered, at 10,000 and 100,000 questions, in one run. What matters is the ratio
# (10x the questions should take about 10x the time, not 100x) and the peak memory (GNU time's %M).
# Usage: bench/assess/large.sh [BUILD_DIR]     Needs python3, hyperfine, /usr/bin/time.
# BEFORE=path/to/an/older/mlops-maturity runs that binary on the same files in the same hyperfine run (before ->
# after). Results: bench/assess/README.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
BUILD=${1:-build-release}
cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null
cmake --build "$BUILD" -j2 --target mlops-maturity >/dev/null
BIN=$BUILD/mlops-maturity
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
python3 - "$OUT" <<'PY'
import sys
out = sys.argv[1]
for n in (10_000, 100_000):
    with open(f"{out}/q{n}.yaml", "w") as f:
        f.write('id: big\ntitle: Big\nversion: "1"\nlevels:\n  - {level: 0, name: None}\n  - {level: 1, name: One}\n'
                '  - {level: 2, name: Two}\ndimensions:\n')
        for k in range(n):
            if k % 1000 == 0:
                f.write(f"  - id: d{k // 1000}\n    name: D{k // 1000}\n    questions:\n")
            f.write(f"      - id: q{k}\n        level: {1 + k % 2}\n        text: Question {k}?\n        practice: p{k}\n")
    with open(f"{out}/a{n}.yaml", "w") as f:
        f.write("questionnaire: big\nanswers:\n" + "".join(f"  q{k}: {'yes' if k % 3 else 'partial'}\n" for k in range(n)))
PY
bins=("$BIN")
[[ -n "${BEFORE:-}" ]] && bins+=("$BEFORE")
cmds=()
for b in "${bins[@]}"; do
  cmds+=("$b assess -q $OUT/q10000.yaml -a $OUT/a10000.yaml -f json -o /dev/null"
         "$b assess -q $OUT/q100000.yaml -a $OUT/a100000.yaml -f json -o /dev/null")
done
hyperfine -N --warmup 1 --runs 5 --export-json "$OUT/h.json" "${cmds[@]}" >/dev/null
for b in "${bins[@]}"; do
  for n in 10000 100000; do
    /usr/bin/time -f "$b, $n questions: peak memory %M KB" "$b" assess -q "$OUT/q$n.yaml" -a "$OUT/a$n.yaml" -f json \
      -o /dev/null
  done
done
python3 - "$OUT/h.json" "${bins[@]}" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
for i, b in enumerate(sys.argv[2:]):
    small, large = r[2 * i]["median"], r[2 * i + 1]["median"]
    print(f"{b}: 10,000 questions: median {small:.2f} s; 100,000 questions: median {large:.2f} s; "
          f"ratio {large / small:.1f}x")
PY
