#!/usr/bin/env bash
# Lighthouse (npm, pinned) on the home page of a signed-in resident and on the sign-in page: mobile
# performance with Lighthouse's own simulated throttling. Run against a local worker with the demo district:
#   scripts/with-worker.sh --load api-worker/seed/demo.sql -- scripts/bench_lighthouse.sh
set -euo pipefail
source "$(dirname "$0")/env.sh"
[[ -n "${BASE_URL:-}" ]] || die "BASE_URL is not set: run through scripts/with-worker.sh"

cookie=$(curl -fsS -D - -o /dev/null -H "content-type: application/json" -H "x-yishi-csrf: 1" \
  -d '{"phone":"13900311011","password":"123456"}' "$BASE_URL/api/v1/sessions" |
  tr -d '\r' | awk -F'[:;] *' 'tolower($1) == "set-cookie" { print $2; exit }')
[[ -n "$cookie" ]] || die "could not sign in the demo resident"

for page in / /login; do
  out=$(mktemp)
  CHROME_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}" lighthouse "$BASE_URL$page" --quiet \
    --only-categories=performance --form-factor=mobile \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu" \
    --extra-headers="{\"Cookie\": \"$cookie\"}" --output=json --output-path="$out" >/dev/null 2>&1 || true
  python3 - "$page" "$out" <<'PY'
import json, sys

page, path = sys.argv[1], sys.argv[2]
try:
    report = json.load(open(path, encoding="utf-8"))
except (OSError, ValueError) as e:
    print(f"lighthouse {page}: no report ({e})")
    sys.exit()
audits = report["audits"]
seconds = lambda key: f"{audits[key]['numericValue'] / 1000:.1f} s"  # noqa: E731
score = round(report["categories"]["performance"]["score"] * 100)
print(
    f"lighthouse {page:7} performance {score}; FCP {seconds('first-contentful-paint')}, "
    f"LCP {seconds('largest-contentful-paint')}, TBT {audits['total-blocking-time']['numericValue']:.0f} ms, "
    f"TTI {seconds('interactive')}, transferred {audits['total-byte-weight']['numericValue'] / 1000:.0f} kB"
)
PY
  rm -f "$out"
done
