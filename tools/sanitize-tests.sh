#!/usr/bin/env bash
# The whole test suite under AddressSanitizer + UndefinedBehaviorSanitizer (the `sanitize` preset in
# CMakePresets.json): configure, build, ctest. Any sanitizer report aborts the test that hit it, so a clean run
# is one where every test passes. Usage: tools/sanitize-tests.sh [extra ctest args]
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=${MM_JOBS:-2}
cmake --preset sanitize
cmake --build --preset sanitize -- -j"$jobs"
ctest --preset sanitize -j"$jobs" "$@"
