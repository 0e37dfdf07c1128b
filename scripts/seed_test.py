#!/usr/bin/env python3
"""Self-check of scripts/seed.py: the committed seed files are exactly what the generator writes, the hash
format is right, and both SQL files load into the schema with every foreign key satisfied and the promised
shape. Run from the repository root:

    python3 scripts/seed_test.py            (or: python3 -m unittest scripts/seed_test.py)
"""

import hashlib
import json
import re
import sqlite3
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import seed  # noqa: E402

ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
PHONE = re.compile(r"^1[3-9][0-9]{9}$")
TIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")
HASH = re.compile(r"^pbkdf2_sha256\$100000\$[0-9a-f]{32}\$[0-9a-f]{64}$")
PREFIXES = {
    "streets": "str_",
    "communities": "com_",
    "compounds": "cpd_",
    "buildings": "bld_",
    "units": "unt_",
    "households": "hh_",
    "members": "mbr_",
    "notices": "ntc_",
}
# Each numbered table and the column of the time it was made, which orders its numbers.
NUMBERED = {
    "requests": "received_at",
    "matters": "created_at",
    "notices": "published_at",
    "votes": "created_at",
    "meetings": "created_at",
    "covenants": "created_at",
}
# The full path of every place, from the hierarchy itself (NULL below its level).
PATHS = """
    SELECT id, NULL, NULL, NULL, NULL FROM streets
    UNION ALL SELECT street_id, id, NULL, NULL, NULL FROM communities
    UNION ALL SELECT c.street_id, c.id, p.id, NULL, NULL FROM compounds p JOIN communities c ON c.id = p.community_id
    UNION ALL SELECT c.street_id, c.id, p.id, b.id, NULL FROM buildings b JOIN compounds p ON p.id = b.compound_id
        JOIN communities c ON c.id = p.community_id
    UNION ALL SELECT c.street_id, c.id, p.id, b.id, u.id FROM units u JOIN buildings b ON b.id = u.building_id
        JOIN compounds p ON p.id = b.compound_id JOIN communities c ON c.id = p.community_id
"""


def schema() -> sqlite3.Connection:
    db = sqlite3.connect(":memory:")
    db.execute("PRAGMA foreign_keys = ON")
    for migration in sorted((seed.ROOT / "api-worker" / "migrations").glob("*.sql")):
        db.executescript(migration.read_text(encoding="utf-8"))
    return db


def load(path: Path) -> sqlite3.Connection:
    db = schema()
    db.executescript(path.read_text(encoding="utf-8"))
    return db


def one(db: sqlite3.Connection, sql: str, *args):
    return db.execute(sql, args).fetchone()[0]


def verify(stored: str, password: str) -> bool:
    _, iterations, salt, _ = stored.split("$")
    return seed.hash_password(password, bytes.fromhex(salt), int(iterations)) == stored


class CommonChecks:
    """Checks that hold for every generated database."""

    def assert_well_formed(self, db: sqlite3.Connection) -> None:
        self.assertEqual(db.execute("PRAGMA foreign_key_check").fetchall(), [])
        for table, prefix in PREFIXES.items():
            for (rid,) in db.execute(f"SELECT id FROM {table}"):
                self.assertRegex(rid, ID)
                self.assertTrue(rid.startswith(prefix), rid)
        # Members without a phone (elderly residents staff act for) have no password either.
        for phone, stored in db.execute("SELECT phone, password_hash FROM members"):
            self.assertEqual(phone is None, stored is None)
            if phone is not None:
                self.assertRegex(phone, PHONE)
                self.assertRegex(stored, HASH)
        # Every resident is confirmed or pending; every household with a confirmed member has a
        # representative who lives there.
        self.assertEqual(one(db, "SELECT count(*) FROM members WHERE household_id IS NOT NULL "
                                 "AND verification NOT IN ('confirmed', 'pending')"), 0)
        self.assertEqual(one(db, "SELECT count(*) FROM households h WHERE EXISTS (SELECT 1 FROM members m "
                                 "WHERE m.household_id = h.id AND m.verification = 'confirmed') AND NOT EXISTS "
                                 "(SELECT 1 FROM members m WHERE m.id = h.representative_id AND m.household_id = h.id)"), 0)
        for table, col in [("members", "created_at"), ("invite_codes", "created_at"), ("notices", "published_at")]:
            for (t,) in db.execute(f"SELECT {col} FROM {table}"):
                self.assertRegex(t, TIME)
        for (code,) in db.execute("SELECT code FROM invite_codes"):
            self.assertTrue(len(code) == 8 and all(c in seed.INVITE_ALPHABET for c in code), code)
        # Scoped rows carry exactly the path of their deepest level (NULL below it).
        levels = ["street", "community", "compound", "building", "unit"]
        known = set(db.execute(PATHS))
        for row in db.execute(
            "SELECT scope_kind, scope_id, street_id, community_id, compound_id, building_id, unit_id FROM role_grants"
        ):
            kind, scope_id, path = row[0], row[1], tuple(row[2:])
            depth = levels.index(kind) + 1
            self.assertEqual(path[depth - 1], scope_id, row)
            self.assertEqual(path[depth:], (None,) * (5 - depth), row)
            self.assertIn(path, known, row)
        for row in db.execute("SELECT id, street_id, community_id, compound_id, building_id, unit_id FROM notices"):
            self.assertIn(tuple(row[1:]), known, row)
        # Records people name by number (诉求 #128, 公告 #37) are numbered 1, 2, 3, … within their community (or
        # street, for the street's own), in the order they were made: as migrations 0011 and 0012 number
        # existing rows, and as the worker goes on from the highest.
        for table, made in NUMBERED.items():
            counted: dict[str, list[int]] = {}
            for key, number in db.execute(
                f"SELECT COALESCE(community_id, street_id), number FROM {table} ORDER BY 1, {made}, id"
            ):
                counted.setdefault(key, []).append(number)
            for key, numbers in counted.items():
                self.assertEqual(numbers, list(range(1, len(numbers) + 1)), f"{table} of {key}")


class GeneratorTest(unittest.TestCase):
    def test_regenerated_files_are_byte_identical_to_the_committed_ones(self):
        with tempfile.TemporaryDirectory() as tmp:
            written = seed.write_all(Path(tmp))
            self.assertEqual(len(written), 3)
            for path in written:
                rel = path.relative_to(tmp)
                self.assertEqual(
                    (seed.ROOT / rel).read_bytes(), path.read_bytes(), f"{rel} is stale: run python3 scripts/seed.py"
                )

    def test_pbkdf2_known_answer(self):
        # PBKDF2-HMAC-SHA256, P="password", S="salt", c=1, dkLen=32.
        expected = "120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b"
        self.assertEqual(hashlib.pbkdf2_hmac("sha256", b"password", b"salt", 1, 32).hex(), expected)
        self.assertEqual(seed.hash_password("password", b"salt", 1), f"pbkdf2_sha256$1${b'salt'.hex()}${expected}")
        # The same vector with 4096 iterations.
        self.assertEqual(
            seed.hash_password("password", b"salt", 4096).split("$")[3],
            "c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a",
        )

    def test_ulid_matches_core(self):
        # core/src/ids.rs: ulid_of_zero_is_all_zeroes_and_of_max_is_known
        self.assertEqual(seed.ulid(0, bytes(10)), "0" * 26)
        self.assertEqual(seed.ulid(0xFFFF_FFFF_FFFF, b"\xff" * 10), "7" + "Z" * 25)


class BackFillTest(unittest.TestCase):
    """Migration 0012 numbers the rows it finds as the seed numbers them (and the worker would have)."""

    def test_the_migration_numbers_existing_rows_in_the_order_they_were_made(self):
        migration = (seed.ROOT / "api-worker" / "migrations" / "0012_more_record_numbers.sql").read_text(encoding="utf-8")
        updates = re.findall(r"(?ms)^UPDATE (\w+) SET number = .*?;$", migration)
        self.assertEqual(sorted(updates), ["covenants", "meetings", "notices", "votes"])
        for path in (seed.DEMO_SQL, seed.FIXTURE_SQL):
            db = load(path)
            numbers = lambda table: db.execute(f"SELECT id, number FROM {table} ORDER BY id").fetchall()  # noqa: E731
            seeded = {table: numbers(table) for table in updates}
            self.assertTrue(any(seeded.values()), path)
            for table in updates:
                db.execute(f"UPDATE {table} SET number = NULL")
            for statement in re.findall(r"(?ms)^UPDATE \w+ SET number = .*?;$", migration):
                db.execute(statement)
            for table in updates:
                self.assertEqual(numbers(table), seeded[table], f"{table} of {path.name}")


class SearchIndexTest(unittest.TestCase):
    """Migration 0013: each list's full-text index holds its records' text, and its triggers follow every
    insert, change of searched text and delete, of the records and of their children."""

    # Each index, its record table, and the text it should hold per record.
    EXPECTED = {
        "notices_search": "SELECT id, title, body FROM notices",
        "votes_search": "SELECT id, title FROM votes",
        "matters_search": "SELECT id, title, description FROM matters",
        "meetings_search": "SELECT id, title, body FROM meetings_search_text",
        "covenants_search": "SELECT id, title, body FROM covenants_search_text",
        "requests_search": "SELECT id, title, body FROM requests_search_text",
        "members_search": "SELECT id, name, phone FROM members",
    }

    def setUp(self):
        self.db = load(seed.DEMO_SQL)
        self.db.execute("PRAGMA foreign_keys = OFF")  # deleting records that others point to

    def rows(self, table: str):
        return sorted(self.db.execute(f"SELECT * FROM {table}").fetchall())

    def matching(self, table: str, phrase: str) -> list:
        return [r[0] for r in self.db.execute(f"SELECT id FROM {table} WHERE {table} MATCH ?", ('"' + phrase.replace('"', '""') + '"',))]

    def test_every_record_is_indexed_as_loaded(self):
        for path in (seed.DEMO_SQL, seed.FIXTURE_SQL):
            db = load(path)
            for index, expected in self.EXPECTED.items():
                columns = ", ".join(c[1] for c in db.execute(f"PRAGMA table_info({index})"))
                self.assertEqual(sorted(db.execute(f"SELECT {columns} FROM {index}").fetchall()),
                                 sorted(db.execute(expected).fetchall()), f"{index} of {path.name}")
            self.assertGreater(one(db, "SELECT count(*) FROM members_search"), 0)

    def test_the_backfill_indexes_what_the_triggers_would(self):
        migration = (seed.ROOT / "api-worker" / "migrations" / "0013_search.sql").read_text(encoding="utf-8")
        backfills = re.findall(r"(?ms)^INSERT INTO (\w+_search) .*?;$", migration)
        self.assertEqual(sorted(backfills), sorted(self.EXPECTED))
        loaded = {index: self.rows(index) for index in self.EXPECTED}
        for index in self.EXPECTED:
            self.db.execute(f"DELETE FROM {index}")
        for statement in re.findall(r"(?ms)^INSERT INTO \w+_search .*?;$", migration):
            self.db.execute(statement)
        for index in self.EXPECTED:
            self.assertEqual(self.rows(index), loaded[index], index)

    def test_changes_of_text_are_followed(self):
        db = self.db
        notice = one(db, "SELECT id FROM notices LIMIT 1")
        db.execute("UPDATE notices SET title = '换了标题的公告' WHERE id = ?", (notice,))
        self.assertEqual(self.matching("notices_search", "换了标题"), [notice])
        db.execute("UPDATE notices SET body = '新的正文内容' WHERE id = ?", (notice,))
        self.assertEqual(self.matching("notices_search", "新的正文"), [notice])
        self.assertEqual(self.matching("notices_search", "换了标题"), [notice])

        matter = one(db, "SELECT id FROM matters LIMIT 1")
        db.execute("UPDATE matters SET description = '楼下的水管漏水了' WHERE id = ?", (matter,))
        self.assertEqual(self.matching("matters_search", "水管漏水"), [matter])

        member = one(db, "SELECT id FROM members WHERE phone IS NOT NULL LIMIT 1")
        db.execute("UPDATE members SET name = '司马相如', phone = '13712345678' WHERE id = ?", (member,))
        self.assertEqual(self.matching("members_search", "司马相"), [member])
        self.assertEqual(self.matching("members_search", "12345678"), [member])

        # A meeting: its agenda's items, and its minutes only once published.
        meeting = one(db, "SELECT id FROM meetings LIMIT 1")
        db.execute("INSERT INTO meeting_items (meeting_id, position, title) VALUES (?, 90, '加装电梯的费用分摊')", (meeting,))
        self.assertEqual(self.matching("meetings_search", "费用分摊"), [meeting])
        db.execute("UPDATE meeting_items SET title = '加装电梯的施工时间' WHERE meeting_id = ? AND position = 90", (meeting,))
        self.assertEqual(self.matching("meetings_search", "费用分摊"), [])
        self.assertEqual(self.matching("meetings_search", "施工时间"), [meeting])
        db.execute("DELETE FROM meeting_items WHERE meeting_id = ? AND position = 90", (meeting,))
        self.assertEqual(self.matching("meetings_search", "施工时间"), [])
        db.execute("UPDATE meetings SET minutes = '会议决定修补台阶' WHERE id = ?", (meeting,))
        self.assertEqual(self.matching("meetings_search", "修补台阶"), [], "minutes not yet published")
        db.execute("UPDATE meetings SET minutes_notice_id = ? WHERE id = ?", (notice, meeting))
        self.assertEqual(self.matching("meetings_search", "修补台阶"), [meeting])
        db.execute("UPDATE meetings SET minutes = '会议决定粉刷楼道' WHERE id = ?", (meeting,))
        self.assertEqual(self.matching("meetings_search", "粉刷楼道"), [meeting])
        self.assertEqual(self.matching("meetings_search", "修补台阶"), [])
        # A change of anything else leaves its row alone (a live meeting's revision changes often).
        before = one(db, "SELECT rowid FROM meetings_search WHERE id = ?", meeting)
        db.execute("UPDATE meetings SET revision = revision + 1, state = state WHERE id = ?", (meeting,))
        db.execute("UPDATE meetings SET title = title WHERE id = ?", (meeting,))
        self.assertEqual(one(db, "SELECT rowid FROM meetings_search WHERE id = ?", meeting), before)

        # A covenant: the clauses of its versions.
        covenant = one(db, "SELECT id FROM covenants LIMIT 1")
        db.execute("INSERT INTO covenant_versions (covenant_id, number, state, clauses, created_by, created_at) "
                   "SELECT covenant_id, 99, 'drafting', '[\"宠物出门要牵绳\"]', created_by, created_at "
                   "FROM covenant_versions WHERE covenant_id = ? LIMIT 1", (covenant,))
        self.assertEqual(self.matching("covenants_search", "出门要牵绳"), [covenant])
        self.assertEqual(self.matching("covenants_search", "[\"宠"), [], "the clauses' strings, not their JSON")
        db.execute("UPDATE covenant_versions SET clauses = '[\"宠物粪便要清理\"]' WHERE covenant_id = ? AND number = 99",
                   (covenant,))
        self.assertEqual(self.matching("covenants_search", "出门要牵绳"), [])
        self.assertEqual(self.matching("covenants_search", "粪便要清理"), [covenant])
        db.execute("DELETE FROM covenant_versions WHERE covenant_id = ? AND number = 99", (covenant,))
        self.assertEqual(self.matching("covenants_search", "粪便要清理"), [])
        db.execute("UPDATE covenants SET title = '文明养犬公约' WHERE id = ?", (covenant,))
        self.assertEqual(self.matching("covenants_search", "文明养犬"), [covenant])

        # A request: its text and place, and the name of its kind, renamed in the catalogue.
        request, sub = db.execute("SELECT id, subcategory_id FROM requests LIMIT 1").fetchone()
        db.execute("UPDATE requests SET place_text = '东门岗亭旁边' WHERE id = ?", (request,))
        self.assertEqual(self.matching("requests_search", "东门岗亭"), [request])
        db.execute("UPDATE request_subcategories SET name = '改过名的小类' WHERE id = ?", (sub,))
        found = self.matching("requests_search", "改过名的小类")
        self.assertIn(request, found)
        self.assertEqual(sorted(found), sorted(r[0] for r in db.execute(
            "SELECT id FROM requests WHERE subcategory_id = ?", (sub,))))
        self.assertEqual(self.rows("requests_search"), sorted(db.execute(self.EXPECTED["requests_search"]).fetchall()))

    def test_deleted_records_leave_their_index(self):
        db = self.db
        for index, expected in self.EXPECTED.items():
            table = index.removesuffix("_search")
            ids = [r[0] for r in db.execute(f"SELECT id FROM {table}")]
            if not ids:
                continue
            db.execute(f"DELETE FROM {table} WHERE id = ?", (ids[0],))
            self.assertEqual(one(db, f"SELECT count(*) FROM {index} WHERE id = ?", ids[0]), 0, index)
            self.assertEqual(self.rows(index), sorted(db.execute(expected).fetchall()), index)


class DemoTest(unittest.TestCase, CommonChecks):
    @classmethod
    def setUpClass(cls):
        cls.db = load(seed.DEMO_SQL)
        cls.text = seed.DEMO_SQL.read_text(encoding="utf-8")

    def test_loads_twice_without_errors_or_duplicates(self):
        db = load(seed.DEMO_SQL)
        db.executescript(self.text)  # applying twice is harmless
        for table in ["households", "members", "role_grants", "invite_codes", "notices"]:
            self.assertEqual(one(db, f"SELECT count(*) FROM {table}"), one(self.db, f"SELECT count(*) FROM {table}"))

    def test_is_plain_sql_for_d1(self):
        for word in ["BEGIN", "COMMIT", "PRAGMA"]:
            self.assertNotRegex(self.text, rf"(?m)^\s*{word}\b")
        statements = [line for line in self.text.splitlines() if line.startswith("INSERT")]
        self.assertTrue(all(line.startswith("INSERT OR IGNORE INTO ") for line in statements))

    def test_well_formed(self):
        self.assert_well_formed(self.db)

    def test_territory(self):
        db = self.db
        self.assertEqual(one(db, "SELECT count(*) FROM streets"), 1)
        self.assertEqual(one(db, "SELECT count(*) FROM communities"), 1)
        self.assertEqual(one(db, "SELECT count(*) FROM compounds"), 2)
        self.assertEqual(
            [r[0] for r in db.execute("SELECT name FROM buildings ORDER BY id")], [f"{n}号楼" for n in range(1, 7)]
        )
        self.assertEqual(one(db, "SELECT count(*) FROM units"), 12)
        self.assertEqual(one(db, "SELECT count(*) FROM households"), 60)
        per_unit = {r[0] for r in db.execute("SELECT count(*) FROM households GROUP BY unit_id")}
        self.assertEqual(per_unit, {5})

    def test_households_have_one_to_three_residents_and_an_unused_code(self):
        sizes = [r[0] for r in self.db.execute(
            "SELECT count(m.id) FROM households h LEFT JOIN members m ON m.household_id = h.id GROUP BY h.id"
        )]
        self.assertEqual(len(sizes), 60)
        self.assertTrue(all(1 <= n <= 3 for n in sizes), sizes)
        self.assertEqual(
            one(self.db, "SELECT count(DISTINCT household_id) FROM invite_codes WHERE used_by IS NULL AND revoked_at IS NULL"),
            60,
        )

    def test_roles(self):
        db = self.db
        heads = db.execute("SELECT scope_id, count(*) FROM role_grants WHERE role = 'building_head' GROUP BY scope_id")
        self.assertEqual(sorted(heads), [(f"bld_{b:02d}", 1) for b in range(1, 7)])
        # Every building head lives in the building she heads.
        self.assertEqual(one(db, """
            SELECT count(*) FROM role_grants g JOIN members m ON m.id = g.member_id
            JOIN households h ON h.id = m.household_id JOIN units u ON u.id = h.unit_id
            WHERE g.role = 'building_head' AND u.building_id = g.building_id"""), 6)
        staff = db.execute(
            "SELECT m.phone FROM role_grants g JOIN members m ON m.id = g.member_id WHERE g.role = 'community_staff' ORDER BY 1"
        ).fetchall()
        self.assertEqual(staff, [("13800000001",), ("13800000002",)])
        admin = db.execute(
            "SELECT m.phone, g.scope_kind FROM role_grants g JOIN members m ON m.id = g.member_id WHERE g.role = 'street_admin'"
        ).fetchall()
        self.assertEqual(admin, [("13800000009", "street")])

    def test_each_account_has_its_own_salt(self):
        salts = one(self.db, "SELECT count(DISTINCT substr(password_hash, 22, 32)) FROM members WHERE password_hash IS NOT NULL")
        self.assertEqual(salts, one(self.db, "SELECT count(*) FROM members WHERE password_hash IS NOT NULL"))

    def test_header_accounts_sign_in_with_their_passwords(self):
        header = [line for line in self.text.splitlines() if re.match(r"^--   .*: 1\d{10} / \S+$", line)]
        self.assertGreaterEqual(len(header), 11)
        for line in header:
            phone, password = re.search(r": (1\d{10}) / (\S+)$", line).groups()
            stored = one(self.db, "SELECT password_hash FROM members WHERE phone = ?", phone)
            self.assertTrue(verify(stored, password), line)

    def test_demo_residents_of_3_and_5_are_ordinary_residents_there(self):
        for b in (3, 5):
            match = re.search(rf"(?m)^--   resident of {b}号楼 .*: (1\d{{10}}) / 123456$", self.text)
            self.assertIsNotNone(match, f"resident of {b}号楼 in the header")
            row = self.db.execute("""
                SELECT b.name, (SELECT count(*) FROM role_grants g WHERE g.member_id = m.id) FROM members m
                JOIN households h ON h.id = m.household_id JOIN units u ON u.id = h.unit_id
                JOIN buildings b ON b.id = u.building_id WHERE m.phone = ?""", (match[1],)).fetchone()
            self.assertEqual(row, (f"{b}号楼", 0))

    def test_every_code_is_labelled_with_its_household(self):
        lines = self.text.splitlines()
        labelled = 0
        for i, line in enumerate(lines):
            if line.startswith("INSERT OR IGNORE INTO invite_codes"):
                label = re.fullmatch(r"-- (\S+) (\d)号楼 (\d)单元 (\d{3})", lines[i - 1])
                self.assertIsNotNone(label, lines[i - 1])
                code = re.search(r"VALUES \('([2-9A-Z]{8})'", line)[1]
                found = self.db.execute("""
                    SELECT p.name, b.name, u.name, h.name FROM invite_codes ic JOIN households h ON h.id = ic.household_id
                    JOIN units u ON u.id = h.unit_id JOIN buildings b ON b.id = u.building_id
                    JOIN compounds p ON p.id = b.compound_id WHERE ic.code = ?""", (code,)).fetchone()
                self.assertEqual(found, (label[1], f"{label[2]}号楼", f"{label[3]}单元", label[4]))
                labelled += 1
        self.assertEqual(labelled, 60)

    def test_notices(self):
        db = self.db
        self.assertTrue(5 <= one(db, "SELECT count(*) FROM notices") <= 8)
        titles = {r[0] for r in db.execute("SELECT title FROM notices")}
        self.assertTrue({"幸福社区居民议事会召开通知", "3号楼停水通知", "5号楼电梯年度检修"} <= titles, titles)
        self.assertEqual(one(db, "SELECT count(*) FROM notices WHERE published_at >= '2026-11-20'"), 0)
        self.assertEqual(one(db, "SELECT count(DISTINCT substr(published_at, 1, 10)) FROM notices") >= 3, True)
        levels = db.execute("""
            SELECT CASE WHEN building_id IS NOT NULL THEN 'building' WHEN compound_id IS NOT NULL THEN 'compound'
            ELSE 'community' END AS level, count(*) FROM notices GROUP BY level ORDER BY level""").fetchall()
        self.assertEqual(dict(levels), {"building": 3, "community": 3, "compound": 2})
        # The covenant in force was published as a notice and signed by three households of 5号楼.
        self.assertEqual(one(db, "SELECT count(*) FROM covenant_signatures WHERE covenant_id = 'cov_demo_01'"), 3)
        self.assertEqual(one(db, "SELECT category FROM notices WHERE id = (SELECT notice_id FROM covenant_versions WHERE covenant_id = 'cov_demo_01')"), "covenant")
        # The financial disclosure's period is over and its one objection answered: it reads as complete.
        self.assertEqual(one(db, "SELECT count(*) FROM notices WHERE category = 'financial' AND period_ends_at < '2026-11-20'"), 1)
        self.assertEqual(one(db, "SELECT count(*) FROM notice_objections WHERE answered_at IS NULL"), 0)

    def test_a_council_meeting_of_sixty(self):
        db = self.db
        row = db.execute("SELECT state, compound_id, building_id, created_by, settings FROM meetings WHERE id = 'mtg_demo_01'").fetchone()
        self.assertEqual(row[:4], ("scheduled", "cpd_yangguang", None, "mbr_staff_1"))
        settings = json.loads(row[4])
        self.assertEqual(settings["title"], seed.DEMO_MEETING)
        self.assertEqual(settings["electorate"], {"kind": "residents"})
        self.assertEqual(settings["procedure"]["quorum"], {"kind": "present_percent", "percent": 51})
        items = [r[0] for r in db.execute("SELECT title FROM meeting_items WHERE meeting_id = 'mtg_demo_01' ORDER BY position")]
        self.assertEqual(items, settings["agenda"])
        # A room of about sixty: the confirmed residents of 阳光小区 (the chair, from the office, joins them).
        invited = one(db, "SELECT count(*) FROM members m JOIN households h ON h.id = m.household_id "
                          "JOIN units u ON u.id = h.unit_id JOIN buildings b ON b.id = u.building_id "
                          "WHERE b.compound_id = 'cpd_yangguang' AND m.verification = 'confirmed' AND m.status = 'active'")
        self.assertTrue(55 <= invited <= 70, invited)
        self.assertEqual(one(db, "SELECT household_id FROM members WHERE id = 'mbr_staff_1'"), None)

    def test_requests_catalogue_and_requests(self):
        db = self.db
        self.assertEqual(one(db, "SELECT count(*) FROM handling_units"), 5)
        self.assertEqual(one(db, "SELECT count(*) FROM request_categories"), 5)
        self.assertEqual(one(db, "SELECT count(*) FROM request_subcategories"), 12)
        # Every unit that is not a utility has someone to handle its requests.
        self.assertEqual(one(db, """SELECT count(*) FROM handling_units h WHERE kind != 'utility'
            AND NOT EXISTS (SELECT 1 FROM handling_unit_members m WHERE m.unit_id = h.id)"""), 0)
        # One request waits for its resident, one is overdue (the e2e escalates it), one was rated.
        statuses = dict(db.execute("SELECT id, status FROM requests").fetchall())
        self.assertEqual(statuses, {"req_demo_01": "closed", "req_demo_02": "resolved", "req_demo_03": "accepted"})
        self.assertEqual(one(db, "SELECT count(*) FROM requests WHERE deadline < '2026-11-22' AND status = 'accepted'"), 1)
        self.assertEqual(one(db, "SELECT count(*) FROM request_events WHERE request_id = 'req_demo_01'"), 4)


class FixtureTest(unittest.TestCase, CommonChecks):
    @classmethod
    def setUpClass(cls):
        cls.db = load(seed.FIXTURE_SQL)
        lines = seed.FIXTURE_CODES.read_text(encoding="utf-8").splitlines()
        cls.header, cls.rows = lines[0], [line.split("\t") for line in lines[1:]]

    def test_well_formed(self):
        self.assert_well_formed(self.db)

    def test_territory_matches_core_testing(self):
        db = self.db
        ids = lambda table: {r[0] for r in db.execute(f"SELECT id FROM {table}")}  # noqa: E731
        self.assertEqual(ids("streets"), {"str_t"})
        self.assertEqual(ids("communities"), {"com_t", "com_other"})
        self.assertEqual(ids("compounds"), {"cpd_a", "cpd_b", "cpd_o"})
        self.assertEqual(ids("buildings"), {f"bld_t{n:02d}" for n in range(1, 7)} | {"bld_o01"})
        self.assertEqual(ids("units"), {f"unt_t{n:02d}_{u}" for n in range(1, 7) for u in (1, 2)} | {"unt_o01_1"})
        self.assertEqual(
            db.execute("SELECT compound_id, group_concat(id) FROM (SELECT * FROM buildings ORDER BY id) GROUP BY compound_id").fetchall(),
            [("cpd_a", "bld_t01,bld_t02,bld_t03"), ("cpd_b", "bld_t04,bld_t05,bld_t06"), ("cpd_o", "bld_o01")],
        )
        households = ids("households")
        self.assertEqual(len(households), 6 * 2 * 40 + 5)
        self.assertTrue({"hh_t03_1_001", "hh_t03_1_040", "hh_t06_2_040", "hh_o01_1_005"} <= households)

    def test_accounts(self):
        expected = {
            "mbr_staff": ("13900000001", None, "active", seed.FIXTURE_STAFF_PASSWORD, [("community_staff", "community", "com_t")]),
            "mbr_staff2": ("13900000002", None, "active", seed.FIXTURE_STAFF_PASSWORD, [("community_staff", "community", "com_t")]),
            "mbr_other_staff": ("13900000003", None, "active", seed.FIXTURE_STAFF_PASSWORD, [("community_staff", "community", "com_other")]),
            "mbr_admin": ("13900000009", None, "active", seed.FIXTURE_STAFF_PASSWORD, [("street_admin", "street", "str_t")]),
            "mbr_head3": ("13900000033", "hh_t03_1_001", "active", seed.FIXTURE_PASSCODE, [("building_head", "building", "bld_t03")]),
            "mbr_r3": ("13900000301", "hh_t03_1_002", "active", seed.FIXTURE_PASSCODE, []),
            "mbr_r5": ("13900000501", "hh_t05_1_002", "active", seed.FIXTURE_PASSCODE, []),
            "mbr_r_other": ("13900000901", "hh_o01_1_002", "active", seed.FIXTURE_PASSCODE, []),
            "mbr_suspended": ("13900000099", "hh_t03_1_003", "suspended", seed.FIXTURE_PASSCODE, []),
            "mbr_throttled": ("13900000077", "hh_t05_1_003", "active", seed.FIXTURE_PASSCODE, []),
            "mbr_grid": ("13900000044", None, "active", seed.FIXTURE_STAFF_PASSWORD,
                         [("grid_worker", "building", "bld_t02"), ("grid_worker", "building", "bld_t03")]),
            "mbr_gridhead": ("13900000045", None, "active", seed.FIXTURE_STAFF_PASSWORD, [("grid_head", "compound", "cpd_a")]),
            "mbr_director": ("13900000046", None, "active", seed.FIXTURE_STAFF_PASSWORD, [("grid_director", "community", "com_t")]),
            "mbr_leader": ("13900000047", "hh_t01_1_001", "active", seed.FIXTURE_PASSCODE, [("resident_group_leader", "compound", "cpd_a")]),
            "mbr_council": ("13900000048", "hh_t05_1_001", "active", seed.FIXTURE_PASSCODE, [("council_member", "community", "com_t")]),
            "mbr_pending": ("13900000302", "hh_t03_1_003", "active", seed.FIXTURE_PASSCODE, []),
            "mbr_elder": (None, "hh_t03_1_002", "active", None, []),
            "mbr_fixer": ("13900000061", None, "active", seed.FIXTURE_STAFF_PASSWORD, []),
            "mbr_roads": ("13900000062", None, "active", seed.FIXTURE_STAFF_PASSWORD, []),
        }
        rows = self.db.execute("SELECT id, phone, household_id, status, password_hash FROM members").fetchall()
        self.assertEqual({r[0] for r in rows}, set(expected))
        for mid, phone, household, status, stored in rows:
            want = expected[mid]
            self.assertEqual((phone, household, status), want[:3], mid)
            self.assertTrue(stored is None if want[3] is None else verify(stored, want[3]), mid)
            grants = self.db.execute("SELECT role, scope_kind, scope_id FROM role_grants WHERE member_id = ?", (mid,))
            self.assertEqual(grants.fetchall(), want[4], mid)
        self.assertEqual(self.db.execute("SELECT community_id FROM households h JOIN units u ON u.id = h.unit_id "
                                         "JOIN buildings b ON b.id = u.building_id JOIN compounds p ON p.id = b.compound_id "
                                         "WHERE h.id = 'hh_o01_1_002'").fetchone(), ("com_other",))

    def test_requests_for_the_figures_test(self):
        db = self.db
        self.assertEqual(one(db, "SELECT count(*) FROM requests WHERE community_id = 'com_other'"), 1000)
        self.assertEqual(one(db, "SELECT count(*) FROM requests WHERE community_id = 'com_other' AND status = 'closed'"), 857)
        self.assertEqual(one(db, "SELECT max(received_at) < '2026-06-30' FROM requests WHERE community_id = 'com_other'"), 1)

    def test_code_list_matches_the_database(self):
        self.assertEqual(self.header, "household_id\tcode\tbuilding_id\tstate")
        self.assertEqual(len(self.rows), one(self.db, "SELECT count(*) FROM invite_codes"))
        self.assertEqual(len({r[1] for r in self.rows}), len(self.rows))
        for household, code, building, state in self.rows:
            stored = self.db.execute(
                "SELECT ic.household_id, u.building_id, ic.used_by IS NOT NULL, ic.revoked_at IS NOT NULL FROM invite_codes ic "
                "JOIN households h ON h.id = ic.household_id JOIN units u ON u.id = h.unit_id WHERE ic.code = ?",
                (code,),
            ).fetchone()
            self.assertEqual(stored[:2], (household, building))
            self.assertEqual("used" if stored[2] else "revoked" if stored[3] else "unused", state)

    def test_every_household_has_an_unused_code_and_the_odd_ones_exist(self):
        unused = {r[0] for r in self.rows if r[3] == "unused"}
        self.assertEqual(unused, {r[0] for r in self.db.execute("SELECT id FROM households")})
        self.assertEqual(sum(r[3] == "unused" for r in self.rows), 485)
        self.assertEqual(sum(r[3] == "revoked" for r in self.rows), 2)
        self.assertEqual(one(self.db, "SELECT used_by FROM invite_codes WHERE used_by IS NOT NULL"), "mbr_r3")
        # Two notices whose publication period ended, each with an objection still to answer.
        self.assertEqual(one(self.db, "SELECT count(*) FROM notices WHERE period_ends_at < '2026-10-01'"), 2)
        self.assertEqual(one(self.db, "SELECT count(*) FROM notice_objections WHERE answered_at IS NULL"), 2)


class AdminTest(unittest.TestCase, CommonChecks):
    def test_admin_sql_creates_a_street_admin(self):
        db = schema()
        db.executescript(seed.admin_sql("13800000000", "张三", "和平街道", "幸福社区", "a-long-password"))
        self.assert_well_formed(db)
        self.assertEqual(db.execute("SELECT role, scope_kind FROM role_grants").fetchall(), [("street_admin", "street")])
        self.assertTrue(verify(one(db, "SELECT password_hash FROM members"), "a-long-password"))

    def test_two_runs_use_fresh_ids_and_salts(self):
        a = seed.admin_sql("13800000000", "张三", "和平街道", "幸福社区", "a-long-password")
        b = seed.admin_sql("13800000000", "张三", "和平街道", "幸福社区", "a-long-password")
        ids = lambda sql: set(re.findall(r"'((?:str|com|mbr)_[0-9A-Z]{26})'", sql))  # noqa: E731
        self.assertEqual(len(ids(a)), 3)
        self.assertFalse(ids(a) & ids(b))
        salt = lambda sql: re.search(r"pbkdf2_sha256\$100000\$([0-9a-f]{32})\$", sql)[1]  # noqa: E731
        self.assertNotEqual(salt(a), salt(b))

    def test_command_line_reads_the_password_from_stdin(self):
        run = subprocess.run(
            [sys.executable, str(seed.ROOT / "scripts" / "seed.py"), "admin", "--phone", "+86 138-0000-0000",
             "--name", " 张三 ", "--street-name", "和平街道", "--community-name", "幸福社区", "--password-stdin"],
            input="a-long-password\n", capture_output=True, text=True, check=True,
        )
        db = schema()
        db.executescript(run.stdout)
        self.assertEqual(db.execute("SELECT name, phone FROM members").fetchall(), [("张三", "13800000000")])
        self.assertTrue(verify(one(db, "SELECT password_hash FROM members"), "a-long-password"))
        # A phone number that is already registered stops a second file before it creates anything.
        with self.assertRaisesRegex(sqlite3.IntegrityError, "members.phone"):
            db.executescript(seed.admin_sql("13800000000", "李四", "另一街道", "另一社区", "another-password"))
        self.assertEqual(one(db, "SELECT count(*) FROM streets"), 1)
        self.assertEqual(one(db, "SELECT count(*) FROM communities"), 1)

    def test_command_line_refuses_bad_input(self):
        for extra, password in [(["--phone", "12345"], "a-long-password\n"), ([], "short\n")]:
            args = ["--phone", "13800000000", "--name", "张三", "--street-name", "和平街道", "--community-name", "幸福社区"]
            args = args[2:] + extra if extra else args
            run = subprocess.run(
                [sys.executable, str(seed.ROOT / "scripts" / "seed.py"), "admin", *args, "--password-stdin"],
                input=password, capture_output=True, text=True,
            )
            self.assertEqual(run.returncode, 2, run.stderr)
            self.assertEqual(run.stdout, "")


if __name__ == "__main__":
    unittest.main(verbosity=2)
