#!/usr/bin/env bash
# Installs mlops-maturity from the source tree this script is in: the Debian/Ubuntu packages the build needs
# (only those missing), a Release build of the tool alone (no tests), and `cmake --install` into a prefix.
# The one install path of the GitHub Action (action.yml), the GitLab template (ci/gitlab/) and tools/dev.sh;
# tests/e2e/test_ci_install.sh runs it the way the templates do.
#
# Usage: ci/install.sh [--prefix DIR] [--build-dir DIR] [--no-deps]
#        ci/install.sh --deps-only [EXTRA_PACKAGE...]   (install the build packages, and these, then stop)
#   --prefix     where to install (default /usr/local): PREFIX/bin/mlops-maturity, PREFIX/share/mlops-maturity/
#                (the CI gate script ci/run-gate.sh and the JSON schemas), completions, docs
#   --build-dir  the CMake build directory (default: out/build/install in the source tree); kept, so a second
#                run rebuilds only what changed
#   --no-deps    do not install packages (they are there, or this is not a Debian/Ubuntu system)
# Environment: MM_JOBS (parallel compile jobs, default: the number of CPUs). Packages are installed with apt-get,
# through sudo when not root; nothing but distribution packages is downloaded. When $GITHUB_PATH is set (a
# GitHub Actions step), PREFIX/bin is appended to it so the following steps find the tool.
set -euo pipefail
SRC=$(cd "$(dirname "$0")/.." && pwd)

# What building the tool needs, and nothing more (tools/dev.sh test adds what the tests need). The same names on
# Debian 12 and Ubuntu 22.04/24.04.
BUILD_PACKAGES=(
  cmake ninja-build g++ pkg-config
  libcli11-dev nlohmann-json3-dev libyaml-cpp-dev libfmt-dev libre2-dev libgit2-dev
)

say() { printf 'mlops-maturity install: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 2; }

# install_packages PACKAGE...: apt-get install of those not installed yet; apt-get update only when some are.
install_packages() {
  local missing=() sudo=() p
  if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
    say "no apt-get here: assuming these are installed: $*"
    return 0
  fi
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -gt 0 ] || return 0
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || die "not root and no sudo: install these first: ${missing[*]}"
    sudo=(sudo)
  fi
  say "installing ${missing[*]}"
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${recommends[@]}" "${missing[@]}" >/dev/null
}

# The build needs no recommended packages (g++'s alone pull in a few dozen); the test packages dev.sh adds with
# --deps-only keep theirs (a browser's fonts, for one).
recommends=(--no-install-recommends)
prefix=/usr/local
build=$SRC/out/build/install
deps=true
while [ $# -gt 0 ]; do
  case $1 in
    --prefix) [ $# -ge 2 ] || die "--prefix needs a directory"; prefix=$2; shift 2 ;;
    --build-dir) [ $# -ge 2 ] || die "--build-dir needs a directory"; build=$2; shift 2 ;;
    --no-deps) deps=false; shift ;;
    --deps-only) shift; [ $# -eq 0 ] || recommends=(); install_packages "${BUILD_PACKAGES[@]}" "$@"; exit 0 ;;
    -h | --help) sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; exit 0 ;;
    *) die "unknown argument '$1' (see --help)" ;;
  esac
done

if [ "$deps" = true ]; then install_packages "${BUILD_PACKAGES[@]}"; fi
jobs=${MM_JOBS:-$(nproc 2>/dev/null || echo 2)}

# BUILD_TESTING=OFF: no Catch2, Python or test targets; the default target is then the tool (and its man page
# when help2man is there), which is what `cmake --install` installs.
say "building $SRC in $build"
cmake -S "$SRC" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null
cmake --build "$build" -- -j"$jobs"
cmake --install "$build" --prefix "$prefix" >/dev/null
bin=$prefix/bin/mlops-maturity
"$bin" --version >/dev/null || die "the installed $bin does not run"
say "installed $("$bin" --version) as $bin"
if [ -n "${GITHUB_PATH:-}" ]; then echo "$prefix/bin" >>"$GITHUB_PATH"; fi
