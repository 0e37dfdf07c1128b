#!/usr/bin/env bash
# `make bench`: every benchmark, each against its own fresh local worker where it needs one; prints
# figures and asserts nothing (speed and size goals live here, never in timed tests). About 40 minutes
# on 2 cores, most of it the meeting of 5,000 phones (YISHI_FANOUT="200 1000" for a quicker run).
#   1. what a phone downloads (scripts/size.py: every file, both apps' first loads, the wasm profile)
#   2. the home screen on slow 3G and fast 4G, cold and warm, CPU 4× slower (scripts/bench_load.mjs)
#   3. Lighthouse (mobile performance) on the home and sign-in pages
#   4. counting 100,000 ranked and 400,000 approval ballots, and equal shares over 5,000 voters and 60
#      plans and over Wieliczka's 6,586 voters and 64 projects (core)
#   5. 500 ballots cast at once; a live meeting with 1,000 and 5,000 phones (fan-out per ballot against a
#      minimal relay, a burst, a reconnect storm, D1 round trips per ballot); requests and their figures
#   6. a notice to a community of 5,000 residents with phones subscribed: the publishing request, their
#      inboxes, and pushes delivered per second to a fake push service (tests/api/examples/notify_bench.rs)
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"

scripts/setup.sh --with-browser
YISHI_QUIET_SIZES=1 scripts/build.sh

say "What a phone downloads"
python3 scripts/size.py

say "The home screen on a phone's network"
scripts/with-worker.sh --load api-worker/seed/demo.sql -- node scripts/bench_load.mjs

say "Lighthouse 12.2.3, mobile (simulated slow 4G, CPU 4× slower)"
scripts/with-worker.sh --load api-worker/seed/demo.sql -- scripts/bench_lighthouse.sh

say "Counting ballots"
cargo run --quiet --release -p yishi-core --example tally_bench

say "Ballots at once, a live meeting's fan-out, requests"
scripts/with-worker.sh --load tests/api/fixtures/base.sql -- cargo run --quiet --release -p yishi-api-tests --example ballots_bench
# Thousands of sockets: as many open files as allowed. Through wrangler's dev proxy workerd holds about
# four files per socket, so 5,000 phones need a limit above 20,000; below it the largest meeting is 4,800.
ulimit -n "$(ulimit -Hn)"
largest=5000
if [[ "$(ulimit -n)" != unlimited && "$(ulimit -n)" -lt 24000 ]]; then
  largest=4800
  say "Open files limited to $(ulimit -n): the largest meeting is $largest phones, not 5,000"
fi
# shellcheck disable=SC2086
scripts/with-worker.sh --load tests/api/fixtures/base.sql --var PBKDF2_ITERATIONS:1000 --var TEST_HOOKS:1 -- \
  cargo run --quiet --release -p yishi-api-tests --example meeting_fanout -- ${YISHI_FANOUT:-1000 $largest}
scripts/with-worker.sh --load tests/api/fixtures/base.sql -- cargo run --quiet --release -p yishi-api-tests --example requests_bench

say "A notice to a community of 5,000 residents: publishing, inboxes, pushes"
push_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
bench_sql=$(mktemp --suffix=.sql)
trap 'rm -f "$bench_sql"' EXIT
cargo run --quiet --release -p yishi-api-tests --example notify_bench -- --sql 5000 "$push_port" >"$bench_sql"
# A key for this run only: push is on, and goes to the benchmark's fake push service.
vapid=$(scripts/vapid-keys.sh | sed -n 's/^VAPID_PRIVATE_KEY=//p')
scripts/with-worker.sh --load tests/api/fixtures/base.sql --load "$bench_sql" \
  --var "VAPID_PRIVATE_KEY:$vapid" --var VAPID_SUBJECT:mailto:bench@example.org -- \
  cargo run --quiet --release -p yishi-api-tests --example notify_bench -- --run 5000 "$push_port"
