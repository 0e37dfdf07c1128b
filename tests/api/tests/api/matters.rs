//! Residents' matters through the five steps against the worker: proposing with a photo, supports up to
//! the threshold, the discussion and its moderation, an online ballot and a meeting's motion deciding,
//! the owner's milestones and progress, acceptance refused and given, ratings; merging and declining;
//! micro-wishes; bad input and the wrong roles at each step.

use serde_json::{Value, json};
use yishi_api_tests::accounts::*;
use yishi_api_tests::{Api, PNG, Resp, marker, yes_no_settings};

/// Every matter test runs with the same thresholds, so that tests running side by side agree: a
/// building's matter needs three supports.
fn settings(staff: &mut Api) {
    staff
        .put(
            "/api/v1/communities/com_t/matter-settings",
            &json!({ "settings": { "building_supports": 3, "compound_supports": 10, "community_supports": 20, "evaluation_days": 14 } }),
        )
        .expect(200, None);
}

fn upload(api: &mut Api, bytes: &[u8], content_type: &str) -> Resp {
    api.send_bytes("POST", "/api/v1/photos", content_type, bytes)
}

fn propose(api: &mut Api, building: &str, title: &str, extra: Value) -> Resp {
    let mut body = json!({
        "title": title,
        "description": "楼道灯坏了两个月，晚上老人上下楼看不清。",
        "category": "safety",
        "scope": { "kind": "building", "id": building },
    });
    if let (Some(b), Some(extra)) = (body.as_object_mut(), extra.as_object()) {
        for (k, v) in extra {
            b.insert(k.clone(), v.clone());
        }
    }
    api.post("/api/v1/matters", &body)
}

fn id_of(r: &Resp) -> String {
    r.body["matter"]["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

fn path(id: &str, rest: &str) -> String {
    format!("/api/v1/matters/{id}{rest}")
}

fn kinds(r: &Resp) -> Vec<String> {
    r.body["matter"]["timeline"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|e| e["kind"].as_str().map(str::to_owned))
        .collect()
}

#[test]
fn a_matter_from_proposal_to_evaluation() {
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    settings(&mut staff);
    let (building, mut r, phones, _) = staff.building_with_residents("民事楼", 4, 3);
    let mut council = Api::signed_in(COUNCIL, RESIDENT_PASSCODE);
    let mut outsider = Api::signed_in(RESIDENT5, RESIDENT_PASSCODE);

    // 民提: a photo first, then the proposal.
    let photo = upload(&mut r[0], PNG, "image/png");
    photo.expect(201, None);
    assert_eq!(photo.body["photo"]["content_type"], "image/png");
    let photo = photo.body["photo"]["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    // Someone else cannot attach her photo, nor see it before it is attached.
    outsider
        .get(&format!("/api/v1/photos/{photo}"))
        .expect(404, Some("not_found"));
    propose(
        &mut r[1],
        &building,
        "借用照片",
        json!({ "photos": [photo] }),
    )
    .expect(422, Some("invalid"));
    let title = marker("楼道灯");
    let created = propose(&mut r[0], &building, &title, json!({ "photos": [photo] }));
    created.expect(201, None);
    let id = id_of(&created);
    let m = &created.body["matter"];
    assert_eq!(m["step"], "proposed");
    assert_eq!(
        (m["supports"].as_u64(), m["threshold"].as_u64()),
        (Some(1), Some(3))
    );
    assert_eq!(m["my_support"], true);
    assert_eq!(m["photos"], json!([photo]));
    let seen = r[1].get(&format!("/api/v1/photos/{photo}"));
    seen.expect(200, None);
    assert_eq!(seen.header("content-type"), Some("image/png"));
    assert_eq!(seen.raw.as_slice(), PNG);
    assert_eq!(seen.header("x-content-type-options"), Some("nosniff"));
    // Other buildings do not see it at all.
    outsider.get(&path(&id, "")).expect(404, Some("not_found"));
    outsider
        .get(&format!("/api/v1/photos/{photo}"))
        .expect(404, Some("not_found"));
    outsider
        .post(&path(&id, "/supports"), &json!({}))
        .expect(404, Some("not_found"));

    // Supports: one per person, the third reaches the council's list.
    let s = r[1].post(&path(&id, "/supports"), &json!({}));
    s.expect(201, None);
    assert_eq!(s.body["matter"]["supports"], 2);
    assert_eq!(s.body["matter"]["step"], "proposed");
    let again = r[1].post(&path(&id, "/supports"), &json!({}));
    again.expect(200, None);
    assert_eq!(again.body["matter"]["supports"], 2);
    staff
        .post(&path(&id, "/supports"), &json!({}))
        .expect(403, Some("forbidden"));
    // Not on the list yet: no ballot.
    staff
        .post(
            &path(&id, "/ballot"),
            &json!({ "settings": yes_no_settings(&title) }),
        )
        .expect(409, Some("matter_step"));
    let s = r[2].post(&path(&id, "/supports"), &json!({}));
    s.expect(201, None);
    assert_eq!(s.body["matter"]["step"], "deliberating");

    // 民议: comments, a reply, a summary, a hidden comment.
    let c = r[1].post(
        &path(&id, "/comments"),
        &json!({ "stance": "for", "body": "同意，换成声控灯更省电。" }),
    );
    c.expect(201, None);
    let first = c.body["matter"]["comments"][0]["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    r[2].post(
        &path(&id, "/comments"),
        &json!({ "stance": "question", "body": "<script>alert(1)</script>谁来出钱？", "parent": first }),
    )
    .expect(201, None);
    r[2].post(
        &path(&id, "/comments"),
        &json!({ "stance": "question", "body": "回复一条不存在的留言", "parent": "cmt_none" }),
    )
    .expect(422, Some("invalid"));
    r[2].post(
        &path(&id, "/comments"),
        &json!({ "stance": "maybe", "body": "x" }),
    )
    .expect(400, Some("invalid_json"));
    r[2].post(
        &path(&id, "/comments"),
        &json!({ "stance": "for", "body": "  " }),
    )
    .expect(422, Some("required"));
    r[0].put(&path(&id, "/summary"), &json!({ "text": "我来总结" }))
        .expect(403, Some("forbidden"));
    council
        .put(
            &path(&id, "/summary"),
            &json!({ "text": "多数邻居赞成更换声控灯，费用从楼栋公共收益中支出。" }),
        )
        .expect(200, None);
    let listed = council.get(&path(&id, ""));
    let reply = listed.body["matter"]["comments"][1]["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert_eq!(
        listed.body["matter"]["comments"][1]["parent"],
        first.as_str()
    );
    assert_eq!(
        listed.body["matter"]["comments"][1]["body"], "<script>alert(1)</script>谁来出钱？",
        "stored and sent as text; the app renders it as text"
    );
    r[0].post(
        &path(&id, &format!("/comments/{reply}/hide")),
        &json!({ "reason": "x" }),
    )
    .expect(403, Some("forbidden"));
    council
        .post(
            &path(&id, &format!("/comments/{reply}/hide")),
            &json!({ "reason": "" }),
        )
        .expect(422, Some("required"));
    let hidden = council.post(
        &path(&id, &format!("/comments/{reply}/hide")),
        &json!({ "reason": "含有无关代码" }),
    );
    hidden.expect(200, None);
    let c = &hidden.body["matter"]["comments"][1];
    assert_eq!(c["body"], "");
    assert_eq!(c["hidden"]["reason"], "含有无关代码");
    assert!(c["author_name"].as_str().is_some_and(|n| !n.is_empty()));

    // 民决: an online ballot; the decision waits for its close.
    r[0].post(
        &path(&id, "/ballot"),
        &json!({ "settings": yes_no_settings(&title) }),
    )
    .expect(403, Some("forbidden"));
    let mut multiple = yes_no_settings(&title);
    multiple["method"] = json!({ "kind": "single", "seats": 1 });
    multiple["options"] = json!(["甲", "乙"]);
    staff
        .post(&path(&id, "/ballot"), &json!({ "settings": multiple }))
        .expect(422, Some("invalid"));
    let put = staff.post(
        &path(&id, "/ballot"),
        &json!({ "settings": yes_no_settings(&title) }),
    );
    put.expect(201, None);
    assert_eq!(put.body["matter"]["step"], "deciding");
    let vote = put.body["matter"]["decision"]["vote"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    staff
        .post(&path(&id, "/decision"), &json!({}))
        .expect(409, Some("decision_pending"));
    // The vote waits for each resident in "my matters".
    let waiting = r[1].get("/api/v1/matters?mine=vote");
    waiting.expect(200, None);
    assert!(waiting.body["matters"].as_array().is_some_and(|l| {
        l.iter()
            .any(|m| m["id"] == id.as_str() && m["needs_my_vote"] == true)
    }));
    for resident in &mut r {
        resident
            .post(
                &format!("/api/v1/votes/{vote}/ballots"),
                &json!({ "choice": { "kind": "yes" } }),
            )
            .expect(201, None);
    }
    let waiting = r[1].get("/api/v1/matters?mine=vote");
    assert!(
        waiting.body["matters"]
            .as_array()
            .is_some_and(|l| l.iter().all(|m| m["id"] != id.as_str()))
    );
    staff
        .post(&format!("/api/v1/votes/{vote}/close"), &json!({}))
        .expect(200, None);
    r[0].post(&path(&id, "/decision"), &json!({}))
        .expect(403, Some("forbidden"));
    let decided = staff.post(&path(&id, "/decision"), &json!({}));
    decided.expect(200, None);
    assert_eq!(decided.body["matter"]["step"], "implementing");
    assert_eq!(decided.body["matter"]["decision"]["outcome"], "adopted");
    let notice = decided.body["matter"]["decision"]["notice"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let n = r[2].get(&format!("/api/v1/notices/{notice}"));
    n.expect(200, None);
    assert_eq!(n.body["notice"]["title"], format!("议事结果公示：{title}"));
    assert!(
        n.body["notice"]["body"]
            .as_str()
            .is_some_and(|b| b.contains("经表决获得通过"))
    );
    staff
        .post(&path(&id, "/decision"), &json!({}))
        .expect(409, Some("matter_step"));

    // 民办: an owner whose member reports, milestones, progress with a photo, acceptance.
    r[1].post(&path(&id, "/ready"), &json!({}))
        .expect(403, Some("forbidden"));
    staff
        .put(
            &path(&id, "/owner"),
            &json!({ "kind": "resident_team", "name": "", "phone": phones[1] }),
        )
        .expect(422, Some("required"));
    staff
        .put(
            &path(&id, "/owner"),
            &json!({ "kind": "resident_team", "name": "楼道志愿队", "phone": "13000000000" }),
        )
        .expect(422, Some("invalid"));
    let owned = staff.put(
        &path(&id, "/owner"),
        &json!({ "kind": "resident_team", "name": "楼道志愿队", "phone": phones[1] }),
    );
    owned.expect(200, None);
    assert_eq!(owned.body["matter"]["owner"]["name"], "楼道志愿队");
    assert_eq!(
        owned.body["matter"]["may"]["post_progress"], true,
        "staff may report too"
    );
    assert_eq!(
        r[2].get(&path(&id, "")).body["matter"]["may"]["post_progress"],
        false
    );
    assert_eq!(
        r[1].get(&path(&id, "")).body["matter"]["may"]["post_progress"],
        true
    );
    staff
        .post(
            &path(&id, "/milestones"),
            &json!({ "title": "采购灯具", "due_on": "2099-13-01" }),
        )
        .expect(400, Some("invalid_json"));
    staff
        .post(
            &path(&id, "/milestones"),
            &json!({ "title": "采购灯具", "due_on": "2200-01-01" }),
        )
        .expect(422, Some("invalid"));
    let due = (chrono::Utc::now() + chrono::Duration::days(7)).date_naive();
    staff
        .post(
            &path(&id, "/milestones"),
            &json!({ "title": "采购灯具", "due_on": due }),
        )
        .expect(201, None);
    r[1].post(
        &path(&id, "/milestones"),
        &json!({ "title": "安装", "due_on": due }),
    )
    .expect(403, Some("forbidden"));
    r[1].post(&path(&id, "/milestones/1/done"), &json!({}))
        .expect(200, None);
    r[1].post(&path(&id, "/milestones/9/done"), &json!({}))
        .expect(404, Some("not_found"));
    let photo2 = upload(&mut r[1], PNG, "image/png");
    photo2.expect(201, None);
    let photo2 = photo2.body["photo"]["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    r[2].post(
        &path(&id, "/progress"),
        &json!({ "body": "我也来报个进度" }),
    )
    .expect(403, Some("forbidden"));
    let progress = r[1].post(
        &path(&id, "/progress"),
        &json!({ "body": "六个声控灯已装好。", "photos": [photo2] }),
    );
    progress.expect(201, None);
    assert_eq!(
        progress.body["matter"]["progress"][0]["photos"],
        json!([photo2])
    );
    r[1].post(&path(&id, "/ready"), &json!({}))
        .expect(200, None);
    // The owner does not accept her own work; staff are not residents' representatives.
    r[1].post(&path(&id, "/acceptance"), &json!({ "accept": true }))
        .expect(403, Some("forbidden"));
    staff
        .post(&path(&id, "/acceptance"), &json!({ "accept": true }))
        .expect(403, Some("forbidden"));
    council
        .post(&path(&id, "/acceptance"), &json!({ "accept": false }))
        .expect(422, Some("required"));
    let back = council.post(
        &path(&id, "/acceptance"),
        &json!({ "accept": false, "reason": "三楼的灯还不亮" }),
    );
    back.expect(200, None);
    assert_eq!(back.body["matter"]["step"], "implementing");
    r[0].post(&path(&id, "/ratings"), &json!({ "stars": 5 }))
        .expect(409, Some("matter_step"));
    r[1].post(&path(&id, "/ready"), &json!({}))
        .expect(200, None);
    let accepted = council.post(&path(&id, "/acceptance"), &json!({ "accept": true }));
    accepted.expect(200, None);
    assert_eq!(accepted.body["matter"]["step"], "evaluating");
    assert!(accepted.body["matter"]["evaluation_ends_at"].is_string());

    // 民评: once each, 1–5 stars, residents in scope.
    r[0].post(&path(&id, "/ratings"), &json!({ "stars": 6 }))
        .expect(422, Some("out_of_range"));
    r[0].post(
        &path(&id, "/ratings"),
        &json!({ "stars": 5, "comment": "晚上亮堂多了" }),
    )
    .expect(201, None);
    r[0].post(&path(&id, "/ratings"), &json!({ "stars": 1 }))
        .expect(409, Some("already_rated"));
    let rated = r[2].post(&path(&id, "/ratings"), &json!({ "stars": 4 }));
    rated.expect(201, None);
    let ratings = &rated.body["matter"]["ratings"];
    assert_eq!(ratings["count"], 2);
    assert_eq!(ratings["stars"], json!([0, 0, 0, 1, 1]));
    assert_eq!(ratings["average_hundredths"], 450);
    assert_eq!(
        rated.body["matter"]["rating_comments"][0]["comment"],
        "晚上亮堂多了"
    );
    staff
        .post(&path(&id, "/ratings"), &json!({ "stars": 5 }))
        .expect(403, Some("forbidden"));

    // The timeline tells it all, in order, with who acted.
    let all = r[0].get(&path(&id, ""));
    assert_eq!(
        kinds(&all),
        [
            "proposed",
            "reached_list",
            "summarized",
            "put_to_ballot",
            "decided",
            "owner_named",
            "milestone_added",
            "milestone_done",
            "progress",
            "acceptance_requested",
            "acceptance_rejected",
            "acceptance_requested",
            "accepted",
        ]
    );
    assert!(all.body["matter"]["timeline"].as_array().is_some_and(|t| {
        t.iter()
            .all(|e| e["actor_name"].as_str().is_some_and(|n| !n.is_empty()))
    }));
    let raised = r[0].get("/api/v1/matters?mine=raised");
    assert!(
        raised.body["matters"]
            .as_array()
            .is_some_and(|l| l.iter().any(|m| m["id"] == id.as_str()))
    );
    let supported = r[2].get("/api/v1/matters?mine=supported&step=evaluating&category=safety");
    assert!(
        supported.body["matters"]
            .as_array()
            .is_some_and(|l| l.iter().any(|m| m["id"] == id.as_str()))
    );
    let other_step = r[2].get("/api/v1/matters?mine=supported&step=proposed");
    assert!(
        other_step.body["matters"]
            .as_array()
            .is_some_and(|l| l.iter().all(|m| m["id"] != id.as_str()))
    );
    // The staff action was audited.
    let audit = staff.audit(
        |x| x["action"] == "matter.decide" && x["target_id"] == id.as_str(),
        1,
    );
    assert!(!audit.is_empty());
}

#[test]
fn merging_keeps_every_supporter_once_and_declining_needs_a_reason() {
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    settings(&mut staff);
    let (building, mut r, _, _) = staff.building_with_residents("合并楼", 4, 3);
    let a = id_of(&propose(
        &mut r[0],
        &building,
        &marker("垃圾桶满溢"),
        json!({ "category": "environment" }),
    ));
    let b = id_of(&propose(
        &mut r[1],
        &building,
        &marker("垃圾桶不够"),
        json!({ "category": "environment" }),
    ));
    // r0 supports both: after the merge she counts once.
    r[0].post(&path(&b, "/supports"), &json!({}))
        .expect(201, None);
    r[0].post(&path(&b, "/merge"), &json!({ "into": a }))
        .expect(403, Some("forbidden"));
    staff
        .post(&path(&b, "/merge"), &json!({ "into": b }))
        .expect(422, Some("invalid"));
    staff
        .post(&path(&b, "/merge"), &json!({ "into": "mat_nothing" }))
        .expect(422, Some("invalid"));
    let merged = staff.post(&path(&b, "/merge"), &json!({ "into": a }));
    merged.expect(200, None);
    assert_eq!(merged.body["matter"]["step"], "merged");
    assert_eq!(merged.body["matter"]["merged_into"]["id"], a.as_str());
    assert_eq!(
        merged.body["matter"]["supports"], 2,
        "the duplicate keeps its own record"
    );
    let target = staff.get(&path(&a, ""));
    assert_eq!(target.body["matter"]["supports"], 2, "r0 and r1, each once");
    assert_eq!(target.body["matter"]["merged_from"][0]["id"], b.as_str());
    assert_eq!(target.body["matter"]["step"], "proposed");
    // A merged matter takes no more supports.
    r[2].post(&path(&b, "/supports"), &json!({}))
        .expect(409, Some("matter_step"));
    // Declining: a reason, once, then nothing moves it.
    staff
        .post(&path(&a, "/decline"), &json!({ "reason": " " }))
        .expect(422, Some("required"));
    r[0].post(&path(&a, "/decline"), &json!({ "reason": "不办" }))
        .expect(403, Some("forbidden"));
    let declined = staff.post(
        &path(&a, "/decline"),
        &json!({ "reason": "已由物业在本月增设垃圾桶" }),
    );
    declined.expect(200, None);
    assert_eq!(declined.body["matter"]["step"], "declined");
    assert_eq!(
        declined.body["matter"]["decline_reason"],
        "已由物业在本月增设垃圾桶"
    );
    assert_eq!(
        declined.body["matter"]["supports"], 2,
        "supporters stay on record"
    );
    staff
        .post(&path(&a, "/decline"), &json!({ "reason": "再拒一次" }))
        .expect(409, Some("matter_step"));
    r[2].post(&path(&a, "/supports"), &json!({}))
        .expect(409, Some("matter_step"));
    // A third neighbour's support on a merged target carries it to the list.
    let c = id_of(&propose(
        &mut r[0],
        &building,
        &marker("路面积水"),
        json!({}),
    ));
    let d = id_of(&propose(
        &mut r[1],
        &building,
        &marker("下雨积水"),
        json!({}),
    ));
    r[2].post(&path(&d, "/supports"), &json!({}))
        .expect(201, None);
    let merged = staff.post(&path(&d, "/merge"), &json!({ "into": c }));
    merged.expect(200, None);
    let c_now = staff.get(&path(&c, ""));
    assert_eq!(c_now.body["matter"]["supports"], 3);
    assert_eq!(c_now.body["matter"]["step"], "deliberating");
    assert_eq!(kinds(&c_now), ["proposed", "merged_from", "reached_list"]);
}

#[test]
fn a_micro_wish_is_adopted_by_a_neighbour_and_accepted_by_its_proposer() {
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    settings(&mut staff);
    let (building, mut r, _, _) = staff.building_with_residents("心愿楼", 4, 3);
    let mut council = Api::signed_in(COUNCIL, RESIDENT_PASSCODE);
    let wish = propose(
        &mut r[0],
        &building,
        &marker("想有人陪我去医院复查"),
        json!({ "micro_wish": true, "category": "elderly_care" }),
    );
    wish.expect(201, None);
    let id = id_of(&wish);
    assert_eq!(wish.body["matter"]["may"]["adopt"], false);
    // Supports never send a wish to the council.
    r[1].post(&path(&id, "/supports"), &json!({}))
        .expect(201, None);
    let s = r[2].post(&path(&id, "/supports"), &json!({}));
    assert_eq!(s.body["matter"]["step"], "proposed");
    r[0].post(&path(&id, "/adopt"), &json!({}))
        .expect(403, Some("forbidden"));
    let adopted = r[1].post(&path(&id, "/adopt"), &json!({}));
    adopted.expect(200, None);
    assert_eq!(adopted.body["matter"]["step"], "implementing");
    assert_eq!(adopted.body["matter"]["owner"]["kind"], "volunteer");
    r[2].post(&path(&id, "/adopt"), &json!({}))
        .expect(409, Some("matter_step"));
    r[1].post(
        &path(&id, "/progress"),
        &json!({ "body": "周三上午陪同去了区医院。" }),
    )
    .expect(201, None);
    r[1].post(&path(&id, "/ready"), &json!({}))
        .expect(200, None);
    council
        .post(&path(&id, "/acceptance"), &json!({ "accept": true }))
        .expect(403, Some("forbidden"));
    let done = r[0].post(&path(&id, "/acceptance"), &json!({ "accept": true }));
    done.expect(200, None);
    assert_eq!(done.body["matter"]["step"], "evaluating");
    assert_eq!(
        kinds(&done),
        [
            "proposed",
            "adopted",
            "progress",
            "acceptance_requested",
            "accepted"
        ]
    );
}

#[test]
fn a_meeting_decides_a_matter_put_on_its_agenda() {
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    settings(&mut staff);
    let (building, mut r, _, _) = staff.building_with_residents("会议楼", 3, 3);
    let title = marker("加装电梯");
    let id = id_of(&propose(
        &mut r[0],
        &building,
        &title,
        json!({ "category": "self_management" }),
    ));
    for resident in r.iter_mut().skip(1) {
        resident
            .post(&path(&id, "/supports"), &json!({}))
            .expect(201, None);
    }
    let meeting = staff.post(
        "/api/v1/meetings",
        &json!({
            "scope": { "kind": "building", "id": building },
            "settings": {
                "title": marker("楼栋议事会"),
                "place": "一楼大厅",
                "starts_at": chrono::Utc::now().to_rfc3339(),
                "electorate": { "kind": "residents" },
                "procedure": { "quorum": { "kind": "none" }, "threshold": "simple_majority", "count_abstentions": false },
                "agenda": ["通报上月工作"],
            },
        }),
    );
    meeting.expect(201, None);
    let mtg = meeting.body["meeting"]["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let token = meeting.body["meeting"]["checkin_token"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    r[0].post(&path(&id, "/agenda"), &json!({ "meeting": mtg }))
        .expect(403, Some("forbidden"));
    staff
        .post(&path(&id, "/agenda"), &json!({ "meeting": "mtg_none" }))
        .expect(422, Some("invalid"));
    let put = staff.post(&path(&id, "/agenda"), &json!({ "meeting": mtg }));
    put.expect(201, None);
    assert_eq!(put.body["matter"]["step"], "deciding");
    assert_eq!(put.body["matter"]["decision"]["meeting"], mtg.as_str());
    let m = format!("/api/v1/meetings/{mtg}");
    let agenda = staff.get(&m);
    assert_eq!(
        agenda.body["meeting"]["live"]["items"][1]["title"],
        title.as_str()
    );
    staff
        .post(&format!("{m}/open"), &json!({}))
        .expect(200, None);
    for resident in &mut r {
        resident
            .post(&format!("{m}/attendance"), &json!({ "token": token }))
            .expect(201, None);
    }
    staff
        .post(&format!("{m}/items/1/open"), &json!({}))
        .expect(200, None);
    staff
        .post(&path(&id, "/decision"), &json!({}))
        .expect(409, Some("decision_pending"));
    let motion = staff.post(
        &format!("{m}/motions"),
        &json!({ "title": title, "options": [], "method": { "kind": "yes_no" }, "secrecy": "named", "results": "live" }),
    );
    motion.expect(201, None);
    let vote = motion.body["meeting"]["live"]["motion"]["vote"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    for (resident, choice) in r.iter_mut().zip(["yes", "no", "no"]) {
        resident
            .post(
                &format!("/api/v1/votes/{vote}/ballots"),
                &json!({ "choice": { "kind": choice } }),
            )
            .expect(201, None);
    }
    staff
        .post(&format!("{m}/motions/{vote}/close"), &json!({}))
        .expect(200, None);
    let decided = staff.post(&path(&id, "/decision"), &json!({}));
    decided.expect(200, None);
    assert_eq!(decided.body["matter"]["step"], "rejected");
    assert_eq!(decided.body["matter"]["decision"]["outcome"], "rejected");
    assert_eq!(decided.body["matter"]["decision"]["vote"], vote.as_str());
    // A closed meeting takes no more matters.
    staff
        .post(&format!("{m}/close"), &json!({}))
        .expect(200, None);
    let other = id_of(&propose(
        &mut r[1],
        &building,
        &marker("楼顶防水"),
        json!({}),
    ));
    r[0].post(&path(&other, "/supports"), &json!({}))
        .expect(201, None);
    r[2].post(&path(&other, "/supports"), &json!({}))
        .expect(201, None);
    staff
        .post(&path(&other, "/agenda"), &json!({ "meeting": mtg }))
        .expect(409, Some("meeting_closed"));
}

#[test]
fn bad_proposals_lists_photos_and_settings() {
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    let mut r3 = Api::signed_in(RESIDENT3, RESIDENT_PASSCODE);
    let mut pending = Api::signed_in(PENDING, RESIDENT_PASSCODE);
    propose(&mut r3, "bld_t05", "别的楼的事", json!({})).expect(403, Some("forbidden"));
    propose(&mut staff, "bld_t03", "工作人员代提", json!({})).expect(403, Some("forbidden"));
    propose(&mut pending, "bld_t03", "还没认证", json!({})).expect(403, Some("forbidden"));
    r3.post(
        "/api/v1/matters",
        &json!({ "title": "单元的事", "description": "d", "category": "other", "scope": { "kind": "unit", "id": "unt_t03_1" } }),
    )
    .expect(422, Some("invalid"));
    propose(&mut r3, "bld_t03", "  ", json!({})).expect(422, Some("required"));
    propose(&mut r3, "bld_t03", &"长".repeat(61), json!({})).expect(422, Some("too_long"));
    propose(&mut r3, "bld_t03", "t", json!({ "description": "" })).expect(422, Some("required"));
    propose(&mut r3, "bld_t03", "t", json!({ "category": "weather" }))
        .expect(400, Some("invalid_json"));
    propose(
        &mut r3,
        "bld_t03",
        "t",
        json!({ "photos": ["pho_x", "pho_y", "pho_z", "pho_1", "pho_2", "pho_3", "pho_4"] }),
    )
    .expect(422, Some("out_of_range"));
    propose(
        &mut r3,
        "bld_t03",
        "t",
        json!({ "scope": { "kind": "building", "id": "bld_nowhere" } }),
    )
    .expect(422, Some("invalid"));
    r3.get("/api/v1/matters/mat_nothing")
        .expect(404, Some("not_found"));
    r3.get("/api/v1/matters?step=finished")
        .expect(422, Some("invalid"));
    r3.get("/api/v1/matters?mine=everything")
        .expect(422, Some("invalid"));
    r3.get("/api/v1/matters?scope_kind=building")
        .expect(422, Some("invalid"));
    r3.get("/api/v1/matters?limit=0")
        .expect(422, Some("invalid"));
    let listed = r3.get("/api/v1/matters?scope_kind=building&scope_id=bld_t03&category=parking");
    listed.expect(200, None);
    assert!(listed.body["matters"].is_array());
    Api::new()
        .get("/api/v1/matters")
        .expect(401, Some("unauthenticated"));

    // Photos: by their bytes, not by what the client says; not too large; not for strangers.
    let svg = upload(
        &mut r3,
        b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>",
        "image/png",
    );
    svg.expect(415, Some("unsupported_media"));
    let large = vec![0xFF_u8; 5 * 1024 * 1024 + 1];
    upload(&mut r3, &large, "image/jpeg").expect(413, Some("payload_too_large"));
    Api::new()
        .send_bytes("POST", "/api/v1/photos", "image/png", PNG)
        .expect(401, Some("unauthenticated"));
    r3.send_bytes_without_csrf("POST", "/api/v1/photos", "image/png", PNG)
        .expect(403, Some("csrf_rejected"));
    r3.get("/api/v1/photos/pho_nothing")
        .expect(404, Some("not_found"));

    // Settings: staff of the community, within bounds; residents read them.
    let seen = r3.get("/api/v1/communities/com_t/matter-settings");
    seen.expect(200, None);
    assert!(seen.body["settings"]["building_supports"].is_u64());
    r3.put(
        "/api/v1/communities/com_t/matter-settings",
        &json!({ "settings": { "building_supports": 1, "compound_supports": 1, "community_supports": 1, "evaluation_days": 1 } }),
    )
    .expect(403, Some("forbidden"));
    staff
        .put(
            "/api/v1/communities/com_t/matter-settings",
            &json!({ "settings": { "building_supports": 0, "compound_supports": 10, "community_supports": 20, "evaluation_days": 14 } }),
        )
        .expect(422, Some("out_of_range"));
    staff
        .put(
            "/api/v1/communities/com_t/matter-settings",
            &json!({ "settings": { "building_supports": 3, "compound_supports": 10, "community_supports": 20, "evaluation_days": 91 } }),
        )
        .expect(422, Some("out_of_range"));
    Api::signed_in(OTHER_STAFF, STAFF_PASSWORD)
        .put(
            "/api/v1/communities/com_t/matter-settings",
            &json!({ "settings": { "building_supports": 3, "compound_supports": 10, "community_supports": 20, "evaluation_days": 14 } }),
        )
        .expect(404, Some("not_found"));
    staff
        .get("/api/v1/communities/com_nothing/matter-settings")
        .expect(404, Some("not_found"));
}

#[test]
fn the_red_and_black_board_ranks_the_buildings() {
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    settings(&mut staff);
    let (building, mut r, _, _) = staff.building_with_residents("榜单楼", 2, 2);
    propose(&mut r[0], &building, &marker("榜单"), json!({})).expect(201, None);
    let board = r[1].get("/api/v1/matters/board?community=com_t");
    board.expect(200, None);
    let entries = board.body["entries"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let ours = entries
        .iter()
        .find(|e| e["place"] == building.as_str())
        .cloned()
        .unwrap_or_default();
    assert_eq!(ours["residents"], 2);
    assert_eq!(ours["participants"], 1);
    assert_eq!(ours["participation_permille"], 500);
    let ranks: Vec<u64> = entries.iter().filter_map(|e| e["rank"].as_u64()).collect();
    assert_eq!(ranks, (1..=entries.len() as u64).collect::<Vec<_>>());
    assert!(entries.iter().any(|e| e["list"] == "red"));
    let compounds = r[1].get("/api/v1/matters/board?community=com_t&level=compound");
    compounds.expect(200, None);
    let places: Vec<&str> = compounds.body["entries"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|e| e["place"].as_str())
        .collect();
    assert!(
        places.contains(&"cpd_a") && places.contains(&"cpd_b"),
        "{places:?}"
    );
    r[1].get("/api/v1/matters/board?community=com_t&level=street")
        .expect(422, Some("invalid"));
    r[1].get("/api/v1/matters/board")
        .expect(422, Some("required"));
    r[1].get("/api/v1/matters/board?community=com_t&days=0")
        .expect(422, Some("out_of_range"));
    r[1].get("/api/v1/matters/board?community=com_other")
        .expect(404, Some("not_found"));
}

#[test]
fn a_decision_published_with_a_period_waits_for_it() {
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    settings(&mut staff);
    let (building, mut r, _, _) = staff.building_with_residents("公示楼", 3, 3);
    let title = marker("楼顶加装护栏");
    let id = id_of(&propose(&mut r[0], &building, &title, json!({})));
    for resident in r.iter_mut().skip(1) {
        resident
            .post(&path(&id, "/supports"), &json!({}))
            .expect(201, None);
    }
    let put = staff.post(
        &path(&id, "/ballot"),
        &json!({ "settings": yes_no_settings(&title) }),
    );
    put.expect(201, None);
    let vote = put.body["matter"]["decision"]["vote"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    for resident in &mut r {
        resident
            .post(
                &format!("/api/v1/votes/{vote}/ballots"),
                &json!({ "choice": { "kind": "yes" } }),
            )
            .expect(201, None);
    }
    staff
        .post(&format!("/api/v1/votes/{vote}/close"), &json!({}))
        .expect(200, None);
    staff
        .post(&path(&id, "/decision"), &json!({ "period_days": 31 }))
        .expect(422, Some("out_of_range"));
    let decided = staff.post(&path(&id, "/decision"), &json!({ "period_days": 7 }));
    decided.expect(200, None);
    assert_eq!(decided.body["matter"]["decision"]["publication"], "running");
    // Nothing is carried out during the publication period; residents may object to the decision.
    staff
        .put(
            &path(&id, "/owner"),
            &json!({ "kind": "contractor", "name": "某施工队" }),
        )
        .expect(409, Some("publication_pending"));
    let notice = decided.body["matter"]["decision"]["notice"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let n = r[1].get(&format!("/api/v1/notices/{notice}"));
    assert_eq!(n.body["notice"]["category"], "decision");
    assert_eq!(n.body["notice"]["may_object"], true);
    r[1].post(
        &format!("/api/v1/notices/{notice}/objections"),
        &json!({ "reason": "护栏太高挡光" }),
    )
    .expect(201, None);
    // Only an upheld objection sends it back to the council.
    staff
        .post(&path(&id, "/reconsider"), &json!({}))
        .expect(409, Some("matter_step"));
}
