#!/usr/bin/env bash
# Builds the three apps (Trunk, release) into dist/ and the worker (worker-build, release) into
# api-worker/build/, then prints what a phone downloads. An app built before from the same inputs is
# not built again, so a second run takes about 40 seconds (the worker's build).
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"

# What every app is built from: the crates it compiles, the static files, the tool settings. An app whose
# build in .build/ came from the same inputs is not built again (Trunk would re-run wasm-bindgen and
# wasm-opt, a minute per app).
inputs=$( (find app core public -type f -print0 | sort -z | xargs -0 sha256sum
           sha256sum Cargo.toml Cargo.lock Trunk.toml .cargo/config.toml scripts/versions.env
           rustc --version; echo "${RUSTFLAGS:-}") | sha256sum | cut -d' ' -f1)
build_app() { # name entry.html
  local name=$1 entry=$2 stamp=".build/$1.inputs"
  if [[ -f "$stamp" && "$(cat "$stamp")" == "$inputs" && -d ".build/$name" ]]; then
    say "The $name app is up to date"
    return
  fi
  say "Building the $name app (Trunk, release)"
  rm -f "$stamp"
  trunk build --release --offline=true "$entry" --dist ".build/$name"
  echo "$inputs" >"$stamp"
}
build_app home app/home.html
build_app resident app/index.html
build_app office app/office.html

# One index.html that loads any of the apps, the service worker, then the CSP for its inline scripts.
python3 scripts/bundle.py
python3 scripts/csp.py dist

say "Building the worker (worker-build, release)"
(cd api-worker && worker-build --release)

[[ -n "${YISHI_QUIET_SIZES:-}" ]] || python3 scripts/size.py
