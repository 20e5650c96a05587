#!/usr/bin/env bash
# Installs what the build (and, with `--test`, the test layers) need, and
# nothing that is already there at the right version. Sourced by serve.sh,
# test.sh and bench.sh; safe to run any number of times.
#
#   scripts/setup.sh           # build tools: wasm32 target, trunk, wasm-bindgen, wasm-opt
#   scripts/setup.sh --test    # also Chromium + chromedriver (apt) and the npm test tools
#
# Nothing is downloaded from GitHub: trunk and wasm-bindgen come from crates.io,
# wasm-opt and playwright-core from npm, Chromium from Debian.

set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION=0.21.14
say() { printf '\033[1m[setup]\033[0m %s\n' "$*" >&2; }

export PATH="$HOME/.cargo/bin:$ROOT/tests/node_modules/.bin:$PATH"

ensure_build_tools() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "installing the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi

  if [[ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]]; then
    say "installing trunk $TRUNK_VERSION (cargo install, about 12 minutes)"
    cargo install trunk --version "$TRUNK_VERSION" --locked
  fi

  # The CLI must equal the wasm-bindgen crate in Cargo.lock, or trunk refuses to build offline.
  local wb
  wb="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' "$ROOT/Cargo.lock")"
  if [[ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $wb" ]]; then
    say "installing wasm-bindgen-cli $wb (cargo install, a few minutes)"
    # Not --locked: the CLI's own lockfile names a crate version the registry no longer has.
    cargo install wasm-bindgen-cli --version "$wb" --force
  fi

  ensure_npm_tools
}

ensure_npm_tools() {
  local lock="$ROOT/tests/package-lock.json" stamp="$ROOT/tests/node_modules/.package-lock.json"
  if [[ ! -x "$ROOT/tests/node_modules/.bin/wasm-opt" || ! -f "$stamp" || "$lock" -nt "$stamp" ]]; then
    say "installing npm tools from tests/package-lock.json (wasm-opt, playwright-core)"
    (cd "$ROOT/tests" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

ensure_browser() {
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    say "installing Chromium and chromedriver from Debian (apt-get)"
    local sudo=""
    [[ "$(id -u)" == 0 ]] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
  export CHROMIUM="${CHROMIUM:-$(command -v chromium)}"
  export CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver)}"
}

ensure_build_tools
if [[ "${1:-}" == "--test" ]]; then
  ensure_browser
fi
