#!/usr/bin/env bash
# Trunk post-build hook. One hook running two steps in order, because trunk runs a
# stage's hooks concurrently and the CSP must hash the pre-render's inline script:
#   1. the pre-render: the page at the empty query written into index.html
#      (src/bin/prerender.rs, a native binary of this crate);
#   2. the Content-Security-Policy (scripts/csp.mjs, release builds only).
set -euo pipefail
cargo run --quiet --locked --bin prerender -- "$TRUNK_STAGING_DIR"
node scripts/csp.mjs
