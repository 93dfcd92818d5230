#!/usr/bin/env bash
# Several respondents: `assess -a A -a B -a C` and `merge A B C` combine three people's answers by the lower
# median, list the questions where they disagree by a whole step or more (who answered what), keep every note
# with its author, and refuse profiles that differ.
source "$(dirname "$0")/lib.sh"
B="$MM_DATA/valid/basic.yaml"
cat >"$TMP/alice.yaml" <<'YAML'
questionnaire: basic
profile: {serving: batch}
answers: {data-documented: yes, data-versioned: yes, data-validated: yes, release-process: yes, release-path: 2}
notes: {data-versioned: DVC for the main dataset}
YAML
cat >"$TMP/bob.yaml" <<'YAML'
questionnaire: basic
respondent: Bob
profile: {serving: batch}
answers: {data-documented: yes, data-versioned: no, data-validated: partial, release-process: yes, release-path: 1}
notes: {data-versioned: the side datasets are copied by hand}
YAML
cat >"$TMP/carol.yaml" <<'YAML'
questionnaire: basic
profile: {serving: batch}
answers: {data-documented: yes, data-versioned: partial, data-validated: yes, release-process: n/a, release-path: 2}
YAML

run assess -q "$B" -a "$TMP/alice.yaml" -a "$TMP/bob.yaml" -a "$TMP/carol.yaml"
expect_code 0 "assess with three respondents"
expect_out "Respondents (3): alice, Bob, carol; merged by the lower median." "the respondents are named"
expect_out "They disagree on 3 questions (a whole step or more)" "the disagreements are counted"
expect_out "data-versioned: alice yes, Bob no, carol partial (merged: partial)" "who answered what"
expect_out "release-process: alice yes, Bob yes, carol n/a (merged: yes)" "n/a beside an answer"
expect_out "release-path: alice 2, Bob 1, carol 2 (merged: 2)" "a choice question"
expect_no_out "data-validated:" "partial beside yes is not a whole step"

run assess -q "$B" -a "$TMP/alice.yaml" -a "$TMP/bob.yaml" -a "$TMP/carol.yaml" -f json
if python3 - "$OUT" >"$TMP/py" 2>&1 <<'PY'
import json, sys
r = json.loads(sys.argv[1])
assert r["respondents"] == ["alice", "Bob", "carol"], r["respondents"]
d = {x["question"]: x for x in r["disagreements"]}
assert sorted(d) == ["data-versioned", "release-path", "release-process"], sorted(d)
assert d["data-versioned"]["answers"] == [{"respondent": "alice", "answer": "yes"}, {"respondent": "Bob", "answer": "no"},
                                          {"respondent": "carol", "answer": "partial"}], d["data-versioned"]
a = {x["question"]: x for x in r["answers"]}
assert a["data-versioned"]["answer"] == "partial" and a["data-validated"]["answer"] == "yes", a
assert a["data-versioned"]["note"] == "alice: DVC for the main dataset; Bob: the side datasets are copied by hand", a
PY
then ok; else not_ok "json respondents: $(cat "$TMP/py")"; fi
printf '%s\n' "$OUT" >"$TMP/r.json"
run report "$TMP/r.json" -f json
if [ "$OUT" = "$(cat "$TMP/r.json")" ]; then ok; else not_ok "the saved report reads back the same"; fi
run report "$TMP/r.json" -f markdown
expect_out "### Respondents: alice, Bob, carol" "markdown respondents"

run merge -q "$B" "$TMP/alice.yaml" "$TMP/bob.yaml" "$TMP/carol.yaml" -o "$TMP/merged.yaml"
expect_code 0 "merge"
expect_err "mlops-maturity: disagreement: data-versioned: alice yes, Bob no, carol partial (merged: partial)" "merge lists disagreements"
file_has "$TMP/merged.yaml" "  data-versioned: partial" "the merged file holds the median"
file_has "$TMP/merged.yaml" "#   release-path: alice 2, Bob 1, carol 2 (merged: 2)" "the merged file lists the disagreements"
run assess -q "$B" -a "$TMP/merged.yaml" -f json
expect_code 0 "the merged file is a valid answers file"

sed 's/serving: batch/serving: online/' "$TMP/carol.yaml" >"$TMP/dave.yaml"
run merge -q "$B" "$TMP/alice.yaml" "$TMP/dave.yaml"
expect_code 2 "profiles that differ"
expect_err "the respondents' profiles differ: 'serving' is 'batch' for alice and 'online' for dave" "the profile error"
run merge -q "$B" "$TMP/alice.yaml"
expect_code 2 "merge needs two files"

# Two files of one respondent, or standard input twice, are refused by assess as by merge.
mkdir -p "$TMP/other"
cp "$TMP/alice.yaml" "$TMP/other/alice.yaml"
run merge -q "$B" "$TMP/alice.yaml" "$TMP/other/alice.yaml"
expect_code 2 "merge refuses two files of one respondent"
expect_err "respondent 'alice' is also $TMP/alice.yaml" "merge names the other file"
run assess -q "$B" -a "$TMP/alice.yaml" -a "$TMP/other/alice.yaml"
expect_code 2 "assess refuses two files of one respondent"
expect_err "respondent 'alice' is also $TMP/alice.yaml" "assess names the other file"
run_stdin "$TMP/alice.yaml" assess -q "$B" -a - -a -
expect_code 2 "assess reads standard input once"
expect_err "mlops-maturity: error: --answers: standard input ('-') can be given only once" "assess says so"
finish
