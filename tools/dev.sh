#!/usr/bin/env bash
# The README's two commands, and the pieces they are made of:
#   tools/dev.sh assess   install what is missing, build, run an assessment of the built-in questionnaire
#   tools/dev.sh test     install what is missing, build, run every test (what .ci/run calls)
#   tools/dev.sh deps | build
# Works on a fresh Debian 12 machine as root or with sudo; nothing is downloaded but Debian packages and, for
# the HTML validity test, the W3C Nu Html Checker from npm (vnu-jar; Java comes from Debian).
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
  local missing=() sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  # Java and npm for the Nu Html Checker of the HTML reports, from Debian unless the machine has them already
  # (NodeSource's nodejs ships its own npm and conflicts with Debian's).
  command -v java >/dev/null || missing+=(default-jre-headless)
  command -v npm >/dev/null || missing+=(npm)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing: ${missing[*]}"
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  # The Nu Html Checker (tests/e2e/test_html_validator.sh). --ignore-scripts: its install script would download
  # a Java runtime when it finds none; Debian's default-jre-headless is the one used.
  if [ ! -f "$(npm root -g)/vnu-jar/build/dist/vnu.jar" ]; then
    echo "Installing: vnu-jar (npm)"
    "${sudo[@]}" npm install -g --ignore-scripts --no-audit --no-fund vnu-jar >/dev/null
  fi
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
