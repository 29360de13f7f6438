#!/usr/bin/env bash
# Regenerates the example outputs that README.md shows (examples/*.svg and
# examples/*.png) and the golden layouts (examples/*.layout.json) from
# examples/*.json. Run it after any change to layout or
# rendering; `cargo test` fails while the committed outputs are stale.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet -p cirkel-cli
for input in examples/*.json; do
  case "$input" in *.layout.json) continue ;; esac
  base="${input%.json}"
  ./target/release/cirkel render "$input" -o "$base.svg"
  ./target/release/cirkel render "$input" -o "$base.png"
  ./target/release/cirkel layout "$input" > "$base.layout.json"
  echo "rendered $base.svg, $base.png and $base.layout.json"
done
