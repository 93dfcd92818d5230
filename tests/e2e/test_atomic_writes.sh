#!/usr/bin/env bash
# Interrupted writes: SIGKILL `assess -o FILE` and `init -o FILE` at random moments, many times, and check that
# FILE is always either the old complete version or the new complete one (write_file_atomic: temp file, fsync,
# rename). Killed runs may leave FILE.tmp.XXXXXX behind (nothing can clean up after SIGKILL); the next successful
# write removes such leftovers once they are an hour old, and never touches anything else (docs/limits.md).
source "$(dirname "$0")/lib.sh"
ROUNDS=${MM_ATOMIC_ROUNDS:-200}

# A big questionnaire, so that rendering and writing a report takes a moment: 1 dimension x 80 questions.
big="$TMP/big.yaml"
awk 'BEGIN {
  print "id: big\ntitle: Big questionnaire\nversion: \"1\"\nlevels:"
  for (l = 0; l <= 4; l++) printf "  - {level: %d, name: Level %d}\n", l, l
  print "dimensions:"
  for (d = 1; d <= 1; d++) {
    printf "  - id: dim-%d\n    name: Dimension %d\n    questions:\n", d, d
    for (q = 1; q <= 80; q++) {
      printf "      - id: q-%d-%d\n        level: %d\n", d, q, 1 + q % 4
      printf "        text: Question %d of dimension %d, long enough to make the report larger than a few pages?\n", q, d
      printf "        practice: \"Practice %d.%d: do the thing properly, document it, automate it and review it.\"\n", d, q
      printf "        tools: [Tool A, Tool B, Tool C]\n"
    }
  }
}' >"$big"
answers() { # answers VALUE FILE: every question answered VALUE
  awk -v v="$1" 'BEGIN { print "questionnaire: big\nanswers:"
    for (d = 1; d <= 1; d++) for (q = 1; q <= 80; q++) printf "  q-%d-%d: %s\n", d, q, v }' >"$2"
}
answers yes "$TMP/yes.yaml"
answers no "$TMP/no.yaml"

run assess -q "$big" -a "$TMP/yes.yaml" -f json -o "$TMP/old.json"
expect_code 0 "old report"
run assess -q "$big" -a "$TMP/no.yaml" -f json -o "$TMP/new.json"
expect_code 0 "new report"
if cmp -s "$TMP/old.json" "$TMP/new.json"; then CODE=0; not_ok "old and new reports should differ"; else ok; fi
run init -q "$big" -o "$TMP/init-new.yaml"
expect_code 0 "init"
printf 'questionnaire: big\nanswers: {}\n' >"$TMP/init-old.yaml"

# duration_ms ARGS...: how long one uninterrupted run takes, in milliseconds.
duration_ms() {
  local start end
  start=$(date +%s%N)
  "$MM_BIN" "$@" >/dev/null 2>&1 </dev/null
  end=$(date +%s%N)
  echo $(((end - start) / 1000000))
}

# kill_round DELAY_MS OLD NEW OUT ARGS...: OUT starts as OLD; the command (writing NEW to OUT) is killed after
# DELAY_MS milliseconds. Echoes "old", "new" or "torn".
kill_round() {
  local delay=$1 old=$2 new=$3 out=$4
  shift 4
  cp "$old" "$out"
  "$MM_BIN" "$@" >/dev/null 2>&1 </dev/null &
  local pid=$!
  sleep "$((delay / 1000)).$(printf '%03d' $((delay % 1000)))"
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  if cmp -s "$out" "$old"; then echo old; elif cmp -s "$out" "$new"; then echo new; else echo torn; fi
}

# record_kill DELAY_MS OLD NEW OUT ARGS...: one kill_round, its outcome counted in seen[]; fails when torn.
record_kill() {
  local r
  r=$(kill_round "$@")
  seen[$r]=$((${seen[$r]:-0} + 1))
  [ "$r" != torn ]
}

# kill_rounds N MS OLD NEW OUT ARGS...: N kills at delays spread over 0..1.3 x MS (with jitter), so they land
# before, during and after the write; then, because one timing of MS can be far off on a loaded CI machine, more
# kills at shorter or longer delays until both outcomes were seen (or the tries run out). Fills seen[].
kill_rounds() {
  local n=$1 ms=$2
  shift 2
  local i span=$((ms * 13 / 10 + 1)) delay
  for ((i = 0; i < n; i++)); do
    record_kill $(((i * span / n + (RANDOM % (span / n + 1))) % span)) "$@" || return 1
  done
  delay=$span
  for ((i = 0; i < 8 && ${seen[new]:-0} == 0; i++)); do
    delay=$((delay * 2))
    record_kill "$delay" "$@" || return 1
  done
  for ((i = 1; i <= 12 && ${seen[old]:-0} == 0; i++)); do # halving down to 0 ms: before the process even starts
    record_kill "$((ms >> i))" "$@" || return 1
  done
}

declare -A seen=()
out="$TMP/work/report.json"
mkdir -p "$TMP/work"
ms=$(duration_ms assess -q "$big" -a "$TMP/no.yaml" -f json -o "$TMP/timing.json")
rm -f "$TMP/timing.json"
echo "assess -o takes about $ms ms"
if ! kill_rounds "$ROUNDS" "$ms" "$TMP/old.json" "$TMP/new.json" "$out" assess -q "$big" -a "$TMP/no.yaml" -f json -o "$out"; then
  CODE=137; not_ok "report.json is neither the old nor the new version"; cp "$out" "$TMP/torn.json"; fi
echo "assess -o: ${seen[old]:-0} old, ${seen[new]:-0} new, ${seen[torn]:-0} torn in $((${seen[old]:-0} + ${seen[new]:-0} + ${seen[torn]:-0})) kills"
[ "${seen[torn]:-0}" -eq 0 ] && ok
# Kills landed on both sides of the rename, or the test proved nothing.
if [ "${seen[old]:-0}" -gt 0 ] && [ "${seen[new]:-0}" -gt 0 ]; then ok; else
  CODE=0; not_ok "assess -o: kills should land both before and after the rename"; fi

seen=()
ans="$TMP/work/answers.yaml"
ms=$(duration_ms init -q "$big" --force -o "$TMP/timing.yaml")
rm -f "$TMP/timing.yaml"
echo "init -o takes about $ms ms"
if ! kill_rounds "$((ROUNDS / 2))" "$ms" "$TMP/init-old.yaml" "$TMP/init-new.yaml" "$ans" init -q "$big" --force -o "$ans"; then
  CODE=137; not_ok "answers.yaml is neither the old nor the new version"; fi
echo "init -o: ${seen[old]:-0} old, ${seen[new]:-0} new, ${seen[torn]:-0} torn in $((${seen[old]:-0} + ${seen[new]:-0} + ${seen[torn]:-0})) kills"
[ "${seen[torn]:-0}" -eq 0 ] && ok
if [ "${seen[old]:-0}" -gt 0 ] && [ "${seen[new]:-0}" -gt 0 ]; then ok; else
  CODE=0; not_ok "init -o: kills should land both before and after the rename"; fi

# Leftovers: only temp files named after the outputs, from killed runs.
for f in "$TMP"/work/*; do
  case "${f##*/}" in
    report.json | answers.yaml | report.json.tmp.?????? | answers.yaml.tmp.??????) ok ;;
    *) CODE=0; not_ok "unexpected file left behind: $f" ;;
  esac
done
echo "temp files left by killed runs: $(find "$TMP/work" -name '*.tmp.*' | wc -l)"

# A successful write removes stale leftovers (over an hour old) of its own output, and nothing else.
touch "$TMP/work/report.json.tmp.AbC123" "$TMP/work/report.json.tmp.fresh1"
touch -d '2 hours ago' "$TMP/work/report.json.tmp.AbC123"
for f in "$TMP"/work/report.json.tmp.??????; do [ "${f##*.}" = fresh1 ] || touch -d '2 hours ago' "$f"; done
touch -d '2 hours ago' "$TMP/work/report.json.tmp.toolong7" "$TMP/work/other.json.tmp.AbC123" "$TMP/work/answers.yaml.tmp.Old999"
run assess -q "$big" -a "$TMP/no.yaml" -f json -o "$out"
expect_code 0 "a successful write after the kills"
expect_file_same "$TMP/new.json" "$out" "the report after a successful write"
left=$(cd "$TMP/work" && ls | grep '^report\.json\.tmp\.' | sort | tr '\n' ' ')
if [ "$left" = "report.json.tmp.fresh1 report.json.tmp.toolong7 " ]; then ok; else
  CODE=0; not_ok "stale report.json.tmp.XXXXXX files should be gone, others kept; left: $left"; fi
for keep in other.json.tmp.AbC123 answers.yaml.tmp.Old999; do
  if [ -e "$TMP/work/$keep" ]; then ok; else CODE=0; not_ok "$keep belongs to another output and must be kept"; fi
done
finish
