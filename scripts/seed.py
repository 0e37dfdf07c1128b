#!/usr/bin/env python3
"""Generates Yishi's seed SQL, deterministically, and the first account of a production district.

    python3 scripts/seed.py
        (Re)writes api-worker/seed/demo.sql (the demo district that `make dev` serves),
        tests/api/fixtures/base.sql and tests/api/fixtures/invite_codes.tsv (what the API tests load).
        Running it twice gives byte-identical files.

    python3 scripts/seed.py admin --phone 13800000000 --name 张三 \\
            --street-name 和平街道 --community-name 幸福社区 [--password-stdin] > first-admin.sql
        Prints SQL that creates a street, a community and one street administrator with a freshly salted
        hash of a password asked for interactively (or read from standard input). Apply it with
        `wrangler d1 execute DB --remote --config api-worker/wrangler.toml --file first-admin.sql`
        (see docs/DEPLOY.md). Ids (ULIDs, as the worker makes them) and the salt come from `secrets`. The
        statements are plain INSERTs with the member first: a phone number that is already registered stops
        the file at its first statement, before any street or community is created.

    python3 scripts/seed_test.py
        Self-check: the committed files are what the generator writes, the hash has the right format, and
        both SQL files load into api-worker/migrations/*.sql with every foreign key satisfied.

The demo seed and the fixture are plain SQL statements (no BEGIN/COMMIT, no PRAGMA: D1 refuses them) with
INSERT OR IGNORE throughout, so loading one twice is harmless. Their randomness (salts, names, invite codes)
comes from random.Random with a fixed seed: the same Python gives the same bytes every time.

Password hashes use the worker's format (core/src/auth.rs): pbkdf2_sha256$<iterations>$<salt hex>$<hash hex>,
PBKDF2-HMAC-SHA256 over the UTF-8 password, 100,000 iterations, 16-byte salt, 32-byte output.
"""

from __future__ import annotations

import argparse
import getpass
import hashlib
import json
import random
import secrets
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEMO_SQL = ROOT / "api-worker" / "seed" / "demo.sql"
FIXTURE_SQL = ROOT / "tests" / "api" / "fixtures" / "base.sql"
FIXTURE_CODES = ROOT / "tests" / "api" / "fixtures" / "invite_codes.tsv"

ITERATIONS = 100_000  # core/src/auth.rs MAX_ITERATIONS (Workers' Web Crypto refuses more)
SALT_LEN = 16
HASH_LEN = 32
STAFF_PASSWORD_MIN = 8
PASSWORD_MAX = 128
NAME_MAX = 30
INVITE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
CREATED_AT = "2026-09-01T00:00:00.000Z"


def hash_password(password: str, salt: bytes, iterations: int = ITERATIONS) -> str:
    """The one hashing routine of the demo seed, the fixture and the first admin (core/src/auth.rs format)."""
    derived = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, iterations, HASH_LEN)
    return f"pbkdf2_sha256${iterations}${salt.hex()}${derived.hex()}"


def q(value: str | None) -> str:
    """A SQL literal."""
    if value is None:
        return "NULL"
    return "'" + value.replace("'", "''") + "'"


def insert(table: str, row: dict[str, str | None], verb: str = "INSERT OR IGNORE") -> str:
    cols = ", ".join(row)
    vals = ", ".join(q(v) for v in row.values())
    return f"{verb} INTO {table} ({cols}) VALUES ({vals});"


def invite_code(rng: random.Random) -> str:
    return "".join(rng.choice(INVITE_ALPHABET) for _ in range(8))


CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def ulid(now_ms: int, random_bits: bytes) -> str:
    """Same encoding as core/src/ids.rs `ulid`: 48-bit milliseconds, 80 random bits, Crockford base32."""
    value = ((now_ms & 0xFFFF_FFFF_FFFF) << 80) | int.from_bytes(random_bits[:10], "big")
    return "".join(CROCKFORD[(value >> (5 * i)) & 0x1F] for i in range(25, -1, -1))


def iso(t: datetime) -> str:
    return t.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond // 1000:03d}Z"


class Sql:
    """Collects statements; tracks used invite codes so none repeats."""

    def __init__(self, header: str | None = None) -> None:
        self.lines = [header.rstrip(), ""] if header else []
        self.codes: set[str] = set()

    def comment(self, text: str) -> None:
        self.lines.append(f"-- {text}")

    def add(self, table: str, row: dict[str, str | None]) -> None:
        self.lines.append(insert(table, row))

    def blank(self) -> None:
        self.lines.append("")

    def representative(self, household: str, member: str) -> None:
        """Households are inserted before their members, so the representative is set afterwards."""
        self.lines.append(
            f"UPDATE households SET representative_id = {q(member)} WHERE id = {q(household)} AND representative_id IS NULL;"
        )

    def new_code(self, rng: random.Random) -> str:
        while True:
            code = invite_code(rng)
            if code not in self.codes:
                self.codes.add(code)
                return code

    def text(self) -> str:
        return "\n".join(self.lines).rstrip() + "\n"


def path_row(street: str, community=None, compound=None, building=None, unit=None) -> dict[str, str | None]:
    return {
        "street_id": street,
        "community_id": community,
        "compound_id": compound,
        "building_id": building,
        "unit_id": unit,
    }


def grant(sql: Sql, member: str, role: str, kind: str, scope_id: str, path: dict[str, str | None]) -> None:
    sql.add(
        "role_grants",
        {"member_id": member, "role": role, "scope_kind": kind, "scope_id": scope_id, **path, "created_at": CREATED_AT},
    )


def catalogue(sql: Sql, units: list[tuple[str, str, str, str | None]], categories: list[tuple[str, str, list[tuple]]]) -> None:
    """Units (id, name, kind, community: None for the whole district's) and categories (id, name, [(sub id,
    name, unit id, limit unit, limit value, keywords, legal basis, standard)]) of the requests' catalogue."""
    for uid, name, kind, owner in units:
        sql.add("handling_units", {"id": uid, "name": name, "kind": kind, "created_at": CREATED_AT, "community_id": owner})
    for position, (cid, name, subs) in enumerate(categories, start=1):
        sql.add("request_categories", {"id": cid, "name": name, "position": str(position)})
        for sid, sub_name, unit, limit_unit, limit_value, keywords, legal_basis, standard in subs:
            sql.add("request_subcategories", {
                "id": sid, "category_id": cid, "name": sub_name, "unit_id": unit, "legal_basis": legal_basis,
                "standard": standard, "keywords": keywords, "limit_unit": limit_unit,
                "limit_value": str(limit_value), "active": "1"})


# --------------------------------------------------------------------------------------------------------
# The demo district
# --------------------------------------------------------------------------------------------------------

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史黎贺顾毛郝龚邵万钱覃武戴孔汤庞樊兰殷施陶洪翟安颜倪严牛温芦季俞章鲁葛伍申尤毕聂柴焦向柳邢岳齐沿梅莫庄辛管祝左涂谷祁时舒耿牟卜路詹关苗凌费纪靳盛童欧甄项曲成游阳裴席卫查屈鲍位覃霍翁隋植甘景薄单包司柏宁柯阮桂闵欧阳解强丛华车冉房边辜吉饶刁瞿戚丘古米池滕晋苑邬臧畅宫来嵺苟全褚廉简娄盖符奚木穆党燕郎邸冀谈姬屠连郜晏栾郁商蒙计喻揭窦迟宇敖糜鄢冷卓花仇艾蓝都巩稽井练仲乐虞卞封竺冼原官衣楚佟栗匡宗应台巫鞠僖桑荆谌银扬明沙薄伏岑习胥保和蔺"
GIVEN = [
    "秀英", "桂兰", "玉兰", "淑珍", "建国", "建华", "国强", "志强", "丽华", "秀珍", "凤英", "德明",
    "文华", "海燕", "晓梅", "红梅", "春生", "金凤", "国华", "立新", "卫东", "振华", "明", "静",
    "伟", "芳", "敏", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "超", "霞", "平", "刚", "桂英",
    "子涵", "欣怡", "浩然", "雨萱", "梓轩", "佳怡", "宇航", "思彤", "俊杰", "诗涵",
]

COMPOUNDS = [("cpd_yangguang", "阳光小区", [1, 2, 3]), ("cpd_hexie", "和谐小区", [4, 5, 6])]
DOORS = ["101", "102", "201", "202", "301"]
DEMO_STAFF_PASSWORD = "yishi2026"
DEMO_PASSCODE = "123456"
DEMO_RESIDENT_BUILDINGS = (3, 5)
# An elderly resident without a phone (阳光小区 3号楼 1单元 201), for whom the grid worker acts.
DEMO_ELDER = "何桂英"
# The council meeting of 阳光小区 that the chair's console journey runs.
DEMO_MEETING = "阳光小区居民议事会"
# Households whose codes the header shows (the e2e join test uses 阳光小区 3号楼 2单元 301; leave that one be).
DEMO_CODE_EXAMPLES = ("阳光小区 3号楼 1单元 301", "和谐小区 5号楼 1单元 301")
BEIJING = timezone(timedelta(hours=8))


def demo_sql() -> str:
    rng = random.Random(20261122)
    street, community = "str_heping", "com_xingfu"
    accounts: list[tuple[str, str, str]] = []  # (who, phone, password) for the header
    residents: list[tuple[str, str, str]] = []
    head_accounts: list[tuple[str, str, str]] = []
    body = Sql()
    staff = [("mbr_staff_1", "刘晓梅", "13800000001"), ("mbr_staff_2", "陈建国", "13800000002")]
    admin = ("mbr_admin", "周海燕", "13800000009")
    used_names: set[str] = {name for _, name, _ in [*staff, admin]}  # nobody shares a staff member's name

    def person_name() -> str:
        while True:
            name = rng.choice(SURNAMES[:60]) + rng.choice(GIVEN)
            if name not in used_names:
                used_names.add(name)
                return name

    def member(mid: str, name: str, phone: str | None, password: str | None, household: str | None,
               verification: str = "confirmed") -> None:
        salt = rng.randbytes(SALT_LEN)
        body.add(
            "members",
            {
                "id": mid,
                "name": name,
                "phone": phone,
                "password_hash": hash_password(password, salt) if password else None,
                "household_id": household,
                "status": "active",
                "verification": verification if household else None,
                "created_at": CREATED_AT,
            },
        )
        if household and verification == "confirmed":
            body.representative(household, mid)

    body.comment("The territory")
    body.add("streets", {"id": street, "name": "和平街道", "code": "HP", "created_at": CREATED_AT})
    body.add("communities", {"id": community, "street_id": street, "name": "幸福社区", "code": "XF", "created_at": CREATED_AT})
    for cpd, cpd_name, buildings in COMPOUNDS:
        body.add("compounds", {"id": cpd, "community_id": community, "name": cpd_name, "code": None, "created_at": CREATED_AT})
        for b in buildings:
            bld = f"bld_{b:02d}"
            body.add("buildings", {"id": bld, "compound_id": cpd, "name": f"{b}号楼", "code": None, "created_at": CREATED_AT})
            for u in (1, 2):
                body.add("units", {"id": f"unt_{b:02d}_{u}", "building_id": bld, "name": f"{u}单元", "code": None, "created_at": CREATED_AT})
    body.blank()

    body.comment("Staff and the street administrator")
    for mid, name, phone in staff:
        member(mid, name, phone, DEMO_STAFF_PASSWORD, None)
        grant(body, mid, "community_staff", "community", community, path_row(street, community))
        accounts.append((f"community staff {name}", phone, DEMO_STAFF_PASSWORD))
    mid, name, phone = admin
    member(mid, name, phone, DEMO_STAFF_PASSWORD, None)
    grant(body, mid, "street_admin", "street", street, path_row(street))
    accounts.append((f"street admin {name}", phone, DEMO_STAFF_PASSWORD))
    body.blank()

    households = 0
    heads: dict[int, tuple[str, str]] = {}
    codes: list[tuple[str, str]] = []
    for cpd, cpd_name, buildings in COMPOUNDS:
        for b in buildings:
            bld = f"bld_{b:02d}"
            body.comment(f"{cpd_name} {b}号楼: households and residents (passcode {DEMO_PASSCODE})")
            for u in (1, 2):
                for door in DOORS:
                    hh = f"hh_{b:02d}_{u}_{door}"
                    households += 1
                    body.add("households", {"id": hh, "unit_id": f"unt_{b:02d}_{u}", "name": door, "created_at": CREATED_AT})
                    for k in range(1, rng.randint(1, 3) + 1):
                        mid = f"mbr_{b:02d}_{u}_{door}_{k}"
                        phone = f"1390{b:02d}{u}{door}{k}"
                        name = person_name()
                        member(mid, name, phone, DEMO_PASSCODE, hh)
                        # The first resident of 1单元 101 is the building's demo resident (no role at all).
                        if u == 1 and door == "101" and k == 1 and b in DEMO_RESIDENT_BUILDINGS:
                            residents.append((f"resident of {b}号楼 ({name}, 1单元 101)", phone, DEMO_PASSCODE))
                        # The building head lives at 1单元 102 (the 101 residents stay ordinary residents).
                        if u == 1 and door == "102" and k == 1:
                            heads[b] = (mid, name, phone)
                    codes.append((hh, f"{cpd_name} {b}号楼 {u}单元 {door}"))
            mid, name, phone = heads[b]
            grant(body, mid, "building_head", "building", bld, path_row(street, community, cpd, bld))
            head_accounts.append((f"building head of {b}号楼 ({name}, 1单元 102)", phone, DEMO_PASSCODE))
            body.blank()

    body.comment("One unused invite code per household (print them, or open /join?code=…).")
    body.comment("The line above each code names its household: `grep -A1 '^-- 阳光小区 3号楼 1单元 101$'`.")
    code_of: dict[str, str] = {}
    for hh, label in codes:
        code = body.new_code(rng)
        code_of[label] = code
        body.comment(label)
        body.add("invite_codes", {"code": code, "household_id": hh, "created_by": "mbr_staff_1", "created_at": CREATED_AT, "in_person": "1"})
    body.blank()

    body.comment("The grid: a grid worker for 阳光小区's buildings; a resident waiting for verification; an elderly")
    body.comment("resident without a phone, for whom the grid worker acts (代办).")
    grid = ("mbr_grid_1", "孙丽娟", "13800000011")
    used_names.add(grid[1])
    member(grid[0], grid[1], grid[2], DEMO_STAFF_PASSWORD, None)
    for b in COMPOUNDS[0][2]:
        grant(body, grid[0], "grid_worker", "building", f"bld_{b:02d}", path_row(street, community, COMPOUNDS[0][0], f"bld_{b:02d}"))
    accounts.append((f"grid worker {grid[1]} (阳光小区 1–3号楼)", grid[2], DEMO_STAFF_PASSWORD))
    pending_name = person_name()
    member("mbr_pending_1", pending_name, "13700000001", DEMO_PASSCODE, "hh_04_2_301", verification="pending")
    residents.append((f"resident waiting for verification ({pending_name}, 和谐小区 4号楼 2单元 301)", "13700000001", DEMO_PASSCODE))
    used_names.add(DEMO_ELDER)
    member("mbr_elder_1", DEMO_ELDER, None, None, "hh_03_1_201")
    body.blank()

    body.comment("Notices")
    # Published in the days before 2026-11-20, at office hours Beijing time (UTC+8).
    def beijing(day: int, hour: int, minute: int) -> str:
        return iso(datetime(2026, 11, day, hour, minute, tzinfo=BEIJING))

    yangguang, hexie = COMPOUNDS[0][0], COMPOUNDS[1][0]

    def r_first(b: int) -> str:
        return f"mbr_{b:02d}_1_101_1"
    notices = [
        (
            "ntc_demo_01", "幸福社区居民议事会召开通知",
            "各位居民：\n本月居民议事会定于11月25日（周三）下午2点在社区党群服务中心二楼会议室召开，"
            "议题为“楼道堆物清理”和“电动车集中充电点选址”。\n欢迎大家参加，也可以提前在本平台留言提出意见。\n幸福社区居委会",
            "mbr_staff_1", path_row(street, community), beijing(19, 9, 30),
        ),
        (
            "ntc_demo_02", "阳光小区垃圾分类定时投放提醒",
            "自12月1日起，阳光小区生活垃圾实行定时定点投放：早7:00-9:00，晚18:00-20:00。\n"
            "其他时间请勿把垃圾放在楼道里。有困难的老人可以联系楼栋长代为投放。",
            "mbr_staff_2", path_row(street, community, yangguang), beijing(18, 15, 40),
        ),
        (
            "ntc_demo_03", "和谐小区电动车充电安全告知",
            "为防止火灾，严禁电动车进楼入户、飞线充电。\n小区东门新增12个充电桩，扫码即可使用。请大家互相提醒。",
            "mbr_staff_1", path_row(street, community, hexie), beijing(17, 10, 15),
        ),
        (
            "ntc_demo_04", "3号楼停水通知",
            "因二次供水设备检修，3号楼将于11月23日上午9:00至12:00停水。\n请提前储水，给您带来不便，敬请谅解。",
            heads[3][0], path_row(street, community, yangguang, "bld_03"), beijing(19, 19, 20),
        ),
        (
            "ntc_demo_05", "5号楼电梯年度检修",
            "5号楼电梯将于11月24日全天进行年度检修，检修期间暂停使用。\n行动不便的居民如需帮助上下楼，请提前联系楼栋长。",
            heads[5][0], path_row(street, community, hexie, "bld_05"), beijing(18, 20, 5),
        ),
        (
            "ntc_demo_06", "冬季流感疫苗免费接种",
            "社区卫生服务站为60岁以上老人免费接种流感疫苗，时间为周一至周五上午8:30-11:30，请带好身份证和医保卡。",
            "mbr_staff_2", path_row(street, community), beijing(15, 11, 0),
        ),
    ]
    # Notices, like every record people name by number, are numbered in the community in the order they were
    # published (公告 #1, #2, …), as migration 0012 numbers existing ones: these, the disclosure below and
    # the covenant's notice.
    disclosure_at, covenant_notice_at = beijing(10, 9, 0), beijing(11, 9, 0)
    published = {nid: at for nid, *_, at in notices} | {"ntc_demo_07": disclosure_at, "ntc_demo_08": covenant_notice_at}
    notice_numbers = {nid: str(n) for n, (nid, _) in enumerate(sorted(published.items(), key=lambda kv: (kv[1], kv[0])), start=1)}
    for nid, title, text, author, path, published_at in notices:
        body.add(
            "notices",
            {"id": nid, "number": notice_numbers[nid], **path, "title": title, "body": text, "author_id": author,
             "published_at": published_at},
        )
    # A financial disclosure whose publication period (公示期) is over, with an objection answered.
    body.add(
        "notices",
        {"id": "ntc_demo_07", "number": notice_numbers["ntc_demo_07"], **path_row(street, community),
         "title": "2026年第三季度社区公益金收支公示",
         "body": "## 收入\n- 停车场收益 **8,600** 元\n- 广告位收益 2,400 元\n\n## 支出\n- 楼道照明维修 3,150 元\n"
                 "- 重阳节敬老活动 2,880 元\n\n结余 4,970 元，明细账可到社区居委会查阅。",
         "author_id": "mbr_staff_1", "published_at": disclosure_at, "category": "financial",
         "period_ends_at": beijing(17, 9, 0)},
    )
    body.add(
        "notice_objections",
        {"id": "obj_demo_07_1", "notice_id": "ntc_demo_07", "member_id": r_first(5), "reason": "停车场收益比上季度少，是什么原因？",
         "created_at": beijing(12, 20, 0), "answer": "三季度停车场改造停用了一个月，收益相应减少。改造明细已贴在居委会公告栏。",
         "upheld": "0", "answered_by": "mbr_staff_1", "answered_at": beijing(13, 10, 0)},
    )

    body.blank()
    body.comment("Residents' matters (民事) at different steps of 民提、民议、民决、民办、民评")

    def r(b: int, u: int, door: str) -> str:
        return f"mbr_{b:02d}_{u}_{door}_1"

    bld4, bld5 = path_row(street, community, hexie, "bld_04"), path_row(street, community, hexie, "bld_05")
    matters = [
        # (id, title, description, category, wish, step, threshold, proposer, path, day, extra columns)
        ("mat_demo_01", "5号楼门口增设休息座椅", "5号楼老人多，买菜回来在楼门口没地方歇脚，希望在门口两侧各放一张长椅。",
         "elderly_care", 0, "evaluating", 5, r(5, 1, "201"), bld5, 2,
         {"decision": "adopted", "owner_kind": "property_company", "owner_name": "和谐物业服务中心",
          "summary": "大家都同意放长椅，位置选在楼门东西两侧，不挡消防通道。", "summary_by": heads[5][0],
          "evaluation_ends_at": iso(datetime(2026, 12, 31, 16, 0, tzinfo=BEIJING))}),
        ("mat_demo_02", "电动车充电棚加装监控", "和谐小区东门充电棚晚上经常有人拔别人的充电线，希望加装摄像头。",
         "safety", 0, "deliberating", 10, r(4, 1, "101"), path_row(street, community, hexie), 8, {}),
        ("mat_demo_03", "4号楼楼顶漏水", "4号楼2单元顶楼每逢下雨就渗水，墙皮已经脱落。", "environment", 0, "proposed", 5,
         r(4, 2, "301"), bld4, 12, {}),
        ("mat_demo_04", "想请人帮忙换一下厨房灯泡", "家里厨房灯坏了，我腿脚不便，爬不了梯子，想请邻居帮忙换一下。",
         "elderly_care", 1, "proposed", 5, r(4, 1, "202"), bld4, 13, {}),
        ("mat_demo_05", "小区门口卖菜摊点太吵", "每天早上五点多就有摊贩在门口吆喝，影响休息。", "other", 0, "declined", 10,
         r(5, 2, "101"), path_row(street, community, hexie), 5,
         {"decline_reason": "占道经营属于城管执法事项，已转街道城管科处理，处理结果会在公告栏公示。"}),
    ]
    supporters = {
        "mat_demo_01": [r(5, 1, d) for d in DOORS] + [r(5, 2, "101"), r(5, 2, "102")],
        "mat_demo_02": [r(b, u, d) for b in (4, 5) for u in (1,) for d in DOORS],
        "mat_demo_03": [r(4, 2, "301"), r(4, 2, "201")],
        "mat_demo_04": [r(4, 1, "202")],
        "mat_demo_05": [r(5, 2, "101"), r(5, 2, "201"), r(5, 1, "301")],
    }
    # Matters are numbered in the community in the order they were proposed (议题 #1, #2, …).
    numbers = {m[0]: n for n, m in enumerate(sorted(matters, key=lambda m: m[9]), start=1)}
    for mid_, title, text, category, wish, step, threshold, proposer, path, day, extra in matters:
        at = beijing(day, 10, 0)
        body.add(
            "matters",
            {"id": mid_, "number": str(numbers[mid_]), **path, "title": title, "description": text, "category": category, "micro_wish": str(wish),
             "step": step, "threshold": str(threshold), "proposer_id": proposer, "created_at": at, "updated_at": beijing(19, 18, 0),
             **{k: v for k, v in extra.items() if k != "summary_by"},
             **({"summary_by": extra["summary_by"], "summary_at": beijing(day + 1, 9, 0)} if "summary_by" in extra else {})},
        )
        for n, who in enumerate(supporters[mid_]):
            body.add("matter_supports", {"matter_id": mid_, "member_id": who, "supported_at": beijing(day, 10, n), "via_matter_id": None})
        body.add("matter_events", {"id": f"evt_{mid_[4:]}_00", "matter_id": mid_, "at": at, "actor_id": proposer, "kind": "proposed", "note": ""})
    story = [
        ("01", 2, 12, supporters["mat_demo_01"][4], "reached_list", ""),
        ("01", 3, 9, heads[5][0], "summarized", ""),
        ("01", 4, 10, "mbr_staff_1", "put_to_ballot", ""),
        ("01", 8, 10, "mbr_staff_1", "decided", "adopted"),
        ("01", 8, 11, "mbr_staff_1", "owner_named", "和谐物业服务中心"),
        ("01", 9, 9, "mbr_staff_1", "milestone_added", "采购两张防腐木长椅（2026-11-15）"),
        ("01", 14, 16, "mbr_staff_1", "milestone_done", "采购两张防腐木长椅"),
        ("01", 15, 11, "mbr_staff_1", "progress", "两张长椅已在楼门东西两侧固定好，靠背朝墙，不挡通道。"),
        ("01", 15, 11, "mbr_staff_1", "acceptance_requested", ""),
        ("01", 16, 10, heads[5][0], "accepted", ""),
        ("02", 9, 20, supporters["mat_demo_02"][9], "reached_list", ""),
        ("05", 6, 9, "mbr_staff_2", "declined", "占道经营属于城管执法事项，已转街道城管科处理，处理结果会在公告栏公示。"),
    ]
    for n, (m, day, hour, actor, kind, note) in enumerate(story, start=1):
        body.add("matter_events", {"id": f"evt_demo_{m}_{n:02d}", "matter_id": f"mat_demo_{m}", "at": beijing(day, hour, n),
                                   "actor_id": actor, "kind": kind, "note": note})
    body.add("matter_milestones", {"matter_id": "mat_demo_01", "position": "1", "title": "采购两张防腐木长椅",
                                   "due_on": "2026-11-15", "done_at": beijing(14, 16, 0)})
    for n, (who, stars, comment) in enumerate([
        (r(5, 1, "201"), "5", "买菜回来终于有地方坐了，谢谢物业。"),
        (r(5, 1, "101"), "4", "椅子挺结实，要是有个遮阳棚就更好了。"),
        (r(5, 2, "101"), "5", ""),
    ]):
        body.add("matter_ratings", {"matter_id": "mat_demo_01", "member_id": who, "stars": stars, "comment": comment, "rated_at": beijing(17, 9 + n, 0)})
    for n, (who, stance, text) in enumerate([
        (r(4, 1, "201"), "for", "支持！上个月我的充电器也被人拔了。"),
        (r(5, 1, "102"), "question", "摄像头的钱谁出？用公共收益可以吗？"),
        (r(4, 1, "301"), "suggestion", "可以先装两个试试，画面接到物业值班室。"),
    ]):
        body.add("matter_comments", {"id": f"cmt_demo_02_{n}", "matter_id": "mat_demo_02", "parent_id": None, "member_id": who,
                                     "stance": stance, "body": text, "created_at": beijing(10, 20, n)})

    body.blank()
    body.comment("A covenant of 和谐小区 5号楼 (一事一约), version 1 in force, signed by some households")
    body.add("covenants", {"id": "cov_demo_01", "number": "1", **bld5, "title": "5号楼楼道公约", "created_by": "mbr_staff_1",
                           "created_at": beijing(3, 9, 0), "updated_at": beijing(12, 9, 0)})
    clauses = ["楼道内不堆放杂物，自行车、婴儿车停到一楼车棚。", "电动车不进楼道、不进电梯，统一到东门充电棚充电。",
               "晚上十点以后不在楼道里大声喧哗，装修遵守作息时间。", "爱护电梯，搬运大件提前告诉楼栋长。"]
    body.add("notices", {"id": "ntc_demo_08", "number": notice_numbers["ntc_demo_08"], **bld5, "title": "居民公约：5号楼楼道公约（第1版）",
                         "body": "经居民投票通过，现予公布。请各户签署，共同遵守。\n\n" + "".join(f"{i + 1}. {c}\n" for i, c in enumerate(clauses)),
                         "author_id": "mbr_staff_1", "published_at": covenant_notice_at, "category": "covenant"})
    body.add("covenant_versions", {"covenant_id": "cov_demo_01", "number": "1", "state": "adopted",
                                   "clauses": "[" + ", ".join('"' + c + '"' for c in clauses) + "]",
                                   "vote_id": None, "notice_id": "ntc_demo_08", "created_by": "mbr_staff_1",
                                   "created_at": beijing(3, 9, 0), "adopted_at": beijing(11, 9, 0)})
    body.add("covenant_comments", {"id": "cmt_demo_cov_1", "covenant_id": "cov_demo_01", "number": "1", "clause": "2",
                                   "member_id": r(5, 1, "102"), "body": "充电棚晚上要有灯，不然不安全。", "created_at": beijing(5, 20, 0)})
    for n, door in enumerate(["101", "102", "201"]):
        body.add("covenant_signatures", {"covenant_id": "cov_demo_01", "number": "1", "household_id": f"hh_05_1_{door}",
                                         "member_id": r(5, 1, door), "recorded_by": None, "reason": None, "signed_at": beijing(12, 9, n)})

    body.blank()
    body.comment("Residents' requests (民生诉求): the catalogue with its units, the 2026–27 holidays, and requests")
    fixer = ("mbr_fixer_1", "王建军", "13800000021")
    used_names.add(fixer[1])
    member(fixer[0], fixer[1], fixer[2], DEMO_STAFF_PASSWORD, None)
    accounts.append((f"property company repairman {fixer[1]} (安居物业)", fixer[2], DEMO_STAFF_PASSWORD))
    catalogue(body, [
        # The community's own office and the property company of its compounds; the street's departments
        # and the utilities are the whole district's.
        ("hdu_office", "幸福社区居委会", "community_office", community),
        ("hdu_property", "安居物业公司", "property_company", community),
        ("hdu_city", "和平街道城管科", "street_department", None),
        ("hdu_power", "供电公司", "utility", None),
        ("hdu_gas", "燃气公司", "utility", None),
    ], [
        ("rqc_facilities", "公共设施", [
            ("sub_light", "路灯损坏", "hdu_property", "working_days", 3, "路灯、灯不亮、灯坏", "《物业管理条例》第三十五条",
             "3个工作日内修复；需更换灯杆的，先设置警示并告知居民完成时间"),
            ("sub_cover", "井盖缺失破损", "hdu_city", "hours", 24, "井盖、窨井", "《城市道路管理条例》", "2小时内到场设置警示，24小时内修复"),
            ("sub_elevator", "电梯故障", "hdu_property", "hours", 24, "电梯、困人", "《特种设备安全法》", "困人30分钟内到场；故障24小时内修复"),
            ("sub_door", "单元门禁损坏", "hdu_property", "working_days", 3, "门禁、单元门", "", "3个工作日内修复"),
        ]),
        ("rqc_environment", "环境卫生", [
            ("sub_rubbish", "垃圾清运不及时", "hdu_property", "working_days", 1, "垃圾、清运、垃圾桶", "《生活垃圾分类管理办法》", "当日清运"),
            ("sub_green", "绿化养护", "hdu_property", "working_days", 5, "树、草坪、绿化", "", "5个工作日内修剪"),
            ("sub_hallway", "楼道堆物", "hdu_office", "working_days", 3, "楼道、堆物、杂物", "《消防法》第二十八条", "劝导清理，必要时联系消防"),
        ]),
        ("rqc_noise", "噪音扰民", [
            ("sub_construction", "夜间施工噪音", "hdu_city", "working_days", 2, "施工、噪音、夜间", "《噪声污染防治法》", "到场核查，依法处理"),
            ("sub_square_dance", "广场舞噪音", "hdu_office", "working_days", 3, "广场舞、音响", "", "协调活动时间与音量"),
        ]),
        ("rqc_utilities", "水电燃气", [
            ("sub_power", "停电", "hdu_power", "hours", 12, "停电、没电", "", "到场抢修"),
            ("sub_gas", "燃气泄漏", "hdu_gas", "hours", 2, "燃气、煤气、漏气", "《城镇燃气管理条例》", "立即到场处置"),
        ]),
        ("rqc_other", "其他", [
            ("sub_other", "其他诉求", "hdu_office", "working_days", 5, "", "", "社区受理后转办"),
        ]),
    ])
    for unit, who in (("hdu_office", "mbr_staff_1"), ("hdu_office", "mbr_staff_2"), ("hdu_property", fixer[0]),
                      ("hdu_city", "mbr_admin")):
        body.add("handling_unit_members", {"unit_id": unit, "member_id": who, "added_at": CREATED_AT})
    # The State Council's calendar for the rest of 2026 and New Year 2027; staff enter each year's.
    for day in ["2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04", "2026-10-05", "2026-10-06", "2026-10-07",
                "2027-01-01"]:
        body.add("work_calendar", {"day": day, "kind": "holiday"})
    for day in ["2026-09-20", "2026-10-10"]:
        body.add("work_calendar", {"day": day, "kind": "workday"})
    requests = [
        # id, subcategory, unit, building, requester, description, received (day, hour), deadline (day, hour),
        # status, resolved (day, hour) or None, rating (outcome, stars, comment) or None
        ("req_demo_01", "sub_rubbish", "hdu_property", 4, r(4, 1, "201"), "4号楼东侧垃圾桶满了两天没人清运，味道很大。",
         (9, 8), (10, 23), "closed", (9, 15), ("fixed", "5", "下午就清走了，谢谢。")),
        ("req_demo_02", "sub_door", "hdu_property", 5, r(5, 1, "101"), "5号楼1单元门禁刷卡没反应，老人进不了门。",
         (13, 10), (18, 23), "resolved", (16, 11), None),
        ("req_demo_03", "sub_hallway", "hdu_office", 6, r(6, 1, "301"), "6号楼2单元三楼楼道堆满纸箱，有火灾隐患。",
         (16, 9), (19, 23), "accepted", None, None),
    ]
    for number, (rid, sub, unit, b, who, text, rec, due, status, resolved, rating) in enumerate(requests, start=1):
        cpd = hexie if b >= 4 else yangguang
        row = {"id": rid, "number": str(number), "subcategory_id": sub, "handler_id": unit, **path_row(street, community, cpd, f"bld_{b:02d}"),
               "place_text": None, "description": text, "requester_id": who, "show_name": "1", "channel": "app",
               "status": status, "received_at": beijing(*rec, 0), "deadline": iso(datetime(2026, 11, due[0], 23, 59, 59, tzinfo=BEIJING)),
               "updated_at": beijing(*(resolved or rec), 5), "resolved_at": beijing(*resolved, 0) if resolved else None}
        if status == "closed":
            row["closed_at"] = beijing(resolved[0] + 1, 9, 0)
        if rating:
            row.update({"outcome": rating[0], "stars": rating[1], "rating_comment": rating[2], "rated_at": beijing(resolved[0] + 1, 9, 0)})
        body.add("requests", row)
        events = [("received", "received", rec, who, unit, "")]
        if status != "received":
            events.append(("accepted", "accepted", (rec[0], rec[1] + 1), fixer[0] if unit == "hdu_property" else "mbr_staff_1", None, ""))
        if resolved:
            events.append(("resolved", "resolved", resolved, fixer[0], None, "已处理完毕，请确认。"))
        if status == "closed":
            events.append(("confirmed_fixed", "closed", (resolved[0] + 1, 9), who, None, rating[2] if rating else ""))
        for n, (kind, st, (day, hour), actor, handler, note) in enumerate(events):
            body.add("request_events", {"id": f"evt_{rid}_{n}", "request_id": rid, "at": beijing(day, hour, n), "actor_id": actor,
                                        "kind": kind, "status": st, "handler_id": handler, "note": note})

    body.blank()
    body.comment("A residents' council of 阳光小区 (居民议事会), called by staff, who chairs it: its 62 residents and the chair")
    body.comment("are on the list, so the chair's console has a room of sixty to check in (open it as 刘晓梅)")
    agenda = ["小区停车收费调整", "楼道堆物清理"]
    settings = {
        "title": DEMO_MEETING,
        "place": "阳光小区党群服务站",
        "starts_at": iso(datetime(2026, 12, 9, 14, 0, tzinfo=BEIJING)),
        "electorate": {"kind": "residents"},
        "procedure": {"quorum": {"kind": "present_percent", "percent": 51}, "threshold": "simple_majority",
                      "count_abstentions": False},
        "agenda": agenda,
    }
    body.add("meetings", {"id": "mtg_demo_01", "number": "1", **path_row(street, community, yangguang), "title": DEMO_MEETING,
                          "settings": json.dumps(settings, ensure_ascii=False, separators=(",", ":")),
                          "starts_at": settings["starts_at"], "state": "scheduled",
                          "checkin_token": rng.randbytes(12).hex(), "created_by": "mbr_staff_1",
                          "created_at": beijing(19, 9, 0)})
    for position, item in enumerate(agenda):
        body.add("meeting_items", {"meeting_id": "mtg_demo_01", "position": str(position), "title": item})

    header = [
        "-- Yishi demo district: 和平街道 幸福社区 (2 compounds, 6 buildings, 12 units, "
        f"{households} households).",
        "-- Generated by scripts/seed.py; do not edit by hand. Applied by `make dev` and `make reset`.",
        "--",
        "-- Demo accounts (phone / password):",
    ]
    header += [f"--   {who}: {phone} / {password}" for who, phone, password in accounts + residents + head_accounts]
    header += [
        "--",
        f"-- Every resident's passcode is {DEMO_PASSCODE}; every household has one unused invite code below, e.g.",
    ]
    header += [f"--   {label}: {code}" for label, code in code_of.items() if label in DEMO_CODE_EXAMPLES]
    return "\n".join(header) + "\n\n" + body.text()


# --------------------------------------------------------------------------------------------------------
# The API test fixture (ids match core/src/testing.rs)
# --------------------------------------------------------------------------------------------------------

FIXTURE_STAFF_PASSWORD = "fixture-pass-1"
FIXTURE_PASSCODE = "654321"


def fixture() -> tuple[str, str]:
    rng = random.Random(7)
    street, community, other = "str_t", "com_t", "com_other"
    staff_hash = hash_password(FIXTURE_STAFF_PASSWORD, bytes(range(16)))
    resident_hash = hash_password(FIXTURE_PASSCODE, bytes(range(16, 32)))
    sql = Sql(
        "-- API test fixture: loaded into a fresh, otherwise empty D1 by scripts/test.sh.\n"
        "-- Generated by scripts/seed.py; do not edit by hand. Ids match core/src/testing.rs.\n"
        "-- Territory: str_t > com_t > cpd_a (bld_t01-03), cpd_b (bld_t04-06), 2 units each, 40 households per unit\n"
        "-- (hh_t03_1_001 … hh_t03_1_040); str_t > com_other > cpd_o > bld_o01 > unt_o01_1, 5 households.\n"
        "-- Accounts (staff password fixture-pass-1, residents' passcode 654321):\n"
        "--   mbr_staff 13900000001, mbr_staff2 13900000002: community_staff of com_t\n"
        "--   mbr_other_staff 13900000003: community_staff of com_other; mbr_admin 13900000009: street_admin of str_t\n"
        "--   mbr_head3 13900000033: building_head of bld_t03, lives in hh_t03_1_001\n"
        "--   mbr_r3 13900000301 (hh_t03_1_002), mbr_r5 13900000501 (hh_t05_1_002), mbr_r_other 13900000901 (hh_o01_1_002)\n"
        "--   mbr_suspended 13900000099 (suspended, hh_t03_1_003), mbr_throttled 13900000077 (hh_t05_1_003, rate-limit test)\n"
        "--   mbr_grid 13900000044: grid_worker of bld_t02 and bld_t03; mbr_gridhead 13900000045: grid_head of cpd_a;\n"
        "--   mbr_director 13900000046: grid_director of com_t; mbr_leader 13900000047: resident_group_leader of cpd_a\n"
        "--   (lives in hh_t01_1_001); mbr_council 13900000048: council_member of com_t (lives in hh_t05_1_001);\n"
        "--   mbr_pending 13900000302: pending resident of hh_t03_1_003; mbr_elder (no phone) in hh_t03_1_002.\n"
        "-- Residents are confirmed and the first of each household is its representative, except as noted.\n"
        "-- One unused invite code per household (handed over in person, except in bld_t06), plus 2 revoked and\n"
        "-- 1 used; all listed in invite_codes.tsv."
    )
    tsv = ["household_id\tcode\tbuilding_id\tstate"]

    sql.add("streets", {"id": street, "name": "测试街道", "code": None, "created_at": CREATED_AT})
    sql.add("communities", {"id": community, "street_id": street, "name": "测试社区", "code": None, "created_at": CREATED_AT})
    sql.add("communities", {"id": other, "street_id": street, "name": "邻近社区", "code": None, "created_at": CREATED_AT})
    buildings: list[tuple[str, int]] = []  # (building id, households per unit)
    for cpd, name, numbers in (("cpd_a", "甲小区", (1, 2, 3)), ("cpd_b", "乙小区", (4, 5, 6))):
        sql.add("compounds", {"id": cpd, "community_id": community, "name": name, "code": None, "created_at": CREATED_AT})
        for n in numbers:
            bld = f"bld_t{n:02d}"
            sql.add("buildings", {"id": bld, "compound_id": cpd, "name": f"{n}号楼", "code": None, "created_at": CREATED_AT})
            buildings.append((bld, 40))
    sql.add("compounds", {"id": "cpd_o", "community_id": other, "name": "丙小区", "code": None, "created_at": CREATED_AT})
    sql.add("buildings", {"id": "bld_o01", "compound_id": "cpd_o", "name": "1号楼", "code": None, "created_at": CREATED_AT})
    buildings.append(("bld_o01", 5))

    households: list[tuple[str, str]] = []
    for bld, per_unit in buildings:
        units = (1, 2) if bld.startswith("bld_t") else (1,)
        suffix = bld.removeprefix("bld_")
        for u in units:
            unit = f"unt_{suffix}_{u}"
            sql.add("units", {"id": unit, "building_id": bld, "name": f"{u}单元", "code": None, "created_at": CREATED_AT})
            for h in range(1, per_unit + 1):
                hh = f"hh_{suffix}_{u}_{h:03d}"
                sql.add("households", {"id": hh, "unit_id": unit, "name": f"{h:03d}", "created_at": CREATED_AT})
                households.append((hh, bld))
    sql.blank()

    def member(mid: str, name: str, phone: str | None, pw_hash: str | None, household: str | None,
               status: str = "active", verification: str = "confirmed") -> None:
        sql.add(
            "members",
            {"id": mid, "name": name, "phone": phone, "password_hash": pw_hash, "household_id": household,
             "status": status, "verification": verification if household else None, "created_at": CREATED_AT},
        )
        if household and verification == "confirmed":
            sql.representative(household, mid)

    member("mbr_staff", "测试员甲", "13900000001", staff_hash, None)
    member("mbr_staff2", "测试员乙", "13900000002", staff_hash, None)
    member("mbr_other_staff", "邻社区工作人员", "13900000003", staff_hash, None)
    member("mbr_admin", "街道管理员", "13900000009", staff_hash, None)
    member("mbr_head3", "三号楼楼栋长", "13900000033", resident_hash, "hh_t03_1_001")
    member("mbr_r3", "三号楼居民", "13900000301", resident_hash, "hh_t03_1_002")
    member("mbr_r5", "五号楼居民", "13900000501", resident_hash, "hh_t05_1_002")
    member("mbr_r_other", "邻社区居民", "13900000901", resident_hash, "hh_o01_1_002")
    member("mbr_suspended", "已停用居民", "13900000099", resident_hash, "hh_t03_1_003", status="suspended")
    member("mbr_throttled", "限流测试居民", "13900000077", resident_hash, "hh_t05_1_003")
    member("mbr_grid", "网格员", "13900000044", staff_hash, None)
    member("mbr_gridhead", "网格长", "13900000045", staff_hash, None)
    member("mbr_director", "网格总长", "13900000046", staff_hash, None)
    member("mbr_leader", "居民小组长", "13900000047", resident_hash, "hh_t01_1_001")
    member("mbr_council", "居民代表", "13900000048", resident_hash, "hh_t05_1_001")
    member("mbr_pending", "待认证居民", "13900000302", resident_hash, "hh_t03_1_003", verification="pending")
    member("mbr_elder", "无手机老人", None, None, "hh_t03_1_002")
    grant(sql, "mbr_staff", "community_staff", "community", community, path_row(street, community))
    grant(sql, "mbr_staff2", "community_staff", "community", community, path_row(street, community))
    grant(sql, "mbr_other_staff", "community_staff", "community", other, path_row(street, other))
    grant(sql, "mbr_admin", "street_admin", "street", street, path_row(street))
    grant(sql, "mbr_head3", "building_head", "building", "bld_t03", path_row(street, community, "cpd_a", "bld_t03"))
    for bld in ("bld_t02", "bld_t03"):
        grant(sql, "mbr_grid", "grid_worker", "building", bld, path_row(street, community, "cpd_a", bld))
    grant(sql, "mbr_gridhead", "grid_head", "compound", "cpd_a", path_row(street, community, "cpd_a"))
    grant(sql, "mbr_director", "grid_director", "community", community, path_row(street, community))
    grant(sql, "mbr_leader", "resident_group_leader", "compound", "cpd_a", path_row(street, community, "cpd_a"))
    grant(sql, "mbr_council", "council_member", "community", community, path_row(street, community))
    sql.blank()

    for hh, bld in households:
        code = sql.new_code(rng)
        in_person = "0" if bld == "bld_t06" else "1"
        sql.add("invite_codes", {"code": code, "household_id": hh, "created_by": "mbr_staff", "created_at": CREATED_AT, "in_person": in_person})
        tsv.append(f"{hh}\t{code}\t{bld}\tunused")
    for state in ("revoked", "revoked", "used"):
        code = sql.new_code(rng)
        hh = "hh_t03_1_040" if state == "revoked" else "hh_t03_1_002"
        row = {"code": code, "household_id": hh, "created_by": "mbr_staff", "created_at": CREATED_AT}
        if state == "revoked":
            row["revoked_at"] = "2026-10-01T00:00:00.000Z"
        else:
            row["used_by"] = "mbr_r3"
            row["used_at"] = "2026-10-01T00:00:00.000Z"
        sql.add("invite_codes", row)
        tsv.append(f"{hh}\t{code}\tbld_t03\t{state}")
    sql.blank()
    sql.comment("Notices of com_t whose publication period (公示期) ended in September, each with one objection")
    sql.comment("by mbr_r3 still to be answered: ntc_t_period_a and _b (one test each answers them).")
    for number, suffix in enumerate(("a", "b"), start=1):
        sql.add(
            "notices",
            {"id": f"ntc_t_period_{suffix}", "number": str(number), "street_id": "str_t", "community_id": "com_t", "compound_id": None,
             "building_id": None, "unit_id": None, "title": f"第三季度财务公开 {suffix}", "body": "## 收入\n- 停车费 **1200** 元",
             "author_id": "mbr_staff", "published_at": "2026-09-01T01:00:00.000Z", "category": "financial",
             "period_ends_at": "2026-09-08T01:00:00.000Z"},
        )
        sql.add(
            "notice_objections",
            {"id": f"obj_t_{suffix}", "notice_id": f"ntc_t_period_{suffix}", "member_id": "mbr_r3",
             "reason": "停车费收入比上季度少了一半，请说明。", "created_at": "2026-09-03T01:00:00.000Z"},
        )
    sql.blank()
    sql.comment("Residents' requests: the catalogue, a calendar, and requests for the scheduled job's test")
    member("mbr_fixer", "物业维修员", "13900000061", staff_hash, None)
    member("mbr_roads", "城管队员", "13900000062", staff_hash, None)
    catalogue(sql, [
        # Each community's office is its own; the property company (serving both), the street's department
        # and the utility are the whole district's.
        ("hdu_t_office", "测试社区居委会", "community_office", community),
        ("hdu_o_office", "邻近社区居委会", "community_office", other),
        ("hdu_t_property", "测试物业公司", "property_company", None),
        ("hdu_t_street", "街道城管科", "street_department", None),
        ("hdu_t_utility", "燃气公司", "utility", None),
    ], [
        ("rqc_t_facilities", "公共设施", [
            ("sub_t_light", "路灯损坏", "hdu_t_property", "working_days", 3, "路灯、灯不亮", "《物业管理条例》", "修复并亮灯"),
            ("sub_t_cover", "井盖缺失破损", "hdu_t_street", "hours", 24, "井盖", "", "设置警示并修复"),
        ]),
        ("rqc_t_noise", "噪音扰民", [
            ("sub_t_noise", "夜间施工噪音", "hdu_t_street", "working_days", 2, "施工、噪音", "《噪声污染防治法》", "到场核查"),
        ]),
        ("rqc_t_safety", "安全隐患", [
            ("sub_t_gas", "燃气泄漏", "hdu_t_utility", "hours", 2, "燃气、煤气", "", "到场处置"),
        ]),
    ])
    for unit, who in (("hdu_t_office", "mbr_staff"), ("hdu_o_office", "mbr_other_staff"), ("hdu_t_property", "mbr_fixer"),
                      ("hdu_t_street", "mbr_roads")):
        sql.add("handling_unit_members", {"unit_id": unit, "member_id": who, "added_at": CREATED_AT})
    for day, kind in (("2027-01-01", "holiday"), ("2027-02-07", "workday")):
        sql.add("work_calendar", {"day": day, "kind": kind})
    t_path = path_row(street, community, "cpd_b", "bld_t05")
    base = {"subcategory_id": "sub_t_light", "handler_id": "hdu_t_property", **t_path, "place_text": None,
            "description": "5号楼门口路灯不亮", "requester_id": "mbr_r5", "show_name": "0", "channel": "app"}
    sql.comment("req_t_overdue: due 2026-09-04, open and not escalated; req_t_resolved_old: resolved on 2026-09-10,")
    sql.comment("the resident never answered. Only the scheduled job's test reads them.")
    sql.add("requests", {**base, "id": "req_t_overdue", "number": "1", "status": "received", "received_at": "2026-09-01T01:00:00.000Z",
                         "deadline": "2026-09-04T15:59:59.000Z", "updated_at": "2026-09-01T01:00:00.000Z"})
    sql.add("requests", {**base, "id": "req_t_resolved_old", "number": "2", "status": "resolved", "received_at": "2026-09-07T01:00:00.000Z",
                         "deadline": "2026-09-10T15:59:59.000Z", "updated_at": "2026-09-10T01:00:00.000Z",
                         "resolved_at": "2026-09-10T01:00:00.000Z"})
    sql.blank()
    sql.comment("1,000 requests of com_other received in June 2026 with known timings, for the figures test")
    sql.comment("(tests/api/tests/api/requests.rs states the same rule): request i is received at 2026-06-01T00:00Z")
    sql.comment("+ 37 min × i, due 30,000 s later, handled in (i mod 97) × 600 + 60 s; every 7th is still in progress;")
    sql.comment("every 3rd completed one is rated (i mod 5) + 1; units alternate (the community's office, the")
    sql.comment("district's property company), categories go round by three.")
    start = datetime(2026, 6, 1, tzinfo=timezone.utc)
    cats = ["sub_t_light", "sub_t_noise", "sub_t_gas"]
    units = ["hdu_o_office", "hdu_t_property"]
    for i in range(1000):
        received = start + timedelta(minutes=37 * i)
        took = (i % 97) * 600 + 60
        open_ = i % 7 == 0
        rated = not open_ and i % 3 == 0
        row = {"id": f"req_f_{i:04d}", "number": str(i + 1), "subcategory_id": cats[i % 3], "handler_id": units[i % 2],
               **path_row(street, other), "place_text": "丙小区门口", "description": "统计用诉求",
               "requester_id": None, "caller_name": "统计", "show_name": "0", "channel": "phone",
               "status": "in_progress" if open_ else "closed", "received_at": iso(received),
               "deadline": iso(received + timedelta(seconds=30000)),
               "updated_at": iso(received + timedelta(seconds=took)),
               "resolved_at": None if open_ else iso(received + timedelta(seconds=took))}
        if rated:
            row.update({"outcome": "fixed", "stars": str(i % 5 + 1), "rated_at": iso(received + timedelta(seconds=took + 60))})
        sql.add("requests", row)
    return sql.text(), "\n".join(tsv) + "\n"


# --------------------------------------------------------------------------------------------------------
# A production district's first account
# --------------------------------------------------------------------------------------------------------


def admin_sql(phone: str, name: str, street_name: str, community_name: str, password: str) -> str:
    """SQL for a new district's first street administrator: fresh ULID ids and salt, plain INSERTs."""
    now = datetime.now(timezone.utc)
    stamp = iso(now)
    now_ms = int(now.timestamp() * 1000)
    street, community, member = (f"{prefix}_{ulid(now_ms, secrets.token_bytes(10))}" for prefix in ("str", "com", "mbr"))
    password_hash = hash_password(password, secrets.token_bytes(SALT_LEN))
    lines = [
        f"-- First account of a new district, made by scripts/seed.py admin at {stamp}.",
        f"-- Street admin {name}, phone {phone}, of {street_name} ({community_name}).",
        # The member first: a phone number already registered fails here, before anything else is created.
        insert(
            "members",
            {"id": member, "name": name, "phone": phone, "password_hash": password_hash, "household_id": None, "status": "active", "created_at": stamp},
            verb="INSERT",
        ),
        insert("streets", {"id": street, "name": street_name, "code": None, "created_at": stamp}, verb="INSERT"),
        insert(
            "communities",
            {"id": community, "street_id": street, "name": community_name, "code": None, "created_at": stamp},
            verb="INSERT",
        ),
        insert(
            "role_grants",
            {"member_id": member, "role": "street_admin", "scope_kind": "street", "scope_id": street, **path_row(street), "created_at": stamp},
            verb="INSERT",
        ),
    ]
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------------------------------------


def outputs() -> dict[Path, str]:
    """Every generated file (path relative to the repository) and its text."""
    fixture_sql, codes = fixture()
    return {
        DEMO_SQL.relative_to(ROOT): demo_sql(),
        FIXTURE_SQL.relative_to(ROOT): fixture_sql,
        FIXTURE_CODES.relative_to(ROOT): codes,
    }


def write_all(root: Path = ROOT) -> list[Path]:
    """Writes the generated files under `root` (the repository, or a scratch directory for the self-check)."""
    written = []
    for rel, text in outputs().items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))  # bytes: no newline translation on any platform
        written.append(path)
    return written


def normalize_phone(raw: str) -> str | None:
    """core/src/auth.rs normalize_phone: spaces and dashes dropped, +86/0086/86 removed, 1[3-9] + 9 digits."""
    digits = "".join(c for c in raw if c not in " -\u3000")
    for prefix in ("+86", "0086"):
        digits = digits.removeprefix(prefix)
    if len(digits) == 13 and digits.startswith("86"):
        digits = digits[2:]
    ok = len(digits) == 11 and digits.isascii() and digits.isdigit() and digits[0] == "1" and digits[1] in "3456789"
    return digits if ok else None


def check_name(raw: str) -> str | None:
    name = raw.strip()
    return name if name and len(name) <= NAME_MAX and all(c.isprintable() for c in name) else None


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command")
    admin = sub.add_parser("admin", help="print SQL for a new district's first street administrator")
    admin.add_argument("--phone", required=True)
    admin.add_argument("--name", required=True)
    admin.add_argument("--street-name", required=True)
    admin.add_argument("--community-name", required=True)
    admin.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    args = parser.parse_args(argv)

    if args.command is None:
        for path in write_all():
            print(f"wrote {path.relative_to(ROOT)}", file=sys.stderr)
        return 0
    phone = normalize_phone(args.phone)
    if phone is None:
        parser.error("--phone must be a mainland mobile number, 11 digits starting with 13-19")
    names = [check_name(v) for v in (args.name, args.street_name, args.community_name)]
    if None in names:
        parser.error(f"--name, --street-name and --community-name must be 1 to {NAME_MAX} printable characters")
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = getpass.getpass("Password (at least 8 characters): ")
        if getpass.getpass("Again: ") != password:
            parser.error("the passwords differ")
    if not STAFF_PASSWORD_MIN <= len(password) <= PASSWORD_MAX:
        parser.error(f"the password must have {STAFF_PASSWORD_MIN} to {PASSWORD_MAX} characters")
    sys.stdout.write(admin_sql(phone, *names, password))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
