#!/usr/bin/env bash
# Reads the example school's 800 px picture back with OCR (tesseract, Dutch)
# and reports which of the words a reader must find it reads: the school,
# every role on a card and every ring's name. A check of legibility at
# newsletter size, not a test (OCR is a strict reader; people do better).
#   scripts/ocr-check.sh [CIRKEL_BINARY] [INPUT]
# Needs: tesseract-ocr, tesseract-ocr-nld (Debian).
set -euo pipefail
cd "$(dirname "$0")/.."
cirkel=${1:-./target/release/cirkel}
input=${2:-examples/st-bernardusschool.json}
command -v tesseract >/dev/null || { echo "tesseract is missing (apt-get install tesseract-ocr tesseract-ocr-nld)"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$cirkel" render "$input" --width 800 -o "$tmp/800.png" 2>/dev/null
tesseract "$tmp/800.png" "$tmp/ocr" -l nld >/dev/null 2>&1
python3 - "$input" "$tmp/ocr.txt" "$cirkel" <<'PY'
import json, sys, subprocess
doc = json.load(open(sys.argv[1]))
text = open(sys.argv[2]).read().lower()
words = [doc["school"]["name"]] + [r.get("label", r["id"]) for r in doc.get("rings", [])]
cat = {}
out = subprocess.run([sys.argv[3], "roles"], capture_output=True, text=True).stdout
for line in out.splitlines():
    parts = line.split(None, 1)
    if len(parts) == 2:
        cat[parts[0]] = parts[1].split("  ")[0].strip()
for m in doc["members"]:
    words.append(cat.get(m["role"], m["role"]))
found = [w for w in dict.fromkeys(words) if w.lower() in text]
missed = [w for w in dict.fromkeys(words) if w.lower() not in text]
print(f"read {len(found)} of {len(found) + len(missed)}: {', '.join(found)}")
if missed:
    print(f"not read: {', '.join(missed)}")
PY
