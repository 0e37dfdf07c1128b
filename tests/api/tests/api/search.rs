//! The search box of every list (`?q=`) in Chinese and other scripts: long queries (D1 refuses `LIKE`
//! patterns over 50 bytes, which 17 汉字 pass), words of one and two characters, every word required,
//! FTS5's syntax taken as text, the best match first in one page, the length cap, and an index that
//! follows the records' text as it changes.

use serde_json::{Value, json};
use yishi_api_tests::accounts::*;
use yishi_api_tests::{Api, Resp, encode, later_yes_no_settings, marker, names};

/// Digits written as Chinese numerals, so that a phrase stays all Chinese and still differs per test.
fn han(s: &str) -> String {
    s.chars()
        .filter_map(|c| c.to_digit(10))
        .map(|d| {
            "零一二三四五六七八九"
                .chars()
                .nth(d as usize)
                .unwrap_or('零')
        })
        .collect()
}

/// A phrase of Chinese characters only, `words` then a suffix that no other test writes.
fn phrase(words: &str) -> String {
    format!("{words}{}", han(&marker("")))
}

fn ids(r: &Resp, key: &str) -> Vec<String> {
    r.body[key]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|v| v["id"].as_str().map(str::to_owned))
        .collect()
}

/// The ids that `path` lists under `key` for the search `q` (answered 200).
#[track_caller]
fn found(api: &mut Api, path: &str, key: &str, q: &str) -> Vec<String> {
    let sep = if path.contains('?') { '&' } else { '?' };
    let r = api.get(&format!("{path}{sep}q={}", encode(q)));
    r.expect(200, None);
    ids(&r, key)
}

fn id(r: &Resp, key: &str) -> String {
    r.expect(201, None);
    r.body[key]["id"].as_str().unwrap_or_default().to_owned()
}

fn notice(staff: &mut Api, title: &str, body: &str) -> String {
    let r = staff.post(
        "/api/v1/notices",
        &json!({ "title": title, "body": body, "scope": { "kind": "building", "id": "bld_t03" } }),
    );
    id(&r, "notice")
}

fn vote(staff: &mut Api, title: &str) -> String {
    let settings = later_yes_no_settings(title);
    let r = staff.post(
        "/api/v1/votes",
        &json!({ "scope": { "kind": "building", "id": "bld_t05" }, "settings": settings }),
    );
    id(&r, "vote")
}

fn matter(resident: &mut Api, title: &str, description: &str) -> String {
    let r = resident.post(
        "/api/v1/matters",
        &json!({
            "title": title,
            "description": description,
            "category": "environment",
            "scope": { "kind": "building", "id": "bld_t05" },
        }),
    );
    id(&r, "matter")
}

fn meeting(staff: &mut Api, title: &str, place: &str, item: &str) -> String {
    let r = staff.post(
        "/api/v1/meetings",
        &json!({
            "scope": { "kind": "building", "id": "bld_t05" },
            "settings": {
                "title": title,
                "place": place,
                "starts_at": (chrono::Utc::now() + chrono::Duration::days(3)).to_rfc3339(),
                "electorate": { "kind": "residents" },
                "procedure": { "quorum": { "kind": "none" }, "threshold": "simple_majority", "count_abstentions": false },
                "agenda": [item],
            },
        }),
    );
    id(&r, "meeting")
}

fn covenant(staff: &mut Api, title: &str, clause: &str) -> String {
    let r = staff.post(
        "/api/v1/covenants",
        &json!({ "title": title, "scope": { "kind": "building", "id": "bld_t05" }, "clauses": [clause] }),
    );
    id(&r, "covenant")
}

fn request(resident: &mut Api, subcategory: &str, description: &str) -> String {
    let r = resident.post(
        "/api/v1/requests",
        &json!({
            "subcategory": subcategory,
            "description": description,
            "place": { "kind": "building", "id": "bld_t05" },
        }),
    );
    id(&r, "request")
}

/// A member without a phone, added by staff to a household of a building of her own (so that no other
/// test's electorate changes): her id.
fn member(staff: &mut Api, name: &str) -> String {
    let (_, _, households) = staff.new_building(&marker("搜索楼"), 1);
    let household = households.first().cloned().unwrap_or_default();
    let r = staff.post(
        &format!("/api/v1/households/{household}/members"),
        &json!({ "name": name }),
    );
    r.expect(201, None);
    r.body["member"]["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

/// The lists with a search box, and who reads each here: the resident of 3号楼 (`3`), of 5号楼 (`5`), or
/// staff.
const LISTS: [(char, &str, &str); 7] = [
    ('3', "/api/v1/notices", "notices"),
    ('5', "/api/v1/votes", "votes"),
    ('5', "/api/v1/matters", "matters"),
    ('5', "/api/v1/meetings", "meetings"),
    ('5', "/api/v1/covenants", "covenants"),
    ('5', "/api/v1/requests", "requests"),
    ('s', "/api/v1/members", "members"),
];

/// The signed-in readers of [`LISTS`].
struct Readers {
    r3: Api,
    r5: Api,
    staff: Api,
}

impl Readers {
    fn new() -> Readers {
        Readers {
            r3: Api::signed_in(RESIDENT3, RESIDENT_PASSCODE),
            r5: Api::signed_in(RESIDENT5, RESIDENT_PASSCODE),
            staff: Api::signed_in(STAFF, STAFF_PASSWORD),
        }
    }

    fn of(&mut self, who: char) -> &mut Api {
        match who {
            '3' => &mut self.r3,
            '5' => &mut self.r5,
            _ => &mut self.staff,
        }
    }
}

#[test]
fn a_long_query_in_chinese_or_latin_letters_finds_its_record_on_every_list() {
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    let mut r3 = Api::signed_in(RESIDENT3, RESIDENT_PASSCODE);
    let mut r5 = Api::signed_in(RESIDENT5, RESIDENT_PASSCODE);
    // Seventeen 汉字 and more: 51 bytes and more, past D1's limit on a LIKE pattern.
    let long = phrase("小区东门外人行道共享单车乱停乱放整治");
    assert!(long.chars().count() >= 17 && long.len() > 50);

    let n = notice(
        &mut staff,
        &marker("长词公告"),
        &format!("关于{long}的通知。"),
    );
    assert!(found(&mut r3, "/api/v1/notices", "notices", &long).contains(&n));

    let v = vote(&mut staff, &format!("{long}表决"));
    assert!(found(&mut r5, "/api/v1/votes", "votes", &long).contains(&v));

    let m = matter(&mut r5, &marker("长词议题"), &format!("希望{long}。"));
    assert!(
        found(&mut r5, "/api/v1/matters", "matters", &long).contains(&m),
        "a matter's description is searched"
    );

    let h = meeting(&mut staff, &marker("长词会议"), "社区党群服务中心", &long);
    assert!(
        found(&mut r5, "/api/v1/meetings", "meetings", &long).contains(&h),
        "a meeting's agenda is searched"
    );

    let c = covenant(
        &mut staff,
        &marker("长词公约"),
        &format!("{long}，人人遵守。"),
    );
    assert!(
        found(&mut r5, "/api/v1/covenants", "covenants", &long).contains(&c),
        "a covenant's clauses are searched"
    );

    let q = request(&mut r5, "sub_t_light", &format!("{long}，路灯也不亮。"));
    assert!(found(&mut r5, "/api/v1/requests", "requests", &long).contains(&q));
    assert!(found(&mut staff, "/api/v1/requests?view=all", "requests", &long).contains(&q));

    // Members: a long name in Chinese, and 49 Latin letters and more over several words.
    let name = phrase("阿卜杜热合曼买买提艾力吐尔逊");
    assert!(name.chars().count() >= 17 && name.chars().count() <= 30);
    let chinese = member(&mut staff, &name);
    assert_eq!(
        found(&mut staff, "/api/v1/members", "members", &name),
        vec![chinese]
    );
    let latin = member(&mut staff, "Maximilianus Bartholomaeus");
    let typed = "Maximilianus Bartholomaeus Maximilianus Bartholomaeus";
    assert!(typed.chars().filter(char::is_ascii_alphabetic).count() >= 49);
    assert!(found(&mut staff, "/api/v1/members", "members", typed).contains(&latin));
    assert!(
        found(&mut staff, "/api/v1/members", "members", "maximilianus").contains(&latin),
        "letters' case aside"
    );
    // One word of 49 letters is no one's name, and still an answer.
    let word = "Bartholomaeus".repeat(4);
    assert_eq!(
        found(&mut staff, "/api/v1/members", "members", &word),
        Vec::<String>::new()
    );

    // Every list answers every length up to the cap.
    let mut readers = Readers::new();
    for (who, path, key) in LISTS {
        for q in [
            "长".repeat(17),
            "长".repeat(100),
            "x".repeat(100),
            "😀".repeat(100),
        ] {
            found(readers.of(who), path, key, &q);
        }
    }
}

#[test]
fn words_of_one_or_two_characters_are_found() {
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    let mut r3 = Api::signed_in(RESIDENT3, RESIDENT_PASSCODE);
    let mut r5 = Api::signed_in(RESIDENT5, RESIDENT_PASSCODE);
    let tag = phrase("鹅掌楸");
    let n = notice(
        &mut staff,
        &marker("短词公告"),
        &format!("院里的{tag}树要修剪了。"),
    );
    for q in ["鹅", "鹅掌", "树要", "剪 鹅", "修剪 鹅掌"] {
        assert!(
            found(&mut r3, "/api/v1/notices", "notices", q).contains(&n),
            "{q}"
        );
    }
    assert!(
        !found(&mut r3, "/api/v1/notices", "notices", &format!("{tag} 鼍")).contains(&n),
        "a short word it lacks"
    );

    let q = request(&mut r5, "sub_t_light", &format!("{tag}旁边的灯"));
    for w in ["灯", "旁边", "路灯"] {
        assert!(
            found(&mut r5, "/api/v1/requests", "requests", w).contains(&q),
            "{w}: the request's text and its kind's name (路灯损坏)"
        );
    }

    let h = meeting(
        &mut staff,
        &marker("短词会议"),
        &format!("{tag}亭"),
        "楼道照明",
    );
    for w in ["亭", "照明"] {
        assert!(
            found(&mut r5, "/api/v1/meetings", "meetings", w).contains(&h),
            "{w}: the place and the agenda"
        );
    }

    let name = format!("欧阳{}", han(&marker("")));
    let member = member(&mut staff, &name);
    assert!(found(&mut staff, "/api/v1/members", "members", "欧阳").contains(&member));
    assert!(found(&mut staff, "/api/v1/members", "members", "欧").contains(&member));
    // Digits of a phone number, short and long.
    let r = staff.get("/api/v1/members?q=00000301");
    r.expect(200, None);
    assert_eq!(
        names(&r, "members"),
        ["三号楼居民"],
        "the resident of 13900000301"
    );
    assert!(!found(&mut staff, "/api/v1/members", "members", "03").is_empty());
}

#[test]
fn every_word_is_required_and_nothing_typed_is_read_as_search_syntax() {
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    let mut r3 = Api::signed_in(RESIDENT3, RESIDENT_PASSCODE);
    let first = phrase("甲乙丙丁");
    let second = phrase("戊己庚辛");
    let both = notice(&mut staff, &marker("两词"), &format!("{first}，{second}。"));
    let one = notice(&mut staff, &marker("一词"), &format!("{first}。"));
    let mut of = |q: &str| found(&mut r3, "/api/v1/notices", "notices", q);
    assert_eq!(of(&format!("{first} {second}")), vec![both.clone()]);
    assert_eq!(
        of(&format!("{second}　{first}")),
        vec![both.clone()],
        "an ideographic space"
    );
    let mut either = of(&first);
    either.sort();
    let mut wanted = vec![both.clone(), one.clone()];
    wanted.sort();
    assert_eq!(either, wanted);
    // FTS5 would read these as OR, NOT and a prefix: here they are words like any other.
    assert_eq!(of(&format!("{first} OR {second}")), Vec::<String>::new());
    assert_eq!(of(&format!("{first} NOT {second}")), Vec::<String>::new());
    assert_eq!(
        of(&format!("{}*", &first[..first.len() - 3])),
        Vec::<String>::new()
    );

    // A notice whose text holds FTS5's syntax, found by it as text.
    let tag = phrase("符号");
    let text = format!(
        "{tag} 他说\"停车\"不行 NEAR(东门 西门) 减号-号 冒号:号 尖角^号 星号*号 百分%号 下划_线 反斜\\线"
    );
    let marked = notice(&mut staff, &marker("符号公告"), &text);
    for q in [
        "\"停车\"",
        "说\"停",
        "\"",
        "NEAR(东门",
        "西门)",
        "-号",
        "减号-号",
        "冒号:号",
        ":号",
        "^号",
        "尖角^号",
        "星号*",
        "*号",
        "百分%号",
        "%号",
        "下划_线",
        "反斜\\线",
        "\\线",
    ] {
        assert!(
            of(&format!("{tag} {q}")).contains(&marked),
            "{q} is found as written"
        );
    }
    for q in [
        "停车*",
        "\"东门\"",
        "NEAR(东门 停车)",
        "title:符号",
        "^他说",
        "-减号",
        "百_号",
        "%%",
        "\\\\",
    ] {
        assert!(
            !of(&format!("{tag} {q}")).contains(&marked),
            "{q} is no syntax"
        );
    }
    // Whatever is typed, every list answers (a control character is refused at the door: see text.rs).
    let mut readers = Readers::new();
    for q in [
        "\"",
        "\"\"",
        "\"\"\"\"",
        "*",
        "NEAR(",
        "NEAR(a b, 2)",
        "-",
        ":",
        "^",
        "(",
        ")",
        "a:b",
        "{a b}:c",
        "NOT",
        "AND",
        "OR x",
        "'",
        "\\",
        "%_",
        "\u{3000}x\u{3000}",
        "🀄🀄🀄",
    ] {
        for (who, path, key) in LISTS {
            found(readers.of(who), path, key, q);
        }
    }
}

#[test]
fn the_best_match_comes_first_in_one_page() {
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    let mut r3 = Api::signed_in(RESIDENT3, RESIDENT_PASSCODE);
    let mut r5 = Api::signed_in(RESIDENT5, RESIDENT_PASSCODE);
    let word = phrase("电动车充电");
    // The better match is the older: newest first would put it last.
    let better = notice(
        &mut staff,
        &format!("{word}安排"),
        &format!("{word}：东门充电棚。"),
    );
    let better_notice = better.clone();
    let weaker = notice(
        &mut staff,
        &marker("通知"),
        &format!("今年冬天天气冷，请大家注意保暖，出门看好孩子。另外，{word}的事下次再说。"),
    );
    let listed = found(&mut r3, "/api/v1/notices", "notices", &word);
    assert_eq!(listed, vec![better.clone(), weaker.clone()]);
    // The list of the board is still newest first.
    let board = ids(&r3.get("/api/v1/notices?limit=100"), "notices");
    let (b, w) = (
        board.iter().position(|i| *i == better),
        board.iter().position(|i| *i == weaker),
    );
    assert!(
        w.is_some() && b.is_some() && w < b,
        "the board: newest first"
    );

    let better = matter(&mut r5, &format!("{word}桩"), "楼下没有地方充电。");
    let weaker = matter(
        &mut r5,
        &marker("楼道"),
        &format!("有人在楼道里{word}，很危险。"),
    );
    assert_eq!(
        found(&mut r5, "/api/v1/matters", "matters", &word),
        vec![better, weaker],
        "a title's words weigh more than a description's"
    );

    // One page: the best `limit`, and nothing after it.
    notice(&mut staff, &marker("又一则"), &format!("{word}。"));
    let r = r3.get(&format!("/api/v1/notices?limit=2&q={}", encode(&word)));
    r.expect(200, None);
    let page = ids(&r, "notices");
    assert_eq!(page.len(), 2);
    assert_eq!(page.first(), Some(&better_notice));
    assert_eq!(r.body["next_cursor"], Value::Null);
    let page = r3.get("/api/v1/notices?limit=1");
    let cursor = page.body["next_cursor"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert!(!cursor.is_empty());
    let after = r3.get(&format!(
        "/api/v1/notices?limit=2&q={}&cursor={}",
        encode(&word),
        encode(&cursor)
    ));
    after.expect(200, None);
    assert_eq!(ids(&after, "notices"), Vec::<String>::new());
}

#[test]
fn a_search_is_at_most_a_hundred_characters() {
    let mut readers = Readers::new();
    for (who, path, _) in LISTS {
        let api = readers.of(who);
        // Trimmed first: spaces around a hundred characters are no more.
        let fits = format!("  {}  ", "长".repeat(100));
        api.get(&format!("{path}?q={}", encode(&fits)))
            .expect(200, None);
        let r = api.get(&format!("{path}?q={}", encode(&"长".repeat(101))));
        r.expect(422, Some("too_long"));
        assert_eq!(r.body["error"]["field"], "q", "{path}");
        assert_eq!(
            r.body["error"]["message"], "搜索词太长了，最多 100 个字。",
            "{path}"
        );
    }
    let mut english = Api::signed_in(RESIDENT5, RESIDENT_PASSCODE);
    english.lang = "en";
    let r = english.get(&format!("/api/v1/notices?q={}", "x".repeat(101)));
    r.expect(422, Some("too_long"));
    assert_eq!(
        r.body["error"]["message"],
        "The search is too long: at most 100 characters."
    );
}

#[test]
fn the_index_follows_the_text_as_it_changes() {
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    let mut r5 = Api::signed_in(RESIDENT5, RESIDENT_PASSCODE);

    // A covenant's draft is edited: its old clause is no longer found, its new one is.
    let before = phrase("楼道不放杂物");
    let after = phrase("电梯不进电动车");
    let c = covenant(&mut staff, &marker("改稿公约"), &before);
    assert_eq!(
        found(&mut r5, "/api/v1/covenants", "covenants", &before),
        vec![c.clone()]
    );
    staff
        .put(
            &format!("/api/v1/covenants/{c}/draft"),
            &json!({ "clauses": [after, "晚十点后保持安静"] }),
        )
        .expect(200, None);
    assert_eq!(
        found(&mut r5, "/api/v1/covenants", "covenants", &before),
        Vec::<String>::new()
    );
    assert_eq!(
        found(&mut r5, "/api/v1/covenants", "covenants", &after),
        vec![c.clone()]
    );
    assert_eq!(
        found(
            &mut r5,
            "/api/v1/covenants",
            "covenants",
            &format!("{after} 十点")
        ),
        vec![c]
    );

    // A kind of problem is renamed: its requests are found by the new name, not the old.
    let suffix = han(&marker(""));
    let old_name = format!("树木倒伏{suffix}");
    let new_name = format!("{suffix}行道树倾斜");
    let sub = |name: &str| {
        json!({ "category": "rqc_t_facilities", "name": name, "unit": "hdu_t_property",
                "limit": { "unit": "working_days", "value": 3 } })
    };
    let mut admin = Api::signed_in(ADMIN, STAFF_PASSWORD);
    let made = admin.post("/api/v1/requests/subcategories", &sub(&old_name));
    made.expect(200, None);
    let sub_id = made.body["categories"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|c| c["subcategories"].as_array().cloned().unwrap_or_default())
        .find(|s| s["name"] == old_name.as_str())
        .and_then(|s| s["id"].as_str().map(str::to_owned))
        .unwrap_or_default();
    let q = request(&mut r5, &sub_id, "5号楼前的树倒了，挡住了路。");
    assert_eq!(
        found(&mut r5, "/api/v1/requests", "requests", &old_name),
        vec![q.clone()]
    );
    admin
        .put(
            &format!("/api/v1/requests/subcategories/{sub_id}"),
            &sub(&new_name),
        )
        .expect(200, None);
    assert_eq!(
        found(&mut r5, "/api/v1/requests", "requests", &new_name),
        vec![q.clone()]
    );
    assert_eq!(
        found(&mut r5, "/api/v1/requests", "requests", &old_name),
        Vec::<String>::new()
    );

    // A meeting's minutes are found once published, not while the secretary writes them.
    let (meeting, _) = staff.open_meeting("bld_t05", &marker("纪要会议"));
    let path = |rest: &str| format!("/api/v1/meetings/{meeting}{rest}");
    staff.post(&path("/close"), &json!({})).expect(200, None);
    let minutes = phrase("会上决定修补东门台阶");
    staff
        .put(
            &path("/minutes"),
            &json!({ "text": format!("纪要：{minutes}。") }),
        )
        .expect(200, None);
    assert_eq!(
        found(&mut r5, "/api/v1/meetings", "meetings", &minutes),
        Vec::<String>::new()
    );
    staff
        .post(&path("/minutes/publish"), &json!({}))
        .expect(201, None);
    assert_eq!(
        found(&mut r5, "/api/v1/meetings", "meetings", &minutes),
        vec![meeting]
    );
}
