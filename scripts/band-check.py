#!/usr/bin/env python3
"""Counts the cards that cross their ring's band (quality bar 7).

Usage: scripts/band-check.py [--cirkel PATH] [--schools N] [--seed S] [INPUT...]

Lays out each input (default: the three examples, plus N schools from
scripts/make-schools.py, default 120) with `cirkel layout` at 1600 px, at
800 px (which picks compact cards through the legibility rule) and for an
A4 page (`--paper a4`, what the PDF draws), and holds every card's
rectangle against its own ring's band (`inner_radius`/`outer_radius` in the
layout JSON; the first ring's band starts at the school's disc). A card
crosses when its nearest point lies inside the band's inner line or its
farthest corner outside the band's outer line by more than 2 px at 800 px
scale (layout px times 800 / the layout's width).

Prints, per target, the cards and the schools that cross, the worst
crossing, and the circle's size; exits 1 when any card crosses.
"""
import argparse
import json
import math
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOLERANCE_PX = 2.0
TARGETS = [("1600 px", ["--width", "1600"]), ("800 px", ["--width", "800"]),
           ("A4 PDF", ["--format", "pdf"])]


def crossings(layout):
    """(card id, px over at 800 px scale) for every card over its band."""
    cx, cy = layout["centre"]["x"], layout["centre"]["y"]
    scale = 800.0 / layout["width"]
    rings = {r["id"]: r for r in layout["rings"]}
    out = []
    for n in layout["nodes"]:
        ring = rings[n["ring"]]
        x0 = n["x"] - n["width"] / 2 - cx
        y0 = n["y"] - n["height"] / 2 - cy
        x1, y1 = x0 + n["width"], y0 + n["height"]
        far = max(math.hypot(x, y) for x in (x0, x1) for y in (y0, y1))
        nx = 0.0 if x0 <= 0 <= x1 else min(abs(x0), abs(x1))
        ny = 0.0 if y0 <= 0 <= y1 else min(abs(y0), abs(y1))
        near = math.hypot(nx, ny)
        over = max(ring["inner_radius"] - near, far - ring["outer_radius"], 0.0) * scale
        if over > TOLERANCE_PX:
            out.append((n["id"], over))
    return out


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--cirkel", default=str(ROOT / "target/release/cirkel"))
    p.add_argument("--schools", type=int, default=120)
    p.add_argument("--seed", default="7")
    p.add_argument("inputs", nargs="*")
    a = p.parse_args()
    inputs = [Path(i) for i in a.inputs]
    if not inputs:
        inputs = sorted(x for x in (ROOT / "examples").glob("*.json")
                        if not x.name.endswith(".layout.json"))
    tmp = tempfile.TemporaryDirectory()
    if a.schools > 0:
        subprocess.run([sys.executable, str(ROOT / "scripts/make-schools.py"),
                        str(a.schools), tmp.name, a.seed], check=True,
                       stdout=subprocess.DEVNULL)
        inputs += sorted(Path(tmp.name).glob("*.json"))
    failed = False
    for label, args in TARGETS:
        cards = crossing_cards = crossing_schools = 0
        worst = (0.0, "")
        sizes = []
        for i in inputs:
            r = subprocess.run([a.cirkel, "layout", str(i), *args],
                               capture_output=True, text=True)
            if r.returncode != 0:
                print(f"{i}: cirkel layout failed: {r.stderr.strip()}", file=sys.stderr)
                failed = True
                continue
            layout = json.loads(r.stdout)
            cards += len(layout["nodes"])
            over = crossings(layout)
            crossing_cards += len(over)
            crossing_schools += bool(over)
            for card, px in over:
                if px > worst[0]:
                    worst = (px, f"{i.name}: {card}")
            sizes.append((i.name, layout["outer_radius"] * 2, layout["width"],
                          layout["min_font_size"] * 800.0 / layout["width"]))
        failed |= crossing_cards > 0
        print(f"{label}: {crossing_cards} of {cards} cards cross their band "
              f"by more than {TOLERANCE_PX:g} px at 800 px scale, in "
              f"{crossing_schools} of {len(inputs)} schools"
              + (f"; worst {worst[0]:.1f} px ({worst[1]})" if worst[1] else ""))
        if sizes:
            mean_text = sum(s[3] for s in sizes) / len(sizes)
            mean_circle = sum(s[1] for s in sizes) / len(sizes)
            print(f"    all: mean circle {mean_circle:.0f} px, mean smallest text at 800 px "
                  f"{mean_text:.2f} px")
        for name, circle, width, text in sizes[:len(inputs) - a.schools]:
            print(f"    {name}: circle {circle:.0f} of {width:.0f} px wide; "
                  f"smallest text at 800 px {text:.2f} px")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
