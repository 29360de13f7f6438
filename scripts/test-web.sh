#!/usr/bin/env bash
# The npm package's tests (issue 35): builds it (scripts/build-web.sh),
# runs web/test/ with Node's test runner against the native `cirkel`
# (target/debug/cirkel, built by `cargo test --workspace`), then packs it
# and installs the tarball into an empty folder, which draws a school and
# checks a broken one. Skips with a message where the wasm32 target, the
# wasm-bindgen CLI or Node is missing, except under CI=true.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=""
rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown || missing="$missing the wasm32-unknown-unknown target (rustup target add wasm32-unknown-unknown);"
command -v wasm-bindgen >/dev/null 2>&1 || missing="$missing the wasm-bindgen CLI (cargo install wasm-bindgen-cli --version V, V from Cargo.lock);"
command -v node >/dev/null 2>&1 || missing="$missing Node (18 or newer);"
command -v npm >/dev/null 2>&1 || missing="$missing npm;"
if [ -n "$missing" ]; then
  if [ "${CI:-}" = "true" ]; then
    echo "the web tests need:$missing" >&2
    exit 1
  fi
  echo "skipped the web tests: missing$missing"
  exit 0
fi

bash scripts/build-web.sh
[ -x target/debug/cirkel ] || cargo build --quiet -p cirkel-cli
CIRKEL_BIN="$PWD/target/debug/cirkel" CIRKEL_PKG="$PWD/target/web/npm" node --test web/test/

# The page without installation, from a static server, in Chromium.
if command -v chromedriver >/dev/null 2>&1 && command -v python3 >/dev/null 2>&1; then
  work=$(mktemp -d)
  port=$((8200 + RANDOM % 700))
  python3 -m http.server "$port" --bind 127.0.0.1 --directory target/web/site >/dev/null 2>&1 &
  static=$!
  sleep 1
  status=0
  node web/site-check.mjs "http://127.0.0.1:$port/index.html" "$PWD/target/debug/cirkel" "$work" || status=$?
  kill "$static" 2>/dev/null || true
  rm -rf "$work"
  [ "$status" -eq 0 ] || exit "$status"
  # The single file, from disk, offline.
  work=$(mktemp -d)
  node web/site-check.mjs "file://$PWD/target/web/cirkel.html" "$PWD/target/debug/cirkel" "$work" || status=$?
  rm -rf "$work"
  [ "$status" -eq 0 ] || exit "$status"
elif [ "${CI:-}" = "true" ]; then
  echo "the page's browser test needs chromedriver and python3" >&2
  exit 1
else
  echo "skipped the page's browser test: chromedriver or python3 missing"
fi

# The committed single file was built from the sources as they are.
recorded=$(grep -o '<meta name="cirkel-sources" content="[0-9a-f]*"' dist/cirkel.html | grep -o '[0-9a-f]\{16\}' || true)
now=$(bash scripts/web-sources.sh)
if [ "$recorded" != "$now" ]; then
  echo "dist/cirkel.html was built from other sources ($recorded, now $now): run bash scripts/build-web.sh --dist and commit it" >&2
  exit 1
fi

# The tarball, installed into an empty folder, as a user of the package would.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
(cd target/web/npm && npm pack --silent --pack-destination "$scratch" >/dev/null)
mkdir "$scratch/app"
cp web/installed-check.mjs "$scratch/app/installed.mjs"
(cd "$scratch/app" && npm init -y >/dev/null && npm install --silent --offline --no-audit --no-fund "$scratch"/cirkel-*.tgz)
root=$PWD
(cd "$scratch/app" && node installed.mjs "$root/examples/st-bernardusschool.json")
