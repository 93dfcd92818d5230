#!/usr/bin/env bash
# Regenerates the fixture reports in this folder from their answers files with the built tool:
#   tests/data/reports/make-fixtures.sh path/to/mlops-maturity
# Then run tests/update-golden.sh and review both as diffs.
set -euo pipefail
bin=${1:?usage: make-fixtures.sh MLOPS_MATURITY_BINARY}
cd "$(dirname "$0")"
# The fixtures carry no date or commit: they stay the same bytes whenever and wherever they are regenerated.
export MLOPS_MATURITY_DATE=none MLOPS_MATURITY_COMMIT=none
assess() { "$bin" assess --no-input "$@" || [ $? -eq 1 ]; }  # exit 1 (gate failed) still writes the report
assess -a acme-q1-answers.yaml --team "ACME recommendations" -f json -o acme-q1.json
assess -a acme-q2-answers.yaml --team "ACME recommendations" -f json -o acme-q2.json
assess -a acme-q2-answers.yaml --team "ACME recommendations" --min-level 1 --min-level testing=2 -f json \
  -o acme-q2-gate.json
assess -a beta-answers.yaml --team "Beta (proof of concept)" -f json -o beta.json
assess -a gamma-answers.yaml -f json -o gamma.json
assess -q hostile-questionnaire.yaml -a hostile-answers.yaml \
  --team '<script>alert(1)</script> "Team" | `tick` & co' -f json -o hostile.json
# After a scan: answers pre-filled from the evidence, and the given answers the repository contradicts.
assess -a scan-answers.yaml --scan ../sample-ml-repo --team "Churn (@acme/ml-platform)" -f json -o scan.json \
  2>/dev/null
# The ML Test Score (scored by points) for three calibration teams: a research prototype, the paper's worked example
# with a --min-score gate it fails, and a mature team.
cal=../../calibration/ml-test-score
assess -q ml-test-score -a $cal/m01-research-prototype.yaml --team "M1 research prototype" -f json -o mts-m01.json
assess -q ml-test-score -a $cal/m02-manual-checks.yaml --team "M2 fraud scoring" --min-score 2 -f json \
  -o mts-m02-gate.json 2>/dev/null
assess -q ml-test-score -a $cal/m04-mature-automated.yaml --team "M4 search ranking" -f json -o mts-m04.json
# A report from a future tool: only the schema version differs.
sed 's/"schema_version": 1,/"schema_version": 2,/' beta.json >schema-v2.json
