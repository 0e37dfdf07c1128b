#!/usr/bin/env python3
"""Puts the three Trunk builds together into dist/, which the worker serves.

Trunk builds each app from its own HTML entry (app/index.html for the resident app, app/home.html for the
home app a phone loads first, app/office.html for the office) into .build/<app>. This script:
  - copies the resident build, and the other builds' wasm and JS, into dist/, the JS glue minified;
  - replaces Trunk's start-up script in index.html with app/preload.js (which starts the home app's
    download at once on a first visit) and app/boot.js, which picks the app (the office if
    the device chose it; the home app for the home screen, notices and the account until the resident
    app is cached; else the resident app) and shows the frame and the last notices before any wasm
    arrives;
  - writes dist/sw.js from app/sw.js with this build's version and file lists;
  - writes .build/bundles.json (not served): each app's first load, for scripts/size.py and the size
    budget test.
Usage: scripts/bundle.py
"""

import hashlib
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / ".build"
DIST = ROOT / "dist"


# The addresses of the home app's screens (see app.rs): a phone loads the home app first for these.
HOME_PATHS = r"/^\/(login|join|notices(\/(?!archive$)[^/]+)?)?$/"


def fill(text: str, config: dict) -> str:
    """A script to inline: its placeholders filled in, its comment lines left out (bytes on every load)."""
    for name, value in config.items():
        text = text.replace(name, value)
    return "".join(line for line in text.splitlines(keepends=True) if not line.lstrip().startswith("//"))


def one(folder: Path, pattern: str) -> str:
    found = sorted(p.name for p in folder.glob(pattern))
    if len(found) != 1:
        raise SystemExit(f"expected one {pattern} in {folder}, found {found}")
    return found[0]


def main() -> None:
    resident, home, office = BUILD / "resident", BUILD / "home", BUILD / "office"
    if DIST.exists():
        shutil.rmtree(DIST)
    shutil.copytree(resident, DIST)

    apps = {}
    builds = (("home", home, "yishi-home"), ("resident", resident, "yishi-app"), ("office", office, "yishi-office"))
    for name, folder, stem in builds:
        wasm = one(folder, f"{stem}-*_bg.wasm")
        js = one(folder, f"{stem}-*.js")
        if folder is not resident:
            for f in (wasm, js):
                shutil.copy2(folder / f, DIST / f)
        # wasm-bindgen's glue, minified (Trunk's own minifier fails on it); its exports keep their names.
        subprocess.run([os.environ["ESBUILD_BIN"], str(DIST / js), "--minify", "--format=esm",
                        "--log-level=warning", f"--outfile={DIST / js}", "--allow-overwrite"], check=True)
        apps[name] = {"js": "/" + js, "wasm": "/" + wasm, "bytes": (folder / wasm).stat().st_size}
    css = one(DIST, "styles-*.css")
    # The read-aloud script, fetched by the app on the first tap of 朗读 (never part of a first load).
    subprocess.run([os.environ["ESBUILD_BIN"], str(ROOT / "public" / "speech.js"), "--minify",
                    "--log-level=warning", f"--outfile={DIST / 'speech.js'}"], check=True)

    # index.html: Trunk's start-up script and preloads out, the loader in.
    html = (DIST / "index.html").read_text(encoding="utf-8")
    html, scripts = re.subn(r"<script type=\"module\">.*?</script>\s*", "", html, flags=re.S)
    html, preloads = re.subn(r"<link rel=\"(?:modulepreload|preload)\"[^>]*>", "", html)
    if scripts != 1 or preloads != 2:
        raise SystemExit(f"unexpected Trunk output: {scripts} start-up scripts, {preloads} preloads")
    config = {"__APPS__": json.dumps(apps, separators=(",", ":")), "__HOME_PATHS__": HOME_PATHS}
    preload, boot = (fill((ROOT / "app" / name).read_text(encoding="utf-8"), config) for name in ("preload.js", "boot.js"))
    # The preloads first of all, the loader at the end of the head.
    charset = '<meta charset="utf-8" />'
    html = html.replace(charset, f"{charset}\n<script>\n{preload}</script>", 1)
    html = html.replace("</head>", f'<script type="module">\n{boot}</script>\n</head>', 1)
    (DIST / "index.html").write_text(html, encoding="utf-8")

    # The service worker: what the home and resident apps need offline (the resident app is fetched in the
    # background once the home app runs), the office's files, and a version that changes whenever any of
    # them does.
    shell = [
        "/",
        "/" + css,
        apps["home"]["js"],
        apps["home"]["wasm"],
        apps["resident"]["js"],
        apps["resident"]["wasm"],
        "/manifest.webmanifest",
        "/icon.svg",
        "/icon-192.png",
        "/speech.js",
    ]
    office_files = [apps["office"]["js"], apps["office"]["wasm"]]
    version = hashlib.sha256(("\n".join(shell + office_files) + html).encode()).hexdigest()[:16]
    sw = (ROOT / "app" / "sw.js").read_text(encoding="utf-8")
    sw = (
        sw.replace("__VERSION__", json.dumps(version))
        .replace("__SHELL__", json.dumps(shell))
        .replace("__OFFICE__", json.dumps(office_files))
    )
    (DIST / "sw.js").write_text(sw, encoding="utf-8")

    target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target")) / "wasm32-unknown-unknown" / "release"
    bundles = {
        "version": version,
        # What each app's first load fetches: "home" is what a resident's phone loads first.
        "first_load": {
            name: ["index.html", css, apps[name]["js"][1:], apps[name]["wasm"][1:]] for name in apps
        },
        # The modules before wasm-bindgen and wasm-opt, with their names, for scripts/size.py's profile.
        "profile": {name: str(target / f"{stem}.wasm") for name, _, stem in builds},
    }
    (BUILD / "bundles.json").write_text(json.dumps(bundles, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
