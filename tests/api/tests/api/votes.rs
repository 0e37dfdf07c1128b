//! Votes: creating (good, bad, wrong role), casting once (sequentially and concurrently), before opening,
//! after closing, outside the electorate, secret ballots and a recount of the published list.

use chrono::{Duration, SecondsFormat, Utc};
use serde_json::{Value, json};
use yishi_api_tests::accounts::*;
use yishi_api_tests::{Api, marker};
use yishi_core::votes::poll::{PollResult, PollSettings, PublishedBallot, recount};
use yishi_core::votes::tally::Turnout;

fn at(minutes: i64) -> String {
    (Utc::now() + Duration::minutes(minutes)).to_rfc3339_opts(SecondsFormat::Millis, true)
}

fn yes_no(title: &str, electorate: Value, secrecy: &str, opens_in: i64) -> Value {
    json!({
        "title": title,
        "options": [],
        "method": { "kind": "yes_no" },
        "rules": { "quorum": { "kind": "none" }, "threshold": "simple_majority", "count_abstentions": false, "double_majority": false },
        "tie_break": "no_winner",
        "electorate": electorate,
        "secrecy": secrecy,
        "results": "after_close",
        "changeable": false,
        "max_proxies": 0,
        "opens_at": at(opens_in),
        "closes_at": at(opens_in + 60),
    })
}

fn create(api: &mut Api, kind: &str, id: &str, settings: Value) -> yishi_api_tests::Resp {
    api.post(
        "/api/v1/votes",
        &json!({ "scope": { "kind": kind, "id": id }, "settings": settings }),
    )
}

fn vote_id(r: &yishi_api_tests::Resp) -> String {
    r.body["vote"]["id"].as_str().unwrap_or_default().to_owned()
}

fn cast(api: &mut Api, vote: &str, choice: Value) -> yishi_api_tests::Resp {
    api.post(
        &format!("/api/v1/votes/{vote}/ballots"),
        &json!({ "choice": choice }),
    )
}

#[test]
fn a_resident_votes_once_in_secret_and_the_published_list_recounts_to_the_result() {
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    let title = marker("加装电梯");
    let r = create(
        &mut staff,
        "building",
        "bld_t03",
        yes_no(&title, json!({ "kind": "residents" }), "secret", -1),
    );
    r.expect(201, None);
    assert_eq!(r.body["vote"]["state"], "open");
    assert!(r.body["vote"]["eligible"].as_u64().is_some_and(|n| n >= 2));
    let vote = vote_id(&r);

    let mut r3 = Api::signed_in(RESIDENT3, RESIDENT_PASSCODE);
    let list = r3.get("/api/v1/votes");
    list.expect(200, None);
    let mine = list.body["votes"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|v| v["id"] == vote.as_str())
        .cloned()
        .unwrap_or_default();
    assert_eq!(mine["needs_my_vote"], true);
    let detail = r3.get(&format!("/api/v1/votes/{vote}"));
    assert_eq!(
        detail.body["vote"]["my_votes"][0]["voter"],
        json!({ "kind": "member", "id": "mbr_r3" })
    );
    assert_eq!(
        detail.body["vote"]["result"],
        Value::Null,
        "hidden until close"
    );

    let first = cast(&mut r3, &vote, json!({ "kind": "yes" }));
    first.expect(201, None);
    let receipt = first.body["receipt"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert_eq!(receipt.len(), 14);
    cast(&mut r3, &vote, json!({ "kind": "no" })).expect(409, Some("already_voted"));
    cast(
        &mut Api::signed_in(HEAD3, RESIDENT_PASSCODE),
        &vote,
        json!({ "kind": "no" }),
    )
    .expect(201, None);
    // The group leader of 甲小区 sees the vote (her area) but lives in 1号楼: not a voter.
    cast(
        &mut Api::signed_in(GROUP_LEADER, RESIDENT_PASSCODE),
        &vote,
        json!({ "kind": "yes" }),
    )
    .expect(403, Some("not_in_electorate"));
    r3.get(&format!("/api/v1/votes/{vote}/ballots"))
        .expect(403, Some("results_hidden"));
    Api::signed_in(RESIDENT5, RESIDENT_PASSCODE)
        .get(&format!("/api/v1/votes/{vote}"))
        .expect(404, Some("not_found"));
    r3.post(&format!("/api/v1/votes/{vote}/close"), &json!({}))
        .expect(403, Some("forbidden"));

    let closed = staff.post(&format!("/api/v1/votes/{vote}/close"), &json!({}));
    closed.expect(200, None);
    assert_eq!(closed.body["vote"]["state"], "closed");
    assert_eq!(closed.body["vote"]["participated"], 2);
    assert_eq!(closed.body["vote"]["result"]["kind"], "yes_no");
    assert_eq!(closed.body["vote"]["result"]["outcome"], "rejected");
    assert_eq!(
        closed.body["vote"]["result"]["tie"], true,
        "1 to 1 is a tie, and said so"
    );
    cast(
        &mut Api::signed_in(STAFF2, STAFF_PASSWORD),
        &vote,
        json!({ "kind": "yes" }),
    )
    .expect(409, Some("voting_closed"));

    let list = r3.get(&format!("/api/v1/votes/{vote}/ballots"));
    list.expect(200, None);
    let ballots: Vec<PublishedBallot> =
        serde_json::from_value(list.body["ballots"].clone()).unwrap_or_default();
    assert_eq!(ballots.len(), 2);
    assert!(
        ballots.iter().any(|b| b.receipt == receipt),
        "her receipt is in the list"
    );
    assert!(
        ballots.iter().all(|b| b.voter.is_none()),
        "a secret list names nobody"
    );
    let settings: PollSettings = serde_json::from_value(closed.body["vote"]["settings"].clone())
        .unwrap_or_else(|e| panic!("{e}"));
    let result: PollResult =
        serde_json::from_value(list.body["result"].clone()).unwrap_or_else(|e| panic!("{e}"));
    let eligible = list.body["eligible"].as_u64().unwrap_or_default();
    let weight = list.body["eligible_weight"].as_u64().unwrap_or_default();
    assert_eq!(
        recount(&settings, &ballots, Turnout::of(eligible, weight)),
        result
    );
}

#[test]
fn concurrent_ballots_of_one_voter_count_once() {
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    let r = create(
        &mut staff,
        "building",
        "bld_t05",
        yes_no(&marker("并发"), json!({ "kind": "residents" }), "named", -1),
    );
    r.expect(201, None);
    let vote = vote_id(&r);
    // Six sessions of the same voter, signed in one after another (six sign-ins of one phone at the
    // same moment would meet its limit of attempts, which is not what this tests), cast at once.
    let sessions: Vec<Api> = (0..6)
        .map(|_| Api::signed_in(RESIDENT5, RESIDENT_PASSCODE))
        .collect();
    let handles: Vec<_> = sessions
        .into_iter()
        .map(|mut api| {
            let vote = vote.clone();
            std::thread::spawn(move || cast(&mut api, &vote, json!({ "kind": "yes" })).status)
        })
        .collect();
    let statuses: Vec<u16> = handles
        .into_iter()
        .map(|h| {
            h.join()
                .unwrap_or_else(|_| panic!("ballot thread panicked"))
        })
        .collect();
    assert_eq!(
        statuses.iter().filter(|s| **s == 201).count(),
        1,
        "{statuses:?}"
    );
    assert!(
        statuses.iter().all(|s| [201, 409].contains(s)),
        "{statuses:?}"
    );
    staff
        .post(&format!("/api/v1/votes/{vote}/close"), &json!({}))
        .expect(200, None);
    let list = staff.get(&format!("/api/v1/votes/{vote}/ballots"));
    let ballots = list.body["ballots"].as_array().cloned().unwrap_or_default();
    assert_eq!(ballots.len(), 1);
    assert_eq!(
        ballots[0]["voter"], "五号楼居民",
        "a named list shows who voted"
    );
}

#[test]
fn a_vote_accepts_ballots_only_while_open_and_only_from_its_electorate() {
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    let later = create(
        &mut staff,
        "building",
        "bld_t03",
        yes_no(
            &marker("明天"),
            json!({ "kind": "residents" }),
            "secret",
            60,
        ),
    );
    later.expect(201, None);
    assert_eq!(later.body["vote"]["state"], "scheduled");
    assert_eq!(later.body["vote"]["eligible"], Value::Null);
    cast(
        &mut Api::signed_in(RESIDENT3, RESIDENT_PASSCODE),
        &vote_id(&later),
        json!({ "kind": "yes" }),
    )
    .expect(409, Some("voting_not_open"));

    // A pending resident of 3号楼 is not called; a council member living in 5号楼 is, for a council vote.
    let council = create(
        &mut staff,
        "building",
        "bld_t03",
        yes_no(
            &marker("议事会"),
            json!({ "kind": "council_members" }),
            "named",
            -1,
        ),
    );
    council.expect(201, None);
    let vote = vote_id(&council);
    cast(
        &mut Api::signed_in(COUNCIL, RESIDENT_PASSCODE),
        &vote,
        json!({ "kind": "yes" }),
    )
    .expect(201, None);
    cast(
        &mut Api::signed_in(RESIDENT3, RESIDENT_PASSCODE),
        &vote,
        json!({ "kind": "yes" }),
    )
    .expect(403, Some("not_in_electorate"));
    Api::signed_in(PENDING, RESIDENT_PASSCODE)
        .get(&format!("/api/v1/votes/{vote}"))
        .expect(404, Some("not_found"));

    // One household, one vote, cast by its representative.
    let household = create(
        &mut staff,
        "building",
        "bld_t03",
        yes_no(
            &marker("一户一票"),
            json!({ "kind": "households", "cast_by": "representative" }),
            "secret",
            -1,
        ),
    );
    household.expect(201, None);
    let mut r3 = Api::signed_in(RESIDENT3, RESIDENT_PASSCODE);
    let detail = r3.get(&format!("/api/v1/votes/{}", vote_id(&household)));
    assert_eq!(
        detail.body["vote"]["my_votes"],
        json!([{ "voter": { "kind": "household", "id": "hh_t03_1_002" }, "voted": false, "delegated": false }])
    );
    let r = cast(&mut r3, &vote_id(&household), json!({ "kind": "abstain" }));
    r.expect(201, None);
    assert_eq!(
        r.body["voter"],
        json!({ "kind": "household", "id": "hh_t03_1_002" })
    );
    // A bad choice is refused before anything is stored.
    let choice = create(
        &mut staff,
        "building",
        "bld_t03",
        json!({
            "title": marker("选址"), "options": ["东门", "西门", "北门"],
            "method": { "kind": "single", "seats": 1 },
            "rules": { "quorum": { "kind": "none" }, "threshold": "simple_majority", "count_abstentions": false, "double_majority": false },
            "tie_break": "ballot_order", "electorate": { "kind": "residents" }, "secrecy": "secret",
            "results": "live", "changeable": false, "max_proxies": 0, "opens_at": at(-1), "closes_at": at(60),
        }),
    );
    choice.expect(201, None);
    let v = vote_id(&choice);
    cast(&mut r3, &v, json!({ "kind": "options", "options": [7] })).expect(422, Some("invalid"));
    cast(&mut r3, &v, json!({ "kind": "yes" })).expect(422, Some("invalid"));
    cast(&mut r3, &v, json!({ "kind": "options", "options": [1] })).expect(201, None);
    let live = r3.get(&format!("/api/v1/votes/{v}"));
    assert_eq!(
        live.body["vote"]["result"]["totals"],
        json!([0, 1, 0]),
        "live results"
    );
}

#[test]
fn only_those_who_may_create_votes_and_only_sound_ones() {
    let settings = || yes_no(&marker("议题"), json!({ "kind": "residents" }), "secret", 0);
    create(
        &mut Api::signed_in(RESIDENT3, RESIDENT_PASSCODE),
        "building",
        "bld_t03",
        settings(),
    )
    .expect(403, Some("forbidden"));
    let mut head = Api::signed_in(HEAD3, RESIDENT_PASSCODE);
    create(&mut head, "building", "bld_t03", settings()).expect(201, None);
    create(&mut head, "building", "bld_t05", settings()).expect(403, Some("forbidden"));
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    create(&mut staff, "building", "bld_nope", settings()).expect(422, Some("invalid"));
    let mut bad = settings();
    bad["closes_at"] = json!(at(-5));
    let r = create(&mut staff, "building", "bld_t03", bad);
    r.expect(422, Some("invalid"));
    assert_eq!(r.body["error"]["field"], "closes_at");
    // A start a day ago is a mistake, not "now": it is refused at its field.
    let mut past = settings();
    past["opens_at"] = json!(at(-24 * 60));
    let r = create(&mut staff, "building", "bld_t03", past);
    r.expect(422, Some("invalid"));
    assert_eq!(r.body["error"]["field"], "opens_at");
    let mut options = settings();
    options["options"] = json!(["甲", "乙"]);
    create(&mut staff, "building", "bld_t03", options).expect(422, Some("invalid"));
    let mut secret_change = settings();
    secret_change["changeable"] = json!(true);
    let r = create(&mut staff, "building", "bld_t03", secret_change);
    r.expect(422, Some("invalid"));
    assert_eq!(r.body["error"]["field"], "secrecy");
    let mut blank = settings();
    blank["title"] = json!("  ");
    create(&mut staff, "building", "bld_t03", blank).expect(422, Some("required"));
    staff
        .get("/api/v1/votes/vot_nope")
        .expect(404, Some("not_found"));
}

fn at_seconds(seconds: i64) -> String {
    (Utc::now() + Duration::seconds(seconds)).to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// Proxies are given before opening; the delegate then casts both votes and the named list shows it.
/// Paper ballots entered by staff count once with the online ones; the list exports as CSV.
#[test]
fn proxies_paper_ballots_and_the_csv_list() {
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    let mut settings = yes_no(&marker("委托"), json!({ "kind": "residents" }), "named", 0);
    settings["max_proxies"] = json!(1);
    settings["opens_at"] = json!(at_seconds(4));
    let r = create(&mut staff, "building", "bld_t03", settings);
    r.expect(201, None);
    let vote = vote_id(&r);
    let proxies = format!("/api/v1/votes/{vote}/proxies");
    let me = |id: &str| json!({ "kind": "member", "id": id });

    let mut r3 = Api::signed_in(RESIDENT3, RESIDENT_PASSCODE);
    r3.post(
        &proxies,
        &json!({ "from": me("mbr_head3"), "to": me("mbr_r3") }),
    )
    .expect(403, Some("not_in_electorate"));
    r3.post(
        &proxies,
        &json!({ "from": me("mbr_r3"), "to": me("mbr_r3") }),
    )
    .expect(422, Some("invalid"));
    let given = r3.post(
        &proxies,
        &json!({ "from": me("mbr_r3"), "to": me("mbr_head3") }),
    );
    given.expect(201, None);
    assert_eq!(given.body["to"], me("mbr_head3"));
    r3.post(
        &proxies,
        &json!({ "from": me("mbr_r3"), "to": me("mbr_elder") }),
    )
    .expect(409, Some("proxy_taken"));
    let mut head = Api::signed_in(HEAD3, RESIDENT_PASSCODE);
    head.post(
        &proxies,
        &json!({ "from": me("mbr_head3"), "to": me("mbr_elder") }),
    )
    .expect(422, Some("proxy_chain"));

    std::thread::sleep(std::time::Duration::from_secs(5));
    r3.post(
        &proxies,
        &json!({ "from": me("mbr_r3"), "to": me("mbr_head3") }),
    )
    .expect(409, Some("voting_open"));
    let detail = head.get(&format!("/api/v1/votes/{vote}"));
    assert_eq!(
        detail.body["vote"]["my_votes"],
        json!([
            { "voter": me("mbr_head3"), "voted": false, "delegated": false },
            { "voter": me("mbr_r3"), "voted": false, "delegated": true },
        ])
    );
    cast(&mut r3, &vote, json!({ "kind": "yes" })).expect(403, Some("not_in_electorate"));
    // Her history lists the vote she delegated, not yet cast.
    let in_history = |api: &mut Api| {
        let history = api.get("/api/v1/me/ballots");
        history.expect(200, None);
        history.body["votes"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|r| r["vote"]["id"] == vote.as_str())
            .cloned()
            .unwrap_or_default()
    };
    let before = in_history(&mut r3);
    assert_eq!(before["delegated"], json!([me("mbr_r3")]));
    assert_eq!(before["delegated_cast"], json!([]));
    assert_eq!(before["mine"], json!([]));
    let ballot =
        |voter: Value, choice: &str| json!({ "choice": { "kind": choice }, "voter": voter });
    head.post(
        &format!("/api/v1/votes/{vote}/ballots"),
        &ballot(me("mbr_head3"), "no"),
    )
    .expect(201, None);
    head.post(
        &format!("/api/v1/votes/{vote}/ballots"),
        &ballot(me("mbr_r3"), "yes"),
    )
    .expect(201, None);
    // She who delegated is told her proxy cast it; the delegate sees the ballot cast for her neighbour,
    // named, with its choice.
    let hers = r3.get(&format!("/api/v1/votes/{vote}"));
    assert_eq!(hers.body["vote"]["delegated"], json!([me("mbr_r3")]));
    assert_eq!(hers.body["vote"]["delegated_cast"], json!([me("mbr_r3")]));
    assert_eq!(hers.body["vote"]["my_votes"], json!([]));
    // Her history too says it is cast, and never how.
    let after = in_history(&mut r3);
    assert_eq!(after["delegated_cast"], json!([me("mbr_r3")]));
    assert_eq!(after["mine"], json!([]));
    assert!(!after.to_string().contains("\"yes\""));
    let theirs = head.get(&format!("/api/v1/votes/{vote}"));
    let for_her = &theirs.body["vote"]["my_votes"][1];
    assert_eq!(for_her["delegated"], true);
    assert_eq!(for_her["ballot"]["choice"], json!({ "kind": "yes" }));
    assert_eq!(for_her["ballot"]["channel"], "online");
    assert!(
        for_her["ballot"].get("cast_by").is_none(),
        "she cast it herself"
    );

    // A paper ballot for the elderly resident without a phone, entered by staff; once only.
    let paper = format!("/api/v1/votes/{vote}/paper");
    let entry =
        json!({ "voter": me("mbr_elder"), "choice": { "kind": "yes" }, "channel": "paper" });
    r3.post(&paper, &entry).expect(403, Some("forbidden"));
    staff
        .post(
            &paper,
            &json!({ "voter": me("mbr_elder"), "choice": { "kind": "yes" }, "channel": "online" }),
        )
        .expect(422, Some("invalid"));
    staff.post(&paper, &entry).expect(201, None);
    staff
        .post(&paper, &entry)
        .expect(409, Some("already_voted"));
    staff
        .post(&paper, &json!({ "voter": me("mbr_r3"), "choice": { "kind": "no" }, "channel": "show_of_hands" }))
        .expect(409, Some("already_voted"));
    staff
        .post(
            &paper,
            &json!({ "voter": me("mbr_r5"), "choice": { "kind": "no" }, "channel": "paper" }),
        )
        .expect(403, Some("not_in_electorate"));

    let closed = staff.post(&format!("/api/v1/votes/{vote}/close"), &json!({}));
    assert_eq!(closed.body["vote"]["result"]["count"]["yes"], 2);
    assert_eq!(closed.body["vote"]["result"]["count"]["no"], 1);
    let list = staff.get(&format!("/api/v1/votes/{vote}/ballots"));
    let ballots = list.body["ballots"].as_array().cloned().unwrap_or_default();
    let by_proxy = ballots
        .iter()
        .find(|b| b["voter"] == "三号楼居民")
        .cloned()
        .unwrap_or_default();
    assert_eq!(
        by_proxy["cast_by"], "三号楼楼栋长",
        "the record shows the delegate"
    );
    let on_paper = ballots
        .iter()
        .find(|b| b["voter"] == "无手机老人")
        .cloned()
        .unwrap_or_default();
    assert_eq!(on_paper["channel"], "paper");

    let csv = staff.get(&format!("/api/v1/votes/{vote}/ballots?format=csv"));
    csv.expect(200, None);
    assert!(
        csv.header("content-type")
            .is_some_and(|t| t.starts_with("text/csv"))
    );
    let text = csv.body.as_str().unwrap_or_default().to_owned();
    let lines: Vec<&str> = text.trim_end().split("\r\n").collect();
    assert_eq!(
        lines[0],
        "\u{feff}receipt,choice,weight,channel,voter,cast_by"
    );
    assert_eq!(lines.len(), 4);
    assert!(text.contains("三号楼居民,三号楼楼栋长"));
}

/// A named vote that allows changes takes a voter's new ballot in place of her earlier one; the count
/// holds one ballot per voter. A ballot staff entered on paper is not replaced from a phone.
#[test]
fn a_named_changeable_ballot_can_be_changed_until_close() {
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    let mut settings = yes_no(
        &marker("可改票"),
        json!({ "kind": "residents" }),
        "named",
        -1,
    );
    settings["changeable"] = json!(true);
    let r = create(&mut staff, "building", "bld_t03", settings);
    r.expect(201, None);
    let vote = vote_id(&r);
    let mut r3 = Api::signed_in(RESIDENT3, RESIDENT_PASSCODE);
    let first = cast(&mut r3, &vote, json!({ "kind": "yes" }));
    first.expect(201, None);
    let second = cast(&mut r3, &vote, json!({ "kind": "no" }));
    second.expect(200, None);
    assert_ne!(second.body["receipt"], first.body["receipt"]);
    staff
        .post(
            &format!("/api/v1/votes/{vote}/paper"),
            &json!({ "voter": { "kind": "member", "id": "mbr_head3" }, "choice": { "kind": "yes" }, "channel": "paper" }),
        )
        .expect(201, None);
    cast(
        &mut Api::signed_in(HEAD3, RESIDENT_PASSCODE),
        &vote,
        json!({ "kind": "no" }),
    )
    .expect(409, Some("already_voted"));
    let closed = staff.post(&format!("/api/v1/votes/{vote}/close"), &json!({}));
    assert_eq!(closed.body["vote"]["result"]["count"]["yes"], 1);
    assert_eq!(closed.body["vote"]["result"]["count"]["no"], 1);
    assert_eq!(closed.body["vote"]["participated"], 2);
    cast(&mut r3, &vote, json!({ "kind": "yes" })).expect(409, Some("voting_closed"));

    // The result goes on the notice board of the vote's scope; only once closed, only by its managers.
    r3.post(&format!("/api/v1/votes/{vote}/notice"), &json!({}))
        .expect(403, Some("forbidden"));
    let notice = staff.post(&format!("/api/v1/votes/{vote}/notice"), &json!({}));
    notice.expect(201, None);
    assert!(
        notice.body["notice"]["title"]
            .as_str()
            .is_some_and(|t| t.starts_with("投票结果："))
    );
    assert!(
        notice.body["notice"]["body"]
            .as_str()
            .is_some_and(|b| b.contains("赞成 1 票，反对 1 票"))
    );
    assert_eq!(
        notice.body["notice"]["scope"],
        json!({ "kind": "building", "id": "bld_t03" })
    );
    let open = create(
        &mut staff,
        "building",
        "bld_t03",
        yes_no(
            &marker("未结束"),
            json!({ "kind": "residents" }),
            "secret",
            -1,
        ),
    );
    staff
        .post(
            &format!("/api/v1/votes/{}/notice", vote_id(&open)),
            &json!({}),
        )
        .expect(409, Some("vote_not_closed"));
}
