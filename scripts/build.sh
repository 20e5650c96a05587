#!/usr/bin/env bash
# Release build into dist/, for the site root or, with BASE, for a sub-path of a CDN:
#   BASE=/cloud-atlas/ scripts/build.sh
# The feeds need the site's absolute address (README, "Feeds"):
#   ATLAS_SITE_URL=https://host/cloud-atlas/ BASE=/cloud-atlas/ scripts/build.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup.sh"
cd "$ROOT"
exec trunk build --release --public-url "${BASE:-/}"
