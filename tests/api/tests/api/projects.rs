//! Budget rounds against the worker: staff open a round for their community with its budget, cap,
//! categories and phases, and move a phase's end; residents post needs and support them while the round
//! collects them; anyone reads the public account, which names no one. Wrong roles, another community's
//! residents, the wrong phase and bad figures are refused with the field to fix.

use chrono::{Duration, SecondsFormat, Utc};
use serde_json::{Value, json};
use yishi_api_tests::accounts::*;
use yishi_api_tests::{Api, Resp, marker};

fn at(hours: i64) -> String {
    (Utc::now() + Duration::hours(hours)).to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// Every phase, the first ending `needs_end` hours from now and each later one a week after the last.
fn phases(needs_end: i64) -> Value {
    let names = [
        "needs",
        "shortlist",
        "plans",
        "vote",
        "implementation",
        "evaluation",
        "feedback",
        "self_management",
    ];
    Value::Array(
        names
            .iter()
            .enumerate()
            .map(|(i, phase)| json!({ "phase": phase, "ends_at": at(needs_end + 168 * i as i64) }))
            .collect(),
    )
}

fn round(title: &str, needs_end: i64) -> Value {
    json!({
        "community": "com_t",
        "title": title,
        "budget_fen": 10_000_000,
        "cap_fen": 2_000_000,
        "allocation": "equal_shares",
        "categories": ["为老服务", "文化活动", "环境美化", "自我管理", "青少年"],
        "starts_at": at(-2),
        "phases": phases(needs_end),
    })
}

fn open(staff: &mut Api, body: &Value) -> String {
    let r = staff.post("/api/v1/rounds", body);
    r.expect(201, None);
    r.body["round"]["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

fn need(title: &str) -> Value {
    json!({
        "title": title,
        "description": "楼道没有扶手，老人上下楼不方便。",
        "category": "为老服务",
        "place": "3号楼",
    })
}

fn needs(r: &Resp) -> Vec<Value> {
    r.body["round"]["needs"]
        .as_array()
        .cloned()
        .unwrap_or_default()
}

#[test]
fn staff_open_a_round_and_residents_post_and_support_needs() {
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    let title = marker("微实事");
    let r = staff.post("/api/v1/rounds", &round(&title, 24 * 30));
    r.expect(201, None);
    let round = &r.body["round"];
    assert_eq!(
        round["standing"],
        json!({ "state": "in", "phase": "needs" }),
        "{round}"
    );
    assert_eq!(round["budget_fen"], 10_000_000);
    assert_eq!(round["may_manage"], true);
    // A phase starts where the one before it ends.
    let spans = round["phases"].as_array().cloned().unwrap_or_default();
    assert_eq!(spans.len(), 8);
    for w in spans.windows(2) {
        assert_eq!(w[0]["ends_at"], w[1]["starts_at"], "{round}");
    }
    let id = round["id"].as_str().unwrap_or_default().to_owned();

    let mut r3 = Api::signed_in(RESIDENT3, RESIDENT_PASSCODE);
    let listed = r3.get("/api/v1/rounds");
    listed.expect(200, None);
    assert!(
        listed.body["rounds"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|x| x["id"] == id.as_str() && x["title"] == title.as_str())
    );
    let seen = r3.get(&format!("/api/v1/rounds/{id}"));
    seen.expect(200, None);
    assert_eq!(seen.body["round"]["may_post_need"], true);
    assert_eq!(seen.body["round"]["may_manage"], false);
    let posted = r3.post(&format!("/api/v1/rounds/{id}/needs"), &need("楼道装扶手"));
    posted.expect(201, None);
    let mine = &needs(&posted)[0];
    assert_eq!(
        (mine["supports"].as_u64(), mine["mine"].as_bool()),
        (Some(1), Some(true))
    );
    assert_eq!(mine["supported"], true);
    assert_eq!(mine["place"], "3号楼");
    let need_id = mine["id"].as_str().unwrap_or_default().to_owned();

    // A neighbour supports it; a retry on a weak network counts once.
    let mut r5 = Api::signed_in(RESIDENT5, RESIDENT_PASSCODE);
    let support = format!("/api/v1/rounds/{id}/needs/{need_id}/supports");
    for _ in 0..2 {
        let r = r5.post(&support, &json!({}));
        r.expect(200, None);
        let n = &needs(&r)[0];
        assert_eq!(
            (n["supports"].as_u64(), n["mine"].as_bool()),
            (Some(2), Some(false))
        );
        assert_eq!(n["supported"], true);
    }

    // The public account, signed out: the budget, the phases and the needs, nobody's marks or names.
    let mut anyone = Api::new();
    let public = anyone.get(&format!("/api/v1/rounds/{id}/public"));
    public.expect(200, None);
    let n = &needs(&public)[0];
    assert_eq!(
        (n["supports"].as_u64(), n["mine"].as_bool()),
        (Some(2), Some(false))
    );
    assert_eq!(public.body["round"]["may_post_need"], false);
    let text = public.body.to_string();
    assert!(
        !text.contains("mbr_") && !text.contains("1390000"),
        "{text}"
    );
    // Signed out, the round itself (not its public account) needs a session.
    anyone
        .get(&format!("/api/v1/rounds/{id}"))
        .expect(401, Some("unauthenticated"));
}

#[test]
fn rounds_with_bad_figures_or_dates_are_refused_at_their_field() {
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    let refused = |staff: &mut Api, change: &dyn Fn(&mut Value), code: &str, field: &str| {
        let mut body = round(&marker("微实事"), 24);
        change(&mut body);
        let r = staff.post("/api/v1/rounds", &body);
        r.expect(422, Some(code));
        assert_eq!(r.body["error"]["field"], field, "{}", r.body);
        assert!(
            r.body["error"]["message"]
                .as_str()
                .is_some_and(|m| !m.is_empty())
        );
    };
    refused(
        &mut staff,
        &|b| b["budget_fen"] = json!(0),
        "invalid",
        "budget",
    );
    refused(
        &mut staff,
        &|b| b["budget_fen"] = json!(10_000_000_001_u64),
        "invalid",
        "budget",
    );
    refused(
        &mut staff,
        &|b| b["cap_fen"] = json!(10_000_001),
        "invalid",
        "cap",
    );
    refused(
        &mut staff,
        &|b| b["categories"] = json!([]),
        "out_of_range",
        "categories",
    );
    refused(
        &mut staff,
        &|b| b["categories"] = json!(["为老服务", "为老服务"]),
        "invalid",
        "categories",
    );
    // Without a vote, or with phases out of order, nothing could be funded.
    refused(
        &mut staff,
        &|b| {
            if let Some(p) = b["phases"].as_array_mut() {
                p.remove(3);
            }
        },
        "invalid",
        "dates",
    );
    refused(
        &mut staff,
        &|b| {
            if let Some(p) = b["phases"].as_array_mut() {
                p.swap(0, 1);
            }
        },
        "invalid",
        "dates",
    );
    refused(
        &mut staff,
        &|b| b["title"] = json!(" "),
        "required",
        "title",
    );
    refused(
        &mut staff,
        &|b| b["community"] = json!("com_nope"),
        "invalid",
        "scope",
    );
    // Negative money is not money.
    let mut body = round(&marker("微实事"), 24);
    body["cap_fen"] = json!(-1);
    staff
        .post("/api/v1/rounds", &body)
        .expect(400, Some("invalid_json"));
    // Residents, and staff of another community, open no round here.
    let mut r3 = Api::signed_in(RESIDENT3, RESIDENT_PASSCODE);
    r3.post("/api/v1/rounds", &round(&marker("微实事"), 24))
        .expect(403, Some("forbidden"));
    let mut other = Api::signed_in(OTHER_STAFF, STAFF_PASSWORD);
    other
        .post("/api/v1/rounds", &round(&marker("微实事"), 24))
        .expect(403, Some("forbidden"));
}

#[test]
fn needs_come_in_their_phase_from_the_communitys_residents() {
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    let id = open(&mut staff, &round(&marker("微实事"), 24 * 7));
    let mut r3 = Api::signed_in(RESIDENT3, RESIDENT_PASSCODE);
    let path = format!("/api/v1/rounds/{id}/needs");
    let refused = |r3: &mut Api, change: &dyn Fn(&mut Value), code: &str, field: &str| {
        let mut body = need("楼道装扶手");
        change(&mut body);
        let r = r3.post(&path, &body);
        r.expect(422, Some(code));
        assert_eq!(r.body["error"]["field"], field, "{}", r.body);
    };
    refused(
        &mut r3,
        &|b| b["category"] = json!("停车"),
        "invalid",
        "category",
    );
    refused(&mut r3, &|b| b["title"] = json!(""), "required", "title");
    refused(
        &mut r3,
        &|b| b["description"] = json!("长".repeat(1_001)),
        "too_long",
        "description",
    );
    // A resident of another community sees no such round; a building head may not post for residents.
    let mut outsider = Api::signed_in(RESIDENT_OTHER, RESIDENT_PASSCODE);
    outsider
        .post(&path, &need("楼道装扶手"))
        .expect(404, Some("not_found"));
    outsider
        .get(&format!("/api/v1/rounds/{id}"))
        .expect(404, Some("not_found"));
    // Supports go to needs of this round only.
    r3.post(
        &format!("/api/v1/rounds/{id}/needs/ned_nope/supports"),
        &json!({}),
    )
    .expect(404, Some("not_found"));
    let other_round = open(&mut staff, &round(&marker("微实事"), 24 * 7));
    let posted = r3.post(
        &format!("/api/v1/rounds/{other_round}/needs"),
        &need("添座椅"),
    );
    posted.expect(201, None);
    let other_need = needs(&posted)[0]["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    r3.post(
        &format!("/api/v1/rounds/{id}/needs/{other_need}/supports"),
        &json!({}),
    )
    .expect(404, Some("not_found"));

    // Once the needs phase has ended, no more needs or supports.
    let mut late = round(&marker("微实事"), 24);
    late["starts_at"] = json!(at(-48));
    late["phases"] = phases(-1);
    let closed = open(&mut staff, &late);
    let r = r3.get(&format!("/api/v1/rounds/{closed}"));
    assert_eq!(
        r.body["round"]["standing"],
        json!({ "state": "in", "phase": "shortlist" })
    );
    assert_eq!(r.body["round"]["may_post_need"], false);
    r3.post(
        &format!("/api/v1/rounds/{closed}/needs"),
        &need("楼道装扶手"),
    )
    .expect(409, Some("phase_closed"));
}

#[test]
fn staff_move_a_phases_end_and_the_next_start_follows() {
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    let id = open(&mut staff, &round(&marker("微实事"), 24 * 7));
    let path = format!("/api/v1/rounds/{id}/schedule");
    let later = at(24 * 10);
    let r = staff.put(&path, &json!({ "phase": "needs", "ends_at": later }));
    r.expect(200, None);
    let spans = r.body["round"]["phases"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let same = |a: &Value, b: &str| {
        chrono::DateTime::parse_from_rfc3339(a.as_str().unwrap_or_default()).ok()
            == chrono::DateTime::parse_from_rfc3339(b).ok()
    };
    assert!(same(&spans[0]["ends_at"], &later), "{spans:?}");
    assert!(same(&spans[1]["starts_at"], &later), "{spans:?}");
    // Not into the past, not past the next phase's end, not a phase the round skips.
    staff
        .put(&path, &json!({ "phase": "needs", "ends_at": at(-1) }))
        .expect(422, Some("invalid"));
    staff
        .put(&path, &json!({ "phase": "needs", "ends_at": at(24 * 30) }))
        .expect(422, Some("invalid"));
    staff
        .put(&path, &json!({ "phase": "voting", "ends_at": at(24 * 30) }))
        .expect(400, Some("invalid_json"));
    // A phase that has ended stays where it ended.
    let mut late = round(&marker("微实事"), 24);
    late["starts_at"] = json!(at(-48));
    late["phases"] = phases(-1);
    let closed = open(&mut staff, &late);
    staff
        .put(
            &format!("/api/v1/rounds/{closed}/schedule"),
            &json!({ "phase": "needs", "ends_at": at(24) }),
        )
        .expect(409, Some("phase_closed"));
    // Residents do not move dates.
    let mut r3 = Api::signed_in(RESIDENT3, RESIDENT_PASSCODE);
    r3.put(&path, &json!({ "phase": "needs", "ends_at": at(24 * 9) }))
        .expect(403, Some("forbidden"));
    // The move is in the audit log.
    let log = staff.get("/api/v1/audit");
    log.expect(200, None);
    assert!(
        log.body.to_string().contains("round.schedule"),
        "{}",
        log.body
    );
}
