#!/usr/bin/env python3
"""Reads core's calendar files (core/src/ics.rs) with another implementation, the PyPI package icalendar
(pinned with its dependencies and their hashes in scripts/ics-requirements.txt, in a virtual environment
of its own under the cargo cache directory), as a resident's calendar app would read them.

It runs the example core/examples/ics_sample.rs, which writes a feed of three meetings (a long Chinese
title with an agenda full of commas, semicolons, backslashes and line breaks; a cancelled meeting; a
moved one at sequence 2), a cancellation file and what each event should hold, and checks that:
every line ends in CRLF, within 75 octets and whole UTF-8; icalendar parses both files without an
error; the titles, descriptions and places read back exactly; DTSTART and DTEND, written on the
Asia/Shanghai clock, are the instants meant; SEQUENCE and STATUS are as written; a cancellation says so.

Usage (from the repository root; it creates the environment when missing):
    python3 scripts/ics_test.py            run the checks
    python3 scripts/ics_test.py --venv     only create the environment
"""

import json
import subprocess
import sys
import tempfile
import unittest
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pinned_venv

ROOT = Path(__file__).resolve().parent.parent
REQUIREMENTS = ROOT / "scripts" / "ics-requirements.txt"
# The exact version (and, in the requirements file, the hash of its wheel) of icalendar.
ICALENDAR_VERSION = "7.3.0"
VENV = pinned_venv.CACHE / "ics-venv"
SAMPLE = ["cargo", "run", "-q", "-p", "yishi-core", "--example", "ics_sample", "--"]
# RFC 5545 §3.1: a content line is at most 75 octets, without its CRLF.
LINE_OCTETS = 75
SHANGHAI = "Asia/Shanghai"


def venv_python() -> Path:
    """The environment's Python, with icalendar installed at the pinned version (created when missing)."""
    return pinned_venv.python(
        "ics-venv",
        REQUIREMENTS,
        f"import icalendar, sys; sys.exit(icalendar.__version__ != {ICALENDAR_VERSION!r})",
        f"icalendar {ICALENDAR_VERSION}",
    )


def write_sample(directory: Path) -> None:
    """Core's files of the sample meetings, written into `directory` by the example."""
    run = subprocess.run([*SAMPLE, str(directory)], cwd=ROOT, capture_output=True, text=True)
    if run.returncode != 0:
        raise RuntimeError(f"{' '.join(SAMPLE)} {directory} failed ({run.returncode}):\n{run.stderr}")


class CalendarFilesTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        from icalendar import Calendar

        with tempfile.TemporaryDirectory(prefix="yishi-ics-") as tmp:
            write_sample(Path(tmp))
            cls.expected = json.loads((Path(tmp) / "expected.json").read_text(encoding="utf-8"))
            cls.raw = {
                name: (Path(tmp) / cls.expected[name]).read_bytes() for name in ("feed", "cancel")
            }
        cls.parsed = {name: Calendar.from_ical(raw) for name, raw in cls.raw.items()}
        cls.events = {str(e["UID"]): e for e in cls.parsed["feed"].walk("VEVENT")}

    def event(self, uid: str):
        self.assertIn(uid, self.events, f"no event {uid} in the feed (it has {sorted(self.events)})")
        return self.events[uid]

    def test_every_line_ends_in_crlf_within_75_octets_and_whole_utf8(self):
        for name, raw in self.raw.items():
            self.assertTrue(raw.endswith(b"\r\n"), f"{name}: the file does not end in CRLF")
            for number, line in enumerate(raw[:-2].split(b"\r\n"), start=1):
                where = f"{name}, line {number}: {line[:40]!r}"
                self.assertNotIn(b"\n", line, f"{where}: a line break without CR")
                self.assertNotIn(b"\r", line, f"{where}: a CR without LF")
                self.assertLessEqual(len(line), LINE_OCTETS, f"{where}: {len(line)} octets")
                try:
                    line.decode("utf-8")
                except UnicodeDecodeError as e:
                    self.fail(f"{where}: not whole UTF-8 ({e})")

    def test_icalendar_reads_both_files_without_an_error(self):
        for name, cal in self.parsed.items():
            for component in cal.walk():
                self.assertEqual(component.errors, [], f"{name}: {component.name}")

    def test_the_calendar_says_what_wrote_it_and_its_time_zone(self):
        feed = self.parsed["feed"]
        self.assertEqual(str(feed["PRODID"]), "-//Yishi//Yishi//ZH")
        self.assertEqual(str(feed["VERSION"]), "2.0")
        self.assertEqual(str(feed["CALSCALE"]), "GREGORIAN")
        self.assertEqual(str(feed["METHOD"]), "PUBLISH")
        self.assertEqual(str(feed["X-WR-CALNAME"]), "幸福里社区的会议")
        self.assertEqual(str(feed["X-WR-TIMEZONE"]), SHANGHAI)
        zones = feed.walk("VTIMEZONE")
        self.assertEqual([str(z["TZID"]) for z in zones], [SHANGHAI])
        standard = zones[0].walk("STANDARD")
        self.assertEqual(len(standard), 1)
        self.assertEqual(standard[0].decoded("TZOFFSETTO"), timedelta(hours=8))
        self.assertEqual(standard[0].decoded("TZOFFSETFROM"), timedelta(hours=8))
        self.assertEqual(str(standard[0]["TZNAME"]), "CST")
        self.assertEqual(len(self.events), len(self.expected["events"]))

    def test_titles_descriptions_and_places_read_back_exactly(self):
        for want in self.expected["events"]:
            event = self.event(want["uid"])
            for prop, key in [("SUMMARY", "summary"), ("DESCRIPTION", "description"), ("LOCATION", "location")]:
                self.assertEqual(str(event[prop]), want[key], f"{want['uid']}: {prop}")
            self.assertEqual(str(event["URL"]), want["url"], f"{want['uid']}: URL")

    def test_start_and_end_are_the_instants_meant_on_the_shanghai_clock(self):
        from zoneinfo import ZoneInfo

        shanghai = ZoneInfo(SHANGHAI)
        for want in self.expected["events"]:
            event = self.event(want["uid"])
            for prop, key in [("DTSTART", "start"), ("DTEND", "end")]:
                where = f"{want['uid']}: {prop}"
                self.assertEqual(event[prop].params.get("TZID"), SHANGHAI, where)
                got = event.decoded(prop)
                meant = datetime.fromisoformat(want[key])
                self.assertIsNotNone(got.tzinfo, f"{where}: a floating time")
                self.assertEqual(got.astimezone(timezone.utc), meant, where)
                self.assertEqual(got.utcoffset(), timedelta(hours=8), where)
                # The wall clock written is Shanghai's for that instant, by the tz database's reckoning.
                self.assertEqual(got.replace(tzinfo=None), meant.astimezone(shanghai).replace(tzinfo=None), where)
            self.assertEqual(event.decoded("DTSTAMP").utcoffset(), timedelta(0), f"{want['uid']}: DTSTAMP")
        # One instant checked against the calendar itself, not the sample's own word: 19:00 in Shanghai
        # on 5 December 2026 is 11:00 UTC.
        decision_day = next(e for e in self.events.values() if str(e["UID"]).startswith("m_01JDECISION@"))
        self.assertEqual(
            decision_day.decoded("DTSTART").astimezone(timezone.utc),
            datetime(2026, 12, 5, 11, 0, tzinfo=timezone.utc),
        )

    def test_sequence_and_status_are_as_written(self):
        statuses = []
        for want in self.expected["events"]:
            event = self.event(want["uid"])
            self.assertEqual(event.decoded("SEQUENCE"), want["sequence"], f"{want['uid']}: SEQUENCE")
            self.assertEqual(str(event["STATUS"]), want["status"], f"{want['uid']}: STATUS")
            statuses.append((str(event["STATUS"]), int(event.decoded("SEQUENCE"))))
        # The sample is what this test means it to be: one cancelled, one moved to sequence 2.
        self.assertIn(("CANCELLED", 3), statuses)
        self.assertIn(("CONFIRMED", 2), statuses)

    def test_a_cancellation_file_cancels_the_meeting(self):
        cancel = self.parsed["cancel"]
        self.assertEqual(str(cancel["METHOD"]), "CANCEL")
        events = cancel.walk("VEVENT")
        self.assertEqual(len(events), 1)
        cancelled = [e for e in self.expected["events"] if e["status"] == "CANCELLED"]
        self.assertEqual(len(cancelled), 1)
        self.assertEqual(str(events[0]["UID"]), cancelled[0]["uid"])
        self.assertEqual(str(events[0]["STATUS"]), "CANCELLED")
        self.assertEqual(events[0].decoded("SEQUENCE"), cancelled[0]["sequence"])
        self.assertTrue(str(events[0]["DESCRIPTION"]).startswith("本次会议已取消。"))


def main() -> None:
    args = sys.argv[1:]
    if args not in ([], ["--venv"]):
        sys.exit(__doc__)
    # Run again inside the environment, where icalendar is (`--venv`: only make it).
    pinned_venv.enter(VENV, venv_python, __file__, args)
    unittest.main(argv=[sys.argv[0], "-v"])


if __name__ == "__main__":
    main()
