#!/usr/bin/env bash
# The hash of the sources the browser build is made from (every Rust
# source, the lock file, the assets, the page, the package's JavaScript and
# the build script):
# dist/cirkel.html records it, and scripts/test-web.sh checks that the
# committed copy was built from the sources as they are.
set -euo pipefail
cd "$(dirname "$0")/.."
git ls-files -z -- Cargo.toml Cargo.lock 'crates/*/Cargo.toml' 'crates/*/src/**' assets web/npm web/single.mjs scripts/build-web.sh \
  | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16
