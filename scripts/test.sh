#!/usr/bin/env bash
# Quick start 2: every test layer; exits non-zero on the first failing layer.
#   1. native `cargo test` of the pure core and the dataset (all three crates; no
#      browser crate compiles natively); the pre-render's own tests run after the
#      release build, which compiled the app natively for it (feature `ssr`)
#   2. wasm-bindgen-test of components in headless Chromium and headless Firefox
#   3. end-to-end in headless Chromium and headless Firefox against the release
#      dist/, built for a sub-path and served by a plain static server on loopback,
#      including the model-based interaction test and the browser URL fuzz, whose
#      oracle is the native `oracle` binary (src/bin/oracle.rs)
#
# BROWSERS=chromium or BROWSERS=firefox runs layers 2 and 3 in one browser only
# (default: "chromium firefox"). The two longest end-to-end tests are sized per
# browser so the whole command stays under 30 minutes on two cores: the
# model-based test runs 50 interaction sequences in Chromium and 12 in Firefox,
# the URL fuzz 120 and 40 addresses (MODEL_SEQUENCES / FUZZ_URLS override both,
# MODEL_LONG=1 runs the long model-based mode, 2,000 sequences per browser).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup.sh" --test
cd "$ROOT"
# A one-off build gains nothing from incremental caches, which cost gigabytes of disk.
export CARGO_INCREMENTAL="${CARGO_INCREMENTAL:-0}"
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "1/3 native tests (cargo test)"
cargo test --locked

for browser in $TEST_BROWSERS; do
  step "2/3 component tests (wasm-bindgen-test, headless $browser)"
  # wasm-bindgen-test-runner takes the first driver named in the environment, geckodriver before chromedriver.
  if [[ "$browser" == firefox ]]; then driver=(GECKODRIVER="$GECKODRIVER"); else driver=(-u GECKODRIVER CHROMEDRIVER="$CHROMEDRIVER"); fi
  env "${driver[@]}" \
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
    WASM_BINDGEN_TEST_WEBDRIVER_JSON="$ROOT/tests/webdriver.json" \
    WASM_BINDGEN_TEST_TIMEOUT=120 \
    cargo test --locked --target wasm32-unknown-unknown -p cloud-atlas --test components
done

step "geometry: public/geo/world.json matches its generator"
node tests/geo/build-world.mjs --check
step "gazetteer: public/geo/people.json matches its generator"
node tests/geo/build-people.mjs --check
step "reference layer: the hyperscalers' places match the gazetteer (public/data/reference.json itself is checked by cargo test --test reference)"
node tests/geo/build-reference.mjs --check

step "3/3 end-to-end: release build under a sub-path"
E2E_BASE=/cloud-atlas/e2e/
trunk build --release --public-url "$E2E_BASE" --dist dist-e2e
step "size ratchet: the build is within tests/size-budget.json"
node tests/size-check.mjs dist-e2e
step "pre-render: the app's components rendered to HTML (cargo test --features ssr)"
cargo test --locked --features ssr --bin prerender
cargo build --locked --bin oracle

for browser in $TEST_BROWSERS; do
  step "3/3 end-to-end in headless $browser"
  if [[ "$browser" == firefox ]]; then sequences=12 urls=40; else sequences=50 urls=120; fi
  [[ -n "${MODEL_LONG:-}" ]] && sequences=2000
  MODEL_SEQUENCES="${MODEL_SEQUENCES:-$sequences}" FUZZ_URLS="${FUZZ_URLS:-$urls}" \
  E2E_BROWSER="$browser" E2E_DIST="$ROOT/dist-e2e" E2E_BASE="$E2E_BASE" ORACLE="$ROOT/target/debug/oracle" \
    node --test --test-concurrency=1 tests/e2e/
done
