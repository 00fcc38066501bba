#!/usr/bin/env bash
# Regenerates the raster icons from the SVG sources. The outputs are committed, so builds never need these tools.
#   dumplens-small.svg -> 16 px (pixel-fitted variant)
#   dumplens.svg       -> 24 .. 512 px
#   PNGs -> dumplens.ico (Windows, 16..256) and dumplens.icns (macOS, 16..512)
# Needs Debian's librsvg2-bin (rsvg-convert), imagemagick (convert) and icnsutils (png2icns); installs them when
# run as root and they are missing.
set -euo pipefail
cd "$(dirname "$0")"

need() {
    local tool=$1 package=$2
    command -v "$tool" >/dev/null && return
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null
    else
        echo "build-icons.sh: '$tool' is missing; install the Debian package '$package'" >&2
        exit 1
    fi
}
need rsvg-convert librsvg2-bin
need png2icns icnsutils
# /usr/bin/convert is ImageMagick's; a different 'convert' may come first on PATH
[ -x /usr/bin/convert ] || need /usr/bin/convert imagemagick
CONVERT=/usr/bin/convert

mkdir -p png
rsvg-convert -w 16 -h 16 dumplens-small.svg -o png/dumplens-16.png
for size in 24 32 48 64 128 256 512; do
    rsvg-convert -w "$size" -h "$size" dumplens.svg -o "png/dumplens-$size.png"
done

# -strip leaves out timestamps so that rebuilding unchanged sources gives identical files
for f in png/*.png; do "$CONVERT" "$f" -strip "$f"; done

"$CONVERT" png/dumplens-{16,24,32,48,64,128,256}.png dumplens.ico
png2icns dumplens.icns png/dumplens-{16,32,48,128,256,512}.png >/dev/null
echo "icons: $(ls png | wc -l) PNGs, dumplens.ico, dumplens.icns"
