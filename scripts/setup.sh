#!/usr/bin/env bash
# Installs what is missing, pinned, from crates.io, npm and Debian's packages only; skips what is already
# installed at the pinned version. Usage: scripts/setup.sh [--with-browser]
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"

with_browser=false
[[ "${1:-}" == "--with-browser" ]] && with_browser=true

need() { command -v "$1" >/dev/null 2>&1 || die "$1 is required: $2"; }
need cargo "install Rust with rustup (stable)"
need node "install Node.js 20 or newer (Debian: apt-get install nodejs npm)"
need npm "install npm (Debian: apt-get install npm)"
need python3 "install Python 3 (Debian: apt-get install python3)"
need curl "install curl (Debian: apt-get install curl)"

# The three places that name the wasm-bindgen version must agree.
lock_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock 2>/dev/null || true)
if [[ -n "$lock_version" && "$lock_version" != "$WASM_BINDGEN_VERSION" ]]; then
  die "Cargo.lock has wasm-bindgen $lock_version but scripts/versions.env pins $WASM_BINDGEN_VERSION"
fi
grep -q "wasm_bindgen = \"$WASM_BINDGEN_VERSION\"" Trunk.toml || die "Trunk.toml [tools] wasm_bindgen must be $WASM_BINDGEN_VERSION"

if command -v rustup >/dev/null 2>&1; then
  rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown || {
    say "Adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  }
fi

# Cargo tools. Release builds of the tools themselves skip LTO: minutes faster, no visible difference.
install_crate() { # name version binary [--locked] [extra args]
  local name=$1 version=$2 bin=$3; shift 3
  if "$CARGO_BIN/$bin" --version 2>/dev/null | grep -qF "$version"; then return; fi
  say "Installing $name $version from crates.io (a few minutes, once)"
  env -u CARGO_TARGET_DIR CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install --force "$name" --version "$version" "$@"
}
# trunk without its update check (it would query the crates.io web API).
install_crate trunk "$TRUNK_VERSION" trunk --locked --no-default-features --features rustls
# wasm-bindgen-cli's own lock names a crate version this index lacks, so it is resolved afresh.
install_crate wasm-bindgen-cli "$WASM_BINDGEN_VERSION" wasm-bindgen
install_crate worker-build "$WORKER_BUILD_VERSION" worker-build --locked

# npm tools (wrangler + workerd, binaryen, Node 22, Playwright): `npm install` with the committed lock
# (`npm ci` would fail: the lock cannot list other platforms' workerd binaries).
stamp=node_modules/.yishi-lock
if [[ ! -f "$stamp" ]] || ! cmp -s package-lock.json "$stamp"; then
  say "Installing npm tools (wrangler, binaryen, node 22, playwright, lighthouse)"
  npm install --no-audit --no-fund --loglevel=error
  cp package-lock.json "$stamp"
fi
[[ -x "$WASM_OPT_BIN" ]] || die "wasm-opt missing at $WASM_OPT_BIN"
[[ -x "$ESBUILD_BIN" ]] || die "esbuild missing at $ESBUILD_BIN"

# Debian's packages: brotli and zstd (scripts/size.py measures what a CDN would send), Chromium for the
# browser tests and the benchmarks, and a Chinese font for it (without one every character of the
# browser tests' screenshots is an empty box).
debs=()
command -v brotli >/dev/null 2>&1 || debs+=(brotli)
command -v zstd >/dev/null 2>&1 || debs+=(zstd)
# Python's venv (Debian splits it off) for the pinyin table's test, below.
if $with_browser && ! python3 -c 'import ensurepip' >/dev/null 2>&1; then debs+=(python3-venv); fi
if $with_browser && [[ ! -x /usr/bin/chromium ]]; then debs+=(chromium); fi
if $with_browser && [[ ! -d /usr/share/fonts/opentype/noto ]]; then debs+=(fonts-noto-cjk); fi
if [[ ${#debs[@]} -gt 0 ]]; then
  say "Installing Debian's ${debs[*]}"
  sudo_cmd=()
  [[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${debs[@]}" >/dev/null
fi

# The test of core's pinyin table regenerates it with pypinyin (PyPI, exact version and hash), in a
# virtual environment of its own under the cargo cache directory.
if $with_browser; then
  python3 scripts/pinyin_table.py --venv
  # Schemathesis for the contract fuzzing (scripts/fuzz.py), at exact versions, in an environment of its own.
  python3 scripts/fuzz.py --venv
  # icalendar, http_ece and cryptography: independent readers of calendar files and Web Push messages.
  python3 scripts/ics_test.py --venv
  python3 scripts/push_test.py --venv
  # pabutools, the reference count of participatory budgets, for the test of core's equal shares.
  python3 scripts/equal_shares_test.py --venv
fi
