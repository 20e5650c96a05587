#!/usr/bin/env bash
# Trunk post-build hook. One hook running its steps in order, because trunk runs a
# stage's hooks concurrently and the CSP must hash the pre-render's inline script:
#   1. the lazily loaded chunks staged under content-hashed names, with integrity
#      (scripts/split.mjs; the split itself is scripts/bin/wasm-bindgen);
#   2. the pre-render: the page at the empty query written into index.html
#      (src/bin/prerender.rs, a native binary of this crate);
#   3. subresource integrity, then the Content-Security-Policy (scripts/csp.mjs,
#      the policy in release builds only).
set -euo pipefail
node scripts/split.mjs
cargo run --quiet --locked --features ssr --bin prerender -- "$TRUNK_STAGING_DIR"
node scripts/csp.mjs
