#!/usr/bin/env bash
# Regenerates the editor's screenshots that README.md shows
# (docs/screenshots/editor-{leeg,fout,ingevuld,sessie,telefoon}.png and
# zonder-installatie{,-telefoon}.png, vergelijk-met-vorig-jaar.png) by running the browser tests with
# CIRKEL_SCREENSHOTS set. Needs chromium and chromium-driver.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p docs/screenshots
CIRKEL_SCREENSHOTS="$PWD/docs/screenshots" cargo test -q -p cirkel-cli --test cli -- --nocapture browser:: session::
ls -l docs/screenshots
# The page without installation (the single file, from disk), desktop and phone.
bash scripts/build-web.sh >/dev/null
work=$(mktemp -d)
CIRKEL_SCREENSHOTS="$PWD/docs/screenshots" node web/site-check.mjs "file://$PWD/target/web/cirkel.html" "$PWD/target/debug/cirkel" "$work"
rm -rf "$work"
ls -l docs/screenshots
