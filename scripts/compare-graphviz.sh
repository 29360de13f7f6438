#!/usr/bin/env bash
# Times cirkel against Graphviz twopi, side by side in one run (hyperfine,
# whole processes, medians), and compares PNG sizes; then times `cirkel
# batch` on 1,000 generated schools and reports its peak memory.
#
#   scripts/compare-graphviz.sh            # everything (about 5 minutes)
#   scripts/compare-graphviz.sh --quick    # the examples only
#
# Needs: graphviz (twopi), hyperfine, python3. Output: target/compare/.
# Each example is converted by scripts/to-dot.py to the closest twopi
# drawing (cards as boxes on the rings, ties and routes as edges; twopi
# draws no sectors, ring labels or legend), drawn 1600 px wide like cirkel.
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in twopi hyperfine python3; do
  command -v "$tool" >/dev/null || { echo "needs $tool (apt-get install graphviz hyperfine)" >&2; exit 2; }
done
cargo build --release --quiet -p cirkel-cli
cirkel=target/release/cirkel
out=target/compare
rm -rf "$out" && mkdir -p "$out"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "$(twopi -V 2>&1 | head -1); $($cirkel --version)"
echo
for input in examples/st-bernardusschool.json examples/obs-de-klimop.json examples/brede-school-de-horizon.json; do
  name=$(basename "$input" .json)
  dot="$out/$name.dot"
  python3 scripts/to-dot.py "$input" > "$dot"
  # twopi at 96 dpi, then the dpi that makes it 1600 px wide like cirkel.
  twopi -Tpng "$dot" -o "$out/probe.png"
  dpi=$(python3 -c 'import struct,sys; w=struct.unpack(">I", open(sys.argv[1],"rb").read()[16:20])[0]; print(round(96*1600/w, 3))' "$out/probe.png")
  hyperfine -N --warmup 3 --min-runs 20 --export-json "$out/$name.json" \
    -n "twopi -Tpng" "twopi -Tpng -Gdpi=$dpi $dot -o $out/$name.twopi.png" \
    -n "cirkel png" "$cirkel render $input -o $out/$name.cirkel.png" \
    -n "twopi -Tsvg" "twopi -Tsvg $dot -o $out/$name.twopi.svg" \
    -n "cirkel svg" "$cirkel render $input -o $out/$name.cirkel.svg" \
    -n "twopi -Tpdf" "twopi -Tpdf $dot -o $out/$name.twopi.pdf" \
    -n "cirkel pdf" "$cirkel render $input -o $out/$name.cirkel.pdf" \
    -n "cirkel --version" "$cirkel --version" >/dev/null 2>&1
  python3 - "$out/$name.json" "$out/$name" "$name" <<'PY'
import json, os, struct, sys
res = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
med = lambda k: sorted(res[k]["times"])[len(res[k]["times"]) // 2] * 1000
base, name = sys.argv[2], sys.argv[3]
def png(path):
    data = open(path, "rb").read()
    w, h = struct.unpack(">II", data[16:24])
    return f"{len(data) / 1024:.0f} KiB, {w}×{h}"
print(f"{name}")
for fmt, a, b in (("PNG", "cirkel png", "twopi -Tpng"), ("SVG", "cirkel svg", "twopi -Tsvg"), ("PDF", "cirkel pdf", "twopi -Tpdf")):
    print(f"  {fmt}: cirkel/twopi = {med(a) / med(b):.2f}  (cirkel {med(a):.1f} ms, twopi {med(b):.1f} ms, medians of {len(res[a]['times'])}/{len(res[b]['times'])} runs)")
print(f"  SVG against start-up: cirkel svg / cirkel --version = {med('cirkel svg') / med('cirkel --version'):.1f}  (start-up {med('cirkel --version'):.1f} ms)")
print(f"  PNG size: cirkel {png(base + '.cirkel.png')}; twopi {png(base + '.twopi.png')}")
kib = lambda p: f"{os.path.getsize(p) / 1024:.0f} KiB"
print(f"  PDF size: cirkel {kib(base + '.cirkel.pdf')} (with the description pages); twopi {kib(base + '.twopi.pdf')}")
PY
done
[ "${1:-}" = "--quick" ] && exit 0
echo
python3 scripts/make-schools.py 1000 "$out/schools"
hyperfine -N --runs 3 --export-json "$out/batch.json" \
  -n "cirkel batch 1000 → png" "$cirkel batch $out/schools -o $out/batch --quiet" >/dev/null 2>&1
hyperfine -N --runs 3 --export-json "$out/batch-fast.json" \
  -n "cirkel batch 1000 → png --fast-png" "$cirkel batch $out/schools -o $out/batch --quiet --fast-png" >/dev/null 2>&1
/usr/bin/time -f "%M" -o "$out/batch.rss" "$cirkel" batch "$out/schools" -o "$out/batch" --quiet 2>/dev/null
python3 - "$out/batch.json" "$out/batch-fast.json" "$out/batch.rss" <<'PY'
import json, sys
rss = int(open(sys.argv[3]).read().split()[-1]) / 1024
for path, how in ((sys.argv[1], "default PNG"), (sys.argv[2], "--fast-png")):
    r = json.load(open(path))["results"][0]
    t = sorted(r["times"])[len(r["times"]) // 2]
    print(f"batch ({how}): 1,000 schools to 1600 px PNG in {t:.1f} s (median of {len(r['times'])}), {t:.1f} ms per school on 2 cores")
print(f"batch peak memory: {rss:.0f} MiB")
PY
