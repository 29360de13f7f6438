#!/usr/bin/env python3
"""Converts a cirkel input file to the closest Graphviz `twopi` drawing.

Usage: scripts/to-dot.py INPUT.json > OUT.dot

The school is the root; each member is a box with the same lines as its
card in cirkel (role, name, organisation, availability, expertise), filled
with its domain colour, on the circle of its ring (ring k hangs from the
root through k invisible points, so twopi puts it on circle k + 1). Ties are
the edges from the school (bold, dashed for tenuous, and so on); routes are
coloured edges along their steps. twopi draws no sectors, ring labels or
legend: this is the comparison's head start.
"""
import json
import sys

DOMAIN_COLOURS = {
    "onderwijs": "#005f9e", "samenwerkingsverband": "#5a3e9a", "leerplicht": "#9c4a00",
    "gezondheid": "#007356", "jeugdhulp": "#b02e62", "veiligheid": "#8e1c1c", "overig": "#55555a",
}
ROLE_DOMAINS = {
    "intern-begeleider": "onderwijs", "directeur": "onderwijs", "leerkracht": "onderwijs",
    "orthopedagoog": "onderwijs", "onderwijsconsulent": "samenwerkingsverband",
    "cjg-coach": "jeugdhulp", "wijkteam": "jeugdhulp", "schoolmaatschappelijk-werker": "jeugdhulp",
    "jeugdarts": "gezondheid", "jgz-verpleegkundige": "gezondheid", "huisarts": "gezondheid",
    "jeugd-ggz": "gezondheid", "leerplichtambtenaar": "leerplicht", "veilig-thuis": "veiligheid",
    "beschermtafel": "veiligheid", "wijkagent": "veiligheid",
}
TIE_STYLE = {"strong": "penwidth=4", "normal": "penwidth=1.5",
             "tenuous": "style=dashed penwidth=1.5", "stressful": "style=tapered penwidth=3"}
ROUTE_COLOURS = ["#d55e00", "#0072b2", "#009e73", "#cc79a7", "#e69f00", "#1d1d1f", "#56b4e9"]


def esc(text):
    return str(text).replace("\\", "\\\\").replace('"', '\\"')


def main():
    data = json.load(open(sys.argv[1], encoding="utf-8"))
    rings = [r["id"] for r in data.get("rings", [{"id": "school"}, {"id": "kernteam"}, {"id": "netwerk"}])]
    out = ["digraph cirkel {", '  graph [root=school overlap=false splines=true ranksep=2.2 fontname="Noto Sans"];',
           '  node [fontname="Noto Sans" fontsize=11 shape=box style="rounded,filled" fillcolor=white];',
           '  edge [arrowhead=none color="#5f636b"];']
    school = data["school"]
    out.append(f'  school [label="{esc(school["name"])}\\n{esc(school.get("place", ""))}" shape=circle '
               'fillcolor="#1d2b4a" fontcolor=white fontsize=14];')
    for i, m in enumerate(data.get("members", [])):
        mid = m.get("id", f"m{i}")
        role = m.get("role", "")
        domain = m.get("domain") or ROLE_DOMAINS.get(role, "overig")
        lines = [role.replace("-", " ").capitalize() if role in ROLE_DOMAINS else role]
        for key in ("name", "organisation", "availability"):
            if m.get(key):
                lines.append(m[key])
        if m.get("expertise"):
            lines.append(" · ".join(m["expertise"]))
        label = "\\n".join(esc(x) for x in lines)
        out.append(f'  "{esc(mid)}" [label="{label}" color="{DOMAIN_COLOURS[domain]}" penwidth=2];')
        ring = rings.index(m["ring"]) if m.get("ring") in rings else 1
        previous = "school"
        for k in range(ring):
            hop = f"{esc(mid)}__{k}"
            out.append(f'  "{hop}" [shape=point style=invis width=0];')
            out.append(f'  "{previous}" -> "{hop}" [style=invis];')
            previous = hop
        style = TIE_STYLE.get(m.get("tie", "normal"), "")
        out.append(f'  "{previous}" -> "{esc(mid)}" [{style}];')
    for r, route in enumerate(data.get("routes", [])):
        colour = ROUTE_COLOURS[r % len(ROUTE_COLOURS)]
        stops = ["school"] + route.get("steps", [])
        for a, b in zip(stops, stops[1:]):
            out.append(f'  "{esc(a)}" -> "{esc(b)}" [color="{colour}" penwidth=3 arrowhead=normal constraint=false];')
        esc_stops = stops[-1:] + route.get("escalation", [])
        for a, b in zip(esc_stops, esc_stops[1:]):
            out.append(f'  "{esc(a)}" -> "{esc(b)}" [color="{colour}" penwidth=3 style=dashed arrowhead=normal constraint=false];')
    out.append("}")
    print("\n".join(out))


if __name__ == "__main__":
    main()
