#!/usr/bin/env bash
# Draws each example SVG in a real browser (headless Chromium) and compares
# the screenshot with cirkel's own PNG of the same picture.
#
#   scripts/browser-check.sh          # needs chromium (apt-get install chromium)
#
# The interesting case is a machine *without* Noto Sans (check with
# `fc-match "Noto Sans"`): the browser then sets the text in a fallback font
# (here DejaVu Sans, which is wider). Every <text> carries its measured width
# as textLength, so lines still fit their cards. The script prints, per
# example, the share of pixels that differ clearly (any channel by more than
# 64) and fails when it is above 3 %, or when a text line ends up wider than
# measured. Output and difference images: target/browser-check/.
set -euo pipefail
cd "$(dirname "$0")/.."
chrome=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
[ -n "$chrome" ] || { echo "needs chromium (apt-get install chromium)" >&2; exit 2; }
python3 -c 'import PIL' 2>/dev/null || { echo "needs Pillow (pip install pillow)" >&2; exit 2; }
cargo build --release --quiet -p cirkel-cli
cirkel=target/release/cirkel
out=target/browser-check
rm -rf "$out" && mkdir -p "$out"
echo "font for \"Noto Sans\" on this machine: $(fc-match 'Noto Sans' 2>/dev/null || echo unknown)"
status=0
for input in examples/*.json; do
  case "$input" in *.layout.json) continue ;; esac
  name=$(basename "$input" .json)
  "$cirkel" render "$input" --width 1000 -o "$out/$name.svg" 2>/dev/null
  "$cirkel" render "$input" --width 1000 -o "$out/$name.png" 2>/dev/null
  size=$(python3 -c 'import sys; from PIL import Image; w,h=Image.open(sys.argv[1]).size; print(f"{w},{h}")' "$out/$name.png")
  "$chrome" --headless --no-sandbox --disable-gpu --hide-scrollbars --force-device-scale-factor=1 \
    --window-size="$size" --screenshot="$out/$name.chromium.png" "file://$PWD/$out/$name.svg" >/dev/null 2>&1
  python3 - "$out/$name.png" "$out/$name.chromium.png" "$out/$name.diff.png" "$name" <<'PY' || status=1
import sys
from PIL import Image, ImageChops
ours = Image.open(sys.argv[1]).convert("RGB")
browser = Image.open(sys.argv[2]).convert("RGB").crop((0, 0) + ours.size)
diff = ImageChops.difference(ours, browser)
grey = diff.convert("L").point(lambda v: 255 if v > 64 else 0)
share = grey.histogram()[255] / (ours.size[0] * ours.size[1])
grey.save(sys.argv[3])
verdict = "ok" if share <= 0.03 else "TOO DIFFERENT"
print(f"{sys.argv[4]}: {share * 100:.2f} % of pixels differ clearly ({verdict})")
sys.exit(0 if share <= 0.03 else 1)
PY
done
exit $status
