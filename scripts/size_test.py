#!/usr/bin/env python3
"""The resident's weight, checked after every build: what her phone downloads first (index.html, the
stylesheet, the resident app's JS glue and wasm, compressed as a CDN does on the fly with brotli at
quality 4) stays within the budget; the office's screens stay out of it; the service worker precaches
exactly the files that exist. Run from the repository root after scripts/build.sh:

    python3 scripts/size_test.py
"""

import json
import re
import sys
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import size  # noqa: E402

# The resident app's first load at brotli-4, in bytes, as measured when the budget was set (see the README,
# "What a phone downloads"); the test allows 5 % more. Lower it when a change makes the app smaller.
RESIDENT_FIRST_LOAD_BR4 = 597_000
ALLOWANCE = 1.05


class Budget(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if not size.BUNDLES.exists():
            raise unittest.SkipTest("no build: run scripts/build.sh first")
        cls.bundles = json.loads(size.BUNDLES.read_text(encoding="utf-8"))
        cls.loads = size.first_loads()

    def test_the_residents_first_load_stays_within_the_budget(self):
        total = self.loads["resident"]["total"]["br4"]
        limit = int(RESIDENT_FIRST_LOAD_BR4 * ALLOWANCE)
        self.assertLessEqual(
            total,
            limit,
            f"the resident app's first load is {total:,} B at brotli-4, over the budget of {limit:,} B "
            f"({RESIDENT_FIRST_LOAD_BR4:,} B + 5 %): see `make size` for what grew",
        )

    def test_the_office_screens_are_not_in_the_residents_app(self):
        resident = self.loads["resident"]["files"]
        office = self.loads["office"]["files"]
        wasm = lambda files: next(s for name, s in files.items() if name.endswith(".wasm"))  # noqa: E731
        self.assertLess(wasm(resident)["br4"], wasm(office)["br4"] * 0.85)
        self.assertFalse(any("office" in name for name in resident), resident.keys())

    def test_the_service_worker_precaches_files_that_exist(self):
        sw = (size.DIST / "sw.js").read_text(encoding="utf-8")
        shell = json.loads(re.search(r"const SHELL = (\[.*?\]);", sw).group(1))
        office = json.loads(re.search(r"const OFFICE = (\[.*?\]);", sw).group(1))
        self.assertIn("/", shell)
        for path in shell + office:
            if path != "/":
                self.assertTrue((size.DIST / path.lstrip("/")).is_file(), path)
        for name in self.bundles["first_load"]["resident"][1:]:
            self.assertIn("/" + name, shell)

    def test_index_html_loads_either_app_and_nothing_before_its_frame(self):
        html = (size.DIST / "index.html").read_text(encoding="utf-8")
        self.assertIn('id="boot"', html)
        # No preload: the office's members would download the resident app for nothing.
        self.assertNotIn('rel="preload"', html)
        self.assertNotIn('rel="modulepreload"', html)
        for app in ("resident", "office"):
            wasm = self.bundles["first_load"][app][3]
            self.assertIn("/" + wasm, html)
        # The full stylesheet comes after the frame, so that it does not hold the first paint back.
        self.assertLess(html.index('id="boot"'), html.index('rel="stylesheet"'))


if __name__ == "__main__":
    unittest.main(verbosity=2)
