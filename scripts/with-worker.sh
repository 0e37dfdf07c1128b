#!/usr/bin/env bash
# Runs a command against a fresh local worker: a new, empty state directory, migrations applied, an
# optional SQL file loaded, `wrangler dev` on a free port (scripts/worker.sh, whose variables it exports
# so that a test can restart the worker); BASE_URL points at it; the worker is stopped afterwards whatever
# happens. Expects scripts/build.sh to have run.
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
export WORKER_STATE="$state"
WORKER_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
export WORKER_PORT WORKER_VARS="${vars[*]}" WORKER_PID="$state.pid" WORKER_LOG="$state.wrangler.log"
cleanup() {
  scripts/worker.sh stop || true
  rm -rf "$state" "$state".*.log "$WORKER_LOG" "$WORKER_PID"
}
trap cleanup EXIT

scripts/db.sh migrate "$state"
for f in "${loads[@]}"; do scripts/db.sh load "$state" "$f"; done

scripts/worker.sh start
export BASE_URL="http://127.0.0.1:$WORKER_PORT"

status=0
"$@" || status=$?
if [[ $status -ne 0 && -n "${SHOW_WORKER_LOG:-1}" ]]; then
  echo "---- last lines of the worker log ----" >&2
  tail -n 40 "$WORKER_LOG" >&2
fi
exit $status
