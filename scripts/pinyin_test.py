#!/usr/bin/env python3
"""Self-check of scripts/pinyin_table.py: the committed table (core/src/pinyin/table.rs) is exactly what
the generator writes from the pinned pypinyin, and it says what a chair expects of it. Run from the
repository root (it creates the environment with pypinyin when missing):

    python3 scripts/pinyin_test.py            (or: python3 -m unittest scripts/pinyin_test.py)
"""

import re
import subprocess
import sys
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import pinyin_table  # noqa: E402


def generated() -> str:
    out = subprocess.run(
        [str(pinyin_table.venv_python()), str(Path(pinyin_table.__file__)), "--print"],
        capture_output=True,
        check=True,
        text=True,
    )
    return out.stdout


class PinyinTableTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.text = generated()
        cls.committed = pinyin_table.TABLE.read_text(encoding="utf-8")
        # The strings of the committed file, joined again across its continuation lines.
        cls.strings = {
            letter: re.sub(r"\\\n\s*", "", body)
            for letter, body in re.findall(r"b'([a-z])',\s*\"([^\"]*)\"", cls.committed)
        }

    def test_the_committed_table_is_what_pypinyin_gives(self):
        if self.text != self.committed:
            diff = subprocess.run(
                ["diff", "-u", str(pinyin_table.TABLE), "-"], input=self.text, capture_output=True, text=True
            ).stdout
            self.fail(
                "core/src/pinyin/table.rs differs from what scripts/pinyin_table.py writes; run it and commit:\n"
                + diff[:3000]
            )

    def test_it_is_pinned_and_says_so(self):
        self.assertIn(f"from pypinyin {pinyin_table.PYPINYIN_VERSION}:", self.committed.splitlines()[0])
        pin = pinyin_table.REQUIREMENTS.read_text(encoding="utf-8")
        self.assertRegex(pin, rf"(?m)^pypinyin=={re.escape(pinyin_table.PYPINYIN_VERSION)} --hash=sha256:[0-9a-f]{{64}}$")

    def test_every_initial_and_every_gb2312_character_is_there(self):
        self.assertEqual(set(self.strings), set("abcdefghjklmnopqrstwxyz"))
        covered = set("".join(self.strings.values()))
        self.assertEqual([c for c in pinyin_table.gb2312() if c not in covered], [])
        self.assertGreater(len(covered), 20000)

    def test_strings_are_sorted_three_byte_characters(self):
        for letter, chars in self.strings.items():
            self.assertEqual(list(chars), sorted(set(chars)), letter)
            self.assertEqual(len(chars.encode("utf-8")), 3 * len(chars), letter)

    def test_names_and_polyphonic_surnames(self):
        def initials(char):
            return {letter for letter, chars in self.strings.items() if char in chars}

        for char, letters in {"刘": "l", "晓": "x", "梅": "m", "张": "z", "欧": "o"}.items():
            self.assertEqual(initials(char), set(letters), char)
        # pypinyin keeps old readings too (王 yù): a few more matches, never one fewer.
        self.assertIn("w", initials("王"))
        for char, letters in {"曾": "cz", "单": "cds", "解": "jx", "区": "oq", "查": "cz", "长": "cz"}.items():
            self.assertLessEqual(set(letters), initials(char), char)


if __name__ == "__main__":
    unittest.main(verbosity=2)
