# Shared by tools/fuzz.sh and tools/fuzz-smoke.sh: builds the libFuzzer targets (MM_FUZZ=ON, clang, ASan+UBSan)
# and lays out seed corpora from the test fixtures. Sourced, not run.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
FUZZ_BUILD=${MM_FUZZ_BUILD:-$ROOT/build-fuzz}
TARGETS=(fuzz_questionnaire fuzz_answers fuzz_report fuzz_scan_text fuzz_git_index)

fuzz_build() {
  if [ ! -f "$FUZZ_BUILD/CMakeCache.txt" ]; then
    cmake -S "$ROOT" -B "$FUZZ_BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
      -DMM_FUZZ=ON -DBUILD_TESTING=OFF >/dev/null
  fi
  # Quiet when it builds; a failed build shows why (CI stopped at "== fuzz smoke run" with nothing said).
  if ! cmake --build "$FUZZ_BUILD" --target "${TARGETS[@]}" -- -j"${MM_FUZZ_BUILD_JOBS:-2}" >"$FUZZ_BUILD/build.log" 2>&1; then
    echo "fuzz: the fuzz targets do not build (clang); the errors:" >&2
    grep -E -A3 'error|FAILED' "$FUZZ_BUILD/build.log" | head -40 >&2
    exit 1
  fi
}

# seed_files TARGET: the fixture files that seed TARGET, one per line.
seed_files() {
  case "$1" in
    fuzz_questionnaire)
      find "$ROOT/questionnaires" "$ROOT/tests/data" -type f \( -name '*.yaml' -o -name '*.yml' -o -name '*.json' \) ;;
    fuzz_answers)
      find "$ROOT/fuzz/seeds/answers" "$ROOT/tests/data" -type f \( -name '*.yaml' -o -name '*.yml' -o -name '*.json' \) ;;
    fuzz_report)
      find "$ROOT/fuzz/seeds/report" "$ROOT/tests/data" -type f -name '*.json' ;;
    fuzz_scan_text)
      # the sample repository's files (their last byte picks the file name the text is judged as), and texts in
      # UTF-16 and behind a UTF-8 BOM
      find "$ROOT/tests/data/sample-ml-repo" "$ROOT/fuzz/seeds/scan_text" -type f -size -64k ;;
    fuzz_git_index)
      # indexes git wrote: versions 2, 3 (intent to add, skip-worktree) and 4, a split index, a sparse index
      find "$ROOT/fuzz/seeds/git_index" -type f ;;
  esac | sort
}

# dict_for TARGET: the libFuzzer dictionary for TARGET.
dict_for() {
  case "$1" in
    fuzz_report) echo "$ROOT/fuzz/json.dict" ;;
    fuzz_git_index) echo "$ROOT/fuzz/git_index.dict" ;;
    *) echo "$ROOT/fuzz/yaml.dict" ;;
  esac
}

# make_seed_dir TARGET DIR: copies TARGET's seeds into DIR (a libFuzzer corpus directory).
make_seed_dir() {
  mkdir -p "$2"
  seed_files "$1" | while IFS= read -r f; do
    cp "$f" "$2/seed-$(printf '%s' "$f" | sha1sum | cut -c1-12)"
  done
}
