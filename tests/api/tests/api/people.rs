//! Members, households, invite codes, verification, roles, passcodes, sessions, profile, notice reads on
//! someone's behalf and the audit log: good input, bad input, wrong role, out of scope.

use serde_json::{Value, json};
use yishi_api_tests::accounts::*;
use yishi_api_tests::{Api, fresh_code, fresh_phone, marker, names};

fn staff() -> Api {
    Api::signed_in(STAFF, STAFF_PASSWORD)
}

/// A new resident who joined with a fixture code of `building` (codes of bld_t06 are not in person).
fn joined(building: &str) -> (Api, Value, String) {
    let code = fresh_code(building);
    let phone = fresh_phone();
    let mut api = Api::new();
    api.post(
        "/api/v1/residents",
        &json!({ "invite_code": code.code, "name": "新住户", "phone": phone, "passcode": "246810" }),
    )
    .expect(201, None);
    let me = api.me();
    (api, me, phone)
}

fn id(v: &Value) -> String {
    v["id"].as_str().unwrap_or_default().to_owned()
}

fn titles(api: &mut Api) -> Vec<String> {
    api.all_notices()
        .iter()
        .map(|n| n["title"].as_str().unwrap_or_default().to_owned())
        .collect()
}

#[test]
fn a_resident_joining_from_a_distance_waits_for_staff_and_then_reads_her_building() {
    let (mut her, me, _) = joined("bld_t06");
    assert_eq!(me["home"]["verification"], "pending");
    assert_eq!(me["home"]["representative"], false);
    let mut staff = staff();
    let title = marker("六号楼通知");
    staff
        .post(
            "/api/v1/notices",
            &json!({ "title": title, "body": "正文", "scope": { "kind": "building", "id": "bld_t06" } }),
        )
        .expect(201, None);
    assert!(
        her.all_notices().is_empty(),
        "a pending resident reads nothing"
    );

    // Staff find her among the pending residents; a grid worker of other buildings does not.
    let pending = staff.get("/api/v1/members?verification=pending&limit=100");
    pending.expect(200, None);
    let listed: Vec<String> = pending.body["members"]
        .as_array()
        .into_iter()
        .flatten()
        .map(id)
        .collect();
    assert!(listed.contains(&id(&me)));
    assert!(
        pending.body["members"]
            .as_array()
            .into_iter()
            .flatten()
            .all(|m| m["verification"] == "pending")
    );
    let mut grid = Api::signed_in(GRID, STAFF_PASSWORD);
    grid.get(&format!("/api/v1/members/{}", id(&me)))
        .expect(404, Some("not_found"));
    grid.post(
        &format!("/api/v1/members/{}/verification", id(&me)),
        &json!({ "decision": "confirm" }),
    )
    .expect(404, Some("not_found"));
    Api::signed_in(RESIDENT3, RESIDENT_PASSCODE)
        .post(
            &format!("/api/v1/members/{}/verification", id(&me)),
            &json!({ "decision": "confirm" }),
        )
        .expect(404, Some("not_found"));

    let r = staff.post(
        &format!("/api/v1/members/{}/verification", id(&me)),
        &json!({ "decision": "confirm" }),
    );
    r.expect(200, None);
    assert_eq!(r.body["member"]["verification"], "confirmed");
    assert_eq!(
        r.body["member"]["representative"], true,
        "the first confirmed member represents the household"
    );
    assert!(titles(&mut her).contains(&title));
    staff
        .post(
            &format!("/api/v1/members/{}/verification", id(&me)),
            &json!({ "decision": "reject", "reason": "x" }),
        )
        .expect(409, Some("not_pending"));

    // The audit log shows the confirmation.
    let member = id(&me);
    let audit = staff.audit(
        |e| e["action"] == "member.confirm" && e["target_id"] == member.as_str(),
        1,
    );
    assert!(!audit.is_empty());
}

#[test]
fn rejecting_needs_a_reason_and_takes_her_out_of_the_household() {
    let (mut her, me, _) = joined("bld_t06");
    let mut staff = staff();
    let path = format!("/api/v1/members/{}/verification", id(&me));
    let r = staff.post(&path, &json!({ "decision": "reject" }));
    r.expect(422, Some("required"));
    assert_eq!(r.body["error"]["field"], "reason");
    staff
        .post(&path, &json!({ "decision": "maybe" }))
        .expect(400, Some("invalid_json"));
    staff
        .post(
            &path,
            &json!({ "decision": "reject", "reason": "户主说不认识此人" }),
        )
        .expect(200, None);
    assert_eq!(her.me()["home"], Value::Null);
    // She is now no resident at all: deciding again is refused.
    staff
        .post(&path, &json!({ "decision": "confirm" }))
        .expect(404, Some("not_found"));
}

#[test]
fn the_directory_is_limited_to_the_readers_area_and_filters() {
    let mut staff = staff();
    let r = staff.get("/api/v1/members?q=13900000301");
    r.expect(200, None);
    assert_eq!(names(&r, "members"), ["三号楼居民"]);
    let mut grid = Api::signed_in(GRID, STAFF_PASSWORD);
    let all = grid.get("/api/v1/members?limit=100");
    all.expect(200, None);
    for m in all.body["members"].as_array().into_iter().flatten() {
        let building = m["home"]["unit_path"]["building"]
            .as_str()
            .unwrap_or_default();
        assert!(
            ["bld_t02", "bld_t03"].contains(&building) || m["id"] == "mbr_grid",
            "{m}"
        );
    }
    grid.get("/api/v1/members?q=13900000501")
        .expect(200, None)
        .body["members"]
        .as_array()
        .map(Vec::len)
        .into_iter()
        .for_each(|n| assert_eq!(n, 0));
    for bad in [
        "verification=maybe",
        "limit=0",
        "limit=1000",
        "cursor=garbage",
    ] {
        staff
            .get(&format!("/api/v1/members?{bad}"))
            .expect(422, Some("invalid"));
    }
    Api::signed_in(RESIDENT3, RESIDENT_PASSCODE)
        .get("/api/v1/members")
        .expect(403, Some("forbidden"));
    staff
        .get("/api/v1/members/mbr_r_other")
        .expect(404, Some("not_found"));
}

#[test]
fn roles_are_granted_for_the_right_level_by_those_who_may() {
    let (mut her, me, _) = joined("bld_t04");
    let path = format!("/api/v1/members/{}/roles", id(&me));
    let mut staff = staff();
    let r = staff.post(
        &path,
        &json!({ "role": "building_head", "scope": { "kind": "community", "id": "com_t" } }),
    );
    r.expect(422, Some("invalid"));
    assert_eq!(r.body["error"]["field"], "scope");
    staff
        .post(
            &path,
            &json!({ "role": "mayor", "scope": { "kind": "community", "id": "com_t" } }),
        )
        .expect(400, Some("invalid_json"));
    staff
        .post(
            &path,
            &json!({ "role": "community_staff", "scope": { "kind": "community", "id": "com_t" } }),
        )
        .expect(403, Some("forbidden"));
    Api::signed_in(OTHER_STAFF, STAFF_PASSWORD)
        .post(
            &path,
            &json!({ "role": "building_head", "scope": { "kind": "building", "id": "bld_t04" } }),
        )
        .expect(404, Some("not_found"));

    // Staff make her building head of 4号楼: she may now post there.
    let r = staff.post(
        &path,
        &json!({ "role": "building_head", "scope": { "kind": "building", "id": "bld_t04" } }),
    );
    r.expect(200, None);
    let roles = her.me()["roles"].clone();
    assert_eq!(roles[0]["role"], "building_head");
    assert_eq!(roles[0]["scope_path"]["building"], "bld_t04");
    her.post(
        "/api/v1/notices",
        &json!({ "title": marker("楼长"), "body": "正文", "scope": { "kind": "building", "id": "bld_t04" } }),
    )
    .expect(201, None);

    // Revoked, she may not.
    staff
        .post(
            &format!("{path}/revoke"),
            &json!({ "role": "building_head", "scope": { "kind": "building", "id": "bld_t04" } }),
        )
        .expect(200, None);
    staff
        .post(
            &format!("{path}/revoke"),
            &json!({ "role": "building_head", "scope": { "kind": "building", "id": "bld_t04" } }),
        )
        .expect(404, Some("not_found"));
    her.post(
        "/api/v1/notices",
        &json!({ "title": marker("楼长"), "body": "正文", "scope": { "kind": "building", "id": "bld_t04" } }),
    )
    .expect(403, Some("forbidden"));

    // The street admin may appoint community staff.
    let mut admin = Api::signed_in(ADMIN, STAFF_PASSWORD);
    admin
        .post(
            &path,
            &json!({ "role": "community_staff", "scope": { "kind": "community", "id": "com_t" } }),
        )
        .expect(200, None);
    admin
        .post(
            &format!("{path}/revoke"),
            &json!({ "role": "community_staff", "scope": { "kind": "community", "id": "com_t" } }),
        )
        .expect(200, None);
}

#[test]
fn a_passcode_reset_gives_a_temporary_passcode_and_ends_her_sessions() {
    let (mut her, me, phone) = joined("bld_t04");
    let path = format!("/api/v1/members/{}/passcode-reset", id(&me));
    Api::signed_in(GRID, STAFF_PASSWORD)
        .post(&path, &json!({}))
        .expect(404, Some("not_found"));
    Api::signed_in(HEAD3, RESIDENT_PASSCODE)
        .post(&path, &json!({}))
        .expect(404, Some("not_found"));
    let r = staff().post(&path, &json!({}));
    r.expect(200, None);
    let temporary = r.body["temporary_passcode"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert_eq!(temporary.len(), 8);
    assert!(temporary.bytes().all(|b| b.is_ascii_digit()));
    her.get("/api/v1/me").expect(401, Some("unauthenticated"));
    Api::new()
        .sign_in(&phone, "246810")
        .expect(401, Some("invalid_credentials"));
    Api::new().sign_in(&phone, &temporary).expect(200, None);
    // A member without a phone cannot sign in at all, so has no passcode to reset.
    staff()
        .post("/api/v1/members/mbr_elder/passcode-reset", &json!({}))
        .expect(422, Some("invalid"));
}

#[test]
fn households_gain_members_without_a_phone_and_choose_their_representative() {
    let mut staff = staff();
    let r = staff.post(
        "/api/v1/households/hh_t04_1_020/members",
        &json!({ "name": "  赵阿婆 " }),
    );
    r.expect(201, None);
    let elder = r.body["member"].clone();
    assert_eq!(elder["name"], "赵阿婆");
    assert_eq!(elder["phone"], "");
    assert_eq!(elder["verification"], "confirmed");
    staff
        .post(
            "/api/v1/households/hh_t04_1_020/members",
            &json!({ "name": " " }),
        )
        .expect(422, Some("required"));
    staff
        .post(
            "/api/v1/households/hh_nope/members",
            &json!({ "name": "x" }),
        )
        .expect(404, Some("not_found"));
    Api::signed_in(RESIDENT5, RESIDENT_PASSCODE)
        .post(
            "/api/v1/households/hh_t04_1_020/members",
            &json!({ "name": "x" }),
        )
        .expect(404, Some("not_found"));

    let units = staff.get("/api/v1/units/unt_t04_1/households");
    units.expect(200, None);
    let household = units.body["households"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|h| h["id"] == "hh_t04_1_020")
        .cloned()
        .unwrap_or_default();
    assert_eq!(household["members"][0]["has_phone"], false);
    assert_eq!(household["members"][0]["representative"], true);

    // Someone of another household cannot represent this one.
    staff
        .put(
            "/api/v1/households/hh_t04_1_020/representative",
            &json!({ "member_id": "mbr_r5" }),
        )
        .expect(422, Some("invalid"));
    let second = staff.post(
        "/api/v1/households/hh_t04_1_020/members",
        &json!({ "name": "赵大伯" }),
    );
    second.expect(201, None);
    assert_eq!(second.body["member"]["representative"], false);
    let r = staff.put(
        "/api/v1/households/hh_t04_1_020/representative",
        &json!({ "member_id": second.body["member"]["id"] }),
    );
    r.expect(200, None);
    assert_eq!(r.body["member"]["representative"], true);
}

#[test]
fn invite_codes_are_issued_printed_and_revoked_by_those_who_may() {
    let mut staff = staff();
    let r = staff.post(
        "/api/v1/households/hh_t04_2_030/invites",
        &json!({ "in_person": true }),
    );
    r.expect(201, None);
    let code = r.body["invite"]["code"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert_eq!(code.len(), 9);
    assert_eq!(&code[4..5], "-");
    assert_eq!(r.body["invite"]["in_person"], true);

    // Joining with an in-person code confirms at once; with a distant one she waits.
    let mut her = Api::new();
    her.post(
        "/api/v1/residents",
        &json!({ "invite_code": code, "name": "当面领码", "phone": fresh_phone(), "passcode": "246810" }),
    )
    .expect(201, None);
    assert_eq!(her.me()["home"]["verification"], "confirmed");
    let distant = staff.post("/api/v1/households/hh_t04_2_031/invites", &json!({}));
    distant.expect(201, None);
    let mut him = Api::new();
    him.post(
        "/api/v1/residents",
        &json!({ "invite_code": distant.body["invite"]["code"], "name": "远程领码", "phone": fresh_phone(), "passcode": "246810" }),
    )
    .expect(201, None);
    assert_eq!(him.me()["home"]["verification"], "pending");

    // A revoked code no longer admits anyone; revoking twice or an unknown code is refused.
    let revoked = staff.post("/api/v1/households/hh_t04_2_032/invites", &json!({}));
    let revoked = revoked.body["invite"]["code"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    staff
        .post(&format!("/api/v1/invites/{revoked}/revoke"), &json!({}))
        .expect(204, None);
    staff
        .post(&format!("/api/v1/invites/{revoked}/revoke"), &json!({}))
        .expect(422, Some("invite_code_invalid"));
    staff
        .post("/api/v1/invites/ZZZZ-ZZZZ/revoke", &json!({}))
        .expect(404, Some("not_found"));
    Api::new()
        .post(
            "/api/v1/residents",
            &json!({ "invite_code": revoked, "name": "迟到", "phone": fresh_phone(), "passcode": "246810" }),
        )
        .expect(422, Some("invite_code_invalid"));

    // The grid worker of 2–3号楼 may issue there, not in 5号楼; a resident nowhere.
    let mut grid = Api::signed_in(GRID, STAFF_PASSWORD);
    grid.post("/api/v1/households/hh_t03_2_035/invites", &json!({}))
        .expect(201, None);
    grid.post("/api/v1/households/hh_t05_2_035/invites", &json!({}))
        .expect(404, Some("not_found"));
    Api::signed_in(RESIDENT3, RESIDENT_PASSCODE)
        .post("/api/v1/households/hh_t03_2_036/invites", &json!({}))
        .expect(404, Some("not_found"));
}

#[test]
fn a_building_sheet_gives_every_household_a_code() {
    let mut staff = staff();
    let name = marker("印码楼");
    let b = staff.post(
        "/api/v1/buildings",
        &json!({ "parent_id": "cpd_b", "name": name, "layout": { "units": 1, "floors": 2, "doors_per_floor": 2 } }),
    );
    b.expect(201, None);
    let building = b.body["place"]["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let sheet = staff.get(&format!("/api/v1/buildings/{building}/invites"));
    sheet.expect(200, None);
    assert_eq!(sheet.body["invites"], json!([]));
    let issued = staff.post(&format!("/api/v1/buildings/{building}/invites"), &json!({}));
    issued.expect(201, None);
    assert_eq!(issued.body["issued"], 4);
    let doors: Vec<&str> = issued.body["invites"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|i| i["household_name"].as_str())
        .collect();
    assert_eq!(doors, ["101", "102", "201", "202"]);
    assert!(
        issued.body["building_name"]
            .as_str()
            .is_some_and(|n| n.contains(&name))
    );
    let again = staff.post(&format!("/api/v1/buildings/{building}/invites"), &json!({}));
    assert_eq!(again.body["issued"], 0);
    assert_eq!(again.body["invites"].as_array().map(Vec::len), Some(4));
}

#[test]
fn a_member_changes_her_passcode_and_manages_her_devices() {
    let (mut first, _, phone) = joined("bld_t04");
    let mut second = Api::signed_in(&phone, "246810");
    let mut third = Api::signed_in(&phone, "246810");

    let list = first.get("/api/v1/sessions");
    list.expect(200, None);
    let sessions = list.body["sessions"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(sessions.len(), 3);
    assert_eq!(sessions.iter().filter(|s| s["current"] == true).count(), 1);

    // Ending one of the others signs that client out.
    let mine = second.get("/api/v1/sessions").body["sessions"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|s| s["current"] == true)
        .map(id)
        .unwrap_or_default();
    first
        .delete(&format!("/api/v1/sessions/{mine}"))
        .expect(204, None);
    second
        .get("/api/v1/me")
        .expect(401, Some("unauthenticated"));
    first
        .delete(&format!("/api/v1/sessions/{mine}"))
        .expect(404, Some("not_found"));
    first
        .delete("/api/v1/sessions/not-a-session")
        .expect(404, Some("not_found"));

    // Passcode: the current one must be right, the new one long enough; the others are signed out.
    first
        .put(
            "/api/v1/me/passcode",
            &json!({ "current": "000000", "new": "13572468" }),
        )
        .expect(401, Some("invalid_credentials"));
    first
        .put(
            "/api/v1/me/passcode",
            &json!({ "current": "246810", "new": "123" }),
        )
        .expect(422, Some("too_short"));
    first
        .put(
            "/api/v1/me/passcode",
            &json!({ "current": "246810", "new": "13572468" }),
        )
        .expect(204, None);
    first.get("/api/v1/me").expect(200, None);
    third.get("/api/v1/me").expect(401, Some("unauthenticated"));
    Api::new().sign_in(&phone, "13572468").expect(200, None);

    // Ending the current session clears the cookie.
    let current = first.get("/api/v1/sessions").body["sessions"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|s| s["current"] == true)
        .map(id)
        .unwrap_or_default();
    let r = first.delete(&format!("/api/v1/sessions/{current}"));
    r.expect(204, None);
    assert!(
        r.header("set-cookie")
            .is_some_and(|c| c.contains("Max-Age=0"))
    );
}

#[test]
fn the_profile_keeps_her_choices() {
    let (mut her, me, _) = joined("bld_t04");
    assert_eq!(me["profile"]["name_display"], "full");
    let r = her.patch(
        "/api/v1/me/profile",
        &json!({ "name_display": "initials", "lang": "en", "large_type": true }),
    );
    r.expect(200, None);
    assert_eq!(
        r.body["member"]["profile"],
        json!({ "name_display": "initials", "lang": "en", "large_type": true,
                "notifications": { "push_off": [], "quiet_hours": { "from": 22, "to": 7 } } })
    );
    her.patch("/api/v1/me/profile", &json!({ "lang": null }))
        .expect(200, None);
    let profile = her.me()["profile"].clone();
    assert_eq!(profile["lang"], Value::Null);
    assert_eq!(profile["large_type"], true, "untouched fields stay");
    her.patch("/api/v1/me/profile", &json!({ "name_display": "nickname" }))
        .expect(400, Some("invalid_json"));
}

#[test]
fn wrong_invite_codes_are_limited_per_phone_number() {
    let phone = fresh_phone();
    let mut api = Api::new();
    for _ in 0..5 {
        api.post(
            "/api/v1/residents",
            &json!({ "invite_code": "ZZZZZZZZ", "name": "猜码", "phone": phone, "passcode": "246810" }),
        )
        .expect(422, Some("invite_code_invalid"));
    }
    let r = api.post(
        "/api/v1/residents",
        &json!({ "invite_code": "ZZZZZZZZ", "name": "猜码", "phone": phone, "passcode": "246810" }),
    );
    r.expect(429, Some("rate_limited"));
    assert!(
        r.body["error"]["retry_after_secs"]
            .as_u64()
            .is_some_and(|s| s > 0)
    );
}

#[test]
fn reads_are_recorded_for_oneself_or_on_behalf_with_a_reason() {
    let mut staff = staff();
    let created = staff.post(
        "/api/v1/notices",
        &json!({ "title": marker("已读"), "body": "正文", "scope": { "kind": "building", "id": "bld_t03" } }),
    );
    created.expect(201, None);
    let notice = created.body["notice"]["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let reads = format!("/api/v1/notices/{notice}/reads");

    let mut r3 = Api::signed_in(RESIDENT3, RESIDENT_PASSCODE);
    let first = r3.post(&reads, &json!({}));
    first.expect(201, None);
    let again = r3.post(&reads, &json!({}));
    again.expect(200, None);
    assert_eq!(again.body["read"]["read_at"], first.body["read"]["read_at"]);
    let detail = r3.get(&format!("/api/v1/notices/{notice}"));
    assert_eq!(
        detail.body["notice"]["my_read"]["read_at"],
        first.body["read"]["read_at"]
    );
    r3.get(&reads).expect(403, Some("forbidden"));
    Api::signed_in(PENDING, RESIDENT_PASSCODE)
        .post(&reads, &json!({}))
        .expect(404, Some("not_found"));

    // The grid worker records it for the elderly resident without a phone.
    let mut grid = Api::signed_in(GRID, STAFF_PASSWORD);
    let r = grid.post(
        &reads,
        &json!({ "on_behalf": { "member_id": "mbr_elder", "reason": " " } }),
    );
    r.expect(422, Some("required"));
    assert_eq!(r.body["error"]["field"], "reason");
    grid.post(
        &reads,
        &json!({ "on_behalf": { "member_id": "mbr_grid", "reason": "自己" } }),
    )
    .expect(422, Some("not_resident"));
    grid.post(
        &reads,
        &json!({ "on_behalf": { "member_id": "mbr_r5", "reason": "不在本楼" } }),
    )
    .expect(403, Some("forbidden"));
    let r = grid.post(
        &reads,
        &json!({ "on_behalf": { "member_id": "mbr_elder", "reason": "老人没有手机，已上门告知" } }),
    );
    r.expect(201, None);
    assert_eq!(r.body["read"]["member_name"], "无手机老人");
    assert_eq!(r.body["read"]["on_behalf"]["recorded_by_name"], "网格员");
    assert_eq!(
        r.body["read"]["on_behalf"]["reason"],
        "老人没有手机，已上门告知"
    );

    // Staff see both reads and who has not read it yet.
    let list = staff.get(&reads);
    list.expect(200, None);
    let names: Vec<&str> = list.body["reads"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|r| r["member_name"].as_str())
        .collect();
    assert!(
        names.contains(&"三号楼居民") && names.contains(&"无手机老人"),
        "{names:?}"
    );
    assert!(
        list.body["unread"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|u| u["member"] == "mbr_head3")
    );
    let addressed = list.body["addressed"].as_u64().unwrap_or_default();
    assert!(addressed >= 3);

    // The act on behalf is in the audit log of com_t's staff, not of the other community's.
    let entry = staff
        .audit(
            |e| e["action"] == "notice.read_on_behalf" && e["target_id"] == notice.as_str(),
            1,
        )
        .into_iter()
        .next()
        .unwrap_or_default();
    assert_eq!(entry["on_behalf_of_name"], "无手机老人");
    assert_eq!(entry["reason"], "老人没有手机，已上门告知");
    assert_eq!(entry["actor_name"], "网格员");
    let other = Api::signed_in(OTHER_STAFF, STAFF_PASSWORD).get("/api/v1/audit?limit=100");
    assert!(
        !other.body.to_string().contains(&notice),
        "another community's staff do not see it"
    );
    grid.get("/api/v1/audit").expect(403, Some("forbidden"));

    // Paging: one entry per page, the cursor leads on without repeats.
    let p1 = staff.get("/api/v1/audit?limit=1");
    let cursor = p1.body["next_cursor"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let p2 = staff.get(&format!(
        "/api/v1/audit?limit=1&cursor={}",
        yishi_api_tests::encode(&cursor)
    ));
    p2.expect(200, None);
    assert_ne!(p1.body["entries"][0]["id"], p2.body["entries"][0]["id"]);
}

/// Staff confirming the same resident at the same moment: one confirmation, one audit entry; the others
/// are told she is no longer pending.
#[test]
fn concurrent_decisions_confirm_once_and_log_once() {
    let (_, me, _) = joined("bld_t06");
    let member = id(&me);
    let handles: Vec<_> = (0..4)
        .map(|_| {
            let member = member.clone();
            std::thread::spawn(move || {
                staff()
                    .post(
                        &format!("/api/v1/members/{member}/verification"),
                        &json!({ "decision": "confirm" }),
                    )
                    .status
            })
        })
        .collect();
    let statuses: Vec<u16> = handles
        .into_iter()
        .map(|h| {
            h.join()
                .unwrap_or_else(|_| panic!("confirm thread panicked"))
        })
        .collect();
    assert_eq!(
        statuses.iter().filter(|s| **s == 200).count(),
        1,
        "{statuses:?}"
    );
    assert!(
        statuses.iter().all(|s| [200, 409].contains(s)),
        "{statuses:?}"
    );
    let entries = staff().audit(
        |e| e["action"] == "member.confirm" && e["target_id"] == member.as_str(),
        2,
    );
    assert_eq!(entries.len(), 1);
}
