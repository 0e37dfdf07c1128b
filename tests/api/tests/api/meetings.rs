//! Meetings end to end against the worker and its live room: check-in by QR code and by hand, quorum as
//! people come and go, the agenda, the speakers' queue, three motions under different rules, a vote
//! sent twice and a vote after close refused, minutes published, and a reconnecting socket that gets
//! the right state.

use std::time::Duration;

use serde_json::{Value, json};
use yishi_api_tests::accounts::*;
use yishi_api_tests::{Api, marker, next_json, until};
use yishi_core::live::ClientMsg;

/// A new building of four households: three residents who joined with their phones (in-person codes,
/// so confirmed at once) and an elderly resident without a phone. Returns the building and the three
/// signed-in residents, and the elder's member id.
fn building_of_four(staff: &mut Api) -> (String, Vec<Api>, String) {
    let (building, residents, _, households) = staff.building_with_residents("议事楼", 4, 3);
    let elder = staff.post(
        &format!("/api/v1/households/{}/members", households[3]),
        &json!({ "name": "议事老人" }),
    );
    elder.expect(201, None);
    let elder = elder.body["member"]["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    (building, residents, elder)
}

fn meeting_settings(title: &str) -> Value {
    json!({
        "title": title,
        "place": "社区党群服务中心二楼会议室",
        "starts_at": chrono::Utc::now().to_rfc3339(),
        "electorate": { "kind": "residents" },
        // Of the four residents and the chair, three make a quorum.
        "procedure": { "quorum": { "kind": "present_percent", "percent": 60 }, "threshold": "simple_majority", "count_abstentions": false },
        "agenda": ["加装电梯", "楼道堆物清理"],
    })
}

fn motion(title: &str, extra: Value) -> Value {
    let mut m = json!({
        "title": title,
        "options": [],
        "method": { "kind": "yes_no" },
        "secrecy": "named",
        "results": "live",
    });
    if let (Some(m), Some(extra)) = (m.as_object_mut(), extra.as_object()) {
        for (k, v) in extra {
            m.insert(k.clone(), v.clone());
        }
    }
    m
}

fn cast(api: &mut Api, vote: &str, choice: Value) -> yishi_api_tests::Resp {
    api.post(
        &format!("/api/v1/votes/{vote}/ballots"),
        &json!({ "choice": choice }),
    )
}

#[test]
fn a_meeting_from_check_in_to_published_minutes() -> Result<(), Box<dyn std::error::Error>> {
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    let (building, mut people, elder) = building_of_four(&mut staff);
    let title = marker("议事会");
    let r = staff.post(
        "/api/v1/meetings",
        &json!({ "scope": { "kind": "building", "id": building }, "settings": meeting_settings(&title) }),
    );
    r.expect(201, None);
    let id = r.body["meeting"]["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let token = r.body["meeting"]["checkin_token"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert_eq!(r.body["meeting"]["chair"], true);
    // The four residents, and the chair who called it (she lives elsewhere: a seat of her own).
    assert_eq!(r.body["meeting"]["live"]["eligible"], 5);
    assert_eq!(r.body["meeting"]["me"]["invited"], true);
    let path = |rest: &str| format!("/api/v1/meetings/{id}{rest}");

    // Residents see it, without the check-in code; others do not see it at all.
    let seen = people[0].get(&path(""));
    seen.expect(200, None);
    assert_eq!(seen.body["meeting"]["checkin_token"], Value::Null);
    assert_eq!(seen.body["meeting"]["me"]["invited"], true);
    Api::signed_in(RESIDENT5, RESIDENT_PASSCODE)
        .get(&path(""))
        .expect(404, Some("not_found"));
    people[0]
        .post(&path("/attendance"), &json!({ "token": token }))
        .expect(409, Some("meeting_not_open"));
    people[0]
        .post(&path("/open"), &json!({}))
        .expect(403, Some("forbidden"));
    staff.post(&path("/open"), &json!({})).expect(200, None);
    staff
        .post(&path("/open"), &json!({}))
        .expect(409, Some("meeting_not_open"));

    // A phone follows the meeting: the state at once, then every change.
    let mut phone = people[0].socket(&path("/socket"), Duration::from_secs(10))?;
    let first = next_json(&mut phone)?;
    assert_eq!(first["state"], "open");
    assert_eq!(first["present"], 0);
    // The room's protocol: a ping is answered with a pong, a sync with the state again, and what the
    // room does not know (a bare word from an old app) with nothing.
    phone.send(tungstenite::Message::text("ping"))?;
    phone.send(tungstenite::Message::text(ClientMsg::Ping.text()))?;
    let pong: serde_json::Value = loop {
        if let tungstenite::Message::Text(t) = phone.read()? {
            break serde_json::from_str(t.as_str())?;
        }
    };
    assert_eq!(
        pong,
        json!({ "v": yishi_core::live::VERSION, "type": "pong" })
    );
    phone.send(tungstenite::Message::text(ClientMsg::Sync.text()))?;
    assert_eq!(next_json(&mut phone)?["revision"], first["revision"]);
    let r = people[0].post(&path("/attendance"), &json!({ "token": "wrong" }));
    r.expect(422, Some("invalid"));
    assert_eq!(r.body["error"]["field"], "token");
    people[0]
        .post(&path("/attendance"), &json!({ "token": token }))
        .expect(201, None);
    people[0]
        .post(&path("/attendance"), &json!({ "token": token }))
        .expect(200, None);
    let seen = until(&mut phone, |s| s["present"] == 1)?;
    assert_eq!(seen["quorum_met"], false);

    // The agenda: one item at a time; a finished item stays finished.
    staff
        .post(&path("/items/0/open"), &json!({}))
        .expect(200, None);
    let r = staff.post(&path("/items/1/open"), &json!({}));
    r.expect(200, None);
    assert_eq!(r.body["meeting"]["live"]["items"][0]["state"], "done");
    staff
        .post(&path("/items/0/open"), &json!({}))
        .expect(409, Some("item_done"));
    staff
        .post(&path("/items/9/open"), &json!({}))
        .expect(404, Some("not_found"));

    // Motion 1: too few present, so only with the chair's reason; the one present votes.
    staff
        .post(&path("/motions"), &motion("同意召开业主大会", json!({})))
        .expect(409, Some("quorum_not_met"));
    let r = staff.post(
        &path("/motions"),
        &motion(
            "同意召开业主大会",
            json!({ "override_reason": "事情紧急，到会居民同意先表决" }),
        ),
    );
    r.expect(201, None);
    let first_motion = r.body["meeting"]["live"]["motion"]["vote"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert_eq!(r.body["meeting"]["live"]["motion"]["voters"], 1);
    staff
        .post(
            &path("/motions"),
            &motion("另一项", json!({ "override_reason": "试试" })),
        )
        .expect(409, Some("motion_open"));
    cast(&mut people[0], &first_motion, json!({ "kind": "yes" })).expect(201, None);
    cast(&mut people[0], &first_motion, json!({ "kind": "no" })).expect(409, Some("already_voted"));
    cast(&mut people[1], &first_motion, json!({ "kind": "yes" }))
        .expect(403, Some("not_in_electorate"));
    let counted = until(&mut phone, |s| s["motion"]["participated"] == 1)?;
    assert_eq!(
        counted["motion"]["result"]["count"]["yes"], 1,
        "live result"
    );
    staff
        .post(&path(&format!("/motions/{first_motion}/close")), &json!({}))
        .expect(200, None);
    let closed = until(&mut phone, |s| s["motion"]["state"] == "closed")?;
    assert_eq!(closed["motion"]["result"]["outcome"], "adopted");
    cast(&mut people[0], &first_motion, json!({ "kind": "yes" }))
        .expect(409, Some("voting_closed"));

    // Everyone comes: two by the code, the elder checked in by staff with a reason.
    for p in people.iter_mut().skip(1) {
        p.post(&path("/attendance"), &json!({ "token": token }))
            .expect(201, None);
    }
    staff
        .post(
            &path("/attendance"),
            &json!({ "on_behalf": { "member_id": elder, "reason": "老人没有手机，由工作人员代签到" } }),
        )
        .expect(201, None);
    let full = until(&mut phone, |s| s["present"] == 4)?;
    let register = staff.get(&path("/attendance"));
    register.expect(200, None);
    let people_listed = register.body["people"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(people_listed.len(), 5);
    assert_eq!(
        people_listed
            .iter()
            .filter(|p| p["present"] == true)
            .count(),
        4,
        "everyone but the chair"
    );
    assert!(
        people_listed
            .iter()
            .any(|p| p["name"] == "议事老人" && p["on_behalf"] == "老人没有手机，由工作人员代签到")
    );
    people[0]
        .get(&path("/attendance"))
        .expect(403, Some("forbidden"));
    assert_eq!(full["quorum_met"], true);

    // Speakers: one holds the floor at a time.
    people[0]
        .post(&path("/speakers"), &json!({}))
        .expect(200, None);
    people[1]
        .post(&path("/speakers"), &json!({}))
        .expect(200, None);
    let live = staff.get(&path("/live"));
    let speakers = live.body["speakers"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(speakers.len(), 2);
    let (a, b) = (
        speakers[0]["id"].as_str().unwrap_or_default().to_owned(),
        speakers[1]["id"].as_str().unwrap_or_default().to_owned(),
    );
    people[1]
        .post(
            &path(&format!("/speakers/{a}")),
            &json!({ "state": "speaking" }),
        )
        .expect(403, Some("forbidden"));
    staff
        .post(
            &path(&format!("/speakers/{a}")),
            &json!({ "state": "speaking", "seconds": 0 }),
        )
        .expect(422, Some("out_of_range"));
    staff
        .post(
            &path(&format!("/speakers/{a}")),
            &json!({ "state": "speaking", "seconds": 120 }),
        )
        .expect(200, None);
    staff
        .post(
            &path(&format!("/speakers/{b}")),
            &json!({ "state": "speaking" }),
        )
        .expect(422, Some("invalid"));
    let floor = until(&mut phone, |s| s["speakers"][0]["state"] == "speaking")?;
    assert_eq!(floor["speakers"][0]["seconds"], 120);
    staff
        .post(
            &path(&format!("/speakers/{a}")),
            &json!({ "state": "done" }),
        )
        .expect(200, None);
    people[1]
        .post(
            &path(&format!("/speakers/{b}")),
            &json!({ "state": "withdrawn" }),
        )
        .expect(200, None);

    // Motion 2: two thirds, secret, shown after close; the elder votes by show of hands.
    let r = staff.post(
        &path("/motions"),
        &motion(
            "同意加装电梯",
            json!({ "threshold": "two_thirds", "secrecy": "secret", "results": "after_close" }),
        ),
    );
    r.expect(201, None);
    let second = r.body["meeting"]["live"]["motion"]["vote"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert_eq!(r.body["meeting"]["live"]["motion"]["voters"], 4);
    for (p, choice) in people.iter_mut().zip(["yes", "yes", "no"]) {
        cast(p, &second, json!({ "kind": choice })).expect(201, None);
    }
    staff
        .post(
            &format!("/api/v1/votes/{second}/paper"),
            &json!({ "voter": { "kind": "member", "id": elder }, "choice": { "kind": "yes" }, "channel": "show_of_hands" }),
        )
        .expect(201, None);
    let hidden = until(&mut phone, |s| s["motion"]["participated"] == 4)?;
    assert_eq!(
        hidden["motion"]["result"],
        Value::Null,
        "hidden until close"
    );
    staff
        .post(&path(&format!("/motions/{second}/close")), &json!({}))
        .expect(200, None);
    let shown = until(&mut phone, |s| s["motion"]["state"] == "closed")?;
    assert_eq!(shown["motion"]["result"]["outcome"], "adopted", "3 of 4");

    // One leaves; motion 3 chooses among options, with the result live.
    people[2]
        .post(&path("/attendance/leave"), &json!({}))
        .expect(200, None);
    until(&mut phone, |s| s["present"] == 3)?;
    let r = staff.post(
        &path("/motions"),
        &motion(
            "电梯品牌",
            json!({ "options": ["甲品牌", "乙品牌"], "method": { "kind": "single", "seats": 1 } }),
        ),
    );
    r.expect(201, None);
    let third = r.body["meeting"]["live"]["motion"]["vote"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert_eq!(r.body["meeting"]["live"]["motion"]["voters"], 3);
    cast(
        &mut people[2],
        &third,
        json!({ "kind": "options", "options": [0] }),
    )
    .expect(403, Some("not_in_electorate"));
    cast(
        &mut people[0],
        &third,
        json!({ "kind": "options", "options": [1] }),
    )
    .expect(201, None);
    cast(
        &mut people[1],
        &third,
        json!({ "kind": "options", "options": [1] }),
    )
    .expect(201, None);
    let live = until(&mut phone, |s| s["motion"]["participated"] == 2)?;
    assert_eq!(live["motion"]["result"]["totals"], json!([0, 2]));

    // Close: the open motion ends with the meeting; the minutes are written, edited and published.
    people[0]
        .post(&path("/close"), &json!({}))
        .expect(403, Some("forbidden"));
    let r = staff.post(&path("/close"), &json!({}));
    r.expect(200, None);
    let minutes = r.body["meeting"]["minutes"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    for expected in [
        "应到 5 人，实到 4 人。",
        "议事老人（",
        "，代签到）",
        " 离场）",
        "议题1：加装电梯",
        "表决：同意召开业主大会",
        "理由：事情紧急，到会居民同意先表决",
        "表决：同意加装电梯",
        "赞成 3 票，反对 1 票，弃权 0 票。",
        "表决：电梯品牌",
        "发言：议事楼居民1",
    ] {
        assert!(minutes.contains(expected), "{expected} in:\n{minutes}");
    }
    cast(
        &mut people[0],
        &third,
        json!({ "kind": "options", "options": [0] }),
    )
    .expect(409, Some("voting_closed"));
    people[0]
        .post(&path("/attendance"), &json!({ "token": token }))
        .expect(409, Some("meeting_closed"));
    let edited = format!("{minutes}\n记录人：社区工作人员");
    staff
        .put(&path("/minutes"), &json!({ "text": "" }))
        .expect(422, Some("required"));
    staff
        .put(&path("/minutes"), &json!({ "text": edited }))
        .expect(200, None);
    let published = staff.post(&path("/minutes/publish"), &json!({}));
    published.expect(201, None);
    assert_eq!(
        published.body["notice"]["title"],
        format!("会议纪要：{title}").as_str()
    );
    assert!(
        published.body["notice"]["body"]
            .as_str()
            .is_some_and(|b| b.ends_with("记录人：社区工作人员"))
    );
    let again = staff.post(&path("/minutes/publish"), &json!({}));
    again.expect(200, None);
    assert_eq!(again.body["notice"]["id"], published.body["notice"]["id"]);
    staff
        .put(&path("/minutes"), &json!({ "text": "改" }))
        .expect(409, Some("meeting_closed"));
    assert!(
        people[0]
            .all_notices()
            .iter()
            .any(|n| n["title"] == format!("会议纪要：{title}").as_str()),
        "the minutes are on her board"
    );

    // The record: every motion with its result, the minutes once published, found by search.
    let record = people[2].get(&path(""));
    record.expect(200, None);
    let motions = record.body["meeting"]["motions"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(motions.len(), 3);
    assert_eq!(motions[1]["result"]["outcome"], "adopted");
    assert!(
        record.body["meeting"]["minutes"]
            .as_str()
            .is_some_and(|m| m.contains("记录人"))
    );
    for q in [
        "楼道堆物清理",
        "记录人：社区",
        "二楼会议室",
        &title[..title.len() - 2],
    ] {
        let found = people[2].get(&format!(
            "/api/v1/meetings?q={}",
            yishi_api_tests::encode(q)
        ));
        found.expect(200, None);
        assert!(
            found.body["meetings"]
                .as_array()
                .into_iter()
                .flatten()
                .any(|m| m["id"] == id.as_str()),
            "found by {q}"
        );
    }
    let none = people[2].get(&format!(
        "/api/v1/meetings?q={}",
        yishi_api_tests::encode("100%_不存在")
    ));
    assert_eq!(none.body["meetings"], json!([]));
    let r = people[2].get(&format!(
        "/api/v1/meetings?q={}",
        yishi_api_tests::encode(&"长".repeat(101))
    ));
    r.expect(422, Some("too_long"));
    assert_eq!(r.body["error"]["field"], "q");

    // A phone that reconnects gets the state as it is now.
    drop(phone);
    let mut again = people[1].socket(&path("/socket"), Duration::from_secs(10))?;
    let now = next_json(&mut again)?;
    assert_eq!(now["state"], "closed");
    assert_eq!(now["present"], 0);
    assert_eq!(now["motion"]["state"], "closed");
    Ok(())
}

/// The chair's register for a room: where each person lives, the chair herself on the list (she checks
/// in with the room's code and votes), check-in by the chair with one tap, and a mistaken check-in
/// taken back until a motion counts it.
#[test]
fn the_chair_is_on_the_list_and_takes_back_a_mistaken_check_in()
-> Result<(), Box<dyn std::error::Error>> {
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    let (building, mut people, elder) = building_of_four(&mut staff);
    let mut settings = meeting_settings(&marker("签到议事会"));
    settings["procedure"]["quorum"] = json!({ "kind": "none" });
    let r = staff.post(
        "/api/v1/meetings",
        &json!({ "scope": { "kind": "building", "id": building }, "settings": settings }),
    );
    r.expect(201, None);
    let id = r.body["meeting"]["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let token = r.body["meeting"]["checkin_token"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let path = |rest: &str| format!("/api/v1/meetings/{id}{rest}");
    staff.post(&path("/open"), &json!({})).expect(200, None);

    // The register says where everyone lives; the chair, from the community office, lives elsewhere.
    let register = staff.get(&path("/attendance"));
    register.expect(200, None);
    let listed = register.body["people"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(listed.len(), 5);
    let chair_id = staff.get("/api/v1/me").body["member"]["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let first = listed
        .iter()
        .find(|p| p["name"] == "议事楼居民1")
        .cloned()
        .unwrap_or_default();
    assert_eq!(first["building_id"], building.as_str());
    assert!(
        first["building"]
            .as_str()
            .is_some_and(|b| b.contains("议事楼")),
        "{first}"
    );
    assert!(
        first["flat"]
            .as_str()
            .is_some_and(|f| f.starts_with("1单元 ")),
        "{first}"
    );
    assert_eq!(first["may_undo"], false);
    let me = listed
        .iter()
        .find(|p| p["member_id"] == chair_id.as_str())
        .cloned()
        .unwrap_or_default();
    assert_eq!(me["building"], Value::Null);
    assert_eq!(me["present"], false);
    // Each line carries the initials of the name's pinyin, so that the chair's phone finds 测试员甲 by
    // 「csyj」 without a table of characters; a character read two ways (事 shì/zì) keeps both.
    assert_eq!(me["initials"], "csyj");
    assert_eq!(first["initials"], "y[sz]ljm1");
    assert!(
        listed
            .iter()
            .all(|p| p["initials"].as_str().is_some_and(|i| !i.is_empty())),
        "{listed:?}"
    );

    // The chair checks herself in with the room's code, as anyone does; not by hand.
    staff
        .post(
            &path("/attendance"),
            &json!({ "on_behalf": { "member_id": chair_id, "reason": "主持人" } }),
        )
        .expect(422, Some("invalid"));
    let r = staff.post(&path("/attendance"), &json!({ "token": token }));
    r.expect(201, None);
    assert_eq!(r.body["meeting"]["me"]["present"], true);
    assert_eq!(r.body["meeting"]["live"]["present"], 1);

    // One tap checks the wrong neighbour in; the chair takes it back, and it is as if never made.
    let resident1 = listed
        .iter()
        .find(|p| p["name"] == "议事楼居民1")
        .and_then(|p| p["member_id"].as_str())
        .unwrap_or_default()
        .to_owned();
    let r = staff.post(
        &path("/attendance"),
        &json!({ "on_behalf": { "member_id": resident1, "reason": "主持人在会场核对后签到" } }),
    );
    r.expect(201, None);
    assert_eq!(r.body["meeting"]["live"]["present"], 2);
    // The live state (what the wall screen shows) counts the list per building as the console does:
    // the neighbour of 议事楼, the chair from the office last; counts, no names.
    let buildings = json!([
        { "building": building, "name": first["building"], "present": 1, "invited": 4 },
        { "building": null, "name": null, "present": 1, "invited": 1 },
    ]);
    assert_eq!(r.body["meeting"]["live"]["buildings"], buildings);
    assert_eq!(staff.get(&path("/live")).body["buildings"], buildings);
    let register = staff.get(&path("/attendance"));
    let row = register.body["people"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|p| p["member_id"] == resident1.as_str())
        .cloned()
        .unwrap_or_default();
    assert_eq!(
        (row["present"].clone(), row["may_undo"].clone()),
        (json!(true), json!(true))
    );
    people[1]
        .delete(&path(&format!("/attendance/{resident1}")))
        .expect(403, Some("forbidden"));
    let r = staff.delete(&path(&format!("/attendance/{resident1}")));
    r.expect(200, None);
    assert_eq!(r.body["meeting"]["live"]["present"], 1);
    let register = staff.get(&path("/attendance"));
    let row = register.body["people"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|p| p["member_id"] == resident1.as_str())
        .cloned()
        .unwrap_or_default();
    assert_eq!(
        (row["present"].clone(), row["on_behalf"].clone()),
        (json!(false), Value::Null)
    );
    // Taking back what is not there changes nothing.
    staff
        .delete(&path(&format!("/attendance/{resident1}")))
        .expect(200, None);
    staff
        .delete(&path("/attendance/mbr_nobody"))
        .expect(200, None);

    // A building head of another building chairs nothing here.
    Api::signed_in(HEAD3, RESIDENT_PASSCODE)
        .delete(&path(&format!("/attendance/{chair_id}")))
        .expect(404, Some("not_found"));

    // The elder is checked in by the chair; a motion is put, which counts her: no taking back now,
    // the chair records that she left instead. The chair votes like anyone.
    staff
        .post(
            &path("/attendance"),
            &json!({ "on_behalf": { "member_id": elder, "reason": "老人没有手机" } }),
        )
        .expect(201, None);
    people[0]
        .post(&path("/attendance"), &json!({ "token": token }))
        .expect(201, None);
    let r = staff.post(&path("/motions"), &motion("同意更换单元门", json!({})));
    r.expect(201, None);
    assert_eq!(
        r.body["meeting"]["live"]["motion"]["voters"], 3,
        "the chair, the elder, a neighbour"
    );
    let vote = r.body["meeting"]["live"]["motion"]["vote"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    cast(&mut staff, &vote, json!({ "kind": "yes" })).expect(201, None);
    let r = staff.delete(&path(&format!("/attendance/{elder}")));
    r.expect(409, Some("check_in_counted"));
    assert!(
        r.body["error"]["message"]
            .as_str()
            .is_some_and(|m| m.contains("离场"))
    );
    let register = staff.get(&path("/attendance"));
    let row = register.body["people"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|p| p["member_id"] == elder.as_str())
        .cloned()
        .unwrap_or_default();
    assert_eq!(row["may_undo"], false);
    staff
        .post(&path("/attendance/leave"), &json!({ "member_id": elder }))
        .expect(200, None);

    // After the close, nothing is taken back.
    staff.post(&path("/close"), &json!({})).expect(200, None);
    staff
        .delete(&path(&format!("/attendance/{}", chair_id)))
        .expect(409, Some("meeting_closed"));
    Ok(())
}

#[test]
fn only_chairs_call_meetings_and_only_sound_ones() {
    let settings = || meeting_settings(&marker("议事会"));
    let create = |api: &mut Api, id: &str, settings: Value| {
        api.post(
            "/api/v1/meetings",
            &json!({ "scope": { "kind": "building", "id": id }, "settings": settings }),
        )
    };
    create(
        &mut Api::signed_in(RESIDENT3, RESIDENT_PASSCODE),
        "bld_t03",
        settings(),
    )
    .expect(403, Some("forbidden"));
    let mut head = Api::signed_in(HEAD3, RESIDENT_PASSCODE);
    create(&mut head, "bld_t05", settings()).expect(403, Some("forbidden"));
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    let mut no_agenda = settings();
    no_agenda["agenda"] = json!([]);
    let r = create(&mut staff, "bld_t03", no_agenda);
    r.expect(422, Some("out_of_range"));
    assert_eq!(r.body["error"]["field"], "agenda");
    let mut no_place = settings();
    no_place["place"] = json!(" ");
    let r = create(&mut staff, "bld_t03", no_place);
    r.expect(422, Some("required"));
    assert_eq!(r.body["error"]["field"], "place");
    let mut by_ballots = settings();
    by_ballots["procedure"]["quorum"] = json!({ "kind": "count", "ballots": 3 });
    let r = create(&mut staff, "bld_t03", by_ballots);
    r.expect(422, Some("invalid"));
    assert_eq!(r.body["error"]["field"], "quorum");
    let mut too_many = settings();
    too_many["procedure"]["quorum"] = json!({ "kind": "present_percent", "percent": 255 });
    let r = create(&mut staff, "bld_t03", too_many);
    r.expect(422, Some("out_of_range"));
    assert_eq!(r.body["error"]["field"], "quorum");
    assert_eq!(r.body["error"]["message"], "法定人数应在 1 到 100 之间。");
    create(&mut staff, "bld_nope", settings()).expect(422, Some("invalid"));
    // A start long past, or more than half a year ahead, is a mistake; an hour ago or next month is not.
    for (days, ok) in [(-2, false), (200, false), (30, true)] {
        let mut when = settings();
        when["starts_at"] = json!((chrono::Utc::now() + chrono::Duration::days(days)).to_rfc3339());
        let r = create(&mut staff, "bld_t03", when);
        if ok {
            r.expect(201, None);
        } else {
            r.expect(422, Some("invalid"));
            assert_eq!(r.body["error"]["field"], "starts_at");
            assert_eq!(
                r.body["error"]["message"],
                "开会时间不能早于现在，也不能晚于半年以后。"
            );
        }
    }
    let r = create(&mut head, "bld_t03", settings());
    r.expect(201, None);
    let id = r.body["meeting"]["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let list = Api::signed_in(RESIDENT3, RESIDENT_PASSCODE).get("/api/v1/meetings");
    list.expect(200, None);
    assert!(
        list.body["meetings"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|m| m["id"] == id.as_str()),
        "residents of 3号楼 see it listed"
    );
    // A socket needs a session and a same-origin page.
    let anonymous = Api::new();
    assert!(
        anonymous
            .socket(
                &format!("/api/v1/meetings/{id}/socket"),
                Duration::from_secs(5)
            )
            .is_err()
    );
    let mut foreign = Api::signed_in(RESIDENT3, RESIDENT_PASSCODE);
    foreign
        .extra
        .push(("origin".to_owned(), "http://evil.example".to_owned()));
    assert!(
        foreign
            .socket(
                &format!("/api/v1/meetings/{id}/socket"),
                Duration::from_secs(5)
            )
            .is_err()
    );
    Api::new()
        .get(&format!("/api/v1/meetings/{id}/live"))
        .expect(401, Some("unauthenticated"));
}
