#!/usr/bin/env bash
# Builds the npm package `cirkel` (the library in WebAssembly) into
# target/web/npm/: the module (release, size-optimised, panics abort), the
# wasm-bindgen glue (ES module), cirkel.js and its TypeScript types,
# package.json, README and licence. Needs the wasm32-unknown-unknown target
# (rustup target add wasm32-unknown-unknown) and the wasm-bindgen CLI at the
# version Cargo.lock pins (cargo install wasm-bindgen-cli --version V).
set -euo pipefail
cd "$(dirname "$0")/.."

want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
if [ "$have" != "$want" ]; then
  echo "wasm-bindgen $want is needed (found: ${have:-none}): cargo install wasm-bindgen-cli --version $want" >&2
  exit 1
fi

# SIMD128 (every browser since 2023, Node 16.4+): 5-10 % faster, a little
# smaller, and the same bytes (the web tests compare them with native).
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-C target-feature=+simd128" \
  cargo build --locked --quiet --target wasm32-unknown-unknown --profile wasm -p cirkel-wasm
out=target/web/npm
rm -rf "$out"
mkdir -p "$out"
wasm-bindgen --target web --remove-name-section --remove-producers-section \
  --out-dir "$out" --out-name cirkel_wasm \
  target/wasm32-unknown-unknown/wasm/cirkel_wasm.wasm
cp web/npm/cirkel.js web/npm/cirkel.d.ts web/npm/README.md web/npm/LICENSE-MIT "$out/"
version=$(awk -F'"' '/^version = / { print $2; exit }' Cargo.toml)
sed "s/@VERSION@/$version/" web/npm/package.json.in > "$out/package.json"
# What the package weighs (the module as stored and as served gzipped).
raw=$(wc -c < "$out/cirkel_wasm_bg.wasm")
gz=$(gzip -9 -c "$out/cirkel_wasm_bg.wasm" | wc -c)
echo "built $out: cirkel_wasm_bg.wasm $raw bytes ($gz gzipped)"

# The page without installation (issue 36): the editor's own page, its
# modules and worker, and the package, for any static host. The page talks
# to the library in a Web Worker; nothing is loaded from elsewhere and
# nothing is sent anywhere (the policy below allows its own files only).
site=target/web/site
rm -rf "$site"
mkdir -p "$site"
page=crates/serve/src/page
cp "$page"/*.js "$page"/style.css "$site/"
cp "$out"/cirkel.js "$out"/cirkel_wasm.js "$out"/cirkel_wasm_bg.wasm "$site/"
csp="default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; connect-src 'self'; img-src 'self' blob: data:; style-src 'self'; base-uri 'none'; form-action 'none'"
sed -e "s|/t/{{TOKEN}}/|./|g" -e 's| data-token="{{TOKEN}}"||' \
  -e "s|<meta charset=\"utf-8\">|<meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"$csp\">|" \
  "$page/index.html" > "$site/index.html"
echo "built $site: $(ls "$site" | wc -l) files"

# The single file to e-mail or put on a USB stick: target/web/cirkel.html
# (everything inside; works opened from disk, offline). It records a hash of
# the sources it was built from (scripts/web-sources.sh).
node web/single.mjs "$site" target/web/cirkel.html "$(bash scripts/web-sources.sh)"
if [ "${1:-}" = "--dist" ]; then
  mkdir -p dist
  cp target/web/cirkel.html dist/cirkel.html
  echo "copied to dist/cirkel.html"
fi
