#!/usr/bin/env bash
# Longer, time-bounded fuzzing (not part of CI): each target runs for SECONDS with a persistent corpus in
# build-fuzz/corpus/TARGET (seeded from the test fixtures), one process at a time (-jobs is not used: the
# machine is shared). Crashes land in build-fuzz/artifacts/TARGET-crash-*; turn each into a regression fixture
# in tests/data/invalid/ (or a unit test) and fix it. Prints the number of inputs each target ran.
# Usage: tools/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]   (default 600 s; all targets)
# Environment: MM_FUZZ_MAX_LEN (default 4096: small inputs run ~3x faster; the size limits themselves are unit
# tested), MM_FUZZ_NO_BUILD=1 to reuse the built targets as they are.
source "$(dirname "$0")/fuzz-common.sh"
SECONDS_PER_TARGET=${1:-600}
shift || true
if [ $# -gt 0 ]; then TARGETS=("$@"); fi
[ "${MM_FUZZ_NO_BUILD:-0}" = 1 ] || fuzz_build
ART="$FUZZ_BUILD/artifacts"
LOGS="$FUZZ_BUILD/logs"
mkdir -p "$ART" "$LOGS"
status=0
for t in "${TARGETS[@]}"; do
  corpus="$FUZZ_BUILD/corpus/$t"
  make_seed_dir "$t" "$corpus"
  log="$LOGS/$t-$(date +%Y%m%d-%H%M%S).log"
  echo "fuzz: $t for ${SECONDS_PER_TARGET}s (corpus $corpus, log $log)"
  if ! "$FUZZ_BUILD/fuzz/$t" -max_total_time="$SECONDS_PER_TARGET" -max_len="${MM_FUZZ_MAX_LEN:-4096}" -timeout=10 -rss_limit_mb=2048 \
      -dict="$(dict_for "$t")" -artifact_prefix="$ART/$t-" -print_final_stats=1 "$corpus" >"$log" 2>&1; then
    echo "fuzz: $t FAILED (see $log and $ART)" >&2
    status=1
  fi
  grep -E '^stat::number_of_executed_units' "$log" | sed "s/^/fuzz: $t: /" || true
done
exit $status
