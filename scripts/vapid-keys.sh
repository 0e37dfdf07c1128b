#!/usr/bin/env bash
# A fresh VAPID key pair for Web Push (RFC 8292), made locally from the operating system's randomness.
#   scripts/vapid-keys.sh            prints VAPID_PRIVATE_KEY=… and VAPID_PUBLIC_KEY=…
#   scripts/vapid-keys.sh --dev      writes them to api-worker/.dev.vars (local `wrangler dev` reads it),
#                                    unless a key is there already
#   scripts/vapid-keys.sh --deploy   hands the private key to `wrangler secret put VAPID_PRIVATE_KEY`
#                                    through a pipe: it is never shown, stored in a file or in the history
# A district makes its key once: a new key invalidates every phone's subscription (browsers tie a
# subscription to the key), so phones would have to turn push on again. See docs/DEPLOY.md.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"

keys() { cargo run --quiet -p yishi-core --features push --example vapid_keys; }

case "${1:-}" in
  "") keys ;;
  --dev)
    vars=api-worker/.dev.vars
    if [[ -f $vars ]] && grep -q '^VAPID_PRIVATE_KEY=' "$vars"; then
      exit 0
    fi
    say "Making a VAPID key for local Web Push ($vars)"
    keys | grep '^VAPID_PRIVATE_KEY=' >>"$vars"
    ;;
  --deploy)
    shift
    keys | sed -n 's/^VAPID_PRIVATE_KEY=//p' | wrangler secret put VAPID_PRIVATE_KEY --config "$WRANGLER_CONFIG" "$@"
    ;;
  *) die "usage: vapid-keys.sh [--dev | --deploy [wrangler options]]" ;;
esac
