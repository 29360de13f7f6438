#!/usr/bin/env bash
# WebAssembly against native, side by side in one run (issue 35): the same
# schools drawn as SVG, PNG (1600 px) and PDF, median of N runs each, in
# process: native (crates/bench/examples/in_process.rs) and Node with the
# built package (web/bench.mjs). Prints a Markdown table.
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
echo "$node" | head -1
python3 - "$native" "$node" <<'PY'
import json, sys
native = [json.loads(l) for l in sys.argv[1].splitlines() if l.strip()]
node = [json.loads(l) for l in sys.argv[2].splitlines() if l.strip() and '"file"' in l]
print("| school | format | native (ms) | Node (ms) | ratio | Node first call (ms) |")
print("|---|---|---:|---:|---:|---:|")
for a in native:
    b = next(x for x in node if x["file"] == a["file"] and x["format"] == a["format"])
    name = a["file"].split("/")[-1].replace(".json", "")
    print(f"| {name} | {a['format']} | {a['median_ms']} | {b['median_ms']} | {b['median_ms'] / max(a['median_ms'], 0.1):.1f}× | {b['first_ms']} |")
PY
