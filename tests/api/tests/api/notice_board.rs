//! The notice board's publication: categories, pins, drafts, schedules, expiry and the archive, search
//! in Chinese, publication periods with objections and answers, reads by building, the public feed.

use chrono::{Duration, SecondsFormat, Utc};
use serde_json::{Value, json};
use yishi_api_tests::accounts::*;
use yishi_api_tests::{Api, Resp, marker};

fn at(minutes: i64) -> String {
    in_seconds(minutes * 60)
}

fn in_seconds(seconds: i64) -> String {
    (Utc::now() + Duration::seconds(seconds)).to_rfc3339_opts(SecondsFormat::Millis, true)
}

fn publish(api: &mut Api, title: &str, extra: Value) -> Resp {
    let mut body =
        json!({ "title": title, "body": "正文", "scope": { "kind": "building", "id": "bld_t03" } });
    if let (Some(b), Some(extra)) = (body.as_object_mut(), extra.as_object()) {
        for (k, v) in extra {
            b.insert(k.clone(), v.clone());
        }
    }
    api.post("/api/v1/notices", &body)
}

fn titles(r: &Resp, key: &str) -> Vec<String> {
    r.body[key]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|n| n["title"].as_str().map(str::to_owned))
        .collect()
}

fn id_of(r: &Resp) -> String {
    r.body["notice"]["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

#[test]
fn drafts_schedules_pins_expiry_and_search() {
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    let mut r3 = Api::signed_in(RESIDENT3, RESIDENT_PASSCODE);
    let tag = marker("公告板");
    let draft = publish(&mut staff, &format!("草稿{tag}"), json!({ "draft": true }));
    draft.expect(201, None);
    assert_eq!(draft.body["notice"]["draft"], true);
    let scheduled = publish(
        &mut staff,
        &format!("定时{tag}"),
        json!({ "publish_at": at(120) }),
    );
    scheduled.expect(201, None);
    let pinned = publish(
        &mut staff,
        &format!("置顶{tag}"),
        json!({ "pinned": true, "category": "emergency" }),
    );
    pinned.expect(201, None);
    let expiring = publish(
        &mut staff,
        &format!("过期{tag}"),
        json!({ "expires_at": in_seconds(4) }),
    );
    expiring.expect(201, None);

    // Residents see neither drafts nor scheduled notices, not even by id.
    let board = r3.get("/api/v1/notices");
    board.expect(200, None);
    let listed = titles(&board, "notices");
    assert!(
        !listed
            .iter()
            .any(|t| t.starts_with("草稿") && t.ends_with(&tag))
    );
    assert!(
        !listed
            .iter()
            .any(|t| t.starts_with("定时") && t.ends_with(&tag))
    );
    assert!(titles(&board, "pinned").contains(&format!("置顶{tag}")));
    assert!(
        !listed.contains(&format!("置顶{tag}")),
        "pinned ones are listed apart"
    );
    r3.get(&format!("/api/v1/notices/{}", id_of(&draft)))
        .expect(404, Some("not_found"));
    r3.get(&format!("/api/v1/notices/{}", id_of(&scheduled)))
        .expect(404, Some("not_found"));
    r3.get("/api/v1/notices?drafts=1").expect(200, None);
    assert!(titles(&r3.get("/api/v1/notices?drafts=1"), "notices").is_empty());
    // Staff see them among their drafts, and publish the draft.
    let drafts = titles(&staff.get("/api/v1/notices?drafts=1"), "notices");
    assert!(drafts.contains(&format!("草稿{tag}")) && drafts.contains(&format!("定时{tag}")));
    r3.post(
        &format!("/api/v1/notices/{}/publish", id_of(&draft)),
        &json!({}),
    )
    .expect(404, Some("not_found"));
    let published = staff.post(
        &format!("/api/v1/notices/{}/publish", id_of(&draft)),
        &json!({}),
    );
    published.expect(200, None);
    assert_eq!(published.body["notice"]["draft"], false);
    assert!(titles(&r3.get("/api/v1/notices"), "notices").contains(&format!("草稿{tag}")));

    // Search by a Chinese substring, across the board and the archive; by category.
    let found = r3.get(&format!(
        "/api/v1/notices?q={}",
        yishi_api_tests::encode(&format!("顶{tag}"))
    ));
    assert_eq!(titles(&found, "notices"), vec![format!("置顶{tag}")]);
    let emergencies = r3.get("/api/v1/notices?category=emergency");
    assert!(titles(&emergencies, "pinned").contains(&format!("置顶{tag}")));
    r3.get("/api/v1/notices?category=gossip")
        .expect(422, Some("invalid"));
    r3.get(&format!("/api/v1/notices?q={}", "字".repeat(101)))
        .expect(422, Some("too_long"));
    // A LIKE wildcard is searched for as itself.
    assert!(titles(&r3.get("/api/v1/notices?q=%25"), "notices").is_empty());

    // Expiry: off the board, into the archive, still searchable.
    let expired = format!("过期{tag}");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(90);
    while titles(&r3.get("/api/v1/notices?archive=1"), "notices")
        .iter()
        .all(|t| *t != expired)
    {
        assert!(std::time::Instant::now() < deadline, "never archived");
        std::thread::sleep(std::time::Duration::from_secs(2));
    }
    assert!(!titles(&r3.get("/api/v1/notices"), "notices").contains(&expired));
    assert!(
        titles(
            &r3.get(&format!(
                "/api/v1/notices?q={}",
                yishi_api_tests::encode(&expired)
            )),
            "notices"
        )
        .contains(&expired)
    );

    // Bad publications.
    publish(&mut staff, "x", json!({ "period_days": 31 })).expect(422, Some("out_of_range"));
    publish(
        &mut staff,
        "x",
        json!({ "period_days": 7, "expires_at": at(60) }),
    )
    .expect(422, Some("invalid"));
    publish(&mut staff, "x", json!({ "category": "gossip" })).expect(400, Some("invalid_json"));
}

#[test]
fn objections_during_the_period_and_answers_before_it_completes() {
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    let mut r3 = Api::signed_in(RESIDENT3, RESIDENT_PASSCODE);
    let mut r5 = Api::signed_in(RESIDENT5, RESIDENT_PASSCODE);
    let title = marker("财务公开");
    let notice = staff.post(
        "/api/v1/notices",
        &json!({ "title": title, "body": "## 收入\n- 停车费 **1200** 元", "scope": { "kind": "community", "id": "com_t" }, "category": "financial", "period_days": 7 }),
    );
    notice.expect(201, None);
    let n = &notice.body["notice"];
    assert_eq!(n["category"], "financial");
    assert_eq!(n["period_state"], "running");
    let id = id_of(&notice);
    let path = |rest: &str| format!("/api/v1/notices/{id}{rest}");
    assert_eq!(r3.get(&path("")).body["notice"]["may_object"], true);
    assert_eq!(r3.get(&path("")).body["notice"]["may_answer"], false);
    // Residents of the scope object with a reason; staff do not object.
    r3.post(&path("/objections"), &json!({ "reason": " " }))
        .expect(422, Some("required"));
    let objected = r3.post(
        &path("/objections"),
        &json!({ "reason": "停车费收入怎么少了一半？" }),
    );
    objected.expect(201, None);
    r5.post(&path("/objections"), &json!({ "reason": "我也有疑问" }))
        .expect(201, None);
    staff
        .post(&path("/objections"), &json!({ "reason": "x" }))
        .expect(403, Some("forbidden"));
    Api::signed_in(RESIDENT_OTHER, RESIDENT_PASSCODE)
        .post(&path("/objections"), &json!({ "reason": "x" }))
        .expect(404, Some("not_found"));
    let objections = staff.get(&path("")).body["notice"]["objections"].clone();
    assert_eq!(objections.as_array().map(Vec::len), Some(2));
    let first = objections[0]["id"].as_str().unwrap_or_default().to_owned();
    // Staff answer publicly, once; residents do not answer.
    r3.post(
        &path(&format!("/objections/{first}/answer")),
        &json!({ "answer": "x", "upheld": false }),
    )
    .expect(403, Some("forbidden"));
    staff
        .post(
            &path(&format!("/objections/{first}/answer")),
            &json!({ "answer": "", "upheld": false }),
        )
        .expect(422, Some("required"));
    staff
        .post(
            &path("/objections/obj_nothing/answer"),
            &json!({ "answer": "x", "upheld": false }),
        )
        .expect(404, Some("not_found"));
    let answered = staff.post(
        &path(&format!("/objections/{first}/answer")),
        &json!({ "answer": "本季度停车场维修停用一个月，收入相应减少。", "upheld": false }),
    );
    answered.expect(200, None);
    assert_eq!(
        answered.body["notice"]["objections"][0]["answer"]["text"],
        "本季度停车场维修停用一个月，收入相应减少。"
    );
    staff
        .post(
            &path(&format!("/objections/{first}/answer")),
            &json!({ "answer": "再答一次", "upheld": true }),
        )
        .expect(409, Some("already_answered"));
    // A notice without a period takes no objections.
    let plain = publish(&mut staff, &marker("普通通知"), json!({}));
    r3.post(
        &format!("/api/v1/notices/{}/objections", id_of(&plain)),
        &json!({ "reason": "x" }),
    )
    .expect(409, Some("no_period"));

    // Periods that ended (fixture): objections refused; complete only once every objection is answered.
    let a = "/api/v1/notices/ntc_t_period_a";
    assert_eq!(r3.get(a).body["notice"]["period_state"], "awaiting_answers");
    assert_eq!(r3.get(a).body["notice"]["may_object"], false);
    r3.post(&format!("{a}/objections"), &json!({ "reason": "晚了" }))
        .expect(409, Some("period_over"));
    staff
        .post(
            &format!("{a}/objections/obj_t_a/answer"),
            &json!({ "answer": "收入减少是因为停车场维修。", "upheld": false }),
        )
        .expect(200, None);
    assert_eq!(
        r3.get(a).body["notice"]["period_state"],
        "complete_no_objection"
    );
    let b = "/api/v1/notices/ntc_t_period_b";
    staff
        .post(
            &format!("{b}/objections/obj_t_b/answer"),
            &json!({ "answer": "经核查账目有误，重新公示。", "upheld": true }),
        )
        .expect(200, None);
    assert_eq!(r3.get(b).body["notice"]["period_state"], "objection_upheld");
    // Answers are audited.
    let audit = staff.audit(
        |x| x["action"] == "notice.answer_objection" && x["target_id"] == "ntc_t_period_b",
        1,
    );
    assert!(!audit.is_empty());
}

#[test]
fn reads_by_building_and_the_public_feed() {
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    let title = marker("<停水&通知>");
    let notice = staff.post(
        "/api/v1/notices",
        &json!({ "title": title, "body": "明天停水，[详情](javascript:alert(1))", "scope": { "kind": "community", "id": "com_t" }, "category": "emergency" }),
    );
    notice.expect(201, None);
    let id = id_of(&notice);
    let mut r3 = Api::signed_in(RESIDENT3, RESIDENT_PASSCODE);
    r3.post(&format!("/api/v1/notices/{id}/reads"), &json!({}))
        .expect(201, None);
    let reads = staff.get(&format!("/api/v1/notices/{id}/reads"));
    reads.expect(200, None);
    let buildings = reads.body["by_building"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let b3 = buildings
        .iter()
        .find(|b| b["name"].as_str().is_some_and(|n| n.ends_with("3号楼")))
        .cloned()
        .unwrap_or_default();
    assert!(b3["read"].as_u64() >= Some(1), "{buildings:?}");
    assert!(b3["addressed"].as_u64() >= b3["read"].as_u64());
    let total: u64 = buildings
        .iter()
        .filter_map(|b| b["addressed"].as_u64())
        .sum();
    assert_eq!(Some(total), reads.body["addressed"].as_u64());

    // The feed: anyone, Atom, escaped, community-wide notices only.
    let mut anonymous = Api::new();
    let feed = anonymous.get("/api/v1/communities/com_t/notices.atom");
    assert_eq!(feed.status, 200);
    assert!(
        feed.header("content-type")
            .is_some_and(|t| t.starts_with("application/atom+xml"))
    );
    let xml = String::from_utf8_lossy(&feed.raw).into_owned();
    assert!(xml.starts_with("<?xml"));
    assert!(
        xml.contains(
            &title
                .replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;")
        )
    );
    assert!(!xml.contains(&title), "the title is escaped");
    assert!(xml.contains(&format!("/notices/{id}")));
    assert!(xml.contains("详情"));
    assert!(!xml.contains("ntc_t_building"));
    anonymous
        .get("/api/v1/communities/com_nothing/notices.atom")
        .expect(404, Some("not_found"));
}

#[test]
fn notices_carry_pdf_and_image_attachments() {
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    let pdf = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n";
    let uploaded = staff.send_bytes("POST", "/api/v1/photos", "application/pdf", pdf);
    uploaded.expect(201, None);
    assert_eq!(uploaded.body["photo"]["content_type"], "application/pdf");
    let file = uploaded.body["photo"]["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let html = staff.send_bytes(
        "POST",
        "/api/v1/photos",
        "application/pdf",
        b"<html><script>",
    );
    html.expect(415, Some("unsupported_media"));
    let notice = publish(
        &mut staff,
        &marker("附件通知"),
        json!({ "category": "financial", "attachments": [file] }),
    );
    notice.expect(201, None);
    assert_eq!(notice.body["notice"]["attachments"][0]["id"], file.as_str());
    // Attached once, for good.
    publish(
        &mut staff,
        &marker("再用一次"),
        json!({ "attachments": [file] }),
    )
    .expect(409, Some("photo_taken"));
    let mut r3 = Api::signed_in(RESIDENT3, RESIDENT_PASSCODE);
    let got = r3.get(&format!("/api/v1/photos/{file}"));
    got.expect(200, None);
    assert_eq!(got.header("content-type"), Some("application/pdf"));
    assert!(
        got.header("content-disposition")
            .is_some_and(|d| d.starts_with("attachment"))
    );
    assert_eq!(got.raw.as_slice(), pdf.as_slice());
    Api::signed_in(RESIDENT5, RESIDENT_PASSCODE)
        .get(&format!("/api/v1/photos/{file}"))
        .expect(404, Some("not_found"));
    // A matter takes photos only.
    let mine = r3.send_bytes("POST", "/api/v1/photos", "application/pdf", pdf);
    mine.expect(201, None);
    r3.post(
        "/api/v1/matters",
        &json!({ "title": "带PDF", "description": "d", "category": "other", "scope": { "kind": "building", "id": "bld_t03" }, "photos": [mine.body["photo"]["id"]] }),
    )
    .expect(422, Some("invalid"));
}
