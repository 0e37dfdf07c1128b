#!/usr/bin/env bash
# Local database chores. Usage:
#   scripts/db.sh migrate STATE_DIR            apply api-worker/migrations to the local D1 in STATE_DIR
#   scripts/db.sh load STATE_DIR FILE.sql      run a SQL file (seed, fixture) against it
set -euo pipefail
source "$(dirname "$0")/env.sh"
cmd=${1:?usage: db.sh migrate|load STATE_DIR [FILE]}
state=${2:?state directory}
case "$cmd" in
  migrate)
    wrangler d1 migrations apply DB --local --persist-to "$state" --config "$WRANGLER_CONFIG" >"$state.migrate.log" 2>&1 \
      || { cat "$state.migrate.log" >&2; die "migrations failed"; }
    ;;
  load)
    file=${3:?SQL file}
    wrangler d1 execute DB --local --persist-to "$state" --config "$WRANGLER_CONFIG" --file "$file" --yes >"$state.load.log" 2>&1 \
      || { cat "$state.load.log" >&2; die "loading $file failed"; }
    ;;
  *) die "unknown command $cmd" ;;
esac
