#!/usr/bin/env bash
# The HTML report in a real browser: Debian's headless Chromium renders it, the SVG chart is in the DOM, hostile
# text stays text (no element is created from it), and a screenshot is taken. Skips (exit 77, which CTest shows as
# skipped) when chromium is not installed: `apt-get install chromium`.
source "$(dirname "$0")/lib.sh"
REPORTS=$MM_DATA/reports
CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$CHROMIUM" ]; then
  echo "SKIP: chromium is not installed (apt-get install chromium); the HTML report was not checked in a browser"
  exit 77  # reported by CTest as skipped (SKIP_RETURN_CODE)
fi
PROFILE=$(mktemp -d)
trap 'rm -rf "$TMP" "$PROFILE"' EXIT
chrome() {
  timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync --user-data-dir="$PROFILE" \
    --hide-scrollbars "$@" 2>"$TMP/chrome.err"
}

for fixture in acme-q2-gate hostile; do
  run report "$REPORTS/$fixture.json" -f html -o "$TMP/$fixture.html"
  expect_code 0 "render $fixture.html"
  chrome --dump-dom "file://$TMP/$fixture.html" >"$TMP/$fixture.dom"
  CODE=$? OUT=$(cat "$TMP/$fixture.dom") ERR=$(tail -5 "$TMP/chrome.err")
  expect_code 0 "chromium renders $fixture.html"
  expect_out '<svg class="chart ' "the chart's svg is in the DOM ($fixture)"
  expect_out '<h2>Next steps</h2>' "the gap report is in the DOM ($fixture)"
  # Nothing from the report became an element: the only elements are the ones the renderer writes.
  expect_no_out '<script' "no script element in the DOM ($fixture)"
  expect_no_out '<img' "no img element in the DOM ($fixture)"
  expect_no_out '<iframe' "no iframe element in the DOM ($fixture)"
done
OUT=$(cat "$TMP/acme-q2-gate.dom")
expect_out '<polygon class="level" points=' "nine dimensions: a radar with the level polygon"
# Two charts (the wide one and the narrow one that narrow screens show instead): a dot per dimension in each.
[ "$(printf '%s' "$OUT" | grep -c '<circle class="dot"')" -eq 18 ] && ok || not_ok "a dot per dimension"
# The hostile report has two dimensions: a bar chart instead of a radar, and its title is text.
OUT=$(cat "$TMP/hostile.dom")
expect_out '<svg class="chart bars"' "two dimensions: bar chart"
expect_out '<h1>Hostile &lt;script&gt;alert(1)&lt;/script&gt; &amp; "quotes" | pipes `ticks`</h1>' "hostile title is text"

# The page is self-contained: nothing to fetch.
OUT=$(cat "$TMP/acme-q2-gate.html")
expect_no_out '<link' "no external stylesheet"
expect_no_out ' src=' "no external resource"
expect_no_out '@import' "no imported CSS"
expect_out "default-src 'none'" "a CSP forbids any fetch"

# A screenshot renders (PNG of the requested size).
chrome --window-size=1100,1400 --screenshot="$TMP/report.png" "file://$TMP/acme-q2-gate.html" >/dev/null
CODE=$?
expect_code 0 "chromium takes a screenshot"
if python3 - "$TMP/report.png" >"$TMP/png" 2>&1 <<'PY'
import struct, sys
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
width, height = struct.unpack(">II", data[16:24])
assert (width, height) == (1100, 1400), (width, height)
assert len(data) > 50000, "suspiciously small: %d bytes" % len(data)
PY
then ok; else not_ok "screenshot: $(cat "$TMP/png")"; fi
[ -n "${MM_SCREENSHOT_DIR:-}" ] && cp "$TMP/report.png" "$MM_SCREENSHOT_DIR/"
finish
