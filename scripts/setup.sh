#!/usr/bin/env bash
# Installs what the build (and, with `--test`, the test layers) need, and
# nothing that is already there at the right version. Sourced by serve.sh,
# test.sh and bench.sh; safe to run any number of times.
#
#   scripts/setup.sh           # build tools: wasm32 target, trunk, wasm-bindgen, wasm-opt
#   scripts/setup.sh --test    # also the test browsers and their drivers, and the npm test tools
#
# The test browsers are those in BROWSERS (default "chromium firefox"; comma or
# space separated): Chromium + chromedriver from Debian, Firefox ESR from Debian
# and geckodriver from crates.io.
#
# Nothing is downloaded from GitHub: trunk, wasm-bindgen and geckodriver come from
# crates.io, wasm-opt and playwright-core from npm, the browsers from Debian.

set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION=0.21.14
GECKODRIVER_VERSION=0.37.1
WASM_SPLIT_VERSION=0.2.4
say() { printf '\033[1m[setup]\033[0m %s\n' "$*" >&2; }

# scripts/bin first: its `wasm-bindgen` is the step between cargo and wasm-bindgen
# that splits the wasm into lazily loaded chunks (see the script; README, "Architecture").
export PATH="$ROOT/scripts/bin:$HOME/.cargo/bin:$ROOT/tests/node_modules/.bin:$PATH"

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

  # The tool has no --version; cargo's list of installed crates says which one is there.
  if ! command -v wasm-split-cli >/dev/null ||
    ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
    say "installing wasm-split-cli $WASM_SPLIT_VERSION (cargo install, about 1 minute)"
    cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked
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

apt_install() {
  local sudo=""
  [[ "$(id -u)" == 0 ]] || sudo="sudo"
  if [[ -z "${APT_UPDATED:-}" ]]; then
    $sudo apt-get update -qq
    APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}

# The browsers the tests run in: BROWSERS, normalised to space-separated names.
test_browsers() {
  local list="${BROWSERS:-chromium firefox}"
  list="${list//,/ }"
  local b
  for b in $list; do
    case "$b" in
      chromium | firefox) ;;
      *) say "BROWSERS: unknown browser '$b' (chromium, firefox)"; return 1 ;;
    esac
  done
  echo $list
}

ensure_chromium() {
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    say "installing Chromium and chromedriver from Debian (apt-get)"
    apt_install chromium chromium-driver
  fi
  export CHROMIUM="${CHROMIUM:-$(command -v chromium)}"
  export CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver)}"
}

ensure_firefox() {
  if ! command -v firefox-esr >/dev/null; then
    say "installing Firefox ESR from Debian (apt-get)"
    apt_install firefox-esr
  fi
  if [[ "$(geckodriver --version 2>/dev/null | head -n1 || true)" != "geckodriver $GECKODRIVER_VERSION" ]]; then
    say "installing geckodriver $GECKODRIVER_VERSION (cargo install, about 5 minutes)"
    cargo install geckodriver --version "$GECKODRIVER_VERSION" --locked
  fi
  export FIREFOX="${FIREFOX:-$(command -v firefox-esr)}"
  export GECKODRIVER="${GECKODRIVER:-$(command -v geckodriver)}"
}

ensure_build_tools
if [[ "${1:-}" == "--test" ]]; then
  TEST_BROWSERS="$(test_browsers)"
  export TEST_BROWSERS
  for browser in $TEST_BROWSERS; do
    "ensure_$browser"
  done
fi
