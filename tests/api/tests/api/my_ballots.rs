//! Her own ballots: what the vote page and her history (`GET /me/ballots`) show her after she voted — in a
//! named vote her choice and receipt, in a secret one only that it is counted (never its receipt or
//! choice, which nothing stored links to her); who cast it when someone else did; the one count of
//! every screen; and the same set of votes waiting for her in the votes list and the matters list.

use serde_json::{Value, json};
use yishi_api_tests::accounts::*;
use yishi_api_tests::{Api, marker, yes_no_settings};

fn create(staff: &mut Api, building: &str, settings: Value) -> String {
    let r = staff.post(
        "/api/v1/votes",
        &json!({ "scope": { "kind": "building", "id": building }, "settings": settings }),
    );
    r.expect(201, None);
    r.body["vote"]["id"].as_str().unwrap_or_default().to_owned()
}

fn named(title: &str) -> Value {
    let mut s = yes_no_settings(title);
    s["secrecy"] = json!("named");
    s
}

fn cast(api: &mut Api, vote: &str, choice: Value) -> String {
    let r = api.post(
        &format!("/api/v1/votes/{vote}/ballots"),
        &json!({ "choice": choice }),
    );
    r.expect(201, None);
    r.body["receipt"].as_str().unwrap_or_default().to_owned()
}

/// Her record of `vote` in her history, if it is there.
fn record(history: &Value, vote: &str) -> Option<Value> {
    history["votes"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|r| r["vote"]["id"] == vote)
        .cloned()
}

#[test]
fn she_sees_her_named_choice_and_receipt_and_of_a_secret_ballot_only_that_it_counts() {
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    let named_vote = create(&mut staff, "bld_t03", named(&marker("记名·雨棚")));
    let mut ranked = yes_no_settings(&marker("不记名·食堂"));
    ranked["method"] = json!({ "kind": "ranked", "rule": "instant_runoff" });
    ranked["options"] = json!(["幸福餐厅", "阳光厨房", "邻里食堂"]);
    let secret_vote = create(&mut staff, "bld_t03", ranked);

    let mut r3 = Api::signed_in(RESIDENT3, RESIDENT_PASSCODE);
    let named_receipt = cast(&mut r3, &named_vote, json!({ "kind": "yes" }));
    let secret_receipt = cast(
        &mut r3,
        &secret_vote,
        json!({ "kind": "ranking", "ranking": [1, 0] }),
    );

    // The named vote's page: her choice and receipt, and the count of the snapshot.
    let page = r3.get(&format!("/api/v1/votes/{named_vote}"));
    page.expect(200, None);
    let mine = &page.body["vote"]["my_votes"][0];
    assert_eq!(mine["voted"], true);
    assert_eq!(
        mine["ballot"],
        json!({ "channel": "online", "receipt": named_receipt, "choice": { "kind": "yes" } })
    );
    let count = &page.body["vote"]["count"];
    assert_eq!(count["cast"], page.body["vote"]["participated"]);
    assert_eq!(count["voters"], page.body["vote"]["eligible"]);
    assert!(count["cast"].as_u64().is_some_and(|n| n >= 1));

    // The secret vote's page: counted, online, and nothing else.
    let page = r3.get(&format!("/api/v1/votes/{secret_vote}"));
    page.expect(200, None);
    let mine = &page.body["vote"]["my_votes"][0];
    assert_eq!(mine["voted"], true);
    assert_eq!(mine["ballot"], json!({ "channel": "online" }));
    assert!(
        !String::from_utf8_lossy(&page.raw).contains(&secret_receipt),
        "a secret receipt never comes back"
    );

    // Her history: both votes, newest first, as the vote pages show them.
    let history = r3.get("/api/v1/me/ballots");
    history.expect(200, None);
    let n = record(&history.body, &named_vote).unwrap_or_default();
    assert_eq!(n["secrecy"], "named");
    assert_eq!(n["mine"][0]["ballot"]["receipt"], named_receipt);
    assert_eq!(n["mine"][0]["ballot"]["choice"], json!({ "kind": "yes" }));
    assert_eq!(n["vote"]["needs_my_vote"], false);
    let s = record(&history.body, &secret_vote).unwrap_or_default();
    assert_eq!(s["secrecy"], "secret");
    assert_eq!(
        s["method"],
        json!({ "kind": "ranked", "rule": "instant_runoff" })
    );
    assert_eq!(s["mine"][0]["voted"], true);
    assert_eq!(s["mine"][0]["ballot"], json!({ "channel": "online" }));
    let text = String::from_utf8_lossy(&history.raw);
    assert!(!text.contains(&secret_receipt));

    // The count is the same in the votes list, her history and the vote page.
    let list = r3.get("/api/v1/votes");
    let listed = list.body["votes"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|v| v["id"] == secret_vote.as_str())
        .cloned()
        .unwrap_or_default();
    let page = r3.get(&format!("/api/v1/votes/{secret_vote}"));
    assert_eq!(listed["count"], page.body["vote"]["count"]);
    assert_eq!(s["vote"]["count"], page.body["vote"]["count"]);

    // A paper ballot entered by staff shows so in her neighbour's history, by whom, still without a
    // secret choice.
    staff
        .post(
            &format!("/api/v1/votes/{secret_vote}/paper"),
            &json!({ "voter": { "kind": "member", "id": "mbr_head3" }, "choice": { "kind": "ranking", "ranking": [2] }, "channel": "paper" }),
        )
        .expect(201, None);
    let mut head = Api::signed_in(HEAD3, RESIDENT_PASSCODE);
    let theirs = head.get("/api/v1/me/ballots");
    theirs.expect(200, None);
    let paper = record(&theirs.body, &secret_vote).unwrap_or_default();
    assert_eq!(paper["mine"][0]["ballot"]["channel"], "paper");
    assert!(
        paper["mine"][0]["ballot"]["cast_by"]
            .as_str()
            .is_some_and(|n| !n.is_empty())
    );
    assert!(paper["mine"][0]["ballot"].get("choice").is_none());
    // Staff who entered it did not vote themselves: it is not in their history.
    let staffs = staff.get("/api/v1/me/ballots");
    staffs.expect(200, None);
    assert!(record(&staffs.body, &secret_vote).is_none());
}

#[test]
fn her_history_is_hers_alone_and_needs_a_session() {
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    let vote = create(&mut staff, "bld_t03", named(&marker("只给自己看")));
    let mut r3 = Api::signed_in(RESIDENT3, RESIDENT_PASSCODE);
    cast(&mut r3, &vote, json!({ "kind": "no" }));
    // A neighbour of another building, and a pending resident, have no ballots here.
    let other = Api::signed_in(RESIDENT5, RESIDENT_PASSCODE).get("/api/v1/me/ballots");
    other.expect(200, None);
    assert!(record(&other.body, &vote).is_none());
    let pending = Api::signed_in(PENDING, RESIDENT_PASSCODE).get("/api/v1/me/ballots");
    pending.expect(200, None);
    assert!(record(&pending.body, &vote).is_none());
    // Signed out: refused, in the error envelope.
    Api::new()
        .get("/api/v1/me/ballots")
        .expect(401, Some("unauthenticated"));
    // Another member's history is not an address.
    r3.get("/api/v1/me/ballots/mbr_head3")
        .expect(404, Some("not_found"));
    // Writing to it is not a method it takes.
    let wrong = r3.post("/api/v1/me/ballots", &json!({}));
    assert!(
        wrong.status == 404 || wrong.status == 405,
        "{}",
        wrong.status
    );
}

#[test]
fn the_votes_list_and_the_matters_list_wait_for_the_same_votes() {
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    staff
        .put(
            "/api/v1/communities/com_t/matter-settings",
            &json!({ "settings": { "building_supports": 3, "compound_supports": 10, "community_supports": 20, "evaluation_days": 14 } }),
        )
        .expect(200, None);
    let (building, mut r, _, _) = staff.building_with_residents("待投楼", 3, 3);
    let title = marker("待投事项");
    let created = r[0].post(
        "/api/v1/matters",
        &json!({
            "title": title,
            "description": "单元门禁坏了，陌生人随便进出。",
            "category": "safety",
            "scope": { "kind": "building", "id": building },
        }),
    );
    created.expect(201, None);
    let matter = created.body["matter"]["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    for resident in &mut r[1..] {
        resident
            .post(&format!("/api/v1/matters/{matter}/supports"), &json!({}))
            .expect(201, None);
    }
    let put = staff.post(
        &format!("/api/v1/matters/{matter}/ballot"),
        &json!({ "settings": named(&title) }),
    );
    put.expect(201, None);
    let vote = put.body["matter"]["decision"]["vote"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    // A vote of the building that is not a matter's.
    let plain = create(&mut staff, &building, named(&marker("待投普通")));

    // Waiting for her: the votes list's set, restricted to matters, is the matters list's set.
    let waiting = |api: &mut Api| -> (Vec<String>, Vec<String>) {
        let votes = api.get("/api/v1/votes");
        votes.expect(200, None);
        let from_votes: Vec<String> = votes.body["votes"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|v| v["needs_my_vote"] == true && v["matter"].is_string())
            .filter_map(|v| v["matter"].as_str().map(str::to_owned))
            .collect();
        let matters = api.get("/api/v1/matters?mine=vote");
        matters.expect(200, None);
        let from_matters: Vec<String> = matters.body["matters"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|m| m["id"].as_str().map(str::to_owned))
            .collect();
        (from_votes, from_matters)
    };
    let (from_votes, from_matters) = waiting(&mut r[1]);
    assert_eq!(from_votes, vec![matter.clone()]);
    assert_eq!(from_matters, from_votes);
    let votes = r[1].get("/api/v1/votes");
    let plain_entry = votes.body["votes"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|v| v["id"] == plain.as_str())
        .cloned()
        .unwrap_or_default();
    assert_eq!(plain_entry["needs_my_vote"], true);
    assert_eq!(plain_entry["matter"], Value::Null);

    // The matter's card and the vote page count the same.
    let card = r[1].get("/api/v1/matters?mine=vote");
    let page = r[1].get(&format!("/api/v1/votes/{vote}"));
    assert_eq!(
        card.body["matters"][0]["vote_count"],
        page.body["vote"]["count"]
    );
    assert_eq!(page.body["vote"]["count"]["voters"], 3);

    // Once she voted, neither list waits for her, and both counts moved together.
    cast(&mut r[1], &vote, json!({ "kind": "yes" }));
    let (from_votes, from_matters) = waiting(&mut r[1]);
    assert!(from_votes.is_empty() && from_matters.is_empty());
    let all = r[2].get(&format!(
        "/api/v1/matters?scope_kind=building&scope_id={building}"
    ));
    let card = all.body["matters"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|m| m["id"] == matter.as_str())
        .cloned()
        .unwrap_or_default();
    assert_eq!(card["vote_count"], json!({ "cast": 1, "voters": 3 }));
    assert_eq!(
        card["needs_my_vote"], true,
        "still waiting for her neighbour"
    );
}
