#!/usr/bin/env python3
"""Checks core's Web Push (`yishi_core::push`) against implementations that share no code with it, from
PyPI: http_ece (RFC 8188, by one of RFC 8291's authors) and cryptography (OpenSSL's P-256 and ECDSA).

- Every message that `cargo run -p yishi-core --features push --example push_vector` seals (an empty,
  an ASCII, a Chinese and a 3 KB payload, and the longest a push message carries, each with fresh keys)
  opens with http_ece to the same bytes; its header is RFC 8291's (the salt, a record size of 4096, and
  the sender's public key as key id, which cryptography computes from the sender's private key).
- Each VAPID header's JWT verifies (ES256) with cryptography under the key in `k=`, and its claims are
  the endpoint's origin, the expiry and the subject.
- The other way round, what http_ece seals, the example opens (`--decrypt`).

Both packages live in a virtual environment of their own under the cargo cache directory, at the exact
versions and hashes of scripts/push-requirements.txt.

Usage (from the repository root):
    python3 scripts/push_test.py          run the checks (creating the environment if missing)
    python3 scripts/push_test.py --venv   only create the environment

It ends with `push: N passed, M failed` and exits non-zero on any failure.
"""

import base64
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pinned_venv
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
REQUIREMENTS = ROOT / "scripts" / "push-requirements.txt"
# The exact versions (and, in the requirements file, the hashes) of the two packages checked against.
HTTP_ECE_VERSION = "1.2.1"
CRYPTOGRAPHY_VERSION = "50.0.2"
VENV = pinned_venv.CACHE / "push-venv"
EXAMPLE = ["cargo", "run", "-q", "-p", "yishi-core", "--features", "push", "--example", "push_vector"]
# RFC 8291: the header is salt (16), rs (4), idlen (1) and the 65-byte key id; a push service must take
# 4096 bytes of body; a VAPID token lives at most 24 hours.
HEADER_LEN, RECORD_SIZE, MAX_BODY, MAX_LIFETIME = 86, 4096, 4096, 24 * 3600
DEFAULT_PORTS = {"https": 443, "http": 80}


def venv_python() -> Path:
    """The environment's Python, with http_ece and cryptography at the pinned versions (created when
    missing)."""
    return pinned_venv.python(
        "push-venv",
        REQUIREMENTS,
        (
            "import sys, cryptography, importlib.metadata as m; "
            f"sys.exit(m.version('http_ece') != {HTTP_ECE_VERSION!r} "
            f"or cryptography.__version__ != {CRYPTOGRAPHY_VERSION!r})"
        ),
        f"http_ece {HTTP_ECE_VERSION} and cryptography {CRYPTOGRAPHY_VERSION}",
    )


def b64(text: str) -> bytes:
    """Base64url without padding, as the example writes it."""
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def b64e(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def origin(url: str) -> str:
    """`scheme://host[:port]`, the default port left out (the URL Standard's serialisation)."""
    parts = urlsplit(url)
    port = parts.port if parts.port not in (None, DEFAULT_PORTS.get(parts.scheme)) else None
    return f"{parts.scheme}://{parts.hostname}" + (f":{port}" if port else "")


class Checks:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, ok: bool, case: str, what: str, detail: str = "") -> None:
        if ok:
            self.passed += 1
            print(f"ok    {case}: {what}")
        else:
            self.failed += 1
            print(f"FAIL  {case}: {what}" + (f" ({detail})" if detail else ""))


def run_example(args: list, stdin: str = "") -> list:
    """The example's JSON lines (it is built first if needed)."""
    done = subprocess.run(EXAMPLE + ["--", *args], cwd=ROOT, input=stdin, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"{' '.join(EXAMPLE + args)} failed:\n{done.stderr}")
    return [json.loads(line) for line in done.stdout.splitlines() if line.strip()]


def check_message(checks: Checks, m: dict) -> None:
    import http_ece
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    def private(name):
        return ec.derive_private_key(int.from_bytes(b64(m[name]), "big"), ec.SECP256R1())

    def public(key):
        return key.public_key().public_bytes(Encoding.X962, PublicFormat.UncompressedPoint)

    case, body, plaintext = m["case"], b64(m["body"]), b64(m["plaintext"])
    ua, as_ = private("ua_private"), private("as_private")
    checks.check(public(ua) == b64(m["ua_public"]), case, "the receiver's public key is cryptography's")
    header_ok = (
        body[:16] == b64(m["salt"])
        and int.from_bytes(body[16:20], "big") == RECORD_SIZE
        and body[20] == 65
        and body[21:HEADER_LEN] == public(as_)
    )
    checks.check(header_ok, case, "header: salt, rs 4096, key id = the sender's public key",
                 body[:HEADER_LEN].hex())
    checks.check(len(body) == HEADER_LEN + len(plaintext) + 17 <= MAX_BODY, case,
                 f"one record, {len(body)} bytes of body for {len(plaintext)} of payload")
    try:
        opened = http_ece.decrypt(body, private_key=ua, auth_secret=b64(m["auth"]), version="aes128gcm")
    except Exception as err:  # http_ece raises its own and cryptography's exceptions
        checks.check(False, case, "http_ece opens it", repr(err))
        return
    checks.check(opened == plaintext, case, "http_ece opens it to the same payload",
                 f"{len(opened)} bytes, expected {len(plaintext)}")


def check_vapid(checks: Checks, v: dict) -> None:
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature

    case = v["case"]
    found = re.fullmatch(r"vapid t=([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+), k=([A-Za-z0-9_-]+)",
                         v["authorization"])
    checks.check(found is not None, case, "Authorization is `vapid t=<JWT>, k=<key>`", v["authorization"])
    if not found:
        return
    token, k = found.groups()
    checks.check(b64(k) == b64(v["public_key"]), case, "k is the signer's public key")
    head, claims, signature = token.split(".")
    checks.check(json.loads(b64(head)) == {"typ": "JWT", "alg": "ES256"}, case, "JWT header is ES256")
    expected = {"aud": origin(v["endpoint"]), "exp": v["expires_at"], "sub": v["subject"]}
    got = json.loads(b64(claims))
    checks.check(got == expected, case, f"claims: aud {expected['aud']}, exp, sub", f"{got} != {expected}")
    checks.check(0 < v["expires_at"] - v["now"] <= MAX_LIFETIME, case, "exp within 24 hours")
    raw = b64(signature)
    key = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), b64(k))
    der = encode_dss_signature(int.from_bytes(raw[:32], "big"), int.from_bytes(raw[32:], "big"))
    signing_input = f"{head}.{claims}".encode()
    for data, should in ((signing_input, True), (signing_input + b"x", False)):
        try:
            key.verify(der, data, ec.ECDSA(hashes.SHA256()))
            verified = True
        except InvalidSignature:
            verified = False
        what = "the signature verifies" if should else "the signature does not verify another input"
        checks.check(len(raw) == 64 and verified == should, case, what)


def check_reverse(checks: Checks, messages: list) -> None:
    """What http_ece seals (fresh keys, its own salt), the example opens; a changed byte it refuses."""
    import http_ece
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    requests, expected = [], []
    # http_ece 1.2.1 seals an empty payload as a header without any record, which RFC 8291's one record
    # rules out: only the payloads with bytes are sent back.
    for m in (m for m in messages if m["plaintext"]):
        ua = ec.generate_private_key(ec.SECP256R1())
        auth = os.urandom(16)
        body = http_ece.encrypt(
            b64(m["plaintext"]),
            private_key=ec.generate_private_key(ec.SECP256R1()),
            dh=ua.public_key().public_bytes(Encoding.X962, PublicFormat.UncompressedPoint),
            auth_secret=auth,
            version="aes128gcm",
        )
        line = {"ua_private": b64e(ua.private_numbers().private_value.to_bytes(32, "big")), "auth": b64e(auth)}
        requests.append({**line, "body": b64e(body)})
        expected.append((m["case"], {"plaintext": m["plaintext"]}))
        tampered = bytearray(body)
        tampered[-1] ^= 1
        requests.append({**line, "body": b64e(bytes(tampered))})
        expected.append((m["case"] + ", one byte changed", None))
    answers = run_example(["--decrypt"], "".join(json.dumps(r) + "\n" for r in requests))
    checks.check(len(answers) == len(requests), "decrypt", f"{len(requests)} answers")
    for (case, want), got in zip(expected, answers):
        if want is None:
            checks.check("error" in got, case, "refused when http_ece's message is changed", str(got))
        else:
            checks.check(got == want, case, "what http_ece seals, core opens", str(got)[:120])


def main() -> None:
    args = sys.argv[1:]
    if args not in ([], ["--venv"]):
        sys.exit(__doc__)
    # Run again inside the environment, where http_ece and cryptography are (`--venv`: only make it).
    pinned_venv.enter(VENV, venv_python, __file__, args)
    checks = Checks()
    lines = run_example([])
    messages = [line for line in lines if "body" in line]
    vapid = [line for line in lines if "authorization" in line]
    checks.check(len(messages) == 5 and len(vapid) == 2, "example", "5 messages and 2 VAPID headers")
    for m in messages:
        check_message(checks, m)
    for v in vapid:
        check_vapid(checks, v)
    check_reverse(checks, messages)
    print(f"push: {checks.passed} passed, {checks.failed} failed")
    sys.exit(1 if checks.failed else 0)


if __name__ == "__main__":
    main()
