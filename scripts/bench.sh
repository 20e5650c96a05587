#!/usr/bin/env bash
# The benchmark: prints tables of numbers; it does not pass or fail.
#   1. sizes of every file in the release build (raw, gzip -9, brotli -q 11), critical path
#   2. native parse / index / filter / aggregate times on synthetic 500, 10k, 100k events
#   3. in headless Chromium: first render of each view, filter change → updated DOM,
#      and the boot's long tasks (over 50 ms) per view
#   4. Lighthouse 12.2.3, mobile, against the build served with brotli on loopback
# Browser figures and Lighthouse are printed for this build and, measured in the same run,
# for a baseline commit (BASELINE, default 872a492: the last one before the first paint came
# from HTML, issue 13); BASELINE=none skips it.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup.sh"
cd "$ROOT"
BASELINE="${BASELINE:-872a492}"
trunk build --release --dist dist-bench >/dev/null
if [ "$BASELINE" != none ]; then
  # A worktree of the baseline, built with the same toolchain in a target dir of its own:
  # sharing this one let the baseline's path crates (same names, same versions) stand in
  # for this build's afterwards, until a `cargo clean -p` of each.
  # The worktree lies outside this checkout: inside it, cargo takes the baseline's
  # manifest for a member of this workspace and refuses to build it.
  worktree="${TMPDIR:-/tmp}/cloud-atlas-bench-baseline"
  rm -rf "$worktree" dist-baseline
  git worktree prune
  git worktree add --force --detach "$worktree" "$BASELINE" >/dev/null 2>&1
  (cd "$worktree" && CARGO_TARGET_DIR="$ROOT/target/baseline" trunk build --release --dist "$ROOT/dist-baseline" >/dev/null)
fi
both() { # both TITLE COMMAND ARGS…: the command for this build, then for the baseline
  local title="$1"; shift
  echo "### $title: this build"
  "$@" dist-bench
  if [ "$BASELINE" != none ]; then
    echo
    echo "### $title: baseline $BASELINE"
    "$@" dist-baseline
  fi
}
echo "## Sizes"
node tests/bench/sizes.mjs dist-bench
if [ "$BASELINE" != none ]; then
  echo
  echo "### Sizes: baseline $BASELINE (critical path as it loaded then: with the shapes file)"
  node tests/bench/sizes.mjs dist-baseline --with-shapes | grep -E '^critical|^wasm raw'
fi
echo
echo "## Native (release build of the pure core)"
BENCH_DATA_DIR="$ROOT/target/bench-data" cargo test --release --quiet --test bench -- --ignored --nocapture 2>/dev/null | grep '^|'
echo
echo "## Browser (headless Chromium, release build)"
source "$ROOT/scripts/setup.sh" --test
browser() { node tests/bench/browser.mjs "$1" "$ROOT/target/bench-data"; }
both "First render and filter change" browser
echo
echo "## Boot long tasks (headless Chromium, unthrottled, shipped dataset)"
both "Long tasks" node tests/bench/longtasks.mjs
echo
echo "## Lighthouse 12.2.3 (mobile: simulated slow 4G, 4x CPU slowdown; loopback, brotli)"
# Lighthouse is a benchmark-only tool: its own lockfile, installed here, not by the test run.
if [ ! -x tests/bench/node_modules/.bin/lighthouse ]; then
  echo "setup: installing Lighthouse from tests/bench/package-lock.json" >&2
  (cd tests/bench && npm ci --no-audit --no-fund --loglevel=error >&2)
fi
both "Lighthouse" node tests/bench/lighthouse.mjs
