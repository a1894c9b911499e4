#!/usr/bin/env bash
# The atlas in a real browser: `abigen doc` writes the site of the bundled spec, headless
# Chromium renders the index and memory_op.html at 1280x900 and memory_op.html at a phone's
# 390x844, and scripts/png-check.py checks each PNG has that size and is not blank.
#
# Usage: scripts/doc-browser-test.sh [ABIGEN]   (default .build/release/abigen)
# CHROMIUM names the browser (default: chromium or chromium-browser on PATH); with
# DOC_BROWSER_KEEP=DIR the screenshots are copied there. Exit 0 when every image passes.
set -euo pipefail
cd "$(dirname "$0")/.."
abigen=${1:-.build/release/abigen}
chromium=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
if [ -z "$chromium" ]; then
  echo "doc-browser-test: error: no chromium on PATH (Debian: apt-get install -y chromium)" >&2
  exit 1
fi
command -v python3 >/dev/null || { echo "doc-browser-test: error: python3 is needed to read the PNGs" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/abigen-doc-browser.XXXXXX")
trap 'rm -rf "$work"' EXIT
"$abigen" doc --output "$work/site" >/dev/null

# Chromium refuses to run as root inside its sandbox; the profile is thrown away with $work.
flags=(--headless --disable-gpu --hide-scrollbars --no-first-run --user-data-dir="$work/profile")
[ "$(id -u)" = 0 ] && flags+=(--no-sandbox)

shoot() {
  local page=$1 width=$2 height=$3 png="$work/${1%.html}-$2x$3.png"
  if ! timeout 90 "$chromium" "${flags[@]}" --window-size="$width,$height" --screenshot="$png" \
    "file://$work/site/$page" >"$work/chromium.log" 2>&1 || [ ! -s "$png" ]; then
    echo "doc-browser-test: error: chromium did not render $page:" >&2
    tail -n 20 "$work/chromium.log" >&2
    exit 1
  fi
  python3 scripts/png-check.py "$png" "$width" "$height"
  if [ -n "${DOC_BROWSER_KEEP:-}" ]; then
    mkdir -p "$DOC_BROWSER_KEEP"
    cp "$png" "$DOC_BROWSER_KEEP/"
  fi
}

shoot index.html 1280 900
shoot memory_op.html 1280 900
shoot memory_op.html 390 844
echo "doc-browser-test: ok"
