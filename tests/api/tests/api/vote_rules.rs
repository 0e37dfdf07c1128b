//! The electorate's facts that staff record and votes depend on: households' floor areas (the weight of
//! a double majority) and residents' years of birth (votes for residents of a given age); a vote's
//! result as JSON and CSV; the bounds of a vote's numbers (budgets and costs, quorums, ages, how long it
//! lasts), and a yes/no tie said as such.

use chrono::{Duration, SecondsFormat, Utc};
use serde_json::{Value, json};
use yishi_api_tests::accounts::*;
use yishi_api_tests::{Api, marker};

fn at(minutes: i64) -> String {
    (Utc::now() + Duration::minutes(minutes)).to_rfc3339_opts(SecondsFormat::Millis, true)
}

fn settings(title: &str, electorate: Value, double_majority: bool) -> Value {
    json!({
        "title": title,
        "options": [],
        "method": { "kind": "yes_no" },
        "rules": { "quorum": { "kind": "none" }, "threshold": "simple_majority", "count_abstentions": false, "double_majority": double_majority },
        "tie_break": "no_winner",
        "electorate": electorate,
        "secrecy": "named",
        "results": "after_close",
        "changeable": false,
        "max_proxies": 0,
        "opens_at": at(-1),
        "closes_at": at(60),
    })
}

fn create(api: &mut Api, kind: &str, id: &str, settings: Value) -> yishi_api_tests::Resp {
    api.post(
        "/api/v1/votes",
        &json!({ "scope": { "kind": kind, "id": id }, "settings": settings }),
    )
}

/// A new building of three households, each with one resident without a phone (so staff enter
/// their ballots): its id, its unit's, and its households' ids with their residents' ids.
fn building_of_three(staff: &mut Api) -> (String, String, Vec<(String, String)>) {
    let (building, unit, households) = staff.new_building(&marker("面积楼"), 3);
    let with_people = households
        .into_iter()
        .enumerate()
        .map(|(i, h)| {
            let r = staff.post(
                &format!("/api/v1/households/{h}/members"),
                &json!({ "name": format!("住户{}", i + 1) }),
            );
            r.expect(201, None);
            let member = r.body["member"]["id"]
                .as_str()
                .unwrap_or_default()
                .to_owned();
            (h, member)
        })
        .collect();
    (building, unit, with_people)
}

#[test]
fn a_double_majority_by_floor_area_needs_every_area_and_weighs_by_it() {
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    let (building, unit, homes) = building_of_three(&mut staff);
    let by_area = || {
        settings(
            &marker("加装电梯（双过半）"),
            json!({ "kind": "households", "cast_by": "representative" }),
            true,
        )
    };
    let r = create(&mut staff, "building", &building, by_area());
    r.expect(422, Some("floor_area_missing"));
    assert!(
        r.body["error"]["message"]
            .as_str()
            .unwrap_or_default()
            .contains("3 户"),
        "{}",
        r.body
    );
    // A double majority weighs households: not persons, not options.
    let mut by_person = by_area();
    by_person["electorate"] = json!({ "kind": "residents" });
    let r = create(&mut staff, "building", &building, by_person);
    r.expect(422, Some("invalid"));
    assert_eq!(r.body["error"]["field"], "rules");

    // Floor areas: good and bad input, the right role only.
    let household = |i: usize| format!("/api/v1/households/{}", homes[i].0);
    for bad in ["八十", "-5", "12.345"] {
        let r = staff.patch(&household(0), &json!({ "floor_area": bad }));
        r.expect(422, Some("invalid"));
        assert_eq!(r.body["error"]["field"], "floor_area");
    }
    staff
        .patch(&household(0), &json!({ "floor_area": "0" }))
        .expect(422, Some("out_of_range"));
    staff
        .patch(
            &format!("/api/v1/buildings/{building}"),
            &json!({ "floor_area": "60" }),
        )
        .expect(422, Some("invalid"));
    Api::signed_in(RESIDENT3, RESIDENT_PASSCODE)
        .patch(&household(0), &json!({ "floor_area": "60" }))
        .expect(404, Some("not_found"));
    for (i, area) in ["60", "60.00", "140 ㎡"].iter().enumerate() {
        staff
            .patch(&household(i), &json!({ "floor_area": area }))
            .expect(200, None);
    }
    let listed = staff.get(&format!("/api/v1/units/{unit}/households"));
    let areas: Vec<Value> = listed.body["households"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|h| h["floor_area"].clone())
        .collect();
    assert_eq!(areas, [json!(6000), json!(6000), json!(14_000)]);
    // Renaming keeps the area.
    staff
        .patch(&household(2), &json!({ "name": "103室" }))
        .expect(200, None);

    let r = create(&mut staff, "building", &building, by_area());
    r.expect(201, None);
    let vote = r.body["vote"]["id"].as_str().unwrap_or_default().to_owned();
    let paper = format!("/api/v1/votes/{vote}/paper");
    for ((household, _), choice) in homes.iter().zip(["yes", "yes", "no"]) {
        staff
            .post(
                &paper,
                &json!({ "voter": { "kind": "household", "id": household }, "choice": { "kind": choice }, "channel": "paper" }),
            )
            .expect(201, None);
    }
    let result = format!("/api/v1/votes/{vote}/result");
    staff.get(&result).expect(403, Some("results_hidden"));
    let closed = staff.post(&format!("/api/v1/votes/{vote}/close"), &json!({}));
    closed.expect(200, None);
    let outcome = &closed.body["vote"]["result"];
    // Two of three households, but 120 m² of 260 m²: not adopted.
    assert_eq!(outcome["count"]["yes"], 2);
    assert_eq!(outcome["count"]["yes_weight"], 12_000);
    assert_eq!(outcome["count"]["no_weight"], 14_000);
    assert_eq!(outcome["outcome"], "rejected");

    let r = staff.get(&result);
    r.expect(200, None);
    assert_eq!(r.body["eligible"], 3);
    assert_eq!(r.body["eligible_weight"], 26_000);
    assert_eq!(r.body["participated"], 3);
    assert!(
        r.body["title"]
            .as_str()
            .is_some_and(|t| t.starts_with("投票结果：加装电梯（双过半）")),
        "{}",
        r.body["title"]
    );
    assert_eq!(r.body["rows"][0], json!(["表决", "票数", "权重"]));
    assert_eq!(r.body["rows"][1], json!(["赞成", "2", "12000"]));
    assert_eq!(r.body["rows"][4], json!(["结果", "未通过"]));
    assert!(
        r.body["text"]
            .as_str()
            .unwrap_or_default()
            .contains("结果：未通过"),
        "{}",
        r.body["text"]
    );
    let csv = staff.get(&format!("{result}?format=csv"));
    assert_eq!(csv.status, 200);
    assert_eq!(csv.header("content-type"), Some("text/csv; charset=utf-8"));
    assert!(
        csv.header("content-disposition")
            .is_some_and(|d| d.contains(&format!("{vote}-result.csv"))),
        "{:?}",
        csv.headers
    );
    let text = csv.body.as_str().unwrap_or_default();
    assert!(
        text.starts_with("\u{feff}表决,票数,权重\r\n赞成,2,12000\r\n反对,1,14000\r\n"),
        "{text:?}"
    );
    let mut en = Api::signed_in(STAFF, STAFF_PASSWORD);
    en.lang = "en";
    let english = en.get(&format!("{result}?format=csv"));
    assert!(
        english
            .body
            .as_str()
            .unwrap_or_default()
            .starts_with("\u{feff}answer,votes,weight\r\nyes,2,12000"),
        "{:?}",
        english.body
    );
    staff
        .get("/api/v1/votes/vot_nope/result")
        .expect(404, Some("not_found"));
}

#[test]
fn staff_record_years_of_birth_for_votes_by_age() {
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    let path = "/api/v1/members/mbr_elder/birth-year";
    let r = staff.put(path, &json!({ "birth_year": 1948 }));
    r.expect(200, None);
    assert_eq!(r.body["member"]["birth_year"], 1948);
    let r = staff.put(path, &json!({ "birth_year": 1850 }));
    r.expect(422, Some("out_of_range"));
    assert_eq!(r.body["error"]["field"], "birth_year");
    staff
        .put(path, &json!({ "birth_year": "1948" }))
        .expect(400, Some("invalid_json"));
    let next_year = u16::try_from(chrono::Datelike::year(&Utc::now()) + 1).unwrap_or_default();
    staff
        .put(path, &json!({ "birth_year": next_year }))
        .expect(422, Some("out_of_range"));
    // Her neighbours cannot even see her record.
    Api::signed_in(RESIDENT3, RESIDENT_PASSCODE)
        .put(path, &json!({ "birth_year": 1960 }))
        .expect(404, Some("not_found"));
    // Staff members live in no household: nothing to record.
    staff
        .put(
            "/api/v1/members/mbr_staff2/birth-year",
            &json!({ "birth_year": 1980 }),
        )
        .expect(422, Some("not_resident"));
    let audit = staff.audit(
        |e| e["action"] == "member.birth_year" && e["target_id"] == "mbr_elder",
        1,
    );
    assert!(!audit.is_empty(), "no audit entry of a year of birth");

    // A vote for residents aged 70 or more: she is in it, her neighbour without a year is not.
    let r = create(
        &mut staff,
        "building",
        "bld_t03",
        settings(
            &marker("老年食堂供应商"),
            json!({ "kind": "residents_aged", "min_age": 70 }),
            false,
        ),
    );
    r.expect(201, None);
    assert_eq!(r.body["vote"]["eligible"], 1);
    let vote = r.body["vote"]["id"].as_str().unwrap_or_default().to_owned();
    Api::signed_in(RESIDENT3, RESIDENT_PASSCODE)
        .post(
            &format!("/api/v1/votes/{vote}/ballots"),
            &json!({ "choice": { "kind": "yes" } }),
        )
        .expect(403, Some("not_in_electorate"));
    staff
        .post(
            &format!("/api/v1/votes/{vote}/paper"),
            &json!({ "voter": { "kind": "member", "id": "mbr_elder" }, "choice": { "kind": "yes" }, "channel": "paper" }),
        )
        .expect(201, None);
    // Cleared again, and the snapshot of the open vote is unchanged.
    let r = staff.put(path, &json!({ "birth_year": null }));
    r.expect(200, None);
    assert_eq!(r.body["member"]["birth_year"], Value::Null);
    let r = staff.get(&format!("/api/v1/votes/{vote}"));
    assert_eq!(r.body["vote"]["eligible"], 1);
    assert_eq!(r.body["vote"]["participated"], 1);
}

/// A resident delegates her vote to a neighbour by the neighbour's phone number; staff see the register
/// of who voted (and who delegated), never what anyone chose.
#[test]
fn proxies_by_phone_number_and_the_register_of_voters() {
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    let mut s = settings(&marker("委托手机号"), json!({ "kind": "residents" }), false);
    s["secrecy"] = json!("secret");
    s["max_proxies"] = json!(1);
    s["opens_at"] =
        json!((Utc::now() + Duration::seconds(4)).to_rfc3339_opts(SecondsFormat::Millis, true));
    let r = create(&mut staff, "building", "bld_t03", s);
    r.expect(201, None);
    let vote = r.body["vote"]["id"].as_str().unwrap_or_default().to_owned();
    let me = |id: &str| json!({ "kind": "member", "id": id });

    let mut r3 = Api::signed_in(RESIDENT3, RESIDENT_PASSCODE);
    let detail = r3.get(&format!("/api/v1/votes/{vote}"));
    assert_eq!(detail.body["vote"]["may_delegate"], json!([me("mbr_r3")]));
    let proxies = format!("/api/v1/votes/{vote}/proxies");
    // Someone of 5号楼 is not a voter here; an unknown number is not either; a malformed one is refused.
    for phone in [RESIDENT5, "13911112222"] {
        r3.post(
            &proxies,
            &json!({ "from": me("mbr_r3"), "to_phone": phone }),
        )
        .expect(422, Some("delegate_not_eligible"));
    }
    let r = r3.post(
        &proxies,
        &json!({ "from": me("mbr_r3"), "to_phone": "12345" }),
    );
    r.expect(422, Some("invalid"));
    assert_eq!(r.body["error"]["field"], "phone");
    r3.post(&proxies, &json!({ "from": me("mbr_r3") }))
        .expect(422, Some("invalid"));
    let given = r3.post(
        &proxies,
        &json!({ "from": me("mbr_r3"), "to_phone": HEAD3 }),
    );
    given.expect(201, None);
    assert_eq!(given.body["to"], me("mbr_head3"));
    assert!(
        given.body["to_name"]
            .as_str()
            .is_some_and(|n| !n.is_empty()),
        "{}",
        given.body
    );
    let detail = r3.get(&format!("/api/v1/votes/{vote}"));
    assert_eq!(detail.body["vote"]["may_delegate"], json!([]));
    assert_eq!(detail.body["vote"]["delegated"], json!([me("mbr_r3")]));
    staff
        .get(&format!("/api/v1/votes/{vote}/voters"))
        .expect(409, Some("voting_not_open"));

    std::thread::sleep(std::time::Duration::from_secs(5));
    let mut head = Api::signed_in(HEAD3, RESIDENT_PASSCODE);
    head.post(
        &format!("/api/v1/votes/{vote}/ballots"),
        &json!({ "choice": { "kind": "yes" }, "voter": me("mbr_r3") }),
    )
    .expect(201, None);
    let register = staff.get(&format!("/api/v1/votes/{vote}/voters"));
    register.expect(200, None);
    let entries = register.body["voters"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let entry = |id: &str| {
        entries
            .iter()
            .find(|e| e["voter"] == me(id))
            .cloned()
            .unwrap_or_default()
    };
    assert_eq!(entry("mbr_r3")["voted"], true);
    assert_eq!(entry("mbr_r3")["delegated_to"], me("mbr_head3"));
    assert_eq!(entry("mbr_head3")["voted"], false);
    assert_eq!(entry("mbr_elder")["home"], "3号楼 1单元 002");
    assert!(
        !register.body.to_string().contains("\"yes\""),
        "the register never says what anyone chose"
    );
    r3.get(&format!("/api/v1/votes/{vote}/voters"))
        .expect(403, Some("forbidden"));
}

/// A participatory budget of `kind` (`knapsack`, `approval_budget` or `equal_shares`) over the options 甲
/// and 乙.
fn priced(title: &str, kind: &str, budget: Value, costs: Value) -> Value {
    let mut s = settings(title, json!({ "kind": "residents" }), false);
    s["options"] = json!(["甲", "乙"]);
    s["method"] = json!({ "kind": kind, "budget": budget, "costs": costs });
    s
}

/// A cost near the top of a 64-bit number: added to another, it used to wrap around to a small sum.
const ABSURD_COST: u64 = u64::MAX - 49;

#[test]
fn a_budget_is_never_overspent_and_absurd_sums_are_refused() {
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    let (building, mut people, _, _) = staff.building_with_residents(&marker("预算楼"), 3, 2);
    for kind in ["knapsack", "approval_budget", "equal_shares"] {
        // Costs that used to add up to 10 within a budget of 100: refused at creation, by field.
        let r = create(
            &mut staff,
            "building",
            &building,
            priced(&marker("预算"), kind, json!(100), json!([60, ABSURD_COST])),
        );
        r.expect(422, Some("out_of_range"));
        assert_eq!(r.body["error"]["field"], "costs", "{}", r.body);
        let message = r.body["error"]["message"].as_str().unwrap_or_default();
        assert!(message.contains("项目费用应在 1 到 100 之间"), "{message}");
        // A project dearer than the whole budget could never be funded.
        let r = create(
            &mut staff,
            "building",
            &building,
            priced(&marker("预算"), kind, json!(100), json!([60, 101])),
        );
        r.expect(422, Some("out_of_range"));
        assert_eq!(r.body["error"]["field"], "costs");
        for budget in [json!(0), json!(100_000_001), json!(u64::MAX)] {
            let r = create(
                &mut staff,
                "building",
                &building,
                priced(&marker("预算"), kind, budget, json!([60, 40])),
            );
            r.expect(422, Some("out_of_range"));
            assert_eq!(r.body["error"]["field"], "budget", "{}", r.body);
        }
        // Past 64 bits the number is not read at all.
        let raw = format!(
            r#"{{"scope":{{"kind":"building","id":"{building}"}},"settings":{}}}"#,
            priced(&marker("预算"), kind, json!(100), json!([60, 40]))
        )
        .replace("\"costs\":[60,40]", "\"costs\":[60,18446744073709551616]");
        staff
            .post_raw("/api/v1/votes", &raw, true)
            .expect(400, Some("invalid_json"));
    }
    let mut en = Api::signed_in(STAFF, STAFF_PASSWORD);
    en.lang = "en";
    let r = create(
        &mut en,
        "building",
        &building,
        priced(
            &marker("预算"),
            "knapsack",
            json!(100),
            json!([60, ABSURD_COST]),
        ),
    );
    r.expect(422, Some("out_of_range"));
    assert_eq!(
        r.body["error"]["message"],
        "The project cost must be between 1 and 100."
    );

    // A knapsack ballot over the budget is refused; one within it counts.
    let r = create(
        &mut staff,
        "building",
        &building,
        priced(&marker("背包预算"), "knapsack", json!(100), json!([60, 50])),
    );
    r.expect(201, None);
    let knapsack = r.body["vote"]["id"].as_str().unwrap_or_default().to_owned();
    let ballots = format!("/api/v1/votes/{knapsack}/ballots");
    people[0]
        .post(
            &ballots,
            &json!({ "choice": { "kind": "options", "options": [0, 1] } }),
        )
        .expect(422, Some("over_budget"));
    for p in &mut people {
        p.post(
            &ballots,
            &json!({ "choice": { "kind": "options", "options": [1] } }),
        )
        .expect(201, None);
    }
    // Approving both is fine; the count funds what fits.
    let r = create(
        &mut staff,
        "building",
        &building,
        priced(
            &marker("认可预算"),
            "approval_budget",
            json!(100),
            json!([60, 50]),
        ),
    );
    r.expect(201, None);
    let approval = r.body["vote"]["id"].as_str().unwrap_or_default().to_owned();
    for p in &mut people {
        p.post(
            &format!("/api/v1/votes/{approval}/ballots"),
            &json!({ "choice": { "kind": "options", "options": [0, 1] } }),
        )
        .expect(201, None);
    }
    for (vote, funded, spent) in [(knapsack, json!([1]), 50), (approval, json!([0]), 60)] {
        let closed = staff.post(&format!("/api/v1/votes/{vote}/close"), &json!({}));
        closed.expect(200, None);
        let result = &closed.body["vote"]["result"];
        assert_eq!(result["kind"], "budget", "{result}");
        assert_eq!(result["funded"], funded, "{result}");
        assert_eq!(result["spent"], spent, "{result}");
    }
}

/// Two neighbours want 甲, 乙 and 丙, a third wants 丁; each costs 30 of a budget of 90. Funding the most
/// approved gives the two everything; equal shares give each voter a third of the budget, so the third
/// neighbour's 丁 is funded with her share.
#[test]
fn equal_shares_give_the_smaller_group_its_share() {
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    let (building, mut people, _, _) = staff.building_with_residents(&marker("均分楼"), 3, 3);
    let mut counted = Vec::new();
    for kind in ["approval_budget", "equal_shares"] {
        let mut s = priced(&marker("均分"), kind, json!(90), json!([30, 30, 30, 30]));
        s["options"] = json!(["甲", "乙", "丙", "丁"]);
        let r = create(&mut staff, "building", &building, s);
        r.expect(201, None);
        let vote = r.body["vote"]["id"].as_str().unwrap_or_default().to_owned();
        for (i, p) in people.iter_mut().enumerate() {
            let options = if i < 2 { json!([0, 1, 2]) } else { json!([3]) };
            p.post(
                &format!("/api/v1/votes/{vote}/ballots"),
                &json!({ "choice": { "kind": "options", "options": options } }),
            )
            .expect(201, None);
        }
        let pb = format!("/api/v1/votes/{vote}/ballots?format=pb");
        // Not before the vote closes: its results are hidden until then.
        staff.get(&pb).expect(403, Some("results_hidden"));
        let closed = staff.post(&format!("/api/v1/votes/{vote}/close"), &json!({}));
        closed.expect(200, None);
        counted.push(closed.body["vote"]["result"].clone());
        // The ballots in Pabulib's format: receipts for voters, the projects marked as counted.
        let file = staff.get(&pb);
        file.expect(200, None);
        let text = file.body.as_str().unwrap_or_default().to_owned();
        let rule = if kind == "equal_shares" {
            "equalshares/add1"
        } else {
            "greedy"
        };
        assert!(text.contains(&format!("\nrule;{rule}\n")), "{text}");
        assert!(
            text.contains("\nbudget;90\n") && text.contains("\nnum_votes;3\n"),
            "{text}"
        );
        let votes = text
            .split("VOTES\nvoter_id;vote\n")
            .nth(1)
            .unwrap_or_default();
        assert_eq!(
            votes.lines().filter(|l| l.ends_with(";1,2,3")).count(),
            2,
            "{text}"
        );
        // Each voter is her ballot's receipt (XXXX-XXXX-XXXX), never her name.
        assert!(
            votes.lines().all(|l| l
                .split(';')
                .next()
                .is_some_and(|r| r.len() == 14 && r.matches('-').count() == 2)),
            "{text}"
        );
    }
    assert_eq!(counted[0]["funded"], json!([0, 1, 2]), "{}", counted[0]);
    assert_eq!(counted[1]["kind"], "budget", "{}", counted[1]);
    assert_eq!(counted[1]["funded"], json!([0, 1, 3]), "{}", counted[1]);
    assert_eq!(counted[1]["spent"], 90);
    assert_eq!(counted[1]["totals"], json!([2, 2, 2, 1]));
    // A vote that is not a budget has no such file.
    let mut yes_no = settings(&marker("非预算"), json!({ "kind": "residents" }), false);
    yes_no["results"] = json!("live");
    let r = create(&mut staff, "building", &building, yes_no);
    r.expect(201, None);
    let vote = r.body["vote"]["id"].as_str().unwrap_or_default().to_owned();
    let r = staff.get(&format!("/api/v1/votes/{vote}/ballots?format=pb"));
    r.expect(422, Some("invalid"));
    assert_eq!(r.body["error"]["field"], "format", "{}", r.body);
}

#[test]
fn vote_settings_out_of_range_are_refused_at_their_field() {
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    let with = |change: &dyn Fn(&mut Value)| {
        let mut s = settings(&marker("范围"), json!({ "kind": "residents" }), false);
        change(&mut s);
        s
    };
    let quorum = |q: Value| with(&|s: &mut Value| s["rules"]["quorum"] = q.clone());
    let refused = |staff: &mut Api, s: Value, field: &str| {
        let r = create(staff, "building", "bld_t03", s);
        r.expect(422, Some("out_of_range"));
        assert_eq!(r.body["error"]["field"], field, "{}", r.body);
        r.body["error"]["message"]
            .as_str()
            .unwrap_or_default()
            .to_owned()
    };
    // A share of the electorate is a percentage: 255 % could never be met.
    for percent in [0, 101, 255] {
        for kind in ["percent_of_eligible", "present_percent"] {
            let message = refused(
                &mut staff,
                quorum(json!({ "kind": kind, "percent": percent })),
                "quorum",
            );
            assert!(message.contains("法定人数应在 1 到 100 之间"), "{message}");
        }
    }
    for ballots in [json!(0), json!(1_000_001), json!(u64::MAX)] {
        refused(
            &mut staff,
            quorum(json!({ "kind": "count", "ballots": ballots })),
            "quorum",
        );
        refused(
            &mut staff,
            quorum(json!({ "kind": "present_count", "present": ballots })),
            "quorum",
        );
    }
    create(
        &mut staff,
        "building",
        "bld_t03",
        quorum(json!({ "kind": "percent_of_eligible", "percent": 256 })),
    )
    .expect(400, Some("invalid_json"));
    for good in [
        json!({ "kind": "percent_of_eligible", "percent": 100 }),
        json!({ "kind": "present_percent", "percent": 1 }),
        json!({ "kind": "count", "ballots": 1_000_000 }),
    ] {
        create(&mut staff, "building", "bld_t03", quorum(good)).expect(201, None);
    }

    // Ages: no resident is 255, and an electorate of nobody is a mistake.
    let aged = |age: u8| {
        with(&|s: &mut Value| s["electorate"] = json!({ "kind": "residents_aged", "min_age": age }))
    };
    for age in [121, 255] {
        let message = refused(&mut staff, aged(age), "min_age");
        assert!(message.contains("最低年龄应在 0 到 120 之间"), "{message}");
    }
    create(&mut staff, "building", "bld_t03", aged(120)).expect(201, None);
    let mut en = Api::signed_in(STAFF, STAFF_PASSWORD);
    en.lang = "en";
    let r = create(&mut en, "building", "bld_t03", aged(255));
    r.expect(422, Some("out_of_range"));
    assert_eq!(
        r.body["error"]["message"],
        "The minimum age must be between 0 and 120."
    );

    // A vote lasts at most 60 days: one closing in the year 9999 never decides anything.
    let lasting = |minutes: i64| with(&|s: &mut Value| s["closes_at"] = json!(at(minutes)));
    for minutes in [60 * 24 * 60 + 5, 60 * 24 * 365 * 7_000] {
        let r = create(&mut staff, "building", "bld_t03", lasting(minutes));
        r.expect(422, Some("out_of_range"));
        assert_eq!(r.body["error"]["field"], "closes_at");
        let message = r.body["error"]["message"].as_str().unwrap_or_default();
        assert!(message.contains("60 天"), "{message}");
    }
    create(&mut staff, "building", "bld_t03", lasting(60 * 24 * 60 - 5)).expect(201, None);
}

#[test]
fn a_yes_no_tie_means_as_many_yes_as_no_and_is_said() {
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    let (building, _, homes) = building_of_three(&mut staff);
    let counting_abstentions = || {
        let mut s = settings(&marker("平票"), json!({ "kind": "residents" }), false);
        s["rules"]["count_abstentions"] = json!(true);
        s
    };
    // (choices of the three residents, tied): one each way is a tie even with an abstention; one yes
    // and one abstention is not (yes is half of the base, but no has none).
    for (choices, tie) in [
        (["yes", "no", "abstain"], true),
        (["yes", "abstain", ""], false),
    ] {
        let r = create(&mut staff, "building", &building, counting_abstentions());
        r.expect(201, None);
        let vote = r.body["vote"]["id"].as_str().unwrap_or_default().to_owned();
        for ((_, member), choice) in homes.iter().zip(choices).filter(|(_, c)| !c.is_empty()) {
            staff
                .post(
                    &format!("/api/v1/votes/{vote}/paper"),
                    &json!({ "voter": { "kind": "member", "id": member }, "choice": { "kind": choice }, "channel": "paper" }),
                )
                .expect(201, None);
        }
        let closed = staff.post(&format!("/api/v1/votes/{vote}/close"), &json!({}));
        closed.expect(200, None);
        let result = &closed.body["vote"]["result"];
        assert_eq!(result["tie"], tie, "{choices:?}: {result}");
        assert_eq!(result["outcome"], "rejected", "{choices:?}: {result}");
        let r = staff.get(&format!("/api/v1/votes/{vote}/result"));
        r.expect(200, None);
        let text = r.body["text"].as_str().unwrap_or_default();
        assert_eq!(text.contains("赞成与反对票数相同"), tie, "{text}");
    }
}
