#!/usr/bin/env bash
# Quick start 1: build the release bundle and serve it on http://127.0.0.1:8080/.
#   PORT=9000 scripts/serve.sh       another port
#   BASE=/atlas/ scripts/serve.sh    build for, and serve under, a sub-path
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup.sh"
BASE="${BASE:-/}"
PORT="${PORT:-8080}"
cd "$ROOT"
trunk build --release --public-url "$BASE"
exec node tests/e2e/static-server.mjs --root dist --port "$PORT" --base "$BASE"
