#!/usr/bin/env bash
# Builds the three apps (Trunk, release) into dist/ and the worker (worker-build, release) into
# api-worker/build/, then prints what a phone downloads. Cargo and Trunk skip what is up to date, so a
# second run takes seconds.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"

say "Building the home app (Trunk, release)"
trunk build --release --offline=true app/home.html --dist .build/home
say "Building the resident app (Trunk, release)"
trunk build --release --offline=true app/index.html --dist .build/resident
say "Building the office app (Trunk, release)"
trunk build --release --offline=true app/office.html --dist .build/office

# One index.html that loads either app, the service worker, then the CSP for the loader's inline script.
python3 scripts/bundle.py
python3 scripts/csp.py dist

say "Building the worker (worker-build, release)"
(cd api-worker && worker-build --release)

[[ -n "${YISHI_QUIET_SIZES:-}" ]] || python3 scripts/size.py
