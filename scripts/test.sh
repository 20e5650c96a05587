#!/usr/bin/env bash
# Quick start 2: every test layer; exits non-zero on the first failing layer.
#   1. native `cargo test` of the pure core and the dataset
#   2. wasm-bindgen-test of components in headless Chromium
#   3. end-to-end in headless Chromium against the release dist/, built for a
#      sub-path and served by a plain static server on loopback, including the
#      model-based interaction test and the browser URL fuzz, whose oracle is the
#      native `oracle` binary (src/bin/oracle.rs)
#
# MODEL_LONG=1 scripts/test.sh runs the long model-based mode (2,000 sequences).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup.sh" --test
cd "$ROOT"
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "1/3 native tests (cargo test)"
cargo test --locked

step "2/3 component tests (wasm-bindgen-test, headless Chromium)"
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
WASM_BINDGEN_TEST_WEBDRIVER_JSON="$ROOT/tests/webdriver.json" \
WASM_BINDGEN_TEST_TIMEOUT=120 \
  cargo test --locked --target wasm32-unknown-unknown --test components

step "geometry: public/geo/world.json matches its generator"
node tests/geo/build-world.mjs --check

step "3/3 end-to-end (release build under a sub-path, headless Chromium)"
E2E_BASE=/cloud-atlas/e2e/
trunk build --release --public-url "$E2E_BASE" --dist dist-e2e
step "size ratchet: the build is within tests/size-budget.json"
node tests/size-check.mjs dist-e2e
cargo build --locked --bin oracle
E2E_DIST="$ROOT/dist-e2e" E2E_BASE="$E2E_BASE" ORACLE="$ROOT/target/debug/oracle" \
  node --test --test-concurrency=1 tests/e2e/
