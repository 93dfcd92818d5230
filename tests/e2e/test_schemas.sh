#!/usr/bin/env bash
# JSON Schemas (docs/schemas/): every built-in questionnaire (as `show -f json`, and its YAML as read by PyYAML),
# the test questionnaires, answers files and answers templates, and every golden and freshly written report
# validate against them; malformed files from tests/data/invalid/ do not. Needs python3 with jsonschema and
# yaml (Debian: python3-jsonschema python3-yaml).
source "$(dirname "$0")/lib.sh"
SCHEMAS="$MM_SOURCE_DIR/docs/schemas"
PY=""
for py in /usr/bin/python3 python3; do
  if "$py" -c 'import jsonschema, yaml' 2>/dev/null; then PY=$py; break; fi
done
if [ -z "$PY" ]; then
  CODE=0; not_ok "python3 with jsonschema and yaml is needed (apt-get install python3-jsonschema python3-yaml)"
  finish; exit
fi

cat >"$TMP/check.py" <<'PY'
# check.py SCHEMA EXPECT FILE...: EXPECT is "valid" or "invalid"; FILE is JSON (.json) or YAML.
import json, sys, yaml, jsonschema
schema = json.load(open(sys.argv[1]))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
bad = 0
for path in sys.argv[3:]:
    with open(path, encoding="utf-8") as f:
        doc = json.load(f) if path.endswith(".json") else yaml.safe_load(f)
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
    if sys.argv[2] == "valid" and errors:
        bad += 1
        for e in errors[:3]:
            print(f"{path}: {'/'.join(map(str, e.path))}: {e.message[:300]}")
    if sys.argv[2] == "invalid" and not errors:
        bad += 1
        print(f"{path}: should not validate")
print(f"checked {len(sys.argv) - 3} files")
sys.exit(1 if bad else 0)
PY
check() { # check SCHEMA valid|invalid DESCRIPTION FILE...
  local schema=$1 expect=$2 what=$3
  shift 3
  if "$PY" "$TMP/check.py" "$SCHEMAS/$schema.schema.json" "$expect" "$@" >"$TMP/check.out" 2>&1; then ok; else
    CODE=1; OUT=$(cat "$TMP/check.out"); ERR=""; not_ok "$what"; fi
}

# ---- questionnaires ----
ids=$("$MM_BIN" list | awk 'NR > 1 { print $1 }')
files=()
for id in $ids; do
  "$MM_BIN" show "$id" -f json >"$TMP/q-$id.json" && files+=("$TMP/q-$id.json")
done
for f in "$MM_DATA"/valid/*.yaml; do
  n=$(basename "$f" .yaml)
  "$MM_BIN" show "$f" -f json >"$TMP/q-valid-$n.json" && files+=("$TMP/q-valid-$n.json")
done
check questionnaire valid "built-in and test questionnaires (show -f json)" "${files[@]}"
check questionnaire valid "built-in questionnaire YAML files" "$MM_SOURCE_DIR"/questionnaires/*.yaml
for f in "$MM_SOURCE_DIR"/questionnaires/*.yaml; do
  if head -1 "$f" | grep -qxF '# yaml-language-server: $schema=../docs/schemas/questionnaire.schema.json'; then ok; else
    CODE=1; not_ok "$(basename "$f") does not start with the yaml-language-server schema comment"; fi
done
for f in q-unknown-key-top.yaml q-missing-id.yaml q-choice-without-options.yaml q-practice-with-options.yaml \
         q-pass-threshold-above-one.yaml q-weight-negative.yaml q-id-uppercase.yaml q-too-few-levels.yaml \
         q-evidence-two-kinds.yaml q-empty-title.yaml q-profile-too-many-questions.yaml; do
  check questionnaire invalid "the schema refuses $f" "$MM_DATA/invalid/$f"
done

# ---- answers ----
files=("$MM_DATA"/answers/*)
for f in "$MM_DATA"/reports/*-answers.yaml; do [ -e "$f" ] && files+=("$f"); done
for id in $ids; do "$MM_BIN" init -q "$id" -o "$TMP/init-$id.yaml" && files+=("$TMP/init-$id.yaml"); done
check answers valid "answers files and init templates" "${files[@]}"
for f in a-invalid-value.yaml a-answers-is-list.yaml a-unknown-top-key.yaml a-answer-is-map.yaml \
         a-questionnaire-not-string.yaml a-answer-number-too-large.yaml a-waiver-no-owner.yaml \
         a-waiver-bad-date.yaml a-waiver-not-a-list.yaml; do
  check answers invalid "the schema refuses $f" "$MM_DATA/invalid/$f"
done

# ---- reports ----
files=()
for f in "$MM_DATA"/golden/*.json "$MM_DATA"/golden/*/*.json "$MM_DATA"/reports/*.json; do
  [ -e "$f" ] || continue
  # Reports only: not diff/aggregate outputs, and not the deliberately future schema-v2 fixture.
  if grep -q '"schema_version": 1,' "$f" && grep -q '"gaps"' "$f" && grep -q '"not_asked"' "$f"; then files+=("$f"); fi
done
if [ "${#files[@]}" -ge 3 ]; then ok; else CODE=1; not_ok "expected golden reports to check, found ${#files[@]}"; fi
B="$MM_DATA/valid/basic.yaml"
"$MM_BIN" assess -q "$B" -a "$MM_DATA/answers/basic-level1.yaml" -f json --team t --min-level 2 --min-level data=1 >"$TMP/r-gate.json" 2>/dev/null
"$MM_BIN" assess -q "$B" -a "$MM_DATA/answers/basic-level2.json" -f json --target-level 3 >"$TMP/r-target.json"
"$MM_BIN" assess -a "$MM_SOURCE_DIR/fuzz/seeds/answers/mlops-mixed.yaml" -f json >"$TMP/r-mlops.json"
printf 'questionnaire: basic\nprofile: {serving: batch}\nanswers: {canary: yes}\nnotes: {data-lineage: later, canary: too}\n' >"$TMP/notes.yaml"
"$MM_BIN" assess -q "$B" -a "$TMP/notes.yaml" -f json >"$TMP/r-notes.json"
grep -q '"unanswered_notes"' "$TMP/r-notes.json" && ok || not_ok "r-notes.json has unanswered_notes"
# A scope (levels above 2 not assessed): the answers file, as the interactive mode writes it, and its report.
printf 'questionnaire: basic\nscope: {up_to_level: 2}\nanswers: {data-documented: yes, canary: no}\n' >"$TMP/scoped-in.yaml"
"$MM_BIN" assess -q "$B" -a "$TMP/scoped-in.yaml" -f json >"$TMP/r-scope.json" 2>/dev/null
grep -q '"not_assessed"' "$TMP/r-scope.json" && ok || not_ok "r-scope.json has not_assessed"
check answers valid "an answers file with a scope" "$TMP/scoped-in.yaml"
printf 'questionnaire: basic\nscope: {up_to_level: 0}\n' >"$TMP/scoped-bad.yaml"
check answers invalid "the schema refuses a scope of level 0" "$TMP/scoped-bad.yaml"
# Waivers: one valid, one expired, one on a practice in place; the answers file and its report.
printf 'questionnaire: basic\nanswers: {data-documented: yes, data-versioned: no, release-process: no}\nwaivers:\n  - {question: data-versioned, reason: r, owner: o, expires: 2027-01-31}\n  - {question: release-process, reason: r, owner: o, expires: 2026-01-31}\n  - {question: data-documented, reason: r, owner: o, expires: 2027-01-31}\n' >"$TMP/waived.yaml"
"$MM_BIN" assess -q "$B" -a "$TMP/waived.yaml" --today 2027-01-01 --min-level data=2 -f json >"$TMP/r-waivers.json" 2>/dev/null
grep -q '"not-a-gap"' "$TMP/r-waivers.json" && grep -q '"expired"' "$TMP/r-waivers.json" && ok || not_ok "r-waivers.json has every waiver status"
check answers valid "an answers file with waivers" "$TMP/waived.yaml"
files+=("$TMP/r-gate.json" "$TMP/r-target.json" "$TMP/r-mlops.json" "$TMP/r-notes.json" "$TMP/r-scope.json")
files+=("$TMP/r-waivers.json")
# Several respondents: a report with respondents and disagreements; an answers file with 'respondent:'.
printf 'questionnaire: basic\nrespondent: Alice\nanswers: {data-documented: yes, release-path: 2}\n' >"$TMP/alice.yaml"
printf 'questionnaire: basic\nanswers: {data-documented: no, release-path: 1}\n' >"$TMP/bob.yaml"
"$MM_BIN" assess -q "$B" -a "$TMP/alice.yaml" -a "$TMP/bob.yaml" -f json >"$TMP/r-respondents.json" 2>/dev/null
grep -q '"disagreements"' "$TMP/r-respondents.json" && ok || not_ok "r-respondents.json has disagreements"
check answers valid "an answers file with a respondent" "$TMP/alice.yaml"
files+=("$TMP/r-respondents.json")
if [ -d "$MM_DATA/sample-ml-repo" ] && "$MM_BIN" assess --help | grep -q -- '--scan'; then
  "$MM_BIN" assess -a "$MM_SOURCE_DIR/fuzz/seeds/answers/mlops-mixed.yaml" --scan "$MM_DATA/sample-ml-repo" -f json >"$TMP/r-scan.json" 2>/dev/null
  files+=("$TMP/r-scan.json")
fi
check report valid "golden and fresh reports" "${files[@]}"
sed 's/"schema_version": 1/"schema_version": 2/' "$TMP/r-gate.json" >"$TMP/bad-version.json"
sed 's/"group": "[a-z]*"/"group": "urgent"/' "$TMP/r-gate.json" >"$TMP/bad-group.json"
check report invalid "the schema refuses another schema version" "$TMP/bad-version.json"
check report invalid "the schema refuses an unknown gap group" "$TMP/bad-group.json"
# The saved reports of the malformed-input corpus: the schema refuses each one the reader refuses, except where
# the rule compares two parts of the report (a gap level of 4 is in the schema's range, but the report's
# questionnaire has levels 0 to 3), which only the reader can check.
corpus=()
for f in "$MM_DATA"/invalid/r-*.json; do
  case "$(basename "$f")" in r-gap-level-outside.json) continue ;; esac
  corpus+=("$f")
done
if [ "${#corpus[@]}" -ge 10 ]; then ok; else CODE=1; not_ok "expected the corpus's saved reports, found ${#corpus[@]}"; fi
for f in "${corpus[@]}"; do check report invalid "the schema refuses $(basename "$f")" "$f"; done
check report valid "r-gap-level-outside.json is in the schema's ranges" "$MM_DATA/invalid/r-gap-level-outside.json"
# Bounds the corpus does not reach: each file breaks one rule, which the schema and the reader both enforce.
"$PY" - "$TMP/r-gate.json" "$TMP" <<'PY'
import copy, json, sys
base = json.load(open(sys.argv[1]))
def case(name, edit):
    r = copy.deepcopy(base)
    edit(r)
    json.dump(r, open(f"{sys.argv[2]}/bound-{name}.json", "w"))
levels = lambda r: r["questionnaire"]["levels"]
dim_levels = lambda r: r["dimensions"][0]["levels"]
case("six-levels", lambda r: levels(r).extend([{"level": 4, "name": "x"}] * (6 - len(levels(r)))))
case("dimension-levels-5", lambda r: dim_levels(r).extend([dim_levels(r)[-1]] * (5 - len(dim_levels(r)))))
case("dimension-level-0", lambda r: dim_levels(r)[0].update(level=0))
case("gap-level-0", lambda r: r["gaps"][0].update(level=0))
case("priority-1000001", lambda r: r["gaps"][0].update(priority=1000001))
case("practices-1000001", lambda r: dim_levels(r)[0].update(practices=1000001))
case("line-2147483648", lambda r: r["answers"][0].update(evidence=[{"path": "a", "line": 2147483648}]))
PY
for f in "$TMP"/bound-*.json; do
  check report invalid "the schema refuses $(basename "$f")" "$f"
  run report "$f"
  expect_code 2 "the reader refuses $(basename "$f")"
done
finish
