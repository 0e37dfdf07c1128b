#!/usr/bin/env python3
"""Writes dist/_headers: security headers for the static app served by Workers static assets.

The Content-Security-Policy allows scripts only from our own origin plus the exact inline loader script
that scripts/bundle.py writes into index.html (by SHA-256 hash), so injected markup can never run script.
The service worker is always fetched afresh, so that a new version is found at once.
Usage: scripts/csp.py DIST_DIR
"""
import base64
import hashlib
import re
import sys
from pathlib import Path


def inline_script_hashes(html: str) -> list[str]:
    hashes = []
    for match in re.finditer(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, re.S):
        digest = hashlib.sha256(match.group(1).encode()).digest()
        hashes.append("'sha256-" + base64.b64encode(digest).decode() + "'")
    return hashes


def main() -> None:
    dist = Path(sys.argv[1])
    html = (dist / "index.html").read_text(encoding="utf-8")
    scripts = " ".join(["'self'", "'wasm-unsafe-eval'", *inline_script_hashes(html)])
    csp = "; ".join(
        [
            "default-src 'self'",
            f"script-src {scripts}",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "connect-src 'self'",
            "font-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ]
    )
    headers = f"""/*
  Content-Security-Policy: {csp}
  X-Content-Type-Options: nosniff
  X-Frame-Options: DENY
  Referrer-Policy: same-origin
  Permissions-Policy: camera=(self), microphone=(), geolocation=()

/sw.js
  Cache-Control: no-cache
"""
    (dist / "_headers").write_text(headers, encoding="utf-8")


if __name__ == "__main__":
    main()
