#!/usr/bin/env bash
# Regenerates the example outputs that README.md shows and the golden files
# the tests compare with, from examples/*.json:
#   examples/NAME.svg, NAME.png         the diagram (golden: SVG bytes, PNG ±2)
#   examples/NAME.layout.json           the layout (golden)
#   examples/describe/NAME.{nl,en}.{txt,md}   `cirkel describe` (golden)
#   examples/describe/st-bernardusschool.sinds-vorig-jaar.{nl,en}.{txt,md}
#                                       `cirkel diff` against last year's file,
#                                       examples/vorig-jaar/ (golden)
#   examples/vorig-jaar/st-bernardusschool.sinds-vorig-jaar.{svg,png}
#                                       the example drawn with `--since` last
#                                       year's file (golden, like NAME.svg/png)
#   examples/samenwerkingsverband/      a partner list and three schools that refer to
#                                       it: each school's PNG (to look at) and
#                                       `cirkel partners` as overzicht.nl.md (golden)
#   examples/html/st-bernardusschool{,.pagina}.html   the figure for a website
#                                       and a page of its own (golden)
#   examples/routes/NAME.ROUTE.png      one highlighted diagram per route (to look at)
#   examples/themes/NAME.THEME.png      the example school in every other bundled
#                                       theme (golden, like NAME.png)
#   examples/privacy/NAME.roles.svg     the photo example without personal data
#                                       (golden, for the library test)
#   examples/st-bernardusschool.xlsx    the example school as a workbook, made by
#                                       `cirkel convert` (golden: bytes, and it
#                                       draws the JSON's bytes)
# Run it after any change to layout, rendering or describe; `cargo test`
# fails while the committed golden files are stale.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet -p cirkel-cli
cirkel=./target/release/cirkel
mkdir -p examples/describe examples/routes examples/themes
rm -f examples/routes/*.png examples/themes/*.png
for input in examples/*.json; do
  case "$input" in *.layout.json) continue ;; esac
  base="${input%.json}"
  name="$(basename "$base")"
  "$cirkel" render "$input" -o "$base.svg" 2>/dev/null
  "$cirkel" render "$input" -o "$base.png" 2>/dev/null
  # The PDF (A4) where the circle reads on A4; 44 members need more paper.
  [ "$name" != brede-school-de-horizon ] && "$cirkel" render "$input" -o "$base.pdf" 2>/dev/null
  "$cirkel" layout "$input" > "$base.layout.json" 2>/dev/null
  for lang in nl en; do
    "$cirkel" describe "$input" --lang "$lang" > "examples/describe/$name.$lang.txt" 2>/dev/null
    "$cirkel" describe "$input" --lang "$lang" --format markdown > "examples/describe/$name.$lang.md" 2>/dev/null
  done
  for route in $(python3 -c 'import json,sys; print(" ".join(r.get("id", "route-%d" % (i + 1)) for i, r in enumerate(json.load(open(sys.argv[1])).get("routes", []))))' "$input"); do
    "$cirkel" render "$input" --route "$route" --width 1000 -o "examples/routes/$name.$route.png" 2>/dev/null
  done
  if [ "$name" = obs-de-klimop ]; then
    mkdir -p examples/privacy
    "$cirkel" render "$input" --privacy roles -o "examples/privacy/$name.roles.svg" 2>/dev/null
  fi
  if [ "$name" = st-bernardusschool ]; then
    "$cirkel" convert "$input" "$base.xlsx" --force >/dev/null 2>&1
    for theme in print contrast; do
      "$cirkel" render "$input" --theme "$theme" -o "examples/themes/$name.$theme.png" 2>/dev/null
    done
  fi
  echo "regenerated $name"
done
# What changed since last year (the kennismaking list of `cirkel diff`).
for lang in nl en; do
  for format in txt md; do
    kind=text; [ "$format" = md ] && kind=markdown
    "$cirkel" diff examples/vorig-jaar/st-bernardusschool.json examples/st-bernardusschool.json \
      --lang "$lang" --format "$kind" > "examples/describe/st-bernardusschool.sinds-vorig-jaar.$lang.$format" 2>/dev/null
  done
done
since=examples/vorig-jaar/st-bernardusschool.sinds-vorig-jaar
for format in svg png; do
  "$cirkel" render examples/st-bernardusschool.json --since examples/vorig-jaar/st-bernardusschool.json \
    -o "$since.$format" 2>/dev/null
done
echo "regenerated the changes since last year"
# A samenwerkingsverband: its partner list over its three schools.
svb=examples/samenwerkingsverband
for school in de-ark de-linde het-kompas; do
  "$cirkel" render "$svb/$school.json" -o "$svb/$school.png" --width 1000 2>/dev/null
done
"$cirkel" partners "$svb/partners.json" "$svb/de-ark.json" "$svb/de-linde.json" "$svb/het-kompas.json" \
  --format markdown > "$svb/overzicht.nl.md" 2>/dev/null
echo "regenerated the samenwerkingsverband"
# For a school's website: the figure to paste, and a page of its own.
mkdir -p examples/html
"$cirkel" render examples/st-bernardusschool.json --format html -o examples/html/st-bernardusschool.html 2>/dev/null
"$cirkel" render examples/st-bernardusschool.json --format html --standalone -o examples/html/st-bernardusschool.pagina.html 2>/dev/null
echo "regenerated the HTML figure"
