#!/usr/bin/env bash
# The HTML reports are valid HTML for the W3C's Nu Html Checker (vnu.jar, from npm's vnu-jar package; it needs
# Java): the golden reports, reports rendered fresh from the saved fixtures and the example answers, and one
# rendered from a report whose references are hostile (quotes, <>, spaces, javascript:, data:, bad hosts,
# credentials, stray % and #). Only http(s) references become links, with hrefs a browser and the checker
# accept; every other reference stays text. Skips (exit 77, which CTest shows as skipped) when java or vnu.jar is
# not installed: `apt-get install default-jre-headless npm && npm install -g vnu-jar` (or set MM_VNU_JAR).
source "$(dirname "$0")/lib.sh"
VNU=${MM_VNU_JAR:-}
if [ -z "$VNU" ] && command -v npm >/dev/null; then VNU="$(npm root -g 2>/dev/null)/vnu-jar/build/dist/vnu.jar"; fi
if ! command -v java >/dev/null || [ -z "$VNU" ] || [ ! -f "$VNU" ]; then
  echo "SKIP: java or vnu.jar is not installed (apt-get install default-jre-headless npm; npm install -g vnu-jar);" \
    "the HTML reports were not validated"
  exit 77
fi
REPORTS=$MM_DATA/reports
mkdir -p "$TMP/html"

# A report whose references are hostile, made from the hostile fixture.
python3 - "$REPORTS/hostile.json" "$TMP/refs.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1], encoding="utf-8"))
r["gaps"][0]["references"] = [
    'https://example.org/?a=1&b="2"',
    "https://example.org/<script>alert(1)</script>",
    "javascript:alert(1)",
    "JavaScript:alert(2)",
    "data:text/html,<script>alert(3)</script>",
    "//example.org/protocol-relative",
    "https://example.org/a b{c}|d^e`f\\g[h]#i#j%zz%41",
    "https://example.org/tab\there\nnewline",
    "https://example.org/caf\u00e9/\u202e\u0085",
    "https://exa mple.org/",
    'https://ex"a<m>ple.org/',
    "https://user:secret@example.org/",
    "https://",
    "http://example.org:abc/",
    "http://[::1]:8080/ok",
    "HTTPS://Example.ORG/Upper",
]
json.dump(r, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False, indent=2)
PY
run report "$TMP/refs.json" -f html -o "$TMP/html/hostile-references.html"
expect_code 0 "render the report with hostile references"
OUT=$(cat "$TMP/html/hostile-references.html")
# Links only for http(s) URLs with a usable host, and no other scheme ever in an href.
[ "$(printf '%s' "$OUT" | grep -o '<a href="[^"]*"' | grep -cv '^<a href="https\?://')" -eq 0 ] && ok ||
  not_ok "an href that is not http(s): $(printf '%s' "$OUT" | grep -o '<a href="[^"]*"' | grep -v '^<a href="https\?://')"
expect_no_out '<script' "no script element from a reference"
expect_out 'javascript:alert(1)' "a javascript: reference is shown as text"
expect_out '<a href="http://[::1]:8080/ok" rel="noopener noreferrer">' "an IPv6 host is a link"
expect_out '<a href="https://example.org/?a=1&amp;b=%222%22" rel="noopener noreferrer">' "a quote in a URL is percent-encoded"
expect_out 'https://example.org/?a=1&amp;b=&quot;2&quot;</a>' "the link text shows the reference as written"
expect_out '<a href="https://example.org/%3Cscript%3Ealert(1)%3C/script%3E"' "<> in a URL are percent-encoded"
expect_no_out 'https://exa mple.org/</a>' "a reference whose host is no host stays text"
expect_no_out 'href="https://exa%20mple' "a reference whose host is no host gets no href"
expect_no_out 'href="https://user' "a reference with credentials gets no href"

cp "$MM_DATA"/golden/reports/*.html "$TMP/html/"
for fixture in "$REPORTS"/*.json; do
  name=$(basename "$fixture" .json)
  [ "$name" = schema-v2 ] && continue  # a report of a schema this tool refuses
  "$MM_BIN" report "$fixture" -f html -o "$TMP/html/report-$name.html" </dev/null || not_ok "report $name -f html"
done
for example in "$MM_SOURCE_DIR"/examples/*.yaml; do
  name=$(basename "$example" .yaml)
  "$MM_BIN" assess --answers "$example" -f html -o "$TMP/html/example-$name.html" </dev/null ||
    not_ok "assess $name -f html"
done
# The history page (tests/e2e/test_history.sh): three dated reports of one team and one of another (a note).
mkdir -p "$TMP/hist"
for q in 1:2026-01-15 2:2026-04-15 2:2026-09-30; do
  "$MM_BIN" assess --no-input -a "$REPORTS/acme-q${q%%:*}-answers.yaml" --team ACME -f json --date "${q#*:}" \
    -o "$TMP/hist/${q#*:}.json" </dev/null 2>/dev/null || not_ok "assess for the history page"
done
"$MM_BIN" assess --no-input -a "$REPORTS/beta-answers.yaml" --team '<b>Beta</b> & "co"' -f json --date 2026-10-01 \
  -o "$TMP/hist/beta.json" </dev/null 2>/dev/null
"$MM_BIN" history "$TMP/hist" -f html -o "$TMP/html/history.html" </dev/null 2>/dev/null || not_ok "history -f html"
n=$(ls "$TMP/html" | wc -l)
[ "$n" -ge 15 ] && ok || not_ok "expected at least 15 HTML files to check, found $n"

# One run of the checker over every file (it takes seconds to start).
timeout 240 java -jar "$VNU" --errors-only --format gnu "$TMP"/html/*.html >"$TMP/vnu" 2>&1
CODE=$? OUT="" ERR=$(head -c 3000 "$TMP/vnu")
expect_code 0 "the Nu Html Checker finds no error in $n HTML reports"
finish
