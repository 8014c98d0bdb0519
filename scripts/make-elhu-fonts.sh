#!/bin/sh
# Builds the E-LHU fonts in resources/fonts/ from Debian's Noto Sans (package fonts-noto-core).
#
# The E-LHU needs a font with full Latin coverage (customer names, units such as µg/kg, °C, m³, ≤).
# Noto Sans has it. We keep the Latin, Greek (unit symbols), punctuation, symbol and math blocks
# and drop the OpenType layout tables (GSUB/GPOS/GDEF) and the hinting: shaping Latin text through
# Noto's large GPOS kerning tables made fontkit spend ~20 ms per report, and a report needs no
# ligatures or mark positioning (precomposed letters cover Latin). Noto Sans has no ≤ ≥ ≠ ≈ √ ∞
# or arrows, which requirements use: those glyphs are merged in from Noto Sans Math (regular weight
# in all three styles). The result is a modified version under the same SIL Open Font License 1.1
# (Noto declares no Reserved Font Name); see OFL.txt.
#
# Requires: apt-get install -y fonts-noto-core fonttools
set -eu
SRC=${NOTO_DIR:-/usr/share/fonts/truetype/noto}
OUT=$(dirname "$0")/../resources/fonts
command -v pyftsubset >/dev/null || { echo "pyftsubset missing: apt-get install -y fonttools" >&2; exit 1; }
[ -f "$SRC/NotoSans-Regular.ttf" ] || { echo "Noto Sans missing: apt-get install -y fonts-noto-core" >&2; exit 1; }
UNICODES="U+0020-007E,U+00A0-02FF,U+0300-036F,U+0370-03FF,U+1E00-1EFF,U+2000-206F,U+2070-209F,U+20A0-20CF,U+2100-214F,U+2150-218F,U+2190-21FF,U+2200-22FF,U+25A0-25FF,U+2C60-2C7F,U+A720-A7FF,U+AB30-AB6F,U+FB00-FB06"
PY=/usr/bin/python3
$PY -c 'import fontTools' 2>/dev/null || { echo "python3-fonttools missing: apt-get install -y fonttools" >&2; exit 1; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
# Math symbols and arrows from Noto Sans Math, for the glyphs Noto Sans lacks.
pyftsubset "$SRC/NotoSansMath-Regular.ttf" --unicodes="U+2190-21FF,U+2200-22FF" \
  --layout-features='' --drop-tables+=GSUB,GPOS,GDEF,MATH --no-hinting --output-file="$WORK/math.ttf"
for style in Regular Bold Italic; do
  pyftsubset "$SRC/NotoSans-$style.ttf" \
    --unicodes="$UNICODES" \
    --layout-features='' --drop-tables+=GSUB,GPOS,GDEF \
    --no-hinting --notdef-outline --name-IDs='*' --name-languages='*' \
    --output-file="$WORK/NotoSans-$style.ttf"
  # Noto Sans first: its glyphs win where both fonts have one. Glyph data padded to 4 bytes: the
  # merger writes it unpadded, and fontkit's subsetter then writes a short 'loca' whose offsets
  # (stored halved) are wrong for odd-length glyphs, garbling every glyph after the first odd one.
  $PY -c 'import sys; from fontTools.merge import Merger; f = Merger().merge(sys.argv[1:3]); f["glyf"].padding = 4; f.save(sys.argv[3])' \
    "$WORK/NotoSans-$style.ttf" "$WORK/math.ttf" "$OUT/NotoSans-$style.ttf"
  echo "wrote $OUT/NotoSans-$style.ttf"
done
