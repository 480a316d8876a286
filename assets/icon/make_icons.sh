#!/usr/bin/env bash
# Renders the app icon (sitematch.svg) to PNGs and a Windows .ico.
#   make_icons.sh            rewrites the committed sitematch.ico and sitematch-128.png
#   make_icons.sh DIR        also writes DIR/<size>x<size>/sitematch.png for the hicolor theme
# Needs rsvg-convert (librsvg2-bin) and icotool (icoutils).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
svg="$here/sitematch.svg"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for s in 16 24 32 48 64 128 256; do
    rsvg-convert -w "$s" -h "$s" "$svg" -o "$work/$s.png"
done
if [ $# -ge 1 ]; then
    for s in 16 24 32 48 64 128 256; do
        mkdir -p "$1/${s}x${s}"
        cp "$work/$s.png" "$1/${s}x${s}/sitematch.png"
    done
else
    # The 48, 64 and 256 px images are stored as PNG inside the .ico (Windows Vista and later read it).
    icotool -c -o "$here/sitematch.ico" "$work/16.png" "$work/24.png" "$work/32.png" \
        -r "$work/48.png" -r "$work/64.png" -r "$work/256.png"
    cp "$work/128.png" "$here/sitematch-128.png"
fi
