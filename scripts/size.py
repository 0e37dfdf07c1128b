#!/usr/bin/env python3
"""What a phone downloads: the size of every file the app serves, raw and as a server sends it compressed
(gzip -9, brotli at quality 4 as a CDN compresses on the fly, brotli 11 as a precompressed file, zstd 3),
then each app's first load, and a profile of what fills the wasm.

Usage (from the repository root, after scripts/build.sh):
    scripts/size.py                  the table, both first loads and the profile of each wasm
    scripts/size.py --json           the first loads as JSON (for the size budget test and the benchmark)

Brotli and zstd are Debian's command-line tools (`brotli`, `zstd`), which scripts/setup.sh installs.
"""

import gzip
import json
import re
import struct
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
# Written by scripts/bundle.py: which files each app loads first.
BUNDLES = ROOT / ".build" / "bundles.json"


def brotli(data: bytes, quality: int) -> int:
    out = subprocess.run(["brotli", "-c", "-q", str(quality)], input=data, capture_output=True, check=True)
    return len(out.stdout)


def zstd(data: bytes) -> int:
    out = subprocess.run(["zstd", "-c", "-3", "-q"], input=data, capture_output=True, check=True)
    return len(out.stdout)


def sizes(path: Path) -> dict:
    data = path.read_bytes()
    return {
        "raw": len(data),
        "gzip": len(gzip.compress(data, 9, mtime=0)),
        "br4": brotli(data, 4),
        "br11": brotli(data, 11),
        "zstd": zstd(data),
    }


def first_loads() -> dict:
    """Each app's first load: the files named in bundles.json, with their sizes and the total."""
    bundles = json.loads(BUNDLES.read_text(encoding="utf-8"))
    loads = {}
    for app, files in bundles["first_load"].items():
        per_file = {name: sizes(DIST / name) for name in files}
        total = {k: sum(s[k] for s in per_file.values()) for k in ("raw", "gzip", "br4", "br11", "zstd")}
        loads[app] = {"files": per_file, "total": total}
    return loads


# ---- A profile of a wasm module: code bytes per crate and the largest functions ---------------------------


def leb(data: bytes, pos: int) -> tuple[int, int]:
    result = shift = 0
    while True:
        byte = data[pos]
        pos += 1
        result |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return result, pos


def wasm_profile(path: Path) -> tuple[dict[str, int], list[tuple[int, str]], int, int]:
    """Code bytes per crate, the largest functions, the data segments' bytes and the whole file's.

    Reads the name section that rustc's linker writes (demangled names), so profile a module before
    wasm-opt, which drops it: sizes there are larger than shipped, the proportions are what matter."""
    data = path.read_bytes()
    if data[:4] != b"\0asm":
        raise SystemExit(f"{path} is not a wasm module")
    pos, imported, bodies, names, data_bytes = 8, 0, [], {}, 0
    while pos < len(data):
        section, pos = data[pos], pos + 1
        length, pos = leb(data, pos)
        end = pos + length
        if section == 2:  # imports: functions among them take the first indices
            count, p = leb(data, pos)
            for _ in range(count):
                for _ in range(2):  # module and field names
                    n, p = leb(data, p)
                    p += n
                kind, p = data[p], p + 1
                if kind == 0:
                    imported += 1
                    _, p = leb(data, p)
                elif kind == 1:  # table: element type, limits
                    p += 1
                    flags, p = leb(data, p)
                    _, p = leb(data, p)
                    if flags & 1:
                        _, p = leb(data, p)
                elif kind == 2:  # memory: limits
                    flags, p = leb(data, p)
                    _, p = leb(data, p)
                    if flags & 1:
                        _, p = leb(data, p)
                elif kind == 3:  # global: type, mutability
                    p += 2
                else:  # tag
                    p += 1
                    _, p = leb(data, p)
        elif section == 10:  # code
            count, p = leb(data, pos)
            for _ in range(count):
                size, q = leb(data, p)
                bodies.append(size + (q - p))
                p = q + size
        elif section == 11:
            data_bytes += length
        elif section == 0:
            n, p = leb(data, pos)
            if data[p : p + n] == b"name":
                p += n
                while p < end:
                    sub, p = data[p], p + 1
                    sublen, p = leb(data, p)
                    subend = p + sublen
                    if sub == 1:
                        count, q = leb(data, p)
                        for _ in range(count):
                            index, q = leb(data, q)
                            n, q = leb(data, q)
                            names[index] = data[q : q + n].decode("utf-8", "replace")
                            q += n
                    p = subend
        pos = end
    per_crate: dict[str, int] = {}
    functions = []
    for i, size in enumerate(bodies):
        name = names.get(imported + i, f"function[{imported + i}]")
        crate = crate_of(name)
        per_crate[crate] = per_crate.get(crate, 0) + size
        functions.append((size, name))
    functions.sort(reverse=True)
    return per_crate, functions, data_bytes, len(data)


ESCAPES = {"$LT$": "<", "$GT$": ">", "$RF$": "&", "$BP$": "*", "$LP$": "(", "$RP$": ")", "$C$": ",", "$SP$": "@"}


def demangle(name: str) -> str:
    """Rust's legacy mangling (`_ZN3foo3bar17h0123456789abcdefE`) to `foo::bar`; other names as they are."""
    if not name.startswith("_ZN"):
        return name
    pos, parts = 3, []
    while pos < len(name) and name[pos].isdigit():
        digits = re.match(r"\d+", name[pos:])
        if not digits:
            break
        n = int(digits.group(0))
        pos += len(digits.group(0))
        parts.append(name[pos : pos + n])
        pos += n
    if parts and re.fullmatch(r"h[0-9a-f]{16}", parts[-1]):
        parts.pop()
    text = "::".join(parts)
    for code, char in ESCAPES.items():
        text = text.replace(code, char)
    text = re.sub(r"\$u([0-9a-f]+)\$", lambda m: chr(int(m.group(1), 16)), text)
    return text.replace("..", "::").lstrip("_")


STD = {"core", "alloc", "std"}


def crate_of(name: str) -> str:
    """The crate a Rust function belongs to: the first path segment; for `<T as Trait>::f`, T's crate unless
    T is the standard library's (then the trait's: serde's code for `<PhantomData<T> as Deserialize>`)."""
    name = demangle(name)
    impl = re.match(r"<+&?(?:mut |dyn )?([A-Za-z_][A-Za-z0-9_]*)(?:::.*?)? as &?(?:mut )?([A-Za-z_][A-Za-z0-9_]*)::", name)
    if impl:
        own, trait = impl.groups()
        # A bare type parameter (`<T as Trait>`) or a standard type: the trait's crate.
        return trait if own in STD or re.fullmatch(r"[A-Z][A-Za-z0-9]?", own) else own
    match = re.match(r"<*&?(?:mut |dyn )?([A-Za-z_][A-Za-z0-9_]*)::", name)
    if match:
        return match.group(1)
    return "(wasm-bindgen glue)" if name.startswith("__wbindgen") else "(other)"


def print_table(rows: list[tuple[str, dict]]) -> None:
    print(f"{'file':<44} {'raw':>10} {'gzip':>10} {'br-4':>10} {'br-11':>10} {'zstd':>10}")
    for name, s in rows:
        print(f"{name:<44} {s['raw']:>10,} {s['gzip']:>10,} {s['br4']:>10,} {s['br11']:>10,} {s['zstd']:>10,}")


def main() -> None:
    as_json = "--json" in sys.argv[1:]
    if not BUNDLES.exists():
        raise SystemExit(".build/bundles.json is missing: run scripts/build.sh first")
    loads = first_loads()
    if as_json:
        print(json.dumps({app: load["total"] for app, load in loads.items()}, indent=2))
        return

    served = sorted(p for p in DIST.rglob("*") if p.is_file() and p.name != "_headers")
    print("Every file served (bytes):")
    print_table([(str(p.relative_to(DIST)), sizes(p)) for p in served])
    for app, load in loads.items():
        print(f"\nFirst load of the {app} app (bytes):")
        print_table([*load["files"].items(), ("total", load["total"])])

    bundles = json.loads(BUNDLES.read_text(encoding="utf-8"))
    for app, module in bundles.get("profile", {}).items():
        path = Path(module)
        if not path.exists():
            continue
        per_crate, functions, data_bytes, total = wasm_profile(path)
        print(f"\nProfile of the {app} wasm before wasm-opt ({total:,} bytes; data segments {data_bytes:,}):")
        for crate, size in sorted(per_crate.items(), key=lambda kv: -kv[1])[:14]:
            print(f"  {size:>10,}  {100 * size / total:5.1f}%  {crate}")
        print("  largest functions:")
        for size, name in functions[:10]:
            print(f"  {size:>10,}  {demangle(name)[:110]}")


if __name__ == "__main__":
    main()
