#!/usr/bin/env bash
# How long `assess -f json` takes on the built-in questionnaire, against `--version` (process start-up alone),
# as medians of repeated runs (hyperfine) and their ratio. Usage: bench/assess/run.sh [BUILD_DIR]
# BEFORE=path/to/an/older/mlops-maturity adds that binary's two runs to the same hyperfine run (before -> after,
# ratios against this build's --version). Results: bench/assess/README.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
BUILD=${1:-build-release}
cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null
cmake --build "$BUILD" -j2 --target mlops-maturity >/dev/null
BIN=$BUILD/mlops-maturity
OUT=$(mktemp -d)
cmds=("$BIN --version" "$BIN assess --answers examples/startup.yaml -f json" "$BIN assess --answers examples/startup.yaml")
if [[ -n "${BEFORE:-}" ]]; then
  cmds+=("$BEFORE --version" "$BEFORE assess --answers examples/startup.yaml -f json" "$BEFORE assess --answers examples/startup.yaml")
fi
hyperfine -N --warmup 20 --runs 300 --export-json "$OUT/h.json" "${cmds[@]}" >/dev/null
python3 - "$OUT/h.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
base = r[0]["median"]
for x in r:
    print(f'{x["command"]:<100} median {x["median"]*1000:7.2f} ms   ratio {x["median"]/base:5.2f}')
PY
rm -rf "$OUT"
