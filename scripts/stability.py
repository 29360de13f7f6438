#!/usr/bin/env python3
"""How far do the other cards move when a school removes one member?

For each member of INPUT, lays out the file without that member and reports
the largest and the median move (in layout px) of every other card, and
whether the circle's size changed. Usage: scripts/stability.py INPUT [CIRKEL]
"""
import json, statistics, subprocess, sys, tempfile

def layout(doc, cirkel):
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(doc, f)
    out = subprocess.run([cirkel, "layout", f.name], capture_output=True, check=True)
    return json.loads(out.stdout)

def main():
    path = sys.argv[1]
    cirkel = sys.argv[2] if len(sys.argv) > 2 else "target/release/cirkel"
    doc = json.load(open(path))
    base = layout(doc, cirkel)
    pos = {n["id"]: (n["x"] - base["centre"]["x"], n["y"] - base["centre"]["y"]) for n in base["nodes"]}
    moves_all = []
    for i, m in enumerate(doc["members"]):
        d = json.loads(json.dumps(doc))
        gone = d["members"].pop(i)
        d["routes"] = [r for r in d.get("routes", []) if gone["id"] not in r["steps"] + r.get("escalation", [])]
        l = layout(d, cirkel)
        moves = [((n["x"] - l["centre"]["x"] - pos[n["id"]][0]) ** 2 + (n["y"] - l["centre"]["y"] - pos[n["id"]][1]) ** 2) ** 0.5 for n in l["nodes"]]
        moves_all.extend(moves)
        print(f"without {gone['id']:>20}: max move {max(moves):7.1f} px, median {statistics.median(moves):6.1f} px, width {base['width']:.0f} -> {l['width']:.0f}")
    print(f"over all removals: median move {statistics.median(moves_all):.1f} px, 90th percentile {sorted(moves_all)[int(len(moves_all)*0.9)]:.1f} px")

main()
