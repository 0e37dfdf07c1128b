#!/usr/bin/env python3
"""Self-check of scripts/seed.py: the committed seed files are exactly what the generator writes, the hash
format is right, and both SQL files load into the schema with every foreign key satisfied.
Run: python3 scripts/seed_test.py"""

import hashlib
import sqlite3
import sys
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import seed  # noqa: E402


def schema() -> sqlite3.Connection:
    db = sqlite3.connect(":memory:")
    db.execute("PRAGMA foreign_keys = ON")
    for migration in sorted((seed.ROOT / "api-worker" / "migrations").glob("*.sql")):
        db.executescript(migration.read_text(encoding="utf-8"))
    return db


def one(db: sqlite3.Connection, sql: str) -> int:
    return db.execute(sql).fetchone()[0]


class SeedTest(unittest.TestCase):
    def test_committed_files_are_what_the_generator_writes(self):
        fixture_sql, codes = seed.fixture()
        self.assertEqual(seed.DEMO_SQL.read_text(encoding="utf-8"), seed.demo_sql(), "run python3 scripts/seed.py")
        self.assertEqual(seed.FIXTURE_SQL.read_text(encoding="utf-8"), fixture_sql, "run python3 scripts/seed.py")
        self.assertEqual(seed.FIXTURE_CODES.read_text(encoding="utf-8"), codes, "run python3 scripts/seed.py")

    def test_pbkdf2_known_answer(self):
        # PBKDF2-HMAC-SHA256, P="password", S="salt", c=1, dkLen=32 (RFC 7914 §11 style vector).
        expected = "120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b"
        self.assertEqual(hashlib.pbkdf2_hmac("sha256", b"password", b"salt", 1, 32).hex(), expected)
        self.assertEqual(seed.hash_password("password", b"salt", 1), f"pbkdf2_sha256$1${b'salt'.hex()}${expected}")

    def test_demo_district_loads_and_has_the_promised_shape(self):
        db = schema()
        db.executescript(seed.DEMO_SQL.read_text(encoding="utf-8"))
        db.executescript(seed.DEMO_SQL.read_text(encoding="utf-8"))  # applying twice is harmless
        self.assertEqual(db.execute("PRAGMA foreign_key_check").fetchall(), [])
        self.assertEqual(one(db, "SELECT count(*) FROM streets"), 1)
        self.assertEqual(one(db, "SELECT count(*) FROM communities"), 1)
        self.assertEqual(one(db, "SELECT count(*) FROM compounds"), 2)
        self.assertEqual(one(db, "SELECT count(*) FROM buildings"), 6)
        self.assertEqual(one(db, "SELECT count(*) FROM households"), 60)
        sizes = [r[0] for r in db.execute("SELECT count(m.id) FROM households h LEFT JOIN members m ON m.household_id = h.id GROUP BY h.id")]
        self.assertTrue(all(1 <= n <= 3 for n in sizes), sizes)
        heads = db.execute("SELECT scope_id, count(*) FROM role_grants WHERE role = 'building_head' GROUP BY scope_id").fetchall()
        self.assertEqual(sorted(heads), [(f"bld_{b:02d}", 1) for b in range(1, 7)])
        self.assertEqual(one(db, "SELECT count(*) FROM role_grants WHERE role = 'community_staff'"), 2)
        unused = one(db, "SELECT count(DISTINCT household_id) FROM invite_codes WHERE used_by IS NULL AND revoked_at IS NULL")
        self.assertEqual(unused, 60)
        self.assertGreaterEqual(one(db, "SELECT count(*) FROM notices"), 5)
        self.assertEqual(one(db, "SELECT count(*) FROM members WHERE password_hash NOT LIKE 'pbkdf2_sha256$100000$%'"), 0)
        salts = one(db, "SELECT count(DISTINCT substr(password_hash, 22, 32)) FROM members")
        self.assertEqual(salts, one(db, "SELECT count(*) FROM members"), "each demo account has its own salt")

    def test_demo_staff_password_verifies(self):
        db = schema()
        db.executescript(seed.DEMO_SQL.read_text(encoding="utf-8"))
        stored = one(db, "SELECT password_hash FROM members WHERE phone = '13800000001'")
        _, iterations, salt, _ = stored.split("$")
        self.assertEqual(seed.hash_password(seed.DEMO_STAFF_PASSWORD, bytes.fromhex(salt), int(iterations)), stored)

    def test_fixture_loads_and_matches_its_code_list(self):
        db = schema()
        fixture_sql, codes = seed.fixture()
        db.executescript(fixture_sql)
        self.assertEqual(db.execute("PRAGMA foreign_key_check").fetchall(), [])
        rows = [line.split("\t") for line in codes.splitlines()[1:]]
        self.assertEqual(len(rows), one(db, "SELECT count(*) FROM invite_codes"))
        for household, code, building, state in rows:
            stored = db.execute(
                "SELECT ic.household_id, b.id, ic.used_by IS NOT NULL, ic.revoked_at IS NOT NULL FROM invite_codes ic "
                "JOIN households h ON h.id = ic.household_id JOIN units u ON u.id = h.unit_id JOIN buildings b ON b.id = u.building_id "
                "WHERE ic.code = ?",
                (code,),
            ).fetchone()
            self.assertEqual(stored[:2], (household, building))
            self.assertEqual(("used" if stored[2] else "revoked" if stored[3] else "unused"), state)
            self.assertTrue(len(code) == 8 and all(c in seed.INVITE_ALPHABET for c in code))

    def test_admin_sql_creates_a_street_admin(self):
        db = schema()
        db.executescript(seed.admin_sql("13800000000", "张三", "和平街道", "幸福社区", "a-long-password"))
        self.assertEqual(db.execute("PRAGMA foreign_key_check").fetchall(), [])
        self.assertEqual(one(db, "SELECT role FROM role_grants"), "street_admin")
        stored = one(db, "SELECT password_hash FROM members")
        _, iterations, salt, _ = stored.split("$")
        self.assertEqual(seed.hash_password("a-long-password", bytes.fromhex(salt), int(iterations)), stored)


if __name__ == "__main__":
    unittest.main(verbosity=2)
