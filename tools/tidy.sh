#!/usr/bin/env bash
# clang-tidy (.clang-tidy) over the library and the tool (src/), with the compile commands of a build directory
# of its own (no precompiled headers: clang cannot read GCC's). Exit 1 on any finding.
#   tools/tidy.sh [FILE...]   default: every src/ file
# MM_TIDY_BUILD: the build directory (default build-tidy); MM_TIDY_JOBS: parallel runs (default 2).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${MM_TIDY_BUILD:-build-tidy}
command -v clang-tidy >/dev/null || { echo "tools/tidy.sh: clang-tidy is missing (Debian: clang-tidy)" >&2; exit 2; }
if [ ! -f "$BUILD/compile_commands.json" ]; then
  cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=OFF \
        -DCMAKE_EXPORT_COMPILE_COMMANDS=ON -DMM_PRECOMPILE_HEADERS=OFF >/dev/null
fi
if [ $# -gt 0 ]; then files=("$@"); else mapfile -t files < <(ls src/*.cpp src/cli/*.cpp); fi
printf '%s\n' "${files[@]}" |
  xargs -P "${MM_TIDY_JOBS:-2}" -n 1 clang-tidy -p "$BUILD" --quiet 2> >(grep -v ' warnings generated\.$' >&2)
