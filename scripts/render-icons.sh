#!/bin/sh
# Renders the app icon's PNG sizes from its SVG into resources/icons/hicolor. The PNGs are
# committed, so building needs no SVG renderer; run this after changing the SVG.
# Needs rsvg-convert (Debian package librsvg2-bin) and icotool (icoutils).
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
svg="$here/resources/icons/org.softphone.Softphone.svg"
for size in 16 24 32 48 64 128 256; do
    dir="$here/resources/icons/hicolor/${size}x${size}/apps"
    mkdir -p "$dir"
    rsvg-convert -w "$size" -h "$size" "$svg" -o "$dir/org.softphone.Softphone.png"
done
# The Windows installer's icon (needs icotool, Debian package icoutils).
icons="$here/resources/icons/hicolor"
icotool -c -o "$here/packaging/windows/softphone.ico" \
    "$icons/16x16/apps/org.softphone.Softphone.png" "$icons/32x32/apps/org.softphone.Softphone.png" \
    "$icons/48x48/apps/org.softphone.Softphone.png" "$icons/256x256/apps/org.softphone.Softphone.png"
