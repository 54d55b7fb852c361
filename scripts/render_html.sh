#!/usr/bin/env bash
# Renders the sample corpus's HTML report in a real browser: exports
# `annotations/` (texts in `examples/articles/`) with `byline export
# --format html`, then has Debian's headless Chromium screenshot it.
#
#   scripts/render_html.sh [OUT.png]      default: target/report.png
#
# Also writes the page itself beside the PNG (target/report.html). Fails
# when Chromium is missing, the export fails, the PNG is not written, or
# (with python3) the PNG lacks the highlight and chart colours the page
# draws (scripts/png_colors.py). The window (1280x6500) is tall enough to show the
# overview's charts and the first article's highlighted text (with the
# sample sources.toml, the overview also holds the sources tables).
# Nothing it makes is committed.
set -euo pipefail
cd "$(dirname "$0")/.."

png="${1:-target/report.png}"
mkdir -p "$(dirname "$png")"
html="${png%.png}.html"

browser=""
for b in chromium chromium-browser google-chrome; do
  if command -v "$b" >/dev/null 2>&1; then browser="$b"; break; fi
done
if [ -z "$browser" ]; then
  echo "render_html.sh: no chromium on PATH; install it (apt-get install chromium)" >&2
  exit 1
fi

# BYLINE_BIN names a byline binary to use; else the current sources are
# built (a debug build, which `cargo test` has usually made already).
bin="${BYLINE_BIN:-}"
if [ -z "$bin" ]; then
  cargo build --quiet --locked
  bin=target/debug/byline
fi

"$bin" export annotations --format html -o "$html"

profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
rm -f "$png"
# No network, no first-run work: the page must render from disk alone.
"$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$profile" --hide-scrollbars \
  --screenshot="$png" --window-size="${WINDOW:-1280,6500}" \
  "file://$(realpath "$html")" >/dev/null 2>&1 || true

if [ ! -s "$png" ]; then
  echo "render_html.sh: chromium wrote no screenshot to $png" >&2
  exit 1
fi
# A PNG starts with these eight bytes.
if [ "$(head -c 8 "$png" | od -An -tx1 | tr -d ' \n')" != "89504e470d0a1a0a" ]; then
  echo "render_html.sh: $png is not a PNG" >&2
  exit 1
fi
# Chromium drew the page as styled: the three kinds' highlights in the
# text, their colours in the stacked bars and strips, the charts' bars.
if command -v python3 >/dev/null 2>&1; then
  if ! python3 scripts/png_colors.py "$png" \
      highlighted-text=dbeafe,ffedd5,fae8ff \
      sourced=2563eb anonymous=c2410c editorial=a21caf chart-bars=475569 >"$png.colors"; then
    echo "render_html.sh: $png lacks colours the report draws:" >&2
    cat "$png.colors" >&2
    exit 1
  fi
fi
echo "render_html.sh: $html rendered to $png ($(wc -c <"$png") bytes)"
