#!/bin/sh
# Builds the E-LHU fonts in resources/fonts/ from Debian's Noto Sans (package fonts-noto-core).
#
# The E-LHU needs a font with full Latin coverage (customer names, units such as µg/kg, °C, m³, ≤).
# Noto Sans has it. We keep the Latin, Greek (unit symbols), punctuation, symbol and math blocks
# and drop the OpenType layout tables (GSUB/GPOS/GDEF) and the hinting: shaping Latin text through
# Noto's large GPOS kerning tables made fontkit spend ~20 ms per report, and a report needs no
# ligatures or mark positioning (precomposed letters cover Latin). The result is a modified version
# under the same SIL Open Font License 1.1 (Noto declares no Reserved Font Name); see OFL.txt.
#
# Requires: apt-get install -y fonts-noto-core fonttools
set -eu
SRC=${NOTO_DIR:-/usr/share/fonts/truetype/noto}
OUT=$(dirname "$0")/../resources/fonts
command -v pyftsubset >/dev/null || { echo "pyftsubset missing: apt-get install -y fonttools" >&2; exit 1; }
[ -f "$SRC/NotoSans-Regular.ttf" ] || { echo "Noto Sans missing: apt-get install -y fonts-noto-core" >&2; exit 1; }
UNICODES="U+0020-007E,U+00A0-02FF,U+0300-036F,U+0370-03FF,U+1E00-1EFF,U+2000-206F,U+2070-209F,U+20A0-20CF,U+2100-214F,U+2150-218F,U+2190-21FF,U+2200-22FF,U+25A0-25FF,U+2C60-2C7F,U+A720-A7FF,U+AB30-AB6F,U+FB00-FB06"
for style in Regular Bold Italic; do
  pyftsubset "$SRC/NotoSans-$style.ttf" \
    --unicodes="$UNICODES" \
    --layout-features='' --drop-tables+=GSUB,GPOS,GDEF \
    --no-hinting --notdef-outline --name-IDs='*' --name-languages='*' \
    --output-file="$OUT/NotoSans-$style.ttf"
  echo "wrote $OUT/NotoSans-$style.ttf"
done
