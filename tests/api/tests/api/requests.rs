//! Residents' requests: the catalogue, intake, each change of status with the right and the wrong party,
//! joining and merging, splitting, registering for a caller, the scheduled job, figures and Open311.
//!
//! The fixture's catalogue: 路灯损坏 (sub_t_light) → 测试物业公司 (member FIXER), 3 working days;
//! 夜间施工噪音 (sub_t_noise) → 街道城管科 (member ROADS), 2 working days; 井盖 → the street, 24 hours;
//! 燃气泄漏 → the gas company, 2 hours. STAFF belongs to com_t's office (hdu_t_office), OTHER_STAFF to
//! com_other's (hdu_o_office), which has the figures' thousand requests of June.

use serde_json::{Value, json};
use yishi_api_tests::accounts::*;
use yishi_api_tests::{Api, PNG, Resp, marker};

fn report(api: &mut Api, sub: &str, building: &str, text: &str, extra: Value) -> Resp {
    let mut body = json!({
        "subcategory": sub,
        "description": text,
        "place": { "kind": "building", "id": building },
    });
    if let (Some(b), Some(e)) = (body.as_object_mut(), extra.as_object()) {
        b.extend(e.clone());
    }
    api.post("/api/v1/requests", &body)
}

fn id_of(r: &Resp) -> String {
    r.body["request"]["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

fn change(api: &mut Api, id: &str, body: Value) -> Resp {
    api.post(&format!("/api/v1/requests/{id}/changes"), &body)
}

fn kinds(r: &Resp) -> Vec<String> {
    r.body["request"]["events"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|e| e["kind"].as_str().unwrap_or_default().to_owned())
        .collect()
}

#[test]
fn a_broken_light_goes_to_the_property_company_and_back_to_the_resident() {
    let mut resident = Api::signed_in(RESIDENT5, RESIDENT_PASSCODE);
    let mut fixer = Api::signed_in(FIXER, STAFF_PASSWORD);
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    let text = marker("门口路灯不亮");
    let created = report(&mut resident, "sub_t_light", "bld_t05", &text, json!({}));
    created.expect(201, None);
    let id = id_of(&created);
    let r = &created.body["request"];
    assert_eq!(r["status"], "received");
    assert_eq!(r["unit"]["id"], "hdu_t_property");
    assert_eq!(
        r["subcategory"]["limit"],
        json!({ "unit": "working_days", "value": 3 })
    );
    // The deadline is the end of a day in China, after the day of receipt.
    let deadline = r["deadline"].as_str().unwrap_or_default();
    let due: chrono::DateTime<chrono::Utc> = deadline.parse().unwrap_or_default();
    let received: chrono::DateTime<chrono::Utc> = r["received_at"]
        .as_str()
        .unwrap_or_default()
        .parse()
        .unwrap_or_default();
    assert!(due > received + chrono::Duration::days(2), "{deadline}");
    assert_eq!(
        due.with_timezone(
            &chrono::FixedOffset::east_opt(8 * 3600).unwrap_or_else(|| unreachable!())
        )
        .format("%H:%M:%S")
        .to_string(),
        "23:59:59"
    );
    // Her name is hidden from the unit unless she allowed it; staff see it.
    let seen = fixer.get(&format!("/api/v1/requests/{id}"));
    seen.expect(200, None);
    assert!(seen.body["request"]["requester_name"].is_null());
    assert_eq!(seen.body["request"]["can"]["handle"], true);
    let by_staff = staff.get(&format!("/api/v1/requests/{id}"));
    assert_eq!(by_staff.body["request"]["requester_name"], "五号楼居民");
    assert_eq!(by_staff.body["request"]["can"]["handle"], false);

    // The wrong party for each change.
    change(&mut resident, &id, json!({ "action": "accept" })).expect(403, Some("forbidden"));
    change(&mut staff, &id, json!({ "action": "accept" })).expect(403, Some("forbidden"));
    change(
        &mut fixer,
        &id,
        json!({ "action": "merge", "into": "req_t_overdue", "note": "重复" }),
    )
    .expect(403, Some("forbidden"));
    let mut stranger = Api::signed_in(RESIDENT_OTHER, RESIDENT_PASSCODE);
    change(&mut stranger, &id, json!({ "action": "accept" })).expect(404, Some("not_found"));
    // Steps cannot be skipped.
    change(&mut fixer, &id, json!({ "action": "start" })).expect(409, Some("request_status"));

    change(
        &mut fixer,
        &id,
        json!({ "action": "accept", "note": "已派维修员" }),
    )
    .expect(200, None);
    change(&mut fixer, &id, json!({ "action": "accept" })).expect(409, Some("request_status"));
    change(&mut fixer, &id, json!({ "action": "start" })).expect(200, None);
    change(
        &mut fixer,
        &id,
        json!({ "action": "resolve", "note": "  " }),
    )
    .expect(422, Some("required"));
    let resolved = change(
        &mut fixer,
        &id,
        json!({ "action": "resolve", "note": "更换了灯泡" }),
    );
    resolved.expect(200, None);
    assert_eq!(resolved.body["request"]["status"], "resolved");
    assert!(resolved.body["request"]["confirmation_ends"].is_string());

    // Only the resident confirms; "not fixed" reopens it.
    let confirm = |api: &mut Api, outcome: &str, stars: u8| {
        api.post(
            &format!("/api/v1/requests/{id}/confirmation"),
            &json!({ "outcome": outcome, "stars": stars, "comment": "晚上还是不亮" }),
        )
    };
    confirm(&mut fixer, "fixed", 5).expect(403, Some("forbidden"));
    confirm(&mut resident, "fixed", 6).expect(422, Some("out_of_range"));
    let reopened = confirm(&mut resident, "not_fixed", 2);
    reopened.expect(200, None);
    assert_eq!(reopened.body["request"]["status"], "in_progress");
    assert!(reopened.body["request"]["resolved_at"].is_null());
    change(
        &mut fixer,
        &id,
        json!({ "action": "resolve", "note": "换了整个灯头" }),
    )
    .expect(200, None);
    let closed = confirm(&mut resident, "fixed", 5);
    closed.expect(200, None);
    assert_eq!(closed.body["request"]["status"], "closed");
    assert_eq!(closed.body["request"]["rating"]["stars"], 5);
    assert_eq!(closed.body["request"]["rating"]["outcome"], "fixed");
    confirm(&mut resident, "fixed", 5).expect(409, Some("request_status"));
    assert_eq!(
        kinds(&closed),
        [
            "received",
            "accepted",
            "started",
            "resolved",
            "reopened",
            "resolved",
            "confirmed_fixed"
        ]
    );
    let events = closed.body["request"]["events"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(events[1]["actor_name"], "物业维修员");
    assert_eq!(events[1]["note"], "已派维修员");
    assert_eq!(events[3]["note"], "更换了灯泡");
    // Hers in her list, the unit's in its list.
    let mine = resident.get("/api/v1/requests?view=mine&limit=100");
    assert!(
        mine.body["requests"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|r| r["id"] == id.as_str())
    );
    let handling = fixer.get("/api/v1/requests?view=handling&status=closed&limit=100");
    assert!(
        handling.body["requests"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|r| r["id"] == id.as_str())
    );
}

#[test]
fn a_unit_returns_what_is_not_its_own_and_staff_send_it_on() {
    let mut resident = Api::signed_in(RESIDENT5, RESIDENT_PASSCODE);
    let mut roads = Api::signed_in(ROADS, STAFF_PASSWORD);
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    let created = report(
        &mut resident,
        "sub_t_noise",
        "bld_t05",
        &marker("楼上装修"),
        json!({ "show_name": true }),
    );
    created.expect(201, None);
    let id = id_of(&created);
    assert_eq!(created.body["request"]["unit"]["id"], "hdu_t_street");
    let seen = roads.get(&format!("/api/v1/requests/{id}"));
    assert_eq!(seen.body["request"]["requester_name"], "五号楼居民");
    // The right unit must be named (首问负责), and not itself.
    change(
        &mut roads,
        &id,
        json!({ "action": "return", "note": "属于室内装修" }),
    )
    .expect(422, Some("invalid"));
    change(
        &mut roads,
        &id,
        json!({ "action": "return", "note": "x", "unit": "hdu_t_street" }),
    )
    .expect(422, Some("invalid"));
    change(
        &mut roads,
        &id,
        json!({ "action": "return", "note": "x", "unit": "hdu_nope" }),
    )
    .expect(422, Some("invalid"));
    let returned = change(
        &mut roads,
        &id,
        json!({ "action": "return", "note": "室内装修噪音由社区协调", "unit": "hdu_t_office" }),
    );
    returned.expect(200, None);
    assert_eq!(returned.body["request"]["status"], "returned");
    assert_eq!(
        returned.body["request"]["returned_to"]["id"],
        "hdu_t_office"
    );
    // Staff send it on; the unit and the resident cannot.
    change(&mut roads, &id, json!({ "action": "reroute" })).expect(403, Some("forbidden"));
    change(&mut resident, &id, json!({ "action": "reroute" })).expect(403, Some("forbidden"));
    let sent = change(
        &mut staff,
        &id,
        json!({ "action": "reroute", "note": "转社区居委会" }),
    );
    sent.expect(200, None);
    assert_eq!(sent.body["request"]["status"], "received");
    assert_eq!(sent.body["request"]["unit"]["id"], "hdu_t_office");
    assert!(sent.body["request"]["returned_to"].is_null());
    assert_eq!(sent.body["request"]["can"]["handle"], true);
    // The street's unit no longer sees it.
    roads
        .get(&format!("/api/v1/requests/{id}"))
        .expect(404, Some("not_found"));
    let audit = staff.audit(|e| e.to_string().contains(&id), 1);
    assert!(!audit.is_empty(), "no audit entry names {id}");
}

#[test]
fn neighbours_join_a_request_and_staff_merge_duplicates() {
    let mut first = Api::signed_in(RESIDENT5, RESIDENT_PASSCODE);
    let mut neighbour = Api::signed_in(COUNCIL, RESIDENT_PASSCODE);
    let mut duplicate_author = Api::signed_in(RESIDENT3, RESIDENT_PASSCODE);
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    let created = report(
        &mut first,
        "sub_t_cover",
        "bld_t04",
        &marker("4号楼井盖"),
        json!({}),
    );
    created.expect(201, None);
    let id = id_of(&created);
    let similar = neighbour.get(
        "/api/v1/requests/similar?subcategory=sub_t_cover&place_kind=building&place_id=bld_t05",
    );
    similar.expect(200, None);
    assert!(
        similar.body["requests"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|r| r["id"] == id.as_str()),
        "a request of the same compound is nearby"
    );
    let mut stranger = Api::signed_in(RESIDENT_OTHER, RESIDENT_PASSCODE);
    stranger
        .get(
            "/api/v1/requests/similar?subcategory=sub_t_cover&place_kind=building&place_id=bld_t05",
        )
        .expect(403, Some("forbidden"));
    stranger
        .post(&format!("/api/v1/requests/{id}/join"), &json!({}))
        .expect(404, Some("not_found"));
    neighbour
        .get("/api/v1/requests/similar?subcategory=sub_nope&place_kind=building&place_id=bld_t05")
        .expect(422, Some("invalid"));

    let joined = neighbour.post(&format!("/api/v1/requests/{id}/join"), &json!({}));
    joined.expect(200, None);
    assert_eq!(joined.body["request"]["followers"], 1);
    neighbour
        .post(&format!("/api/v1/requests/{id}/join"), &json!({}))
        .expect(200, None);
    let again = neighbour.get(&format!("/api/v1/requests/{id}"));
    assert_eq!(again.body["request"]["followers"], 1, "joined once");
    assert_eq!(again.body["request"]["can"]["join"], false);
    let list = neighbour.get("/api/v1/requests?view=mine&status=open&limit=100");
    assert!(
        list.body["requests"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|r| r["id"] == id.as_str())
    );

    // A second report of the same light, merged by staff.
    let dup = report(
        &mut duplicate_author,
        "sub_t_cover",
        "bld_t04",
        &marker("4号楼井盖又松了"),
        json!({}),
    );
    dup.expect(201, None);
    let dup_id = id_of(&dup);
    let merge = |api: &mut Api, body: Value| change(api, &dup_id, body);
    merge(&mut staff, json!({ "action": "merge", "into": id })).expect(422, Some("required"));
    merge(
        &mut staff,
        json!({ "action": "merge", "into": dup_id, "note": "重复" }),
    )
    .expect(422, Some("unknown_request_number"));
    merge(
        &mut duplicate_author,
        json!({ "action": "merge", "into": id, "note": "重复" }),
    )
    .expect(403, Some("forbidden"));
    let merged = merge(
        &mut staff,
        json!({ "action": "merge", "into": id, "note": "同一盏路灯" }),
    );
    merged.expect(200, None);
    assert_eq!(merged.body["request"]["status"], "merged");
    assert_eq!(merged.body["request"]["merged_into"], id.as_str());
    merge(
        &mut staff,
        json!({ "action": "merge", "into": id, "note": "again" }),
    )
    .expect(409, Some("request_status"));
    let target = duplicate_author.get(&format!("/api/v1/requests/{id}"));
    target.expect(200, None);
    assert_eq!(target.body["request"]["followers"], 2);
    assert!(kinds(&target).contains(&"merged_in".to_owned()));
}

#[test]
fn staff_split_a_second_trouble_into_its_own_request() {
    let mut resident = Api::signed_in(RESIDENT5, RESIDENT_PASSCODE);
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    let created = report(
        &mut resident,
        "sub_t_light",
        "bld_t06",
        &marker("路灯坏了，工地晚上也吵"),
        json!({}),
    );
    let id = id_of(&created);
    let split =
        |api: &mut Api, body: Value| api.post(&format!("/api/v1/requests/{id}/split"), &body);
    split(
        &mut resident,
        json!({ "subcategory": "sub_t_noise", "description": "工地夜间施工" }),
    )
    .expect(403, Some("forbidden"));
    split(
        &mut staff,
        json!({ "subcategory": "sub_nope", "description": "工地夜间施工" }),
    )
    .expect(422, Some("invalid"));
    let child = split(
        &mut staff,
        json!({ "subcategory": "sub_t_noise", "description": "工地夜间施工" }),
    );
    child.expect(201, None);
    assert_eq!(child.body["request"]["split_from"], id.as_str());
    assert_eq!(child.body["request"]["unit"]["id"], "hdu_t_street");
    assert_eq!(
        child.body["request"]["received_at"],
        created.body["request"]["received_at"]
    );
    let child_id = id_of(&child);
    resident
        .get(&format!("/api/v1/requests/{child_id}"))
        .expect(200, None);
    let parent = resident.get(&format!("/api/v1/requests/{id}"));
    assert!(kinds(&parent).contains(&"split".to_owned()));
}

#[test]
fn grid_workers_and_staff_register_calls_for_residents() {
    let mut grid = Api::signed_in(GRID, STAFF_PASSWORD);
    let on_behalf = |phone: Option<&str>, channel: &str| json!({ "on_behalf": { "channel": channel, "name": "三号楼居民", "phone": phone } });
    let text = marker("电话反映路灯");
    let created = report(
        &mut grid,
        "sub_t_light",
        "bld_t03",
        &text,
        on_behalf(Some(RESIDENT3), "phone"),
    );
    created.expect(201, None);
    assert_eq!(created.body["request"]["channel"], "phone");
    let id = id_of(&created);
    // She follows what she registered, with the caller's name; her places are her grid's buildings.
    assert_eq!(created.body["request"]["requester_name"], "三号楼居民");
    let mut places: Vec<String> = grid.get("/api/v1/requests/catalogue").body["register_places"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|p| p["scope"]["id"].as_str().unwrap_or_default().to_owned())
        .collect();
    places.sort();
    assert_eq!(places, ["bld_t02", "bld_t03"]);
    let mut r3 = Api::signed_in(RESIDENT3, RESIDENT_PASSCODE);
    assert_eq!(
        r3.get("/api/v1/requests/catalogue").body["register_places"],
        json!([])
    );
    let mine = r3.get("/api/v1/requests?view=mine&limit=100");
    assert!(
        mine.body["requests"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|r| r["id"] == id.as_str())
    );
    // Outside her grid, with a channel that is not a call or a visit, or as a resident: refused.
    report(
        &mut grid,
        "sub_t_light",
        "bld_t05",
        &text,
        on_behalf(None, "phone"),
    )
    .expect(403, Some("forbidden"));
    report(
        &mut grid,
        "sub_t_light",
        "bld_t03",
        &text,
        on_behalf(None, "app"),
    )
    .expect(422, Some("invalid"));
    report(
        &mut grid,
        "sub_t_light",
        "bld_t03",
        &text,
        on_behalf(Some("123"), "phone"),
    )
    .expect(422, None);
    report(
        &mut r3,
        "sub_t_light",
        "bld_t03",
        &text,
        on_behalf(None, "phone"),
    )
    .expect(403, Some("forbidden"));
    // A caller without an account: staff see her name and phone.
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    let walk_in = report(
        &mut staff,
        "sub_t_light",
        "bld_t05",
        &text,
        json!({ "on_behalf": { "channel": "in_person", "name": "来访老人", "phone": "13912345678" } }),
    );
    walk_in.expect(201, None);
    assert_eq!(walk_in.body["request"]["requester_name"], "来访老人");
    assert_eq!(walk_in.body["request"]["caller_phone"], "13912345678");
}

#[test]
fn bad_requests_are_refused_and_nothing_is_stored() {
    let mut resident = Api::signed_in(RESIDENT5, RESIDENT_PASSCODE);
    // Every refused attempt carries this text; none may be found afterwards.
    let text = marker("不该保存的路灯");
    report(&mut resident, "sub_t_light", "bld_t05", "  ", json!({})).expect(422, Some("required"));
    report(&mut resident, "sub_nope", "bld_t05", &text, json!({})).expect(422, Some("invalid"));
    report(&mut resident, "sub_t_light", "bld_nope", &text, json!({})).expect(422, Some("invalid"));
    report(&mut resident, "sub_t_light", "bld_o01", &text, json!({}))
        .expect(403, Some("forbidden"));
    report(
        &mut resident,
        "sub_t_light",
        "bld_t05",
        &"长".repeat(1001),
        json!({}),
    )
    .expect(422, Some("too_long"));
    report(
        &mut resident,
        "sub_t_light",
        "bld_t05",
        &text,
        json!({ "photos": ["pho_nope"] }),
    )
    .expect(422, Some("invalid"));
    let community = json!({ "subcategory": "sub_t_light", "description": text,
        "place": { "kind": "community", "id": "com_t" } });
    // A place above a building needs its exact place in words: the error names that field, not the
    // place chosen (the form once showed "请填写会议地点。" at the exact place).
    let r = resident.post("/api/v1/requests", &community);
    r.expect(422, Some("required"));
    assert_eq!(r.body["error"]["field"], "place_text");
    assert_eq!(r.body["error"]["message"], "请填写具体位置。");
    let street = json!({ "subcategory": "sub_t_light", "description": text, "place": { "kind": "street", "id": "str_t" } });
    let r = resident.post("/api/v1/requests", &street);
    r.expect(422, Some("invalid"));
    assert_eq!(r.body["error"]["field"], "place");
    resident
        .post_raw("/api/v1/requests", "{", true)
        .expect(400, Some("invalid_json"));
    let mine = resident.get("/api/v1/requests?view=mine&limit=100");
    assert!(
        !mine.body.to_string().contains(&text),
        "a refused request was stored"
    );
    resident
        .get("/api/v1/requests/req_nope")
        .expect(404, Some("not_found"));
    resident
        .get("/api/v1/requests?view=all")
        .expect(403, Some("forbidden"));
    resident
        .get("/api/v1/requests?status=bogus")
        .expect(422, Some("invalid"));
    let mut other_staff = Api::signed_in(OTHER_STAFF, STAFF_PASSWORD);
    other_staff
        .get("/api/v1/requests/req_t_overdue")
        .expect(404, Some("not_found"));
    // A place described in words, within her community.
    let with_place = json!({ "subcategory": "sub_t_light", "description": "路灯",
        "place": { "kind": "community", "id": "com_t" }, "place_text": "社区东门停车场" });
    let ok = resident.post("/api/v1/requests", &with_place);
    ok.expect(201, None);
    assert_eq!(ok.body["request"]["place_text"], "社区东门停车场");
}

#[test]
fn photos_go_with_the_request_and_only_its_readers_see_them() {
    let mut resident = Api::signed_in(RESIDENT5, RESIDENT_PASSCODE);
    let photo = resident.send_bytes("POST", "/api/v1/photos", "image/png", PNG);
    photo.expect(201, None);
    let pid = photo.body["photo"]["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let created = report(
        &mut resident,
        "sub_t_light",
        "bld_t05",
        &marker("带照片"),
        json!({ "photos": [pid] }),
    );
    created.expect(201, None);
    assert_eq!(created.body["request"]["photos"], json!([pid]));
    let mut fixer = Api::signed_in(FIXER, STAFF_PASSWORD);
    let seen = fixer.get(&format!("/api/v1/photos/{pid}"));
    seen.expect(200, None);
    assert_eq!(seen.raw.as_slice(), PNG);
    let mut stranger = Api::signed_in(RESIDENT_OTHER, RESIDENT_PASSCODE);
    stranger
        .get(&format!("/api/v1/photos/{pid}"))
        .expect(404, Some("not_found"));
    // The handler's photo goes with the resolution.
    let id = id_of(&created);
    let after = fixer.send_bytes("POST", "/api/v1/photos", "image/png", PNG);
    after.expect(201, None);
    let after_id = after.body["photo"]["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    change(&mut fixer, &id, json!({ "action": "accept" })).expect(200, None);
    let done = change(
        &mut fixer,
        &id,
        json!({ "action": "resolve", "note": "修好了", "photos": [after_id] }),
    );
    done.expect(200, None);
    let events = done.body["request"]["events"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(
        events.last().map(|e| e["photos"].clone()),
        Some(json!([after_id]))
    );
    resident
        .get(&format!("/api/v1/photos/{after_id}"))
        .expect(200, None);
}

#[test]
fn the_scheduled_job_escalates_overdue_requests_and_closes_unanswered_ones() {
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    let mut anyone = Api::new();
    let ran = anyone.get("/__scheduled?cron=*/10+*+*+*+*");
    assert_eq!(ran.status, 200);
    let overdue = staff.get("/api/v1/requests/req_t_overdue");
    overdue.expect(200, None);
    // Due on 4 September: long past five working days late, so up to the district.
    assert_eq!(overdue.body["request"]["escalation"], "district");
    assert_eq!(overdue.body["request"]["overdue"], true);
    assert!(kinds(&overdue).contains(&"escalated_district".to_owned()));
    let closed = staff.get("/api/v1/requests/req_t_resolved_old");
    assert_eq!(closed.body["request"]["status"], "closed");
    assert!(kinds(&closed).contains(&"closed_unanswered".to_owned()));
    // Running again changes nothing.
    anyone.get("/__scheduled?cron=*/10+*+*+*+*");
    let again = staff.get("/api/v1/requests/req_t_overdue");
    assert_eq!(kinds(&again), kinds(&overdue));
    let escalated = staff.get("/api/v1/requests?view=all&status=escalated&limit=100");
    assert!(
        escalated.body["requests"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|r| r["id"] == "req_t_overdue")
    );
}

#[test]
fn the_catalogue_is_kept_by_the_street_admin_staff_add_their_units_and_everyone_reads_it() {
    let mut resident = Api::signed_in(RESIDENT5, RESIDENT_PASSCODE);
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    let mut admin = Api::signed_in(ADMIN, STAFF_PASSWORD);
    let seen = resident.get("/api/v1/requests/catalogue");
    seen.expect(200, None);
    assert_eq!(seen.body["can_edit"], false);
    let units = seen.body["units"].as_array().cloned().unwrap_or_default();
    assert!(
        units.iter().all(|u| u["members"] == json!([])),
        "members are for staff"
    );
    let by_staff = staff.get("/api/v1/requests/catalogue");
    assert_eq!(by_staff.body["can_edit"], false, "the district's, not hers");
    assert_eq!(by_staff.body["can_add_unit"], true);
    assert!(by_staff.body.to_string().contains("物业维修员"));
    assert_eq!(
        admin.get("/api/v1/requests/catalogue").body["can_edit"],
        true
    );

    let name = marker("市政设施");
    resident
        .post("/api/v1/requests/categories", &json!({ "name": name }))
        .expect(403, Some("forbidden"));
    // A community's staff would re-route every community's requests: the categories are not hers.
    staff
        .post("/api/v1/requests/categories", &json!({ "name": name }))
        .expect(403, Some("forbidden"));
    let cat = admin.post("/api/v1/requests/categories", &json!({ "name": name }));
    cat.expect(200, None);
    admin
        .post("/api/v1/requests/categories", &json!({ "name": name }))
        .expect(409, Some("name_taken"));
    let cat_id = cat.body["categories"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|c| c["name"] == name.as_str())
        .map(|c| c["id"].as_str().unwrap_or_default().to_owned())
        .unwrap_or_default();
    let unit_name = marker("园林所");
    let unit = staff.post(
        "/api/v1/requests/units",
        &json!({ "name": unit_name, "kind": "street_department" }),
    );
    unit.expect(200, None);
    let unit_id = unit.body["units"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|u| u["name"] == unit_name.as_str())
        .map(|u| u["id"].as_str().unwrap_or_default().to_owned())
        .unwrap_or_default();
    staff
        .post(
            &format!("/api/v1/requests/units/{unit_id}/members"),
            &json!({ "phone": ROADS }),
        )
        .expect(200, None);
    staff
        .post(
            &format!("/api/v1/requests/units/{unit_id}/members"),
            &json!({ "phone": "13999999999" }),
        )
        .expect(404, Some("not_found"));
    let sub = |limit: Value, unit: &str| {
        json!({ "category": cat_id, "name": marker("树木倒伏"), "unit": unit,
        "legal_basis": "《城市绿化条例》", "standard": "清理倒伏树木", "keywords": "树、倒伏", "limit": limit })
    };
    admin
        .post(
            "/api/v1/requests/subcategories",
            &sub(json!({ "unit": "hours", "value": 0 }), &unit_id),
        )
        .expect(422, Some("out_of_range"));
    admin
        .post(
            "/api/v1/requests/subcategories",
            &sub(json!({ "unit": "working_days", "value": 91 }), &unit_id),
        )
        .expect(422, Some("out_of_range"));
    admin
        .post(
            "/api/v1/requests/subcategories",
            &sub(json!({ "unit": "hours", "value": 4 }), "hdu_nope"),
        )
        .expect(422, Some("invalid"));
    staff
        .post(
            "/api/v1/requests/subcategories",
            &sub(json!({ "unit": "hours", "value": 4 }), &unit_id),
        )
        .expect(403, Some("forbidden"));
    let made = admin.post(
        "/api/v1/requests/subcategories",
        &sub(json!({ "unit": "hours", "value": 4 }), &unit_id),
    );
    made.expect(200, None);
    admin
        .put(
            "/api/v1/requests/subcategories/sub_nope",
            &sub(json!({ "unit": "hours", "value": 4 }), &unit_id),
        )
        .expect(404, Some("not_found"));
    let audit = admin.audit(|e| e.to_string().contains("request_subcategory"), 1);
    assert!(!audit.is_empty(), "no audit entry of a subcategory");
    // The calendar: a day cannot be both; the confirmation days are 1 to 30.
    admin
        .put(
            "/api/v1/requests/calendar",
            &json!({ "holidays": ["2027-01-01"], "workdays": ["2027-01-01"], "confirm_days": 7 }),
        )
        .expect(422, Some("invalid"));
    admin
        .put(
            "/api/v1/requests/calendar",
            &json!({ "holidays": [], "workdays": [], "confirm_days": 0 }),
        )
        .expect(422, Some("out_of_range"));
    for other in [&mut resident, &mut staff] {
        other
            .put(
                "/api/v1/requests/calendar",
                &json!({ "holidays": [], "workdays": [], "confirm_days": 7 }),
            )
            .expect(403, Some("forbidden"));
    }
    // The fixture's own calendar, written back as it was.
    let kept = admin.put(
        "/api/v1/requests/calendar",
        &json!({ "holidays": ["2027-01-01"], "workdays": ["2027-02-07"], "confirm_days": 7 }),
    );
    kept.expect(200, None);
    assert_eq!(kept.body["holidays"], json!(["2027-01-01"]));
}

#[test]
fn the_catalogue_goes_out_and_comes_back_as_a_spreadsheet() {
    let mut staff = Api::signed_in(STAFF2, STAFF_PASSWORD);
    let file = staff.get("/api/v1/requests/catalogue.csv");
    file.expect(200, None);
    assert!(
        file.header("content-type")
            .unwrap_or_default()
            .starts_with("text/csv")
    );
    let text = String::from_utf8(file.raw.clone()).unwrap_or_default();
    assert!(
        text.starts_with("\u{feff}大类,小类,责任单位,单位类型,时限,时限单位"),
        "{text}"
    );
    assert!(
        text.contains("路灯损坏,测试物业公司,物业,3,工作日"),
        "{text}"
    );
    // Staff read the file; the street admin, who keeps the catalogue, brings one in. Importing what was
    // exported changes nothing but counts every row as updated.
    staff
        .post_csv("/api/v1/requests/catalogue.csv", &text)
        .expect(403, Some("forbidden"));
    let mut admin = Api::signed_in(ADMIN, STAFF_PASSWORD);
    let back = admin.post_csv("/api/v1/requests/catalogue.csv", &text);
    back.expect(200, None);
    assert_eq!(back.body["subcategories_created"], 0);
    assert!(back.body["subcategories_updated"].as_u64().unwrap_or(0) >= 4);
    // New rows create their category and unit by name.
    let cat = marker("新大类");
    let unit = marker("新单位");
    let added = admin.post_csv(
        "/api/v1/requests/catalogue.csv",
        &format!("category,subcategory,unit,unit_kind,limit,limit_unit,legal_basis,standard,keywords\n{cat},积水,{unit},utility,6,hours,,,积水\n"),
    );
    added.expect(200, None);
    assert_eq!(added.body["categories_created"], 1);
    assert_eq!(added.body["units_created"], 1);
    assert_eq!(added.body["subcategories_created"], 1);
    // A bad row refuses the whole file, naming its line.
    let bad = admin.post_csv(
        "/api/v1/requests/catalogue.csv",
        &format!("大类,小类,责任单位,单位类型,时限,时限单位,法规依据,办理标准,关键词\n{cat},一,{unit},公用事业,1,小时,,,\n{cat},二,{unit},公用事业,1,周,,,\n"),
    );
    bad.expect(422, Some("import_rejected"));
    assert!(bad.body.to_string().contains('3'), "{}", bad.body);
    let catalogue = staff.get("/api/v1/requests/catalogue").body.to_string();
    assert!(
        !catalogue.contains("\"一\""),
        "nothing of a refused file is stored"
    );
    let mut resident = Api::signed_in(RESIDENT5, RESIDENT_PASSCODE);
    resident
        .get("/api/v1/requests/catalogue.csv")
        .expect(403, Some("forbidden"));
    resident
        .post_csv("/api/v1/requests/catalogue.csv", "大类\n")
        .expect(403, Some("forbidden"));
}

/// 1,000 requests of com_other received in June 2026 (see `scripts/seed.py`): request i is received at
/// 2026-06-01T00:00Z + 37 min × i, due 30,000 s later, handled in (i mod 97) × 600 + 60 s; every 7th is
/// still in progress; every 3rd completed one is rated (i mod 5) + 1; units alternate.
#[test]
fn figures_of_a_thousand_requests_are_exact() {
    let mut staff = Api::signed_in(OTHER_STAFF, STAFF_PASSWORD);
    let r = staff.get("/api/v1/requests/figures?from=2026-06-01&to=2026-06-30");
    r.expect(200, None);
    let total = &r.body["total"];
    let open = |i: &u32| i.is_multiple_of(7);
    let took = |i: u32| f64::from((i % 97) * 600 + 60);
    let done: Vec<u32> = (0..1000).filter(|i| !open(i)).collect();
    assert_eq!(total["received"], 1000);
    assert_eq!(total["completed"], done.len());
    assert_eq!(total["completed"], 857);
    assert_eq!(total["completion_rate"].as_f64(), Some(857.0 / 1000.0));
    let avg = done.iter().map(|i| took(*i)).sum::<f64>() / 857.0;
    assert_eq!(total["avg_handling_seconds"].as_f64(), Some(avg));
    let mut sorted: Vec<f64> = done.iter().map(|i| took(*i)).collect();
    sorted.sort_by(f64::total_cmp);
    assert_eq!(
        total["p90_handling_seconds"].as_f64(),
        Some(sorted[(857 * 9usize).div_ceil(10) - 1])
    );
    let late = (0..1000u32)
        .filter(|i| open(i) || took(*i) > 30000.0)
        .count();
    assert_eq!(total["overdue"], late);
    let rated: Vec<u32> = done.iter().copied().filter(|i| i % 3 == 0).collect();
    assert_eq!(total["rated"], rated.len());
    let stars = f64::from(rated.iter().map(|i| i % 5 + 1).sum::<u32>())
        / f64::from(u32::try_from(rated.len()).unwrap_or(1));
    assert_eq!(total["avg_stars"].as_f64(), Some(stars));
    // Per unit: even requests with the office, odd ones with the property company.
    let units = r.body["by_unit"].as_array().cloned().unwrap_or_default();
    assert_eq!(units.len(), 2);
    for u in &units {
        let even = u["id"] == "hdu_o_office";
        let mine: Vec<u32> = (0..1000).filter(|i| (i % 2 == 0) == even).collect();
        let completed: Vec<u32> = mine.iter().copied().filter(|i| !open(i)).collect();
        assert_eq!(u["figures"]["received"], 500);
        assert_eq!(u["figures"]["completed"], completed.len());
        let unit_avg = completed.iter().map(|i| took(*i)).sum::<f64>()
            / f64::from(u32::try_from(completed.len()).unwrap_or(1));
        assert_eq!(
            u["figures"]["avg_handling_seconds"].as_f64(),
            Some(unit_avg)
        );
    }
    assert_eq!(r.body["by_category"].as_array().map(Vec::len), Some(3));
    // The same as a spreadsheet.
    let csv = staff.get("/api/v1/requests/figures?from=2026-06-01&to=2026-06-30&format=csv");
    csv.expect(200, None);
    let text = String::from_utf8(csv.raw.clone()).unwrap_or_default();
    assert!(text.contains("合计,,1000,857,85.70%"), "{text}");
    // A period without them, a bad period, and a resident.
    let empty = staff.get("/api/v1/requests/figures?from=2026-07-01&to=2026-07-31");
    assert_eq!(empty.body["total"]["received"], 0);
    staff
        .get("/api/v1/requests/figures?from=2026-07-01&to=2026-06-01")
        .expect(422, Some("invalid"));
    staff
        .get("/api/v1/requests/figures?from=yesterday")
        .expect(422, Some("invalid"));
    let mut resident = Api::signed_in(RESIDENT_OTHER, RESIDENT_PASSCODE);
    resident
        .get("/api/v1/requests/figures")
        .expect(403, Some("forbidden"));
    // Another community's staff do not see them.
    let mut staff_t = Api::signed_in(STAFF, STAFF_PASSWORD);
    let theirs = staff_t.get("/api/v1/requests/figures?from=2026-06-01&to=2026-06-30");
    assert_eq!(theirs.body["total"]["received"], 0);
}

/// The shapes of GeoReport v2's examples: <https://wiki.open311.org/GeoReport_v2>.
#[test]
fn open311_clients_read_services_and_requests_and_submit_with_a_key() {
    let mut client = Api::new();
    let services = client.get("/api/open311/v2/services.json");
    assert_eq!(services.status, 200);
    let light = services
        .body
        .as_array()
        .into_iter()
        .flatten()
        .find(|s| s["service_code"] == "sub_t_light")
        .cloned()
        .unwrap_or_default();
    for key in [
        "service_code",
        "service_name",
        "description",
        "metadata",
        "type",
        "keywords",
        "group",
    ] {
        assert!(light.get(key).is_some(), "service without {key}: {light}");
    }
    assert_eq!(light["service_name"], "路灯损坏");
    assert_eq!(light["type"], "realtime");
    assert_eq!(light["group"], "公共设施");
    let def = client.get("/api/open311/v2/services/sub_t_light.json");
    assert_eq!(def.status, 200);
    assert_eq!(
        def.body,
        json!({ "service_code": "sub_t_light", "attributes": [] })
    );
    let missing = client.get("/api/open311/v2/services/sub_nope.json");
    assert_eq!(missing.status, 404);
    assert_eq!(missing.body[0]["code"], 404);
    assert_eq!(client.get("/api/open311/v2/services.xml").status, 404);
    assert_eq!(
        client
            .get("/api/open311/v2/requests/req_t_overdue.xml")
            .status,
        400
    );

    let one = client.get("/api/open311/v2/requests/req_t_overdue.json");
    assert_eq!(one.status, 200);
    let r = &one.body[0];
    for key in [
        "service_request_id",
        "status",
        "service_name",
        "service_code",
        "agency_responsible",
        "requested_datetime",
        "updated_datetime",
        "expected_datetime",
        "address",
        "lat",
        "long",
    ] {
        assert!(r.get(key).is_some(), "request without {key}: {r}");
    }
    assert_eq!(r["status"], "open");
    assert_eq!(r["requested_datetime"], "2026-09-01T09:00:00+08:00");
    assert!(
        r["description"].is_null(),
        "residents' words are not published"
    );
    let listed = client.get("/api/open311/v2/requests.json?start_date=2026-08-15T00:00:00Z&end_date=2026-09-30T00:00:00Z&status=open");
    assert_eq!(listed.status, 200);
    assert!(
        listed
            .body
            .as_array()
            .into_iter()
            .flatten()
            .any(|r| r["service_request_id"] == "req_t_overdue")
    );
    assert!(
        listed
            .body
            .as_array()
            .into_iter()
            .flatten()
            .all(|r| r["status"] == "open")
    );
    assert_eq!(client.get("/api/open311/v2/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-09-30T00:00:00Z").status, 400);
    assert_eq!(
        client
            .get("/api/open311/v2/requests.json?status=pending")
            .status,
        400
    );
    assert_eq!(
        client.get("/api/open311/v2/requests/req_nope.json").status,
        404
    );

    // Submitting needs a key that staff issue for their community.
    let form = |key: &str, rest: &str| {
        format!(
            "api_key={key}&service_code=sub_t_light&description=%E8%B7%AF%E7%81%AF%E4%B8%8D%E4%BA%AE{rest}"
        )
    };
    let refused = client.send(
        "POST",
        "/api/open311/v2/requests.json",
        "application/x-www-form-urlencoded",
        &form("nope", "&address_id=bld_t05"),
    );
    assert_eq!(refused.status, 403);
    assert_eq!(refused.body[0]["code"], 403);
    let mut resident = Api::signed_in(RESIDENT5, RESIDENT_PASSCODE);
    resident
        .post(
            "/api/v1/requests/open311-keys",
            &json!({ "name": "12345热线", "community": "com_t" }),
        )
        .expect(403, Some("forbidden"));
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    staff
        .post(
            "/api/v1/requests/open311-keys",
            &json!({ "name": "12345热线", "community": "com_other" }),
        )
        .expect(403, Some("forbidden"));
    let key = staff.post(
        "/api/v1/requests/open311-keys",
        &json!({ "name": "12345热线", "community": "com_t" }),
    );
    key.expect(201, None);
    let key = key.body["api_key"].as_str().unwrap_or_default().to_owned();
    let created = client.send(
        "POST",
        "/api/open311/v2/requests.json",
        "application/x-www-form-urlencoded",
        &form(
            &key,
            "&address_id=bld_t05&first_name=%E5%BC%A0&phone=13912340000",
        ),
    );
    assert_eq!(created.status, 201, "{}", created.body);
    let id = created.body[0]["service_request_id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert!(id.starts_with("req_"));
    let fetched = client.get(&format!("/api/open311/v2/requests/{id}.json"));
    assert_eq!(fetched.body[0]["agency_responsible"], "测试物业公司");
    assert_eq!(fetched.body[0]["address"], "乙小区 5号楼");
    let seen = staff.get(&format!("/api/v1/requests/{id}"));
    assert_eq!(seen.body["request"]["channel"], "open311");
    assert_eq!(seen.body["request"]["requester_name"], "张");
    // Coordinates are kept; an address outside the key's community and an unknown service are refused.
    let located = client.send(
        "POST",
        "/api/open311/v2/requests.json",
        "application/x-www-form-urlencoded",
        &form(&key, "&lat=22.7&long=114.3"),
    );
    assert_eq!(located.status, 201, "{}", located.body);
    let lid = located.body[0]["service_request_id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert_eq!(
        client
            .get(&format!("/api/open311/v2/requests/{lid}.json"))
            .body[0]["lat"],
        22.7
    );
    for (body, status) in [
        (form(&key, "&address_id=bld_o01"), 400),
        (form(&key, ""), 400),
        (form(&key, "&lat=200&long=1"), 400),
        (
            format!("api_key={key}&service_code=sub_nope&description=x&address_id=bld_t05"),
            400,
        ),
        (
            format!("api_key={key}&service_code=sub_t_light&address_id=bld_t05"),
            422,
        ),
    ] {
        let r = client.send(
            "POST",
            "/api/open311/v2/requests.json",
            "application/x-www-form-urlencoded",
            &body,
        );
        assert_eq!(r.status, status, "{body}: {}", r.body);
        assert!(
            r.body[0]["description"]
                .as_str()
                .is_some_and(|d| !d.is_empty()),
            "{}",
            r.body
        );
    }
}

#[test]
fn staff_list_and_revoke_open311_keys() {
    let mut staff = Api::signed_in(STAFF2, STAFF_PASSWORD);
    let name = marker("城市App");
    let created = staff.post(
        "/api/v1/requests/open311-keys",
        &json!({ "name": name, "community": "com_t" }),
    );
    created.expect(201, None);
    let key = created.body["api_key"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let listed = staff.get("/api/v1/requests/open311-keys");
    listed.expect(200, None);
    let entry = listed.body["keys"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|k| k["name"] == name.as_str())
        .cloned()
        .unwrap_or_default();
    assert!(entry["revoked_at"].is_null());
    assert!(
        !listed.body.to_string().contains(&key),
        "the key is shown only once"
    );
    let id = entry["id"].as_str().unwrap_or_default().to_owned();
    let mut resident = Api::signed_in(RESIDENT5, RESIDENT_PASSCODE);
    resident
        .get("/api/v1/requests/open311-keys")
        .expect(403, Some("forbidden"));
    let mut other = Api::signed_in(OTHER_STAFF, STAFF_PASSWORD);
    other
        .post(
            &format!("/api/v1/requests/open311-keys/{id}/revoke"),
            &json!({}),
        )
        .expect(404, Some("not_found"));
    let revoked = staff.post(
        &format!("/api/v1/requests/open311-keys/{id}/revoke"),
        &json!({}),
    );
    revoked.expect(200, None);
    let entry = revoked.body["keys"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|k| k["name"] == name.as_str())
        .cloned()
        .unwrap_or_default();
    assert!(entry["revoked_at"].is_string());
    let mut client = Api::new();
    let refused = client.send(
        "POST",
        "/api/open311/v2/requests.json",
        "application/x-www-form-urlencoded",
        &format!("api_key={key}&service_code=sub_t_light&description=x&address_id=bld_t05"),
    );
    assert_eq!(refused.status, 403);
}

fn numbers(r: &Resp) -> Vec<(String, u64)> {
    r.body["requests"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|r| {
            (
                r["id"].as_str().unwrap_or_default().to_owned(),
                r["number"].as_u64().unwrap_or_default(),
            )
        })
        .collect()
}

#[test]
fn requests_have_short_numbers_that_search_and_merge_accept() {
    let mut resident = Api::signed_in(RESIDENT5, RESIDENT_PASSCODE);
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    let first = report(
        &mut resident,
        "sub_t_light",
        "bld_t04",
        &marker("4号楼西侧路灯"),
        json!({}),
    );
    first.expect(201, None);
    let second = report(
        &mut resident,
        "sub_t_light",
        "bld_t04",
        &marker("4号楼西侧路灯还是不亮"),
        json!({}),
    );
    second.expect(201, None);
    let (id, dup_id) = (id_of(&first), id_of(&second));
    let n = first.body["request"]["number"].as_u64().unwrap_or_default();
    let dup_n = second.body["request"]["number"]
        .as_u64()
        .unwrap_or_default();
    assert!(
        n >= 3,
        "numbered after the fixture's two requests of the community: {n}"
    );
    assert!(dup_n > n, "numbers go up in the community: {n}, {dup_n}");

    // Search takes the number as people type it, and words.
    for typed in [
        format!("{n}"),
        format!("%23{n}"),
        format!("R-{n}"),
        format!("%E8%AF%89%E6%B1%82{n}"),
    ] {
        let found = resident.get(&format!("/api/v1/requests?q={typed}"));
        found.expect(200, None);
        assert_eq!(numbers(&found), vec![(id.clone(), n)], "q={typed}");
    }
    let by_words = resident.get(&format!(
        "/api/v1/requests?q={}",
        "%E8%BF%98%E6%98%AF%E4%B8%8D%E4%BA%AE"
    ));
    by_words.expect(200, None);
    assert!(
        numbers(&by_words).iter().any(|(i, _)| *i == dup_id),
        "还是不亮"
    );
    let nothing = resident.get(&format!("/api/v1/requests?q=M-{n}"));
    nothing.expect(200, None);
    assert!(
        numbers(&nothing).iter().all(|(i, _)| *i != id),
        "a matter's letter"
    );
    resident
        .get(&format!("/api/v1/requests?q={}", "x".repeat(101)))
        .expect(422, Some("too_long"));

    // Merge by number: wrong numbers are refused, the right one joins the two.
    let merge = |api: &mut Api, into: &str| {
        change(
            api,
            &dup_id,
            json!({ "action": "merge", "into": into, "note": "同一盏路灯" }),
        )
    };
    for wrong in [
        "#999999999".to_owned(),
        format!("M-{n}"),
        "abc".to_owned(),
        "0".to_owned(),
        format!("#{dup_n}"),
        String::new(),
    ] {
        merge(&mut staff, &wrong).expect(422, Some("unknown_request_number"));
    }
    // Number 2 of the community is a resolved request: not open, nothing to merge into.
    merge(&mut staff, "#2").expect(409, Some("request_status"));
    let merged = merge(&mut staff, &format!("#{n}"));
    merged.expect(200, None);
    assert_eq!(merged.body["request"]["merged_into"], id.as_str());
    assert_eq!(merged.body["request"]["merged_into_number"], n);
    let target = resident.get(&format!("/api/v1/requests/{id}"));
    let merged_in = target.body["request"]["events"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|e| e["kind"] == "merged_in")
        .map(|e| e["note"].as_str().unwrap_or_default().to_owned());
    assert_eq!(
        merged_in,
        Some(format!("#{dup_n}")),
        "the record names the number"
    );

    // The audit log names the request by its number and kind.
    let audit = staff.get("/api/v1/audit?limit=50");
    audit.expect(200, None);
    let entry = audit.body["entries"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|e| e["action"] == "request.merge" && e["target_id"] == dup_id.as_str())
        .cloned()
        .unwrap_or_default();
    assert_eq!(entry["target_name"], format!("#{dup_n} 路灯损坏"));
}

#[test]
fn staff_land_on_what_waits_for_them_most_urgent_first() {
    // Staff of com_other, in its office's unit, which has the figures' requests still in progress.
    let mut staff = Api::signed_in(OTHER_STAFF, STAFF_PASSWORD);
    let handling = staff.get("/api/v1/requests?view=handling&status=open&limit=100");
    handling.expect(200, None);
    let counts = &handling.body["counts"];
    let open = counts["handling"].as_u64().unwrap_or_default();
    let overdue = counts["handling_overdue"].as_u64().unwrap_or_default();
    assert!(overdue >= 1 && open >= overdue, "{counts}");
    assert!(counts["all"].as_u64().unwrap_or_default() >= 1, "{counts}");
    let deadlines: Vec<String> = handling.body["requests"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|r| r["deadline"].as_str().unwrap_or_default().to_owned())
        .collect();
    assert!(!deadlines.is_empty());
    assert!(
        deadlines.windows(2).all(|w| w[0] <= w[1]),
        "earliest deadline first"
    );
    assert_eq!(
        handling.body["requests"][0]["overdue"], true,
        "the overdue lead"
    );

    // Pages of an urgent list follow on in deadline order.
    let page = staff.get("/api/v1/requests?view=handling&status=open&limit=2");
    page.expect(200, None);
    let cursor = page.body["next_cursor"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert!(!cursor.is_empty());
    let next = staff.get(&format!(
        "/api/v1/requests?view=handling&status=open&limit=2&cursor={cursor}"
    ));
    next.expect(200, None);
    let ids = |r: &Resp| numbers(r).into_iter().map(|(i, _)| i).collect::<Vec<_>>();
    let first_four: Vec<String> = ids(&handling).into_iter().take(4).collect();
    assert_eq!([ids(&page), ids(&next)].concat(), first_four);

    // A resident has no units and dispatches nowhere: her counts are her own.
    let mut resident = Api::signed_in(RESIDENT_OTHER, RESIDENT_PASSCODE);
    let mine = resident.get("/api/v1/requests");
    mine.expect(200, None);
    assert_eq!(mine.body["counts"]["handling"], 0);
    assert_eq!(mine.body["counts"]["all"], 0);
    resident
        .get("/api/v1/requests?view=all")
        .expect(403, Some("forbidden"));
}

#[test]
fn a_resident_waiting_for_confirmation_reports_about_her_own_community_only() {
    let mut pending = Api::signed_in(PENDING, RESIDENT_PASSCODE);
    let text = marker("门口路灯不亮");
    // Her building, while staff have not confirmed her yet: the report is taken and routed as anyone's.
    let r = report(&mut pending, "sub_t_light", "bld_t03", &text, json!({}));
    r.expect(201, None);
    assert_eq!(
        r.body["request"]["unit"]["name"]
            .as_str()
            .map(str::is_empty),
        Some(false)
    );
    let id = id_of(&r);
    pending
        .get(&format!("/api/v1/requests/{id}"))
        .expect(200, None);
    let mine = pending.get("/api/v1/requests?view=mine&limit=100");
    assert!(mine.body.to_string().contains(&text));
    // Another community's building is not hers to report on.
    report(
        &mut pending,
        "sub_t_light",
        "bld_o01",
        &marker("别处"),
        json!({}),
    )
    .expect(403, Some("forbidden"));
    // Reporting opens nobody else's requests to her.
    pending
        .get("/api/v1/requests?view=all")
        .expect(403, Some("forbidden"));
}
