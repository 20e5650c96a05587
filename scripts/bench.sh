#!/usr/bin/env bash
# The benchmark: builds the release bundle and prints a table of sizes
# (raw, gzip -9, brotli -q 11) with the critical-path total. Not a test: it
# reports numbers, it does not pass or fail.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup.sh"
cd "$ROOT"
trunk build --release --dist dist-bench >/dev/null
node tests/bench/sizes.mjs dist-bench
