#!/usr/bin/env bash
# Builds the app (Trunk, release) into dist/ and the worker (worker-build, release) into api-worker/build/.
# Cargo and Trunk skip what is up to date, so a second run takes seconds.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"

say "Building the app (Trunk, release)"
trunk build --release --offline

# Trunk inlines a small module script that starts the wasm; allow exactly that script in the CSP.
python3 scripts/csp.py dist

say "Building the worker (worker-build, release)"
(cd api-worker && worker-build --release)
