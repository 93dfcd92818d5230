#!/usr/bin/env bash
# Short fuzz run for CI: each libFuzzer target runs its seed corpus (the test fixtures) and then a fixed number
# of mutated inputs, so the run is reproducible in length (about a minute in total). Any crash, sanitizer report,
# uncaught exception or hang fails the script; the crashing input is left in build-fuzz/artifacts/.
# Usage: tools/fuzz-smoke.sh [RUNS_PER_TARGET]   (default 20000)
source "$(dirname "$0")/fuzz-common.sh"
RUNS=${1:-20000}
fuzz_build
ART="$FUZZ_BUILD/artifacts"
mkdir -p "$ART"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
for t in "${TARGETS[@]}"; do
  make_seed_dir "$t" "$work/$t"
  echo "fuzz-smoke: $t: $(ls "$work/$t" | wc -l) seeds, $RUNS runs"
  if ! "$FUZZ_BUILD/fuzz/$t" -runs="$RUNS" -seed=1 -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
      -dict="$(dict_for "$t")" -artifact_prefix="$ART/$t-" -print_final_stats=1 "$work/$t" \
      >"$work/$t.log" 2>&1; then
    echo "fuzz-smoke: $t FAILED; log:" >&2
    tail -60 "$work/$t.log" >&2
    status=1
  else
    grep -E '^stat::number_of_executed_units' "$work/$t.log" | sed "s/^/fuzz-smoke: $t: /"
  fi
done
exit $status
