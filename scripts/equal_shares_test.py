#!/usr/bin/env python3
"""Counts real participatory budgets by the Method of Equal Shares twice, with core (core/src/votes/
equal_shares.rs, through the example core/examples/equal_shares.rs) and with pabutools, the reference
implementation by Pabulib's authors (PyPI, pinned with what it needs and their hashes in
scripts/equal-shares-requirements.txt, in a virtual environment of its own under the cache directory),
and checks that both fund the same projects and spend the same, for every file in core/tests/pabulib/:
with cost utilities and with approval utilities (pabutools' Cost_Sat and Cardinality_Sat), each without
the completion and with it (one unit of money more per voter each time, `voter_budget_increment=1`).
pabutools counts in exact fractions (gmpy2) and breaks ties by the projects' ids, which the example
follows. Where a city published the projects it funded by this rule (`rule;equalshares/add1`, a
`selected` column), both counts must also fund exactly those.

Usage (from the repository root; it creates the environment when missing):
    python3 scripts/equal_shares_test.py            run the checks
    python3 scripts/equal_shares_test.py --venv     only create the environment
"""

import json
import subprocess
import sys
import unittest
from pathlib import Path

import pinned_venv

ROOT = Path(__file__).resolve().parent.parent
REQUIREMENTS = ROOT / "scripts" / "equal-shares-requirements.txt"
PABUTOOLS_VERSION = "1.2.3"
VENV = pinned_venv.CACHE / "equal-shares-venv"
FILES = sorted((ROOT / "core" / "tests" / "pabulib").glob("*.pb"))
COUNT = ["cargo", "run", "-q", "--release", "-p", "yishi-core", "--example", "equal_shares", "--"]


def venv_python() -> Path:
    """The environment's Python, with pabutools installed at the pinned version (created when missing)."""
    return pinned_venv.python(
        "equal-shares-venv",
        REQUIREMENTS,
        "import importlib.metadata as m, sys; "
        f"sys.exit(m.version('pabutools') != {PABUTOOLS_VERSION!r})",
        f"pabutools {PABUTOOLS_VERSION}",
        no_deps=True,
    )


def core_counts() -> dict:
    """Core's counts of every file, by (file, utility, increment)."""
    run = subprocess.run([*COUNT, *map(str, FILES)], cwd=ROOT, capture_output=True, text=True)
    if run.returncode != 0:
        raise RuntimeError(f"{' '.join(COUNT)} failed ({run.returncode}):\n{run.stderr}")
    counts = {}
    for line in run.stdout.splitlines():
        c = json.loads(line)
        counts[(c["file"], c["utility"], c["increment"])] = c
    return counts


class EqualSharesTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.core = core_counts()

    def test_core_counts_as_pabutools_does(self):
        from pabutools.election import Cardinality_Sat, Cost_Sat, parse_pabulib
        from pabutools.rules import method_of_equal_shares

        self.assertEqual(len(FILES), 6)
        for path in FILES:
            instance, profile = parse_pabulib(str(path))
            for utility, sat in (("cost", Cost_Sat), ("approval", Cardinality_Sat)):
                for increment in (None, 1):
                    with self.subTest(file=path.name, utility=utility, increment=increment):
                        funded = method_of_equal_shares(
                            instance, profile, sat_class=sat, voter_budget_increment=increment
                        )
                        ours = self.core[(path.name, utility, increment)]
                        self.assertEqual(ours["voters"], profile.num_ballots())
                        self.assertEqual(ours["funded"], sorted(p.name for p in funded))
                        self.assertEqual(ours["spent"], sum(p.cost for p in funded))
                        self.assertLessEqual(ours["spent"], instance.budget_limit)

    def test_both_fund_what_the_cities_funded(self):
        from pabutools.election import parse_pabulib

        published = 0
        for path in FILES:
            instance, _ = parse_pabulib(str(path))
            if instance.meta.get("rule") != "equalshares/add1":
                continue
            published += 1
            with self.subTest(file=path.name):
                selected = sorted(
                    p.name for p in instance if instance.project_meta[p].get("selected") == "1"
                )
                self.assertEqual(self.core[(path.name, "cost", 1)]["funded"], selected)
        # Assen (2024) and Świecie (2023).
        self.assertEqual(published, 2)


if __name__ == "__main__":
    pinned_venv.enter(VENV, venv_python, __file__, sys.argv[1:])
    unittest.main(argv=[sys.argv[0], "-v"])
