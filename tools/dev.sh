#!/usr/bin/env bash
# The README's two commands, and the pieces they are made of:
#   tools/dev.sh assess   install the build packages that are missing, build the tool alone, run an assessment
#                         of the built-in questionnaire
#   tools/dev.sh test     install everything the tests need too, build everything, run every test (what .ci/run
#                         calls)
#   tools/dev.sh deps | build     (the test packages; the full build)
# Works on a fresh Debian 12 machine as root or with sudo; nothing is downloaded but Debian packages and, for
# the HTML validity test, the W3C Nu Html Checker from npm (vnu-jar; Java comes from Debian).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BUILD=${MM_BUILD_DIR:-$ROOT/build}

# The build packages (cmake, ninja, g++, pkg-config, the libraries' -dev packages) are listed in ci/install.sh,
# which installs them for `assess` and for the CI templates. The tests need these too, all Debian 12 packages:
TEST_PACKAGES=(
  git python3 catch2
  expect tmux                                # driving the interactive mode through a pseudo-terminal
  chromium                                   # the HTML report is checked in a headless browser
  python3-jsonschema python3-yaml            # the JSON Schemas are checked against fixtures and built-ins; the
                                             # CI templates are read as YAML
  libxml2-utils                              # xmllint: JUnit reports against Jenkins' junit-10.xsd
  cmark-gfm                                  # GitHub's Markdown renderer: Markdown reports render as meant
  help2man man-db bash-completion zsh fish   # man page and shell completions, and their tests
  dpkg-dev file                              # CPack's .deb and its install test
  clang libclang-rt-14-dev                   # libFuzzer smoke run
  clang-tidy                                 # .clang-tidy over src/ (tools/tidy.sh)
  ccache                                     # the CI install test builds the tool twice, the same way
)

# build_deps: what `assess` needs.
build_deps() {
  bash ci/install.sh --deps-only
}

# deps: what `test` needs (the build packages included).
deps() {
  local extra=() sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  # Java and npm for the Nu Html Checker of the HTML reports, from Debian unless the machine has them already
  # (NodeSource's nodejs ships its own npm and conflicts with Debian's).
  command -v java >/dev/null || extra+=(default-jre-headless)
  command -v npm >/dev/null || extra+=(npm)
  bash ci/install.sh --deps-only "${TEST_PACKAGES[@]}" "${extra[@]}"
  # The Nu Html Checker (tests/e2e/test_html_validator.sh). --ignore-scripts: its install script would download
  # a Java runtime when it finds none; Debian's default-jre-headless is the one used.
  if [ ! -f "$(npm root -g)/vnu-jar/build/dist/vnu.jar" ]; then
    echo "Installing: vnu-jar (npm)"
    # Not fatal: without it only test_html_validator skips (exit 77, shown as skipped), and says why.
    "${sudo[@]}" npm install -g --ignore-scripts --no-audit --no-fund vnu-jar >/dev/null ||
      echo "WARNING: npm could not install vnu-jar; the HTML validity test will be skipped" >&2
  fi
}

build() {
  cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=ON >/dev/null
  cmake --build "$BUILD"
}

# build_tool: the tool alone, in the same build directory as `test` (so neither rebuilds what the other built).
# A new directory is configured without tests (no Catch2 or Python needed, and a quicker configure); one that
# `test` configured keeps its tests, as switching them off and on would only cost two configure runs.
build_tool() {
  if [ ! -f "$BUILD/CMakeCache.txt" ]; then
    cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBUILD_TESTING=OFF >/dev/null
  fi
  cmake --build "$BUILD" --target mlops-maturity
}

assess() {
  build_deps
  build_tool
  if [ -t 0 ] && [ -t 1 ] && [ "${CI:-}" != true ]; then
    "$BUILD/mlops-maturity" assess "$@"
  else
    echo "No terminal: assessing the example answers of a startup with one model in production."
    "$BUILD/mlops-maturity" assess --answers "$ROOT/examples/startup.yaml" "$@"
  fi
}

# free_space: what is left on the disk the builds go to, said before each phase, so a run that fills the disk
# shows where it stood.
free_space() { df -Pk "$ROOT" | awk 'NR == 2 { printf "%.1f GiB free", $4 / 1048576 }'; }

# done_with DIR...: with MM_PRUNE_BUILDS=1 (.ci/run sets it), a phase's build tree is removed once the phase has
# passed, so the run needs the room of its largest build, not of all five together. CI once stopped with "No
# space left on device" linking the fuzz targets, the fifth tree. A developer's trees stay, to build again fast.
done_with() {
  [ "${MM_PRUNE_BUILDS:-0}" = 1 ] || return 0
  local dir
  for dir in "$@"; do
    [ -d "$dir" ] || continue
    echo "   (removing ${dir#"$ROOT"/}, $(du -sh "$dir" | cut -f1), now that its phase passed)"
    rm -rf "$dir"
  done
}

run_tests() {
  deps
  echo "== build ($(free_space))"
  build
  echo "== tests (unit and end-to-end)"
  (cd "$BUILD" && ctest --output-on-failure -j2)
  done_with "$BUILD"
  echo "== tests under AddressSanitizer and UndefinedBehaviorSanitizer ($(free_space))"
  # Not the CI install test: it builds and runs a tool of its own, not the sanitized one.
  tools/sanitize-tests.sh -E '^e2e\.test_ci_install$'
  done_with "$ROOT/out/build/sanitize"
  echo "== clang-tidy over src/ (.clang-tidy; a finding fails) ($(free_space))"
  tools/tidy.sh
  done_with "${MM_TIDY_BUILD:-$ROOT/build-tidy}"
  echo "== fuzz smoke run ($(free_space))"
  tools/fuzz-smoke.sh
  done_with "${MM_FUZZ_BUILD:-$ROOT/build-fuzz}"
  echo "== .deb package: build, install into a temporary root, run ($(free_space))"
  tools/test-deb.sh
}

case "${1:-}" in
  deps) deps ;;
  build) deps; build ;;
  assess) shift; assess "$@" ;;
  test) run_tests ;;
  *) echo "usage: tools/dev.sh assess|test|deps|build" >&2; exit 2 ;;
esac
