"""A virtual environment of the project's own, under the cache directory, holding exact versions of PyPI
packages installed with their hashes (`pip install --require-hashes`): the independent implementations
that some tests check the project against."""

import os
import subprocess
import sys
from pathlib import Path

CACHE = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "yishi"


def python(name: str, requirements: Path, check: str, what: str, no_deps: bool = False) -> Path:
    """The Python of the environment `name`, created and filled from `requirements` when missing or when
    `check` (Python code that exits non-zero unless the pinned versions are installed) fails. With
    `no_deps`, pip installs what the file lists and nothing its packages declare beyond it (for a package
    that declares more than the part of it a test uses needs)."""
    venv = CACHE / name
    exe = venv / "bin" / "python"
    probe = [str(exe), "-c", check]
    if exe.exists() and subprocess.run(probe, capture_output=True).returncode == 0:
        return exe
    print(f"Installing {what} into {venv}", file=sys.stderr)
    if not exe.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run(
        [str(exe), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--require-hashes",
         *(["--no-deps"] if no_deps else []), "-r", str(requirements)],
        check=True,
    )
    subprocess.run(probe, check=True)
    return exe


def enter(venv: Path, python_of, script: str, args: list) -> None:
    """The start of a script that runs inside `venv` (its Python given by `python_of()`, which creates it
    when missing): with `--venv`, only makes the environment and exits; otherwise runs `script` again
    with `args` inside it and exits with its status, unless this process already runs there."""
    if args == ["--venv"]:
        python_of()
        sys.exit(0)
    if Path(sys.prefix).resolve() != venv.resolve():
        sys.exit(subprocess.run([str(python_of()), script, *args]).returncode)
