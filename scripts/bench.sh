#!/usr/bin/env bash
# The benchmark: prints tables of numbers; it does not pass or fail.
#   1. sizes of every file in the release build (raw, gzip -9, brotli -q 11), critical path
#   2. native parse / index / filter / aggregate times on synthetic 500, 10k, 100k events
#   3. in headless Chromium: first render of each view, filter change → updated DOM,
#      and the boot's long tasks (over 50 ms) per view
#   4. Lighthouse 12.2.3, mobile, against the build served with brotli on loopback
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup.sh"
cd "$ROOT"
trunk build --release --dist dist-bench >/dev/null
echo "## Sizes"
node tests/bench/sizes.mjs dist-bench
echo
echo "## Native (release build of the pure core)"
BENCH_DATA_DIR="$ROOT/target/bench-data" cargo test --release --quiet --test bench -- --ignored --nocapture 2>/dev/null | grep '^|'
echo
echo "## Browser (headless Chromium, release build)"
source "$ROOT/scripts/setup.sh" --test
node tests/bench/browser.mjs dist-bench "$ROOT/target/bench-data"
echo
echo "## Boot long tasks (headless Chromium, unthrottled, shipped dataset)"
node tests/bench/longtasks.mjs dist-bench
echo
echo "## Lighthouse 12.2.3 (mobile: simulated slow 4G, 4x CPU slowdown; loopback, brotli)"
# Lighthouse is a benchmark-only tool: its own lockfile, installed here, not by the test run.
if [ ! -x tests/bench/node_modules/.bin/lighthouse ]; then
  echo "setup: installing Lighthouse from tests/bench/package-lock.json" >&2
  (cd tests/bench && npm ci --no-audit --no-fund --loglevel=error >&2)
fi
node tests/bench/lighthouse.mjs dist-bench
