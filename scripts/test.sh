#!/usr/bin/env bash
# `make test`: every test, in order of speed. Exits non-zero on any failure and ends with one line
# "summary: N passed, N failed".
#   1. unit: core's unit and property tests (with the check that docs/API.md's routes and docs/openapi.json
#      are what the endpoint table generates) and the app's, natively; docs/openapi.json by an OpenAPI
#      validator; the read-aloud script in Node
#   2. seed: the demo seed and the API fixture regenerate identically and load into the schema;
#      pinyin: core's table of pinyin initials regenerates identically from the pinned pypinyin;
#      ics: meetings' calendar files read back by the pinned icalendar; push: Web Push messages and
#      VAPID tokens checked both ways against the pinned http_ece and cryptography; equal-shares: core's
#      Method of Equal Shares against the pinned pabutools on six of Pabulib's published votes
#   3. size: the resident app's first load within its budget (after the build)
#   4. api: integration tests against a fresh local worker with an empty D1 (plus the test fixture)
#   5. api (short sessions): session expiry, against a worker whose sessions last 3 seconds; api
#      (alone): what a ballot costs in D1, counted by the worker while no other request runs, and the
#      chaos test, which kills the worker hard while ballots are being cast and starts it again
#   6. fuzz: Schemathesis against docs/openapi.json as each kind of caller of the fixture, on a fresh worker
#      (scripts/fuzz.py): no server error, no answer outside the schema
#   7. e2e: Playwright in Debian's Chromium on a phone viewport, against a worker with the demo district
set -uo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"

scripts/setup.sh --with-browser || die "set-up failed"

logs=$(mktemp -d "${TMPDIR:-/tmp}/yishi-logs.XXXXXX")
passed=0 failed=0 broken=() named=() flaky=()

# Adds the counts a runner printed to the totals.
count() { # stage log
  local stage=$1 log=$2 p f
  read -r p f < <(python3 - "$log" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8", errors="replace").read()
p = f = 0
for m in re.finditer(r"test result: \w+\. (\d+) passed; (\d+) failed", text):  # cargo test
    p += int(m.group(1)); f += int(m.group(2))
m = re.search(r"^Ran (\d+) tests?", text, re.M)                                 # unittest
if m:
    bad = sum(int(x) for x in re.findall(r"(?:failures|errors)=(\d+)", text))
    p += int(m.group(1)) - bad; f += bad
for m in re.finditer(r"^# (pass|fail) (\d+)$", text, re.M):                         # node --test (TAP)
    if m.group(1) == "fail": f += int(m.group(2))
    else: p += int(m.group(2))
for m in re.finditer(r"^fuzz: (\d+) callers passed, (\d+) failed", text, re.M):     # scripts/fuzz.py
    p += int(m.group(1)); f += int(m.group(2))
for m in re.finditer(r"^push: (\d+) passed, (\d+) failed", text, re.M):            # scripts/push_test.py
    p += int(m.group(1)); f += int(m.group(2))
for m in re.finditer(r"^\s+(\d+) (passed|failed|flaky)\b", text, re.M):         # playwright
    if m.group(2) == "failed": f += int(m.group(1))
    else: p += int(m.group(1))
print(p, f)
PY
)
  passed=$((passed + p)); failed=$((failed + f))
  say "$stage: $p passed, $f failed"
}

stage() { # name command...
  local name=$1; shift
  local log="$logs/$name.log"
  say "Stage: $name"
  "$@" 2>&1 | tee "$log"
  local status=${PIPESTATUS[0]}
  count "$name" "$log"
  # Tests that passed only when tried again (Playwright's "flaky"), named at the end too.
  mapfile -t -O "${#flaky[@]}" flaky < <(awk '/^ +[0-9]+ flaky/{f=1; next} f && /^ +\[|^ +e2e\//{sub(/^ +/, ""); print; next} {f=0}' "$log" \
    | sed "s/^/$name: /" | head -20)
  if [[ $status -ne 0 ]]; then
    broken+=("$name")
    # A stage that failed without any test failing (a build error, say) still counts as a failure.
    grep -qE "([1-9][0-9]*) failed|failures=|errors=" "$log" || failed=$((failed + 1))
    # The failed tests' names, for the end of the output (a runner's own summary may be far above it).
    mapfile -t -O "${#named[@]}" named < <(grep -aE "^test .* \.\.\. FAILED$|^\s+✘ |^not ok |^(FAIL|ERROR): " "$log" \
      | sed -E 's/^\s+//' | sed "s/^/$name: /" | head -20)
  fi
  return 0
}

stage unit cargo test -p yishi-core -p yishi-app \
  --features yishi-core/test-util,yishi-core/schema,yishi-core/push,yishi-app/office
stage speech node --test --test-reporter=tap tests/speech/speech.test.cjs
stage sw node --test --test-reporter=tap tests/sw/push.test.cjs
stage openapi python3 scripts/openapi_test.py
stage seed python3 scripts/seed_test.py
stage pinyin python3 scripts/pinyin_test.py
stage ics python3 scripts/ics_test.py
stage push python3 scripts/push_test.py
stage equal-shares python3 scripts/equal_shares_test.py
# A VAPID key for the tests' workers only (a district makes its own: scripts/vapid-keys.sh): push is on,
# and the API and browser tests' fake push services receive what the postman sends.
push=(--var VAPID_PRIVATE_KEY:9CH-Vu0_91yUsoC1n0zn62JXw6bHoJtm_pHIdA_B1Oc --var VAPID_SUBJECT:mailto:test@example.org)
if YISHI_QUIET_SIZES=1 scripts/build.sh; then
  stage size python3 scripts/size_test.py
  stage api scripts/with-worker.sh --load tests/api/fixtures/base.sql --var TEST_HOOKS:1 "${push[@]}" -- \
    cargo test -p yishi-api-tests --test api
  stage api-short-sessions scripts/with-worker.sh --load tests/api/fixtures/base.sql \
    --var SESSION_TTL_SECONDS:3 -- cargo test -p yishi-api-tests --test session_expiry
  stage api-alone scripts/with-worker.sh --load tests/api/fixtures/base.sql --var TEST_HOOKS:1 -- \
    cargo test -p yishi-api-tests --test ballot_cost --test chaos
  stage fuzz scripts/with-worker.sh --load tests/api/fixtures/base.sql -- python3 scripts/fuzz.py
  stage e2e scripts/with-worker.sh --load api-worker/seed/demo.sql "${push[@]}" -- \
    npx --no-install playwright test --config e2e/playwright.config.ts
else
  broken+=(build); failed=$((failed + 1))
fi

rm -rf "$logs"
[[ ${#broken[@]} -eq 0 ]] || echo "failed stages: ${broken[*]}"
[[ ${#named[@]} -eq 0 ]] || printf 'failed: %s\n' "${named[@]}"
[[ ${#flaky[@]} -eq 0 ]] || printf 'flaky (passed when tried again): %s\n' "${flaky[@]}"
echo "summary: $passed passed, $failed failed"
[[ ${#broken[@]} -eq 0 && $failed -eq 0 ]]
