#!/usr/bin/env python3
"""Writes N made-up but realistic kernteam files (for batch benchmarks).

Usage: scripts/make-schools.py N DIR [SEED]

Each school has the fixed kernteam (intern begeleider(s), directeur,
CJG-coach, jeugdarts, JGZ-verpleegkundige, leerplichtambtenaar,
onderwijsconsulent), a few partners on call, 3 to 5 routes and two
meetings: 9 to 18 members, like the schools of the Impulstraject.
Deterministic for a given seed.
"""
import json
import random
import sys
from pathlib import Path

PLACES = ["Haarlem", "Zaandam", "Heemskerk", "Velsen", "Bloemendaal", "Zandvoort",
          "Beverwijk", "Castricum", "Uitgeest", "Heemstede", "Amstelveen", "Purmerend"]
NAMES = ["De Regenboog", "Het Kompas", "De Ark", "Sint Jozef", "De Vlinder", "Het Palet",
         "De Klimop", "Montessori", "De Wilgen", "Het Anker", "De Zonnewijzer", "Dalton"]
FIRST = ["Maaike", "Joost", "Anne", "Sanne", "Karin", "Lotte", "Mehmet", "Floor", "Fatima",
         "Pieter", "Yara", "Daan", "Noor", "Bram", "Esra", "Ruud", "Ilse", "Samira"]
LAST = ["van Lieren", "Smit", "de Wit", "Bakker", "Dekker", "Visser", "Yilmaz", "Oostendorp",
        "El Idrissi", "Groen", "Mansour", "de Jong", "Hoekstra", "Brink", "Kaya", "Vos"]
ON_CALL = ["veilig-thuis", "beschermtafel", "wijkagent", "huisarts", "jeugd-ggz",
           "schoolmaatschappelijk-werker", "wijkteam"]


def school(i, rng):
    person = lambda: f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    members = [
        {"id": "ib", "role": "intern-begeleider", "name": person(), "ring": "school",
         "availability": rng.choice(["ma, di en do", "wo en vr", "hele week"]),
         "tie": "strong"},
        {"id": "directeur", "role": "directeur", "name": person(), "ring": "school"},
        {"id": "cjg", "role": "cjg-coach", "name": person(),
         "organisation": f"CJG {rng.choice(PLACES)}", "tie": rng.choice(["strong", "normal"])},
        {"id": "jeugdarts", "role": "jeugdarts", "name": person(), "organisation": "GGD"},
        {"id": "jgz", "role": "jgz-verpleegkundige", "name": person(), "organisation": "GGD"},
        {"id": "lpa", "role": "leerplichtambtenaar", "name": person(),
         "tie": rng.choice(["normal", "tenuous", "stressful"])},
        {"id": "oc", "role": "onderwijsconsulent", "name": person()},
    ]
    if rng.random() < 0.5:
        members.insert(1, {"id": "ib-2", "role": "intern-begeleider", "name": person(),
                           "ring": "school", "organisation": "IB bovenbouw"})
    for role in rng.sample(ON_CALL, rng.randint(1, 5)):
        members.append({"id": role, "role": role, "ring": "netwerk",
                        "tie": rng.choice(["normal", "tenuous"])})
    on_call = [m["id"] for m in members if m.get("ring") == "netwerk"]
    routes = [
        {"id": "opvoeden", "question": "Kleine opvoedvragen, groei en ontwikkeling",
         "steps": ["ib", "jgz", "jeugdarts"]},
        {"id": "gedrag", "question": "Gedrag, thuissituatie, opvoedingsproblematiek",
         "steps": ["ib", "cjg"], "escalation": on_call[:2]},
        {"id": "verzuim", "question": "Verzuim en te laat komen", "steps": ["ib", "lpa"]},
        {"id": "passend", "question": "Passend onderwijs", "steps": ["ib", "oc"]},
    ][: rng.randint(3, 4)]
    return {
        "version": 1,
        "school": {"name": f"{rng.choice(['OBS', 'CBS', 'RKBS', 'Basisschool'])} {rng.choice(NAMES)}",
                   "place": rng.choice(PLACES), "sector": "po"},
        "school_year": "2026-2027",
        "rings": [{"id": "school", "label": "In de school"},
                  {"id": "kernteam", "label": "Kernteam"},
                  {"id": "netwerk", "label": "Op afroep"}],
        "members": members,
        "routes": routes,
        "meetings": [{"when": "oktober", "purpose": "Kennismaken"},
                     {"when": "maart", "purpose": "Casuïstiek"}],
    }


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    n, out = int(sys.argv[1]), Path(sys.argv[2])
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    out.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (out / f"school-{i + 1:04d}.json").write_text(
            json.dumps(school(i, rng), ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
