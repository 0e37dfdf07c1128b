//! Resident covenants against the worker: drafting with comments per clause, adoption by a vote, the
//! notice, signatures once per household (online and on paper), coverage per building, amendments that
//! leave the earlier versions' record as it was; wrong roles and bad input at each step.

use serde_json::{Value, json};
use yishi_api_tests::accounts::*;
use yishi_api_tests::{Api, Resp, marker, yes_no_settings};

fn version(r: &Resp, number: u64) -> Value {
    r.body["covenant"]["versions"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|v| v["number"] == number)
        .cloned()
        .unwrap_or_default()
}

/// Puts the latest version to a vote, has `choices` cast, closes it and records the outcome.
fn vote_on(
    staff: &mut Api,
    residents: &mut [Api],
    path: &dyn Fn(&str) -> String,
    choices: &[&str],
) -> Resp {
    let put = staff.post(
        &path("/ballot"),
        &json!({ "settings": yes_no_settings("通过楼道公约") }),
    );
    put.expect(201, None);
    let vote = put.body["covenant"]["versions"][0]["vote"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    staff
        .post(&path("/adoption"), &json!({}))
        .expect(409, Some("decision_pending"));
    for (resident, choice) in residents.iter_mut().zip(choices) {
        resident
            .post(
                &format!("/api/v1/votes/{vote}/ballots"),
                &json!({ "choice": { "kind": choice } }),
            )
            .expect(201, None);
    }
    staff
        .post(&format!("/api/v1/votes/{vote}/close"), &json!({}))
        .expect(200, None);
    let recorded = staff.post(&path("/adoption"), &json!({}));
    recorded.expect(200, None);
    recorded
}

#[test]
fn a_covenant_is_drafted_adopted_signed_and_amended() {
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    let (building, mut r, _, households) = staff.building_with_residents("公约楼", 4, 3);
    let title = marker("楼道公约");
    let body = |clauses: Value| json!({ "title": title, "scope": { "kind": "building", "id": building }, "clauses": clauses });
    r[0].post("/api/v1/covenants", &body(json!(["不堆放杂物"])))
        .expect(403, Some("forbidden"));
    staff
        .post("/api/v1/covenants", &body(json!([])))
        .expect(422, Some("required"));
    staff
        .post("/api/v1/covenants", &body(json!(["  "])))
        .expect(422, Some("required"));
    let created = staff.post(
        "/api/v1/covenants",
        &body(json!(["楼道内不堆放杂物", "电动车不进楼道充电"])),
    );
    created.expect(201, None);
    let id = created.body["covenant"]["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let path = |rest: &str| format!("/api/v1/covenants/{id}{rest}");
    assert_eq!(version(&created, 1)["state"], "drafting");

    // Drafting: residents comment clause by clause; staff edit.
    r[0].post(
        &path("/comments"),
        &json!({ "clause": 2, "body": "楼下能不能装充电桩？" }),
    )
    .expect(201, None);
    r[0].post(&path("/comments"), &json!({ "clause": 3, "body": "x" }))
        .expect(422, Some("out_of_range"));
    r[0].post(&path("/comments"), &json!({ "clause": 0, "body": "x" }))
        .expect(422, Some("out_of_range"));
    Api::signed_in(RESIDENT5, RESIDENT_PASSCODE)
        .post(&path("/comments"), &json!({ "clause": 1, "body": "x" }))
        .expect(404, Some("not_found"));
    r[0].put(&path("/draft"), &json!({ "clauses": ["x"] }))
        .expect(403, Some("forbidden"));
    let edited = staff.put(
        &path("/draft"),
        &json!({ "clauses": ["楼道内不堆放杂物", "电动车不进楼道充电，统一到东门充电棚", "垃圾按时分类投放"] }),
    );
    edited.expect(200, None);
    assert_eq!(
        version(&edited, 1)["clauses"].as_array().map(Vec::len),
        Some(3)
    );
    assert_eq!(version(&edited, 1)["comments"][0]["clause"], 2);
    // Nothing to sign before adoption.
    r[0].post(&path("/signatures"), &json!({}))
        .expect(409, Some("not_in_force"));

    // Adoption is a vote of the engine; while it runs the draft is frozen.
    let adopted = {
        let put = staff.post(
            &path("/ballot"),
            &json!({ "settings": yes_no_settings("通过楼道公约") }),
        );
        put.expect(201, None);
        r[1].post(&path("/comments"), &json!({ "clause": 1, "body": "晚了" }))
            .expect(409, Some("covenant_step"));
        staff
            .put(&path("/draft"), &json!({ "clauses": ["改"] }))
            .expect(409, Some("covenant_step"));
        staff
            .post(
                &path("/ballot"),
                &json!({ "settings": yes_no_settings("再投") }),
            )
            .expect(409, Some("covenant_step"));
        let vote = put.body["covenant"]["versions"][0]["vote"]
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
        r[0].post(&path("/adoption"), &json!({}))
            .expect(403, Some("forbidden"));
        let recorded = staff.post(&path("/adoption"), &json!({}));
        recorded.expect(200, None);
        recorded
    };
    assert_eq!(version(&adopted, 1)["state"], "adopted");
    assert_eq!(adopted.body["covenant"]["in_force"], 1);
    let notice = version(&adopted, 1)["notice"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let published = r[2].get(&format!("/api/v1/notices/{notice}"));
    published.expect(200, None);
    assert_eq!(published.body["notice"]["category"], "covenant");
    assert!(
        published.body["notice"]["body"]
            .as_str()
            .is_some_and(|b| b.contains("2. 电动车不进楼道充电，统一到东门充电棚"))
    );

    // Signatures: once per household, online or on paper (labelled), coverage per building.
    let signed = r[0].post(&path("/signatures"), &json!({}));
    signed.expect(201, None);
    assert_eq!(signed.body["covenant"]["my_signature"]["on_paper"], false);
    assert_eq!(signed.body["covenant"]["may_sign"], false);
    r[0].post(&path("/signatures"), &json!({}))
        .expect(200, None);
    // Staff record her household's paper signature too: it still counts once.
    let own_household = &households[0];
    staff
        .post(
            &path("/signatures"),
            &json!({ "household": own_household, "reason": "纸质签名" }),
        )
        .expect(200, None);
    staff
        .post(
            &path("/signatures"),
            &json!({ "household": households[3], "reason": "" }),
        )
        .expect(422, Some("required"));
    staff
        .post(
            &path("/signatures"),
            &json!({ "household": "hh_t05_1_002", "reason": "别的楼" }),
        )
        .expect(422, Some("invalid"));
    r[1].post(
        &path("/signatures"),
        &json!({ "household": households[3], "reason": "代签" }),
    )
    .expect(403, Some("forbidden"));
    let paper = staff.post(
        &path("/signatures"),
        &json!({ "household": households[3], "reason": "老人不用手机，在纸质公约上签了字" }),
    );
    paper.expect(201, None);
    let coverage = paper.body["covenant"]["coverage"].clone();
    assert_eq!(coverage.as_array().map(Vec::len), Some(1));
    assert_eq!(
        (
            coverage[0]["households"].as_u64(),
            coverage[0]["signed"].as_u64()
        ),
        (Some(4), Some(2))
    );
    assert_eq!(coverage[0]["permille"], 500);
    assert_eq!(version(&paper, 1)["signatures"], 2);

    // An amendment is a new draft; rejecting it leaves version 1 and its record as they were.
    r[0].post(&path("/versions"), &json!({ "clauses": ["x"] }))
        .expect(403, Some("forbidden"));
    let amended = staff.post(
        &path("/versions"),
        &json!({ "clauses": ["楼道内不堆放杂物", "电动车不进楼道充电", "垃圾按时分类投放", "宠物出门牵绳"] }),
    );
    amended.expect(201, None);
    assert_eq!(version(&amended, 2)["state"], "drafting");
    assert_eq!(amended.body["covenant"]["in_force"], 1);
    staff
        .post(&path("/versions"), &json!({ "clauses": ["再来"] }))
        .expect(409, Some("covenant_step"));
    let rejected = vote_on(&mut staff, &mut r, &path, &["no", "no", "yes"]);
    assert_eq!(version(&rejected, 2)["state"], "rejected");
    assert_eq!(version(&rejected, 1)["state"], "adopted");
    assert_eq!(version(&rejected, 1)["signatures"], 2);
    assert_eq!(rejected.body["covenant"]["coverage"][0]["signed"], 2);

    // A third version adopted supersedes the first, whose record stays.
    staff
        .post(
            &path("/versions"),
            &json!({ "clauses": ["楼道内不堆放杂物", "宠物出门牵绳"] }),
        )
        .expect(201, None);
    let third = vote_on(&mut staff, &mut r, &path, &["yes", "yes", "no"]);
    assert_eq!(version(&third, 3)["state"], "adopted");
    assert_eq!(version(&third, 1)["state"], "superseded");
    assert_eq!(
        version(&third, 1)["signatures"],
        2,
        "the old version keeps its signatures"
    );
    assert_eq!(
        version(&third, 1)["comments"].as_array().map(Vec::len),
        Some(1)
    );
    assert_eq!(third.body["covenant"]["in_force"], 3);
    assert_eq!(third.body["covenant"]["coverage"][0]["signed"], 0);
    assert_eq!(r[0].get(&path("")).body["covenant"]["may_sign"], true);
    assert_eq!(
        third.body["covenant"]["versions"].as_array().map(Vec::len),
        Some(3)
    );

    // Lists and search, in Chinese, over titles and clauses.
    let found = r[0].get(&format!(
        "/api/v1/covenants?q={}",
        yishi_api_tests::encode("宠物出门")
    ));
    found.expect(200, None);
    assert!(found.body["covenants"].as_array().is_some_and(|l| {
        l.iter()
            .any(|c| c["id"] == id.as_str() && c["in_force"] == 3)
    }));
    Api::signed_in(RESIDENT5, RESIDENT_PASSCODE)
        .get(&path(""))
        .expect(404, Some("not_found"));
    // The paper signature was audited.
    let audit = staff.audit(
        |x| x["action"] == "covenant.paper_signature" && x["target_id"] == id.as_str(),
        1,
    );
    assert!(!audit.is_empty());
}
