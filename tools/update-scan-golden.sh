#!/usr/bin/env bash
# Regenerates the expected scan suggestions for tests/data/sample-ml-repo (review the diff before committing).
set -eu
BIN=${1:?usage: tools/update-scan-golden.sh path/to/mlops-maturity}
cd "$(dirname "$0")/.."
for q in mlops mlops-ct mlops-org; do
  "$BIN" scan tests/data/sample-ml-repo -q "$q" -f yaml | grep -E '^  [a-z0-9-]+: (yes|partial)$' | sed 's/^  //' \
    >"tests/data/golden/scan/sample-ml-repo.$q.suggestions"
done
git diff --stat -- tests/data/golden/scan
