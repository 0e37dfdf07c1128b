//! The inbox: who is told of what (notices to where she lives, votes she may cast, meetings of her
//! place, steps and comments on her matters, changes to her requests), once, never of her own act;
//! the bell's count, reading one and reading all; her choices of push and quiet hours.
//!
//! Each test works in buildings of its own, so that other tests' notifications do not reach its
//! residents.

use serde_json::{Value, json};
use yishi_api_tests::accounts::*;
use yishi_api_tests::{Api, marker, yes_no_settings};

fn unread(api: &mut Api) -> u64 {
    let r = api.get("/api/v1/notifications/unread");
    r.expect(200, None);
    r.body["unread"].as_u64().unwrap_or(u64::MAX)
}

fn inbox(api: &mut Api) -> Vec<Value> {
    let r = api.get("/api/v1/notifications");
    r.expect(200, None);
    r.body["notifications"]
        .as_array()
        .cloned()
        .unwrap_or_default()
}

/// Her notifications about `subject`, newest first.
fn about(api: &mut Api, subject: &str) -> Vec<Value> {
    inbox(api)
        .into_iter()
        .filter(|n| n["subject"]["id"] == subject)
        .collect()
}

fn notice(staff: &mut Api, building: &str, title: &str, extra: Value) -> String {
    let mut body = json!({ "title": title, "body": "周三上午九点到十二点停水。", "scope": { "kind": "building", "id": building } });
    if let (Some(b), Some(e)) = (body.as_object_mut(), extra.as_object()) {
        b.extend(e.clone());
    }
    let r = staff.post("/api/v1/notices", &body);
    r.expect(201, None);
    r.body["notice"]["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

#[test]
fn a_notice_to_her_building_rings_her_bell_once_and_no_one_elses() {
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    let (building, mut here, _, _) = staff.building_with_residents("通知楼", 3, 2);
    let (_, mut there, _, _) = staff.building_with_residents("隔壁楼", 2, 1);
    assert_eq!(
        unread(&mut here[0]),
        0,
        "a new resident's inbox starts empty"
    );

    let title = marker("停水通知");
    let id = notice(&mut staff, &building, &title, json!({}));
    for resident in &mut here {
        assert_eq!(unread(resident), 1);
        let told = about(resident, &id);
        assert_eq!(told.len(), 1, "told once");
        let n = &told[0];
        assert_eq!(n["kind"], "notice_published");
        assert_eq!(n["subject"], json!({ "type": "notice", "id": id }));
        assert_eq!(n["title"], title.as_str());
        assert_eq!(n["read"], false);
        assert!(n["id"].as_str().is_some_and(|i| i.starts_with("ntf_")));
    }
    assert_eq!(unread(&mut there[0]), 0, "another building is not told");
    assert!(
        about(&mut staff, &id).is_empty(),
        "she who published it is not told of it"
    );

    // Reading it: the count falls, the inbox says read, and reading again changes nothing.
    let nid = about(&mut here[0], &id)[0]["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let read = here[0].post(&format!("/api/v1/notifications/{nid}/read"), &json!({}));
    read.expect(200, None);
    assert_eq!(read.body["unread"], 0);
    assert_eq!(about(&mut here[0], &id)[0]["read"], true);
    here[0]
        .post(&format!("/api/v1/notifications/{nid}/read"), &json!({}))
        .expect(200, None);
    assert_eq!(unread(&mut here[1]), 1, "her neighbour's stays unread");
    // Not in her inbox: not found, whoever asks, whatever the id.
    there[0]
        .post(&format!("/api/v1/notifications/{nid}/read"), &json!({}))
        .expect(404, Some("not_found"));
    here[0]
        .post("/api/v1/notifications/ntf_nosuch/read", &json!({}))
        .expect(404, Some("not_found"));
    here[0]
        .post("/api/v1/notifications/not%20an%20id/read", &json!({}))
        .expect(404, Some("not_found"));
}

#[test]
fn a_draft_tells_no_one_until_it_is_published_and_then_once() {
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    let (building, mut here, _, _) = staff.building_with_residents("草稿楼", 2, 1);
    let id = notice(
        &mut staff,
        &building,
        &marker("草稿"),
        json!({ "draft": true }),
    );
    assert!(about(&mut here[0], &id).is_empty());
    for _ in 0..2 {
        staff
            .post(&format!("/api/v1/notices/{id}/publish"), &json!({}))
            .expect(200, None);
    }
    assert_eq!(about(&mut here[0], &id).len(), 1);
    // A notice to be published tomorrow is told tomorrow.
    let later = (chrono::Utc::now() + chrono::Duration::days(1)).to_rfc3339();
    let id = notice(
        &mut staff,
        &building,
        &marker("明天公示"),
        json!({ "publish_at": later }),
    );
    assert!(about(&mut here[0], &id).is_empty());
}

#[test]
fn reading_all_clears_the_bell_and_what_comes_after_rings_it_again() {
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    let (building, mut here, _, _) = staff.building_with_residents("全读楼", 2, 1);
    for t in ["一", "二", "三"] {
        notice(&mut staff, &building, &marker(t), json!({}));
    }
    assert_eq!(unread(&mut here[0]), 3);
    let page = here[0].get("/api/v1/notifications?limit=2");
    page.expect(200, None);
    assert_eq!(page.body["notifications"].as_array().map(Vec::len), Some(2));
    assert_eq!(page.body["unread"], 3);
    let cursor = page.body["next_cursor"].as_str().unwrap_or_default();
    assert!(!cursor.is_empty());
    let rest = here[0].get(&format!(
        "/api/v1/notifications?limit=2&cursor={}",
        yishi_api_tests::encode(cursor)
    ));
    rest.expect(200, None);
    assert_eq!(rest.body["notifications"].as_array().map(Vec::len), Some(1));
    assert!(rest.body["next_cursor"].is_null());
    here[0]
        .get("/api/v1/notifications?limit=0")
        .expect(422, Some("invalid"));
    here[0]
        .get("/api/v1/notifications?cursor=garbage")
        .expect(422, Some("invalid"));

    let all = here[0].post("/api/v1/notifications/read", &json!({}));
    all.expect(200, None);
    assert_eq!(all.body["unread"], 0);
    assert!(inbox(&mut here[0]).iter().all(|n| n["read"] == true));
    let id = notice(&mut staff, &building, &marker("四"), json!({}));
    assert_eq!(unread(&mut here[0]), 1);
    assert_eq!(about(&mut here[0], &id)[0]["read"], false);
}

#[test]
fn a_vote_tells_those_who_may_cast_it_and_a_meeting_invites_its_place() {
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    let (building, mut here, _, _) = staff.building_with_residents("投票楼", 2, 2);
    let (_, mut there, _, _) = staff.building_with_residents("不投票楼", 2, 1);
    let r = staff.post(
        "/api/v1/votes",
        &json!({ "scope": { "kind": "building", "id": building }, "settings": yes_no_settings(&marker("加装电梯")) }),
    );
    r.expect(201, None);
    let vote = r.body["vote"]["id"].as_str().unwrap_or_default().to_owned();
    for resident in &mut here {
        let told = about(resident, &vote);
        assert_eq!(told.len(), 1, "{told:?}");
        assert_eq!(told[0]["kind"], "vote_opened");
    }
    assert!(about(&mut there[0], &vote).is_empty());

    let title = marker("议事会");
    let r = staff.post(
        "/api/v1/meetings",
        &json!({ "scope": { "kind": "building", "id": building }, "settings": {
            "title": title, "place": "会议室", "starts_at": (chrono::Utc::now() + chrono::Duration::days(2)).to_rfc3339(),
            "electorate": { "kind": "residents" },
            "procedure": { "quorum": { "kind": "none" }, "threshold": "simple_majority", "count_abstentions": false },
            "agenda": ["加装电梯"] } }),
    );
    r.expect(201, None);
    let meeting = r.body["meeting"]["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let told = about(&mut here[1], &meeting);
    assert_eq!(told.len(), 1);
    assert_eq!(told[0]["kind"], "meeting_called");
    assert_eq!(told[0]["subject"]["type"], "meeting");
    assert!(about(&mut there[0], &meeting).is_empty());
}

#[test]
fn steps_and_comments_on_her_matter_and_changes_to_her_request_reach_her_but_not_her_own() {
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    let (building, mut r, _, _) = staff.building_with_residents("民事楼", 3, 3);
    let proposed = r[0].post(
        "/api/v1/matters",
        &json!({ "title": marker("楼道灯"), "description": "楼道灯坏了两个月。", "category": "safety",
                 "scope": { "kind": "building", "id": building } }),
    );
    proposed.expect(201, None);
    let matter = proposed.body["matter"]["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert!(
        about(&mut r[0], &matter).is_empty(),
        "proposing tells no one"
    );
    r[1].post(&format!("/api/v1/matters/{matter}/supports"), &json!({}))
        .expect(201, None);
    // A comment by her neighbour reaches her (the proposer) and the supporter, not the commenter.
    r[2].post(
        &format!("/api/v1/matters/{matter}/comments"),
        &json!({ "stance": "for", "body": "同意。" }),
    )
    .expect(201, None);
    assert_eq!(about(&mut r[0], &matter).len(), 1);
    assert_eq!(about(&mut r[0], &matter)[0]["kind"], "matter_updated");
    assert_eq!(about(&mut r[1], &matter).len(), 1);
    assert!(about(&mut r[2], &matter).is_empty());
    // Her own comment does not ring her bell.
    r[0].post(
        &format!("/api/v1/matters/{matter}/comments"),
        &json!({ "stance": "suggestion", "body": "换声控灯。" }),
    )
    .expect(201, None);
    assert_eq!(about(&mut r[0], &matter).len(), 1);
    assert_eq!(about(&mut r[1], &matter).len(), 2);

    // A request: received tells no one; the property company's steps tell her.
    let mut fixer = Api::signed_in(FIXER, STAFF_PASSWORD);
    let made = r[0].post(
        "/api/v1/requests",
        &json!({ "subcategory": "sub_t_light", "description": marker("门口路灯不亮"),
                 "place": { "kind": "building", "id": building } }),
    );
    made.expect(201, None);
    let request = made.body["request"]["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert!(about(&mut r[0], &request).is_empty());
    fixer
        .post(
            &format!("/api/v1/requests/{request}/changes"),
            &json!({ "action": "accept", "note": "已派维修员" }),
        )
        .expect(200, None);
    let told = about(&mut r[0], &request);
    assert_eq!(told.len(), 1);
    assert_eq!(told[0]["kind"], "request_updated");
    assert!(
        about(&mut r[1], &request).is_empty(),
        "a neighbour who does not follow it is not told"
    );
}

#[test]
fn her_choices_of_push_and_quiet_hours_are_kept_and_checked() {
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    let (_, mut here, _, _) = staff.building_with_residents("设置楼", 1, 1);
    let me = here[0].me();
    assert_eq!(
        me["profile"]["notifications"],
        json!({ "push_off": [], "quiet_hours": { "from": 22, "to": 7 } }),
        "by default every topic may push, and not at night"
    );
    let r = here[0].patch(
        "/api/v1/me/profile",
        &json!({ "notifications": { "push_off": ["votes", "notices", "votes"], "quiet_hours": null } }),
    );
    r.expect(200, None);
    assert_eq!(
        r.body["member"]["profile"]["notifications"],
        json!({ "push_off": ["notices", "votes"], "quiet_hours": null })
    );
    // Other settings leave them as they are.
    here[0]
        .patch("/api/v1/me/profile", &json!({ "large_type": true }))
        .expect(200, None);
    assert_eq!(
        here[0].me()["profile"]["notifications"]["push_off"],
        json!(["notices", "votes"])
    );
    let bad = here[0].patch(
        "/api/v1/me/profile",
        &json!({ "notifications": { "quiet_hours": { "from": 24, "to": 7 } } }),
    );
    bad.expect(422, Some("invalid"));
    assert_eq!(bad.body["error"]["field"], "quiet_hours");
    assert!(
        bad.body["error"]["message"]
            .as_str()
            .is_some_and(|m| m.contains("免打扰"))
    );
    here[0]
        .patch(
            "/api/v1/me/profile",
            &json!({ "notifications": { "push_off": ["gossip"] } }),
        )
        .expect(400, Some("invalid_json"));
    assert_eq!(
        here[0].me()["profile"]["notifications"]["push_off"],
        json!(["notices", "votes"]),
        "a refused change changes nothing"
    );
}

#[test]
fn signed_out_there_is_no_inbox() {
    let mut anon = Api::new();
    anon.get("/api/v1/notifications")
        .expect(401, Some("unauthenticated"));
    anon.get("/api/v1/notifications/unread")
        .expect(401, Some("unauthenticated"));
    anon.post("/api/v1/notifications/read", &json!({}))
        .expect(401, Some("unauthenticated"));
}

fn text_of(r: &yishi_api_tests::Resp) -> String {
    String::from_utf8_lossy(&r.raw).replace("\r\n ", "")
}

#[test]
fn a_meeting_goes_into_her_calendar_and_the_community_publishes_its_meetings() {
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    let (building, mut here, _, _) = staff.building_with_residents("日历楼", 2, 1);
    let (_, mut there, _, _) = staff.building_with_residents("无日历楼", 2, 1);
    let starts = chrono::Utc::now() + chrono::Duration::days(3);
    let call = |staff: &mut Api, kind: &str, id: &str, title: &str| {
        let r = staff.post(
            "/api/v1/meetings",
            &json!({ "scope": { "kind": kind, "id": id }, "settings": {
                "title": title, "place": "社区活动室", "starts_at": starts.to_rfc3339(),
                "electorate": { "kind": "residents" },
                "procedure": { "quorum": { "kind": "none" }, "threshold": "simple_majority", "count_abstentions": false },
                "agenda": ["加装电梯", "停车位划线"] } }),
        );
        r.expect(201, None);
        r.body["meeting"]["id"]
            .as_str()
            .unwrap_or_default()
            .to_owned()
    };
    let title = marker("楼栋议事会");
    let meeting = call(&mut staff, "building", &building, &title);
    let path = format!("/api/v1/meetings/{meeting}/calendar.ics");
    let r = here[0].get(&path);
    r.expect(200, None);
    assert_eq!(
        r.header("content-type"),
        Some("text/calendar; charset=utf-8")
    );
    let ics = text_of(&r);
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"), "{ics}");
    assert!(ics.contains(&format!("SUMMARY:{title}")), "{ics}");
    assert!(ics.contains(&format!("UID:{meeting}@")), "{ics}");
    let local = starts
        .with_timezone(&chrono::FixedOffset::east_opt(8 * 3600).unwrap_or_else(|| unreachable!()));
    assert!(
        ics.contains(&format!(
            "DTSTART;TZID=Asia/Shanghai:{}",
            local.format("%Y%m%dT%H%M%S")
        )),
        "{ics}"
    );
    assert!(
        ics.contains("加装电梯") && ics.contains("社区活动室"),
        "{ics}"
    );
    there[0].get(&path).expect(404, Some("not_found"));
    Api::new().get(&path).expect(401, Some("unauthenticated"));

    // The community's feed: its own meetings, not a building's; open to calendar apps.
    let day = marker("民主决策日");
    let community_meeting = call(&mut staff, "community", "com_t", &day);
    let feed = Api::new().get("/api/v1/communities/com_t/meetings.ics");
    feed.expect(200, None);
    let ics = text_of(&feed);
    assert!(ics.contains(&format!("UID:{community_meeting}@")), "{ics}");
    assert!(ics.contains(&format!("SUMMARY:{day}")));
    assert!(
        !ics.contains(&meeting),
        "a building's meeting stays with its residents"
    );
    Api::new()
        .get("/api/v1/communities/com_nosuch/meetings.ics")
        .expect(404, Some("not_found"));
}

/// Runs the scheduled job, as the Cron Trigger does every ten minutes.
fn run_schedule() {
    let ran = Api::new().get("/__scheduled?cron=*/10+*+*+*+*");
    assert_eq!(ran.status, 200);
}

fn of_kind(api: &mut Api, subject: &str, kind: &str) -> Vec<Value> {
    about(api, subject)
        .into_iter()
        .filter(|n| n["kind"] == kind)
        .collect()
}

fn id_of(r: &yishi_api_tests::Resp, what: &str) -> String {
    r.body[what]["id"].as_str().unwrap_or_default().to_owned()
}

#[test]
fn reminders_on_schedule_are_told_once_to_whom_they_concern() {
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    let (building, mut r, _, _) = staff.building_with_residents("提醒楼", 3, 3);
    let scope = json!({ "kind": "building", "id": building });
    let at = |minutes: i64| {
        (chrono::Utc::now() + chrono::Duration::minutes(minutes))
            .to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
    };
    // A vote of a day that opened half an hour ago (so it closes within a day); the first resident
    // has voted.
    let mut settings = yes_no_settings(&marker("加装电梯"));
    settings["opens_at"] = json!(at(-30));
    settings["closes_at"] = json!(at(24 * 60 - 30));
    let made = staff.post(
        "/api/v1/votes",
        &json!({ "scope": scope, "settings": settings }),
    );
    made.expect(201, None);
    let vote = id_of(&made, "vote");
    r[0].post(
        &format!("/api/v1/votes/{vote}/ballots"),
        &json!({ "choice": { "kind": "yes" } }),
    )
    .expect(201, None);
    // A meeting in half an hour.
    let called = staff.post(
        "/api/v1/meetings",
        &json!({ "scope": scope, "settings": {
            "title": marker("楼栋会"), "place": "一楼大厅", "starts_at": at(30),
            "electorate": { "kind": "residents" },
            "procedure": { "quorum": { "kind": "none" }, "threshold": "simple_majority", "count_abstentions": false },
            "agenda": ["电梯"] } }),
    );
    called.expect(201, None);
    let meeting = id_of(&called, "meeting");
    // A notice whose period of one day ends within a day, and one whose week has just begun.
    let ending = notice(
        &mut staff,
        &building,
        &marker("公示一天"),
        json!({ "period_days": 1 }),
    );
    let running = notice(
        &mut staff,
        &building,
        &marker("公示一周"),
        json!({ "period_days": 7 }),
    );

    // Twice: the second run (or an overlapping one) tells nothing more.
    run_schedule();
    run_schedule();

    // The vote: those who have not voted, once; not she who has.
    for resident in &mut r[1..] {
        let told = of_kind(resident, &vote, "vote_closing");
        assert_eq!(told.len(), 1, "{told:?}");
        assert_eq!(told[0]["subject"], json!({ "type": "vote", "id": vote }));
    }
    assert!(of_kind(&mut r[0], &vote, "vote_closing").is_empty());
    // Once she votes, the reminder leaves her inbox (and her bell).
    let before = unread(&mut r[1]);
    r[1].post(
        &format!("/api/v1/votes/{vote}/ballots"),
        &json!({ "choice": { "kind": "no" } }),
    )
    .expect(201, None);
    assert!(of_kind(&mut r[1], &vote, "vote_closing").is_empty());
    assert_eq!(unread(&mut r[1]), before - 1);
    // The meeting: every resident it invited, once; not who called it.
    for resident in &mut r {
        assert_eq!(of_kind(resident, &meeting, "meeting_soon").len(), 1);
        assert_eq!(of_kind(resident, &meeting, "meeting_called").len(), 1);
    }
    assert!(of_kind(&mut staff, &meeting, "meeting_soon").is_empty());
    // The period: she who posted the notice, once; its residents are not told again.
    let told = of_kind(&mut staff, &ending, "period_ending");
    assert_eq!(told.len(), 1, "{told:?}");
    assert_eq!(
        told[0]["subject"],
        json!({ "type": "notice", "id": ending })
    );
    assert!(of_kind(&mut staff, &running, "period_ending").is_empty());
    assert!(of_kind(&mut r[2], &ending, "period_ending").is_empty());

    // A request past its time limit (due on 4 September): its requester, once.
    let mut requester = Api::signed_in(RESIDENT5, RESIDENT_PASSCODE);
    let told = of_kind(&mut requester, "req_t_overdue", "request_due");
    assert_eq!(told.len(), 1, "{told:?}");
    assert_eq!(told[0]["subject"]["type"], "request");
    assert!(of_kind(&mut r[0], "req_t_overdue", "request_due").is_empty());
}

#[test]
fn a_motion_tells_those_checked_in_and_an_answer_tells_who_objected() {
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    let (building, mut r, _, _) = staff.building_with_residents("表决楼", 3, 3);
    let called = staff.post(
        "/api/v1/meetings",
        &json!({ "scope": { "kind": "building", "id": building }, "settings": {
            "title": marker("现场会"), "place": "一楼大厅", "starts_at": chrono::Utc::now().to_rfc3339(),
            "electorate": { "kind": "residents" },
            "procedure": { "quorum": { "kind": "none" }, "threshold": "simple_majority", "count_abstentions": false },
            "agenda": ["电梯"] } }),
    );
    called.expect(201, None);
    let meeting = id_of(&called, "meeting");
    let token = called.body["meeting"]["checkin_token"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let path = |rest: &str| format!("/api/v1/meetings/{meeting}{rest}");
    staff.post(&path("/open"), &json!({})).expect(200, None);
    for resident in &mut r[..2] {
        resident
            .post(&path("/attendance"), &json!({ "token": token }))
            .expect(201, None);
    }
    let put = staff.post(
        &path("/motions"),
        &json!({ "title": marker("同意加装电梯"), "options": [], "method": { "kind": "yes_no" },
                 "secrecy": "named", "results": "live" }),
    );
    put.expect(201, None);
    for resident in &mut r[..2] {
        let told = of_kind(resident, &meeting, "motion_put");
        assert_eq!(told.len(), 1, "{told:?}");
        assert_eq!(
            told[0]["subject"],
            json!({ "type": "meeting", "id": meeting })
        );
    }
    assert!(
        of_kind(&mut r[2], &meeting, "motion_put").is_empty(),
        "not checked in, not told"
    );
    assert!(of_kind(&mut staff, &meeting, "motion_put").is_empty());

    // An objection answered: she who objected is told, once; her neighbour is not.
    let id = notice(
        &mut staff,
        &building,
        &marker("公示"),
        json!({ "period_days": 7 }),
    );
    r[0].post(
        &format!("/api/v1/notices/{id}/objections"),
        &json!({ "reason": "费用怎么算的？" }),
    )
    .expect(201, None);
    let objection =
        staff.get(&format!("/api/v1/notices/{id}")).body["notice"]["objections"][0]["id"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
    let answer = format!("/api/v1/notices/{id}/objections/{objection}/answer");
    staff
        .post(
            &answer,
            &json!({ "answer": "按面积分摊。", "upheld": false }),
        )
        .expect(200, None);
    staff
        .post(&answer, &json!({ "answer": "再答", "upheld": true }))
        .expect(409, Some("already_answered"));
    let told = of_kind(&mut r[0], &id, "objection_answered");
    assert_eq!(told.len(), 1, "{told:?}");
    assert_eq!(told[0]["subject"], json!({ "type": "notice", "id": id }));
    assert!(of_kind(&mut r[1], &id, "objection_answered").is_empty());
}

/// The most recent 8:05 in China at least five hours ago (so that this run is not one in which the
/// other tests' reminders fall due), in milliseconds.
fn a_morning_run() -> i64 {
    let china = chrono::FixedOffset::east_opt(8 * 3600).unwrap_or_else(|| unreachable!());
    let limit = (chrono::Utc::now() - chrono::Duration::hours(5)).with_timezone(&china);
    let mut day = limit.date_naive();
    let at = |d: chrono::NaiveDate| {
        d.and_hms_opt(8, 5, 0)
            .and_then(|t| t.and_local_timezone(china).single())
    };
    if at(day).is_some_and(|t| t > limit) {
        day = day.pred_opt().unwrap_or(day);
    }
    at(day).map_or(0, |t| t.timestamp_millis())
}

/// Every notification of hers, page after page: a staff member's inbox holds what every other test
/// publishes to her community, and a digest dated hours ago sorts below all of it.
fn whole_inbox(api: &mut Api) -> Vec<Value> {
    let mut all = Vec::new();
    let mut cursor = String::new();
    loop {
        let r = api.get(&format!("/api/v1/notifications?limit=100{cursor}"));
        r.expect(200, None);
        all.extend(
            r.body["notifications"]
                .as_array()
                .cloned()
                .unwrap_or_default(),
        );
        match r.body["next_cursor"].as_str() {
            Some(next) => cursor = format!("&cursor={next}"),
            None => return all,
        }
    }
}

#[test]
fn the_morning_digest_tells_staff_what_waits_once_a_day() {
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    let (_, mut here, _, _) = staff.building_with_residents("摘要楼", 1, 1);
    let morning = a_morning_run();
    let run = format!("/cdn-cgi/local/scheduled?cron=*/10+*+*+*+*&time={morning}");
    for _ in 0..2 {
        let ran = Api::new().get(&run);
        assert_eq!(ran.status, 200, "{:?}", String::from_utf8_lossy(&ran.raw));
    }
    // That morning's digests only: a test that runs the job at the real time during the real
    // morning half hour writes today's digest beside it.
    let that_morning = |api: &mut Api| -> Vec<Value> {
        whole_inbox(api)
            .into_iter()
            .filter(|n| {
                n["kind"] == "staff_digest"
                    && n["at"]
                        .as_str()
                        .and_then(|at| chrono::DateTime::parse_from_rfc3339(at).ok())
                        .is_some_and(|at| at.timestamp_millis() == morning)
            })
            .collect()
    };
    let digests = that_morning(&mut staff);
    assert_eq!(digests.len(), 1, "once a day: {digests:?}");
    let d = &digests[0];
    assert_eq!(d["subject"], json!({ "type": "office" }));
    // The requests of her community past their time limit (req_t_overdue among them).
    assert!(
        d["digest"]["overdue_requests"]
            .as_u64()
            .is_some_and(|n| n >= 1),
        "{d:?}"
    );
    assert!(d["digest"]["residents_to_verify"].is_u64());
    assert!(d["digest"]["objections_to_answer"].is_u64());
    assert!(d["title"].as_str().is_some_and(|t| t.contains("超期诉求")));
    // A resident has no office: no digest.
    assert!(
        whole_inbox(&mut here[0])
            .iter()
            .all(|n| n["kind"] != "staff_digest")
    );
    // Run again, now: that morning still has its one digest.
    run_schedule();
    assert_eq!(that_morning(&mut staff).len(), 1);
}
