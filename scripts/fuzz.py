#!/usr/bin/env python3
"""Contract fuzzing: Schemathesis against the OpenAPI document the endpoint table generates
(docs/openapi.json), on the local worker that scripts/with-worker.sh started (BASE_URL) with the API
fixture, as each kind of caller the fixture has. Every answer must be no server error and must match the
document's schema; the run fails otherwise.

    scripts/with-worker.sh --load tests/api/fixtures/base.sql -- python3 scripts/fuzz.py [--examples N]
    python3 scripts/fuzz.py --venv        only install Schemathesis (scripts/setup.sh)

Reproducible: the seed of each caller is fixed (printed), Schemathesis prints a `curl` line for each
failure, and its reports (JUnit, and every request and answer as NDJSON) are kept in target/fuzz/. The
figures printed at the end are the requests sent to each route, by caller.

The callers go from the least to the most trusted, so that what staff do to the fixture (a resident
suspended, a role revoked) cannot hide a route from the others. Routes that end the caller's own session
(signing out, changing one's passcode) are left out for signed-in callers: the fuzzer would sign itself out
and spend the rest of its budget on 401s.
"""

from __future__ import annotations

import collections
import glob
import json
import os
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "docs" / "openapi.json"
CONFIG = ROOT / "scripts" / "fuzz.toml"
REQUIREMENTS = ROOT / "scripts" / "fuzz-requirements.txt"
VERSION = "4.32.5"
VENV = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "yishi" / "fuzz-venv"
ST = VENV / "bin" / "schemathesis"
REPORTS = Path(os.environ.get("CARGO_TARGET_DIR") or ROOT / "target") / "fuzz"

# The fixture's callers (tests/api/src/lib.rs, accounts): name, phone, password (None: nobody signed in),
# and whether its run adds the coverage phase (every parameter's boundary and wrong-typed values, about
# 6,000 requests, deterministic): for community staff, who reach the most routes. Every caller runs the
# fuzzing and stateful phases.
STAFF_PASSWORD = "fixture-pass-1"
RESIDENT_PASSCODE = "654321"
CALLERS = [
    ("anonymous", None, None, False),
    ("resident", "13900000301", RESIDENT_PASSCODE, False),
    ("building head", "13900000033", RESIDENT_PASSCODE, False),
    ("grid worker", "13900000044", STAFF_PASSWORD, False),
    ("community staff", "13900000001", STAFF_PASSWORD, True),
    ("street admin", "13900000009", STAFF_PASSWORD, False),
]
# What signs a caller out, or changes what it signs in with.
OWN_SESSION = "^/(sessions|me/passcode)"
# Per caller, at most this many seconds (the stage stays bounded on a slow machine; a caller stopped by it
# fails the run, so that a slow-down is seen rather than a silently smaller run).
CALLER_SECONDS = 300


def install() -> Path:
    """Schemathesis at the pinned version in an environment of its own (created when missing)."""
    check = [str(ST), "--version"]
    if ST.exists() and VERSION in subprocess.run(check, capture_output=True, text=True).stdout:
        return ST
    print(f"Installing Schemathesis {VERSION} into {VENV}", file=sys.stderr)
    if not (VENV / "bin" / "python").exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    subprocess.run(
        [str(VENV / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
         "-r", str(REQUIREMENTS)],
        check=True,
    )
    return ST


def sign_in(base: str, phone: str, password: str) -> str:
    """The session cookie of a caller."""
    req = urllib.request.Request(
        f"{base}/api/v1/sessions",
        data=json.dumps({"phone": phone, "password": password}).encode(),
        headers={"content-type": "application/json", "x-yishi-csrf": "1"},
        method="POST",
    )
    with urllib.request.urlopen(req) as resp:
        for header in resp.headers.get_all("set-cookie") or []:
            if header.startswith("yishi_session="):
                return header.split(";", 1)[0]
    sys.exit(f"fuzz: signing in as {phone} gave no session")


def requests_per_route(report_dir: Path) -> collections.Counter:
    """The requests sent to each route, read from Schemathesis's NDJSON report."""
    counts: collections.Counter = collections.Counter()
    for path in glob.glob(str(report_dir / "*.ndjson")):
        with open(path, encoding="utf-8") as f:
            for line in f:
                event = json.loads(line)
                finished = event.get("ScenarioFinished")
                if finished:
                    recorder = finished["recorder"]
                    counts[recorder["label"]] += len(recorder.get("interactions", {}))
    return counts


def main(argv: list[str]) -> int:
    if argv == ["--venv"]:
        install()
        return 0
    examples = 8
    if argv[:1] == ["--examples"] and len(argv) == 2:
        examples = int(argv[1])
    elif argv:
        sys.exit(__doc__)
    base = os.environ.get("BASE_URL") or sys.exit("fuzz: BASE_URL is not set (run it under scripts/with-worker.sh)")
    st = install()
    shutil.rmtree(REPORTS, ignore_errors=True)
    failed = []
    table: dict[str, collections.Counter] = {}
    for n, (name, phone, password, coverage) in enumerate(CALLERS):
        seed = 1000 + n
        report_dir = REPORTS / name.replace(" ", "-")
        cmd = [
            str(st), "--config-file", str(CONFIG), "run", str(SCHEMA), "--url", f"{base}/api/v1",
            "--checks", "not_a_server_error,response_schema_conformance",
            "--max-examples", str(examples), "--seed", str(seed), "--continue-on-failure",
            "--phases", "coverage,fuzzing,stateful" if coverage else "fuzzing,stateful",
            "--generation-deterministic", "--no-color",
            "--report", "junit,ndjson", "--report-dir", str(report_dir),
            "-H", "x-yishi-csrf: 1",
        ]
        if phone:
            cmd += ["-H", f"Cookie: {sign_in(base, phone, password)}", "--exclude-path-regex", OWN_SESSION]
        print(f"==> fuzzing as {name} (seed {seed}, {examples} examples per operation"
              f"{', and the coverage phase' if coverage else ''})", flush=True)
        started = time.monotonic()
        try:
            result = subprocess.run(cmd, cwd=ROOT, timeout=CALLER_SECONDS)
            status = result.returncode
        except subprocess.TimeoutExpired:
            print(f"fuzz: as {name}, stopped after {CALLER_SECONDS} s", flush=True)
            status = 124
        table[name] = requests_per_route(report_dir)
        print(f"    as {name}: {sum(table[name].values())} requests in {time.monotonic() - started:.0f} s, "
              f"exit {status}", flush=True)
        if status != 0:
            failed.append(name)

    routes = sorted(set().union(*table.values()), key=lambda r: (r.split(" ", 1)[1], r))
    print("\nRequests per route, by caller:")
    names = [c[0] for c in CALLERS]
    print("\t".join(["route", *names, "all"]))
    for route in routes:
        row = [table[c][route] for c in names]
        print("\t".join([route, *map(str, row), str(sum(row))]))
    total = sum(sum(t.values()) for t in table.values())
    print(f"fuzz: {total} requests to {len(routes)} routes; reports in {REPORTS}")
    print(f"fuzz: {len(CALLERS) - len(failed)} callers passed, {len(failed)} failed")
    if failed:
        print(f"fuzz: failures as {', '.join(failed)} (each with a curl line above)")
        return 1
    print("fuzz: 0 server errors, 0 answers outside the schema")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
