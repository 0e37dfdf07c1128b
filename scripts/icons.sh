#!/usr/bin/env bash
# Draws the PNG icons of the web app manifest from public/icon.svg with Debian's Chromium (run it again
# after changing the SVG; the PNGs are committed): 192 and 512 px, and a maskable 512 px one whose mark
# stays inside the central 80 % that every launcher's mask keeps.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
svg=$(sed 's/<svg /<svg width="100%" height="100%" /' public/icon.svg)
draw() { # size out.png padding% radius
  local size=$1 out=$2 pad=$3 background=$4
  cat >"$work/icon.html" <<HTML
<!doctype html><html><body style="margin:0;background:$background">
<div style="width:${size}px;height:${size}px;padding:${pad}%;box-sizing:border-box">$svg</div></body></html>
HTML
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --default-background-color=00000000 \
    --window-size="$size,$size" --screenshot="$PWD/$out" "file://$work/icon.html" >/dev/null 2>&1
}
draw 192 public/icon-192.png 0 transparent
draw 512 public/icon-512.png 0 transparent
# Maskable: the brand colour to the edges, the mark in the safe zone.
draw 512 public/icon-maskable-512.png 12 '#0a4f82'
ls -l public/icon-*.png
