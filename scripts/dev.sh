#!/usr/bin/env bash
# `make dev`: install what is missing, build, migrate and seed the local database (once), and serve the
# app and the API from one `wrangler dev` on http://localhost:8787. Local D1 and KV live in .state/.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
PORT="${PORT:-8787}"

scripts/setup.sh
scripts/build.sh

mkdir -p "$STATE_DIR"
say "Applying database migrations (local D1 in .state/)"
scripts/db.sh migrate "$STATE_DIR"
if [[ ! -f "$STATE_DIR/.seeded" ]]; then
  say "Seeding the demo district (和平街道 幸福社区)"
  scripts/db.sh load "$STATE_DIR" api-worker/seed/demo.sql
  touch "$STATE_DIR/.seeded"
fi

cat <<MSG

  议事 Yishi is running at  http://localhost:$PORT

  Demo sign-in (手机号 / 密码):
    community staff 社区工作人员   13800000001 / yishi2026
    street admin    街道管理员     13800000009 / yishi2026
    residents       居民           see the header of api-worker/seed/demo.sql (passcode 123456)
  Residents can also join with an unused invite code from the same file.

  Stop with Ctrl-C. Wipe and re-seed with: make reset

MSG
exec wrangler dev --config "$WRANGLER_CONFIG" --port "$PORT" --ip 0.0.0.0 --persist-to "$STATE_DIR" \
  --show-interactive-dev-session=false --live-reload=false
