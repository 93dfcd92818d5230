#!/usr/bin/env bash
# The README's two commands, and the pieces they are made of:
#   tools/dev.sh assess   install what is missing, build, run an assessment of the built-in questionnaire
#   tools/dev.sh test     install what is missing, build, run every test (what .ci/run calls)
#   tools/dev.sh deps | build
# Works on a fresh Debian 12 machine as root or with sudo; nothing is downloaded but Debian packages.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BUILD=${MM_BUILD_DIR:-$ROOT/build}

# Build and test dependencies, all Debian 12 packages.
PACKAGES=(
  cmake ninja-build g++ pkg-config git python3
  libcli11-dev nlohmann-json3-dev libyaml-cpp-dev libfmt-dev catch2 libre2-dev
  expect tmux                                # driving the interactive mode through a pseudo-terminal
  chromium                                   # the HTML report is checked in a headless browser
  python3-jsonschema python3-yaml            # the JSON Schemas are checked against fixtures and built-ins
  libxml2-utils                              # xmllint: JUnit reports against Jenkins' junit-10.xsd
  help2man man-db bash-completion zsh fish   # man page and shell completions, and their tests
  dpkg-dev file                              # CPack's .deb and its install test
  clang libclang-rt-14-dev                   # libFuzzer smoke run
)

deps() {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing: ${missing[*]}"
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
}

build() {
  cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  cmake --build "$BUILD"
}

assess() {
  deps
  build
  if [ -t 0 ] && [ -t 1 ] && [ "${CI:-}" != true ]; then
    "$BUILD/mlops-maturity" assess "$@"
  else
    echo "No terminal: assessing the example answers of a startup with one model in production."
    "$BUILD/mlops-maturity" assess --answers "$ROOT/examples/startup.yaml" "$@"
  fi
}

run_tests() {
  deps
  build
  echo "== tests (unit and end-to-end)"
  (cd "$BUILD" && ctest --output-on-failure -j2)
  echo "== tests under AddressSanitizer and UndefinedBehaviorSanitizer"
  tools/sanitize-tests.sh
  echo "== fuzz smoke run"
  tools/fuzz-smoke.sh
  echo "== .deb package: build, install into a temporary root, run"
  tools/test-deb.sh
}

case "${1:-}" in
  deps) deps ;;
  build) deps; build ;;
  assess) shift; assess "$@" ;;
  test) run_tests ;;
  *) echo "usage: tools/dev.sh assess|test|deps|build" >&2; exit 2 ;;
esac
