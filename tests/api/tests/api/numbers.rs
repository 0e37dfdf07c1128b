//! Short numbers of notices, votes, meetings, covenants and matters (公告 #37, 投票 #5, 会议 #3, 公约 #2,
//! 议题 #12): given in order within the community (or the street, for the street's own records), carried
//! in lists and on each record, and found by the lists' search as people type them; a number that names
//! nothing finds nothing, and another kind's letter or word is read as words. Other tests add records to
//! 测试社区 side by side, so numbers there are compared, not predicted; nothing else writes the street's
//! own notices and votes, whose numbers are exact.

use serde_json::{Value, json};
use yishi_api_tests::accounts::*;
use yishi_api_tests::{Api, Resp, encode, later_yes_no_settings, marker};

fn number(record: &Value) -> u64 {
    record["number"].as_u64().unwrap_or_default()
}

fn id(record: &Value) -> String {
    record["id"].as_str().unwrap_or_default().to_owned()
}

/// The `(id, number)` of each record of the list `key` of an answer.
fn listed(r: &Resp, key: &str) -> Vec<(String, u64)> {
    r.body[key]
        .as_array()
        .into_iter()
        .flatten()
        .map(|v| (id(v), number(v)))
        .collect()
}

/// What `path?q=typed` lists under `key`, for each way of typing: every record found has the number, and
/// `wanted` is among them; then a number that names nothing, and the same number with another kind's
/// letter and word, do not find it.
#[track_caller]
fn found_by_number(
    api: &mut Api,
    path: &str,
    key: &str,
    (wanted, n): (&str, u64),
    (letter, word): (&str, &str),
    (other_letter, other_word): (&str, &str),
) {
    for typed in [
        format!("{n}"),
        format!("#{n}"),
        format!("{letter}-{n}"),
        format!("{}{n}", letter.to_lowercase()),
        format!("{word}{n}"),
        format!("{word} #{n}"),
        format!("{n}号"),
    ] {
        let found = api.get(&format!("{path}?q={}", encode(&typed)));
        found.expect(200, None);
        let found = listed(&found, key);
        assert!(
            found.iter().any(|(i, _)| i == wanted),
            "{path}?q={typed} finds {wanted}: {found:?}"
        );
        assert!(
            found.iter().all(|(_, m)| *m == n),
            "{path}?q={typed} finds only #{n}: {found:?}"
        );
    }
    for typed in ["999999999".to_owned(), "#999999".to_owned()] {
        let none = api.get(&format!("{path}?q={}", encode(&typed)));
        none.expect(200, None);
        assert_eq!(listed(&none, key), vec![], "{path}?q={typed}");
    }
    for typed in [format!("{other_letter}-{n}"), format!("{other_word}{n}")] {
        let other = api.get(&format!("{path}?q={}", encode(&typed)));
        other.expect(200, None);
        assert!(
            listed(&other, key).iter().all(|(i, _)| i != wanted),
            "{path}?q={typed} is another kind's number"
        );
    }
}

/// The record `wanted` in the list at `path` under `key`, if listed.
fn in_list(api: &mut Api, path: &str, key: &str, wanted: &str) -> Option<Value> {
    let r = api.get(path);
    r.expect(200, None);
    r.body[key]
        .as_array()
        .into_iter()
        .flatten()
        .find(|v| v["id"] == wanted)
        .cloned()
}

fn notice(api: &mut Api, title: &str, kind: &str, place: &str) -> Value {
    let r = api.post(
        "/api/v1/notices",
        &json!({ "title": title, "body": "正文", "scope": { "kind": kind, "id": place } }),
    );
    r.expect(201, None);
    r.body["notice"].clone()
}

#[test]
fn notices_are_numbered_in_order_per_community_and_found_by_number() {
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    let title = marker("编号公告");
    let first = notice(&mut staff, &title, "community", "com_t");
    let second = notice(&mut staff, &marker("编号公告"), "compound", "cpd_a");
    let (a, b) = (number(&first), number(&second));
    assert!(
        a >= 3,
        "after the fixture's two notices of the community: {a}"
    );
    assert!(
        b > a,
        "a compound's notice counts with its community's: {a}, {b}"
    );

    // The street's own notices count on their own, from one.
    let mut admin = Api::signed_in(ADMIN, STAFF_PASSWORD);
    let street: Vec<u64> = (0..2)
        .map(|_| number(&notice(&mut admin, &marker("街道公告"), "street", "str_t")))
        .collect();
    assert_eq!(street, vec![1, 2]);

    // The number is on the notice and on the board.
    let wanted = id(&first);
    let mut resident = Api::signed_in(RESIDENT3, RESIDENT_PASSCODE);
    let got = resident.get(&format!("/api/v1/notices/{wanted}"));
    got.expect(200, None);
    assert_eq!(number(&got.body["notice"]), a);
    let on_board = in_list(
        &mut resident,
        "/api/v1/notices?limit=100",
        "notices",
        &wanted,
    );
    assert_eq!(on_board.as_ref().map(number), Some(a));

    found_by_number(
        &mut resident,
        "/api/v1/notices",
        "notices",
        (&wanted, a),
        ("N", "公告"),
        ("V", "投票"),
    );
    for word in ["通知", "公示"] {
        let found = resident.get(&format!(
            "/api/v1/notices?q={}",
            encode(&format!("{word}{a}"))
        ));
        assert_eq!(
            listed(&found, "notices"),
            vec![(wanted.clone(), a)],
            "{word}"
        );
    }
    // Words still find it.
    let by_words = resident.get(&format!("/api/v1/notices?q={}", encode(&title)));
    assert_eq!(listed(&by_words, "notices"), vec![(wanted, a)]);
}

fn vote(api: &mut Api, title: &str, kind: &str, place: &str) -> Value {
    let settings = later_yes_no_settings(title);
    let r = api.post(
        "/api/v1/votes",
        &json!({ "scope": { "kind": kind, "id": place }, "settings": settings }),
    );
    r.expect(201, None);
    r.body["vote"].clone()
}

#[test]
fn votes_are_numbered_in_order_per_community_and_found_by_number() {
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    let title = marker("编号投票");
    let first = vote(&mut staff, &title, "building", "bld_t05");
    let second = vote(&mut staff, &marker("编号投票"), "community", "com_t");
    let (v, w) = (number(&first), number(&second));
    assert!(v >= 1 && w > v, "{v}, {w}");
    let mut admin = Api::signed_in(ADMIN, STAFF_PASSWORD);
    assert_eq!(
        number(&vote(&mut admin, &marker("街道投票"), "street", "str_t")),
        1
    );

    let wanted = id(&first);
    let mut resident = Api::signed_in(RESIDENT5, RESIDENT_PASSCODE);
    let got = resident.get(&format!("/api/v1/votes/{wanted}"));
    got.expect(200, None);
    assert_eq!(number(&got.body["vote"]), v);
    let listed_vote = in_list(&mut resident, "/api/v1/votes", "votes", &wanted);
    assert_eq!(listed_vote.as_ref().map(number), Some(v));

    found_by_number(
        &mut resident,
        "/api/v1/votes",
        "votes",
        (&wanted, v),
        ("V", "表决"),
        ("N", "公告"),
    );
    let by_words = resident.get(&format!("/api/v1/votes?q={}", encode(&title)));
    assert_eq!(listed(&by_words, "votes"), vec![(wanted, v)]);
}

fn meeting(api: &mut Api, title: &str, place: &str) -> Value {
    let r = api.post(
        "/api/v1/meetings",
        &json!({
            "scope": { "kind": "building", "id": place },
            "settings": {
                "title": title,
                "place": "社区党群服务中心",
                "starts_at": (chrono::Utc::now() + chrono::Duration::days(3)).to_rfc3339(),
                "electorate": { "kind": "residents" },
                "procedure": { "quorum": { "kind": "none" }, "threshold": "simple_majority", "count_abstentions": false },
                "agenda": ["楼道堆物清理"],
            },
        }),
    );
    r.expect(201, None);
    r.body["meeting"].clone()
}

#[test]
fn meetings_are_numbered_in_order_per_community_and_found_by_number() {
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    let title = marker("编号会议");
    let first = meeting(&mut staff, &title, "bld_t05");
    let second = meeting(&mut staff, &marker("编号会议"), "bld_t04");
    let (m, n) = (number(&first), number(&second));
    assert!(m >= 1 && n > m, "{m}, {n}");

    let wanted = id(&first);
    let mut resident = Api::signed_in(RESIDENT5, RESIDENT_PASSCODE);
    let got = resident.get(&format!("/api/v1/meetings/{wanted}"));
    got.expect(200, None);
    assert_eq!(number(&got.body["meeting"]), m);
    let listed_meeting = in_list(&mut resident, "/api/v1/meetings", "meetings", &wanted);
    assert_eq!(listed_meeting.as_ref().map(number), Some(m));

    found_by_number(
        &mut resident,
        "/api/v1/meetings",
        "meetings",
        (&wanted, m),
        ("H", "会议"),
        ("M", "议题"),
    );
    let council = resident.get(&format!(
        "/api/v1/meetings?q={}",
        encode(&format!("居民议事会 #{m}"))
    ));
    assert!(listed(&council, "meetings").contains(&(wanted.clone(), m)));
    let by_words = resident.get(&format!("/api/v1/meetings?q={}", encode(&title)));
    assert_eq!(listed(&by_words, "meetings"), vec![(wanted, m)]);
}

#[test]
fn covenants_are_numbered_in_order_per_community_and_found_by_number() {
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    let title = marker("编号公约");
    let create = |api: &mut Api, title: &str| {
        let r = api.post(
            "/api/v1/covenants",
            &json!({ "title": title, "scope": { "kind": "building", "id": "bld_t05" }, "clauses": ["楼道内不堆放杂物"] }),
        );
        r.expect(201, None);
        r.body["covenant"].clone()
    };
    let first = create(&mut staff, &title);
    let second = create(&mut staff, &marker("编号公约"));
    let (c, d) = (number(&first), number(&second));
    assert!(c >= 1 && d > c, "{c}, {d}");
    assert_eq!(
        first["versions"][0]["number"], 1,
        "its versions count on their own"
    );

    let wanted = id(&first);
    let mut resident = Api::signed_in(RESIDENT5, RESIDENT_PASSCODE);
    let got = resident.get(&format!("/api/v1/covenants/{wanted}"));
    got.expect(200, None);
    assert_eq!(number(&got.body["covenant"]), c);
    let listed_covenant = in_list(&mut resident, "/api/v1/covenants", "covenants", &wanted);
    assert_eq!(listed_covenant.as_ref().map(number), Some(c));

    found_by_number(
        &mut resident,
        "/api/v1/covenants",
        "covenants",
        (&wanted, c),
        ("C", "公约"),
        ("R", "诉求"),
    );
    let one_matter = resident.get(&format!(
        "/api/v1/covenants?q={}",
        encode(&format!("一事一约{c}"))
    ));
    assert!(listed(&one_matter, "covenants").contains(&(wanted.clone(), c)));
    let by_words = resident.get(&format!("/api/v1/covenants?q={}", encode(&title)));
    assert_eq!(listed(&by_words, "covenants"), vec![(wanted, c)]);
}

#[test]
fn the_matters_list_finds_a_matter_by_number_or_title() {
    let mut resident = Api::signed_in(RESIDENT5, RESIDENT_PASSCODE);
    let title = marker("编号议题");
    let proposed = resident.post(
        "/api/v1/matters",
        &json!({
            "title": title,
            "description": "楼门口的台阶坏了，老人上下不方便。",
            "category": "environment",
            "scope": { "kind": "building", "id": "bld_t05" },
        }),
    );
    proposed.expect(201, None);
    let matter = &proposed.body["matter"];
    let (wanted, n) = (id(matter), number(matter));
    assert!(n >= 1);
    let listed_matter = in_list(
        &mut resident,
        "/api/v1/matters?limit=100",
        "matters",
        &wanted,
    );
    assert_eq!(listed_matter.as_ref().map(number), Some(n));

    found_by_number(
        &mut resident,
        "/api/v1/matters",
        "matters",
        (&wanted, n),
        ("M", "议题"),
        ("R", "诉求"),
    );
    let by_words = resident.get(&format!("/api/v1/matters?q={}", encode(&title)));
    assert_eq!(listed(&by_words, "matters"), vec![(wanted.clone(), n)]);
    // The search and the other filters narrow together.
    let other_step = resident.get(&format!(
        "/api/v1/matters?q={}&step=declined",
        encode(&title)
    ));
    assert_eq!(listed(&other_step, "matters"), vec![]);
    resident
        .get(&format!("/api/v1/matters?q={}", "x".repeat(101)))
        .expect(422, Some("too_long"));
}
