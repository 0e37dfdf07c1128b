#!/usr/bin/env bash
# `make dev`: install what is missing, build, migrate and seed the local database (once), and serve the
# app and the API from one `wrangler dev` on http://localhost:8787. Local D1 and KV live in .state/.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
PORT="${PORT:-8787}"

scripts/setup.sh
scripts/build.sh
# Web Push works locally too (a key of this machine's own, in api-worker/.dev.vars).
scripts/vapid-keys.sh --dev

mkdir -p "$STATE_DIR"
say "Applying database migrations (local D1 in .state/)"
scripts/db.sh migrate "$STATE_DIR"
if [[ ! -f "$STATE_DIR/.seeded" ]]; then
  say "Seeding the demo district (和平街道 幸福社区)"
  scripts/db.sh load "$STATE_DIR" api-worker/seed/demo.sql
  touch "$STATE_DIR/.seeded"
fi

accounts=$(sed -n '/^-- Demo accounts/,/^--$/ s/^--   /    /p' api-worker/seed/demo.sql)
cat <<MSG

  议事 Yishi is running at  http://localhost:$PORT
  (phones on the same network can open http://<this machine's address>:$PORT)

  Demo accounts (手机号 / 密码):
$accounts
  Every resident's passcode is 123456. Residents can also join with an unused invite code listed in
  api-worker/seed/demo.sql: open http://localhost:$PORT/join?code=<code>.

  Stop with Ctrl-C. Wipe and re-seed with: make reset

MSG
exec wrangler dev --config "$WRANGLER_CONFIG" --port "$PORT" --ip 0.0.0.0 --persist-to "$STATE_DIR" \
  --show-interactive-dev-session=false --live-reload=false --test-scheduled
