#!/usr/bin/env bash
# Runs a command against a fresh local worker: a new, empty state directory, migrations applied, an
# optional SQL file loaded, `wrangler dev` on a free port; BASE_URL points at it; the worker is stopped
# afterwards whatever happens. Expects scripts/build.sh to have run.
# Usage: scripts/with-worker.sh [--load FILE.sql]... [--var NAME:VALUE]... -- COMMAND...
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"

loads=() vars=()
while [[ $# -gt 0 && "$1" != "--" ]]; do
  case "$1" in
    --load) loads+=("$2"); shift 2 ;;
    --var) vars+=(--var "$2"); shift 2 ;;
    *) die "unknown option $1" ;;
  esac
done
[[ "${1:-}" == "--" ]] && shift
[[ $# -gt 0 ]] || die "usage: with-worker.sh [--load FILE] [--var K:V] -- COMMAND..."

state=$(mktemp -d "${TMPDIR:-/tmp}/yishi-test.XXXXXX")
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
log="$state.wrangler.log"
pid=""
cleanup() {
  if [[ -n "$pid" ]]; then
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
  rm -rf "$state" "$state".*.log "$log"
}
trap cleanup EXIT

scripts/db.sh migrate "$state"
for f in "${loads[@]}"; do scripts/db.sh load "$state" "$f"; done

# A process group of its own, so that stopping it stops workerd too.
setsid wrangler dev --config "$WRANGLER_CONFIG" --port "$port" --ip 127.0.0.1 --persist-to "$state" \
  --show-interactive-dev-session=false --live-reload=false --test-scheduled "${vars[@]}" >"$log" 2>&1 &
pid=$!

export BASE_URL="http://127.0.0.1:$port"
for _ in $(seq 1 120); do
  if curl -fsS "$BASE_URL/api/v1/health" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$pid" 2>/dev/null; then cat "$log" >&2; die "wrangler dev exited"; fi
  sleep 0.5
done
curl -fsS "$BASE_URL/api/v1/health" >/dev/null || { cat "$log" >&2; die "the worker did not become healthy"; }

status=0
"$@" || status=$?
if [[ $status -ne 0 && -n "${SHOW_WORKER_LOG:-1}" ]]; then
  echo "---- last lines of the worker log ----" >&2
  tail -n 40 "$log" >&2
fi
exit $status
