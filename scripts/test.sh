#!/usr/bin/env bash
# Every test: the workspace's (cargo test --workspace), then the npm
# package's (scripts/test-web.sh; skipped with a message where its tools
# are missing, required under CI=true).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --workspace
bash scripts/test-web.sh
