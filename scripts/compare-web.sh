#!/usr/bin/env bash
# WebAssembly against native, side by side in one run (issue 35): the same
# schools drawn as SVG, PNG (1600 px) and PDF, median of N runs each, in
# process, after three warm-up rounds: native (crates/bench/examples/in_process.rs), Node with the
# built package (web/bench.mjs) and headless Chromium (web/bench.html).
# Prints a Markdown table.
#   bash scripts/compare-web.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-15}
# Schools without photos (they would be read from beside the file): 10, 16
# (St. Bernardus and six of De Horizon) and 45 members.
schools=(examples/st-bernardusschool.json crates/bench/fixtures/zestien-leden.json examples/brede-school-de-horizon.json)
[ -f target/web/npm/cirkel.js ] || bash scripts/build-web.sh
cargo build --quiet --release -p cirkel-bench --example in_process
native=$(target/release/examples/in_process "$n" "${schools[@]}")
node=$(node web/bench.mjs "$n" "${schools[@]}")
# Headless Chromium, the package served from this folder.
port=$((8600 + RANDOM % 300))
python3 -m http.server "$port" --bind 127.0.0.1 >/dev/null 2>&1 &
static=$!
sleep 1
chromium=$(node web/bench-chromium.mjs "http://127.0.0.1:$port" "$n" "${schools[@]}" || true)
kill "$static" 2>/dev/null || true
echo "module load: Node $(echo "$node" | head -1), Chromium $(echo "$chromium" | head -1)"
python3 - "$native" "$node" "$chromium" <<'PY'
import json, sys
native = [json.loads(l) for l in sys.argv[1].splitlines() if l.strip()]
node = [json.loads(l) for l in sys.argv[2].splitlines() if l.strip() and '"file"' in l]
chrome = [json.loads(l) for l in sys.argv[3].splitlines() if l.strip() and '"file"' in l]
print("| school | format | native (ms) | Node (ms) | ratio | Chromium (ms) | ratio |")
print("|---|---|---:|---:|---:|---:|---:|")
for a in native:
    find = lambda rows: next((x for x in rows if x["file"] == a["file"] and x["format"] == a["format"]), None)
    b, c = find(node), find(chrome)
    name = a["file"].split("/")[-1].replace(".json", "")
    ratio = lambda x: f"{x['median_ms'] / max(a['median_ms'], 0.1):.1f}×" if x else "–"
    print(f"| {name} | {a['format']} | {a['median_ms']} | {b['median_ms'] if b else '–'} | {ratio(b)} | {c['median_ms'] if c else '–'} | {ratio(c)} |")
PY
