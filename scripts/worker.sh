#!/usr/bin/env bash
# One local worker on a state directory: started, stopped, or killed hard and started again on the same
# state and port. scripts/with-worker.sh starts it and exports what a test needs to restart it (the chaos
# test in tests/api/tests/chaos.rs kills it while ballots are being cast):
#   WORKER_STATE  the state directory (D1, KV, R2, the rooms' storage)
#   WORKER_PORT   the port it listens on, on 127.0.0.1
#   WORKER_VARS   its variables, as `--var NAME:VALUE` words
#   WORKER_PID    the file holding the process group's id (wrangler and workerd)
#   WORKER_LOG    wrangler's output
# Usage: scripts/worker.sh start | stop | kill | restart
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"

for v in WORKER_STATE WORKER_PORT WORKER_PID WORKER_LOG; do
  [[ -n "${!v:-}" ]] || die "$v is not set: run this under scripts/with-worker.sh"
done

running() { [[ -s "$WORKER_PID" ]] && kill -0 "$(cat "$WORKER_PID")" 2>/dev/null; }

# Signals the whole group (so workerd too) and waits until none of it is left.
signal() { # SIGNAL
  [[ -s "$WORKER_PID" ]] || return 0
  local pid
  pid=$(cat "$WORKER_PID")
  kill "-$1" -- "-$pid" 2>/dev/null || kill "-$1" "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do
    kill -0 -- "-$pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -KILL -- "-$pid" 2>/dev/null || true
  : >"$WORKER_PID"
}

start() {
  running && die "the worker is already running"
  # A process group of its own, so that stopping it stops workerd too.
  # shellcheck disable=SC2086
  setsid wrangler dev --config "$WRANGLER_CONFIG" --port "$WORKER_PORT" --ip 127.0.0.1 \
    --persist-to "$WORKER_STATE" --show-interactive-dev-session=false --live-reload=false \
    --test-scheduled ${WORKER_VARS:-} >>"$WORKER_LOG" 2>&1 &
  echo $! >"$WORKER_PID"
  local url="http://127.0.0.1:$WORKER_PORT/api/v1/health"
  for _ in $(seq 1 240); do
    if curl -fsS "$url" >/dev/null 2>&1; then return 0; fi
    running || { tail -n 40 "$WORKER_LOG" >&2; die "wrangler dev exited"; }
    sleep 0.25
  done
  tail -n 40 "$WORKER_LOG" >&2
  die "the worker did not become healthy"
}

case "${1:-}" in
  start) start ;;
  stop) signal TERM ;;
  kill) signal KILL ;;
  restart) signal KILL; start ;;
  *) die "usage: worker.sh start | stop | kill | restart" ;;
esac
