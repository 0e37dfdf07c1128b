//! What one community cannot reach of another's: its handling units and, through them, its requests; its
//! residents' lists, by a phone number given with a request; and a photo that two records would share.
//!
//! The fixture's units: 测试社区居委会 (hdu_t_office) is com_t's, 邻近社区居委会 (hdu_o_office)
//! com_other's; the property company, the street's department and the gas company are the district's.

use std::sync::{Arc, Barrier};

use serde_json::{Value, json};
use yishi_api_tests::accounts::*;
use yishi_api_tests::{Api, PNG, Resp, encode, marker};

fn unit_of<'a>(catalogue: &'a Value, id: &str) -> &'a Value {
    catalogue["units"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|u| u["id"] == id)
        .unwrap_or(&Value::Null)
}

fn request_id(r: &Resp) -> String {
    r.body["request"]["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

fn listed(api: &mut Api, view: &str, id: &str) -> bool {
    api.get(&format!("/api/v1/requests?view={view}")).body["requests"]
        .as_array()
        .into_iter()
        .flatten()
        .any(|r| r["id"] == id)
}

/// A request of com_t that is with com_t's own office: reported to the street's department, returned by
/// it to the office, sent on by staff.
fn request_with_the_office() -> String {
    let mut resident = Api::signed_in(RESIDENT5, RESIDENT_PASSCODE);
    let mut roads = Api::signed_in(ROADS, STAFF_PASSWORD);
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    let created = resident.post(
        "/api/v1/requests",
        &json!({ "subcategory": "sub_t_noise", "description": marker("楼上装修噪音"),
                 "place": { "kind": "building", "id": "bld_t05" } }),
    );
    created.expect(201, None);
    let id = request_id(&created);
    roads
        .post(
            &format!("/api/v1/requests/{id}/changes"),
            &json!({ "action": "return", "note": "室内装修由社区协调", "unit": "hdu_t_office" }),
        )
        .expect(200, None);
    let sent = staff.post(
        &format!("/api/v1/requests/{id}/changes"),
        &json!({ "action": "reroute" }),
    );
    sent.expect(200, None);
    assert_eq!(sent.body["request"]["unit"]["id"], "hdu_t_office");
    id
}

#[test]
fn staff_of_another_community_cannot_join_its_units_nor_reach_its_requests() {
    let id = request_with_the_office();
    let mut theirs = Api::signed_in(OTHER_STAFF, STAFF_PASSWORD);
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    // She cannot add herself to com_t's office, change it, or remove its members; nor join the district's.
    theirs
        .post(
            "/api/v1/requests/units/hdu_t_office/members",
            &json!({ "phone": OTHER_STAFF }),
        )
        .expect(403, Some("forbidden"));
    theirs
        .put(
            "/api/v1/requests/units/hdu_t_office",
            &json!({ "name": "测试社区居委会", "kind": "community_office" }),
        )
        .expect(403, Some("forbidden"));
    theirs
        .delete("/api/v1/requests/units/hdu_t_office/members/mbr_staff")
        .expect(403, Some("forbidden"));
    theirs
        .post(
            "/api/v1/requests/units/hdu_t_street/members",
            &json!({ "phone": OTHER_STAFF }),
        )
        .expect(403, Some("forbidden"));
    // She sees whose each unit is, and that com_t's office is not hers to keep.
    let catalogue = theirs.get("/api/v1/requests/catalogue");
    catalogue.expect(200, None);
    assert_eq!(
        unit_of(&catalogue.body, "hdu_t_office")["community"],
        "com_t"
    );
    assert_eq!(unit_of(&catalogue.body, "hdu_t_office")["can_edit"], false);
    assert_eq!(unit_of(&catalogue.body, "hdu_o_office")["can_edit"], true);
    assert_eq!(
        unit_of(&catalogue.body, "hdu_t_street")["community"],
        Value::Null
    );
    assert_eq!(unit_of(&catalogue.body, "hdu_t_street")["can_edit"], false);
    // Nor can com_t's own staff bring her, or a resident of hers, into com_t's office.
    for phone in [OTHER_STAFF, RESIDENT_OTHER] {
        let r = staff.post(
            "/api/v1/requests/units/hdu_t_office/members",
            &json!({ "phone": phone }),
        );
        r.expect(422, Some("member_elsewhere"));
        assert_eq!(r.body["error"]["field"], "phone");
    }
    let members = staff.get("/api/v1/requests/catalogue");
    let office = unit_of(&members.body, "hdu_t_office")["members"].to_string();
    assert!(!office.contains("mbr_other_staff"), "{office}");
    // So com_t's requests stay out of her reach: not to be read, changed, or listed.
    theirs
        .get(&format!("/api/v1/requests/{id}"))
        .expect(404, Some("not_found"));
    theirs
        .post(
            &format!("/api/v1/requests/{id}/changes"),
            &json!({ "action": "accept" }),
        )
        .expect(404, Some("not_found"));
    assert!(!listed(&mut theirs, "handling", &id));
    // Nor is a request of com_t sent to her community's unit.
    let other = request_with_the_office();
    let mut office = Api::signed_in(STAFF, STAFF_PASSWORD);
    office
        .post(
            &format!("/api/v1/requests/{other}/changes"),
            &json!({ "action": "return", "note": "不归本社区", "unit": "hdu_o_office" }),
        )
        .expect(422, Some("invalid"));
}

#[test]
fn each_community_keeps_its_own_units_and_the_street_admin_the_districts() {
    let mut theirs = Api::signed_in(OTHER_STAFF, STAFF_PASSWORD);
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    let mut admin = Api::signed_in(ADMIN, STAFF_PASSWORD);
    // A unit she adds is her community's; she keeps it and brings in her own people and outsiders.
    let name = marker("邻近物业");
    let made = theirs.post(
        "/api/v1/requests/units",
        &json!({ "name": name, "kind": "property_company" }),
    );
    made.expect(200, None);
    let unit = made.body["units"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|u| u["name"] == name.as_str())
        .cloned()
        .unwrap_or_default();
    let unit_id = unit["id"].as_str().unwrap_or_default().to_owned();
    // com_t's staff keep none of it.
    staff
        .put(
            &format!("/api/v1/requests/units/{unit_id}"),
            &json!({ "name": name, "kind": "utility" }),
        )
        .expect(403, Some("forbidden"));
    assert_eq!(unit["community"], "com_other");
    assert_eq!(unit["can_edit"], true);
    for phone in [RESIDENT_OTHER, FIXER] {
        theirs
            .post(
                &format!("/api/v1/requests/units/{unit_id}/members"),
                &json!({ "phone": phone }),
            )
            .expect(200, None);
    }
    // Nor may they add one to com_other; the street admin keeps it too.
    staff
        .post(
            "/api/v1/requests/units",
            &json!({ "name": marker("越界单位"), "kind": "utility", "community": "com_other" }),
        )
        .expect(403, Some("forbidden"));
    staff
        .post(
            "/api/v1/requests/units",
            &json!({ "name": marker("无此社区"), "kind": "utility", "community": "com_nowhere" }),
        )
        .expect(422, Some("invalid"));
    admin
        .put(
            &format!("/api/v1/requests/units/{unit_id}"),
            &json!({ "name": name, "kind": "property_company" }),
        )
        .expect(200, None);
    // A unit the street admin adds is the district's, which only she keeps.
    let district = marker("区水务");
    let made = admin.post(
        "/api/v1/requests/units",
        &json!({ "name": district, "kind": "utility" }),
    );
    made.expect(200, None);
    let unit = made.body["units"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|u| u["name"] == district.as_str())
        .cloned()
        .unwrap_or_default();
    assert_eq!(unit["community"], Value::Null);
    let district_id = unit["id"].as_str().unwrap_or_default().to_owned();
    staff
        .put(
            &format!("/api/v1/requests/units/{district_id}"),
            &json!({ "name": district, "kind": "utility" }),
        )
        .expect(403, Some("forbidden"));
    admin
        .post(
            &format!("/api/v1/requests/units/{district_id}/members"),
            &json!({ "phone": OTHER_STAFF }),
        )
        .expect(200, None);
    // Every change is in the audit log, with the unit's community.
    let entries = admin.audit(|e| e.to_string().contains(&unit_id), 2);
    assert!(entries.len() >= 2, "{entries:?}");
}

#[test]
fn a_subcategory_of_a_communitys_unit_routes_each_community_to_its_own() {
    let mut theirs = Api::signed_in(OTHER_STAFF, STAFF_PASSWORD);
    let mut ours = Api::signed_in(RESIDENT5, RESIDENT_PASSCODE);
    let mut neighbour = Api::signed_in(RESIDENT_OTHER, RESIDENT_PASSCODE);
    let sub_of = |api: &mut Api, unit: &str| -> String {
        let name = marker("楼道堆物");
        let r = api.post(
            "/api/v1/requests/subcategories",
            &json!({ "category": "rqc_t_safety", "name": name, "unit": unit,
                     "limit": { "unit": "working_days", "value": 3 } }),
        );
        r.expect(200, None);
        r.body["categories"]
            .as_array()
            .into_iter()
            .flatten()
            .flat_map(|c| c["subcategories"].as_array().cloned().unwrap_or_default())
            .find(|s| s["name"] == name.as_str())
            .and_then(|s| s["id"].as_str().map(str::to_owned))
            .unwrap_or_default()
    };
    let report = |api: &mut Api, sub: &str, building: &str| {
        api.post(
            "/api/v1/requests",
            &json!({ "subcategory": sub, "description": marker("楼道里堆满纸箱"),
                     "place": { "kind": "building", "id": building } }),
        )
    };
    // "The community office": com_t's for com_t, com_other's own for com_other.
    // The district's catalogue is the street admin's: she adds the subcategories.
    let mut admin = Api::signed_in(ADMIN, STAFF_PASSWORD);
    let hallway = sub_of(&mut admin, "hdu_t_office");
    let here = report(&mut ours, &hallway, "bld_t05");
    here.expect(201, None);
    assert_eq!(here.body["request"]["unit"]["id"], "hdu_t_office");
    let there = report(&mut neighbour, &hallway, "bld_o01");
    there.expect(201, None);
    assert_eq!(there.body["request"]["unit"]["id"], "hdu_o_office");
    Api::signed_in(STAFF, STAFF_PASSWORD)
        .get(&format!("/api/v1/requests/{}", request_id(&there)))
        .expect(404, Some("not_found"));
    // A kind of unit com_t has none of: its resident is told so, and nothing is filed.
    let name = marker("邻近物业");
    let made = theirs.post(
        "/api/v1/requests/units",
        &json!({ "name": name, "kind": "property_company" }),
    );
    let unit = made.body["units"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|u| u["name"] == name.as_str())
        .and_then(|u| u["id"].as_str().map(str::to_owned))
        .unwrap_or_default();
    let theirs_only = sub_of(&mut admin, &unit);
    let refused = report(&mut ours, &theirs_only, "bld_t05");
    refused.expect(422, Some("no_handling_unit"));
    assert_eq!(refused.body["error"]["field"], "subcategory");
    assert!(
        refused.body["error"]["message"]
            .as_str()
            .is_some_and(|m| m.contains("社区")),
        "{}",
        refused.body
    );
    report(&mut neighbour, &theirs_only, "bld_o01").expect(201, None);
}

fn open311_key(staff: &mut Api, community: &str) -> String {
    let key = staff.post(
        "/api/v1/requests/open311-keys",
        &json!({ "name": marker("12345热线"), "community": community }),
    );
    key.expect(201, None);
    key.body["api_key"].as_str().unwrap_or_default().to_owned()
}

fn open311_submit(key: &str, building: &str, phone: &str) -> String {
    let client = Api::new();
    let r = client_send(
        client,
        &format!(
            "api_key={key}&service_code=sub_t_light&description=%E8%B7%AF%E7%81%AF%E4%B8%8D%E4%BA%AE\
             &address_id={building}&first_name=%E6%9D%8E&phone={phone}"
        ),
    );
    assert_eq!(r.status, 201, "{}", r.body);
    r.body[0]["service_request_id"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

fn client_send(mut client: Api, body: &str) -> Resp {
    client.send(
        "POST",
        "/api/open311/v2/requests.json",
        "application/x-www-form-urlencoded",
        body,
    )
}

#[test]
fn a_phone_number_attaches_a_request_only_to_a_resident_of_its_community() {
    let mut theirs = Api::signed_in(OTHER_STAFF, STAFF_PASSWORD);
    let mut ours = Api::signed_in(RESIDENT5, RESIDENT_PASSCODE);
    let mut neighbour = Api::signed_in(RESIDENT_OTHER, RESIDENT_PASSCODE);
    let key = open311_key(&mut theirs, "com_other");
    // com_other's key, a com_t resident's number: filed for the caller alone, never in her list.
    let foreign = open311_submit(&key, "bld_o01", RESIDENT5);
    assert!(!listed(&mut ours, "mine", &foreign));
    ours.get(&format!("/api/v1/requests/{foreign}"))
        .expect(404, Some("not_found"));
    let seen = theirs.get(&format!("/api/v1/requests/{foreign}"));
    seen.expect(200, None);
    assert_eq!(seen.body["request"]["requester_name"], "李");
    assert_eq!(seen.body["request"]["caller_phone"], RESIDENT5);
    // Its own resident's number: in her list.
    let own = open311_submit(&key, "bld_o01", RESIDENT_OTHER);
    assert!(listed(&mut neighbour, "mine", &own));
    // Staff registering a call are held to the same: a number of another community attaches nothing.
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    let registered = staff.post(
        "/api/v1/requests",
        &json!({ "subcategory": "sub_t_light", "description": marker("来电：路灯不亮"),
                 "place": { "kind": "building", "id": "bld_t05" },
                 "on_behalf": { "name": "王", "phone": RESIDENT_OTHER, "channel": "phone" } }),
    );
    registered.expect(201, None);
    assert!(!listed(&mut neighbour, "mine", &request_id(&registered)));
}

/// One photo, several records sent at once: matters and requests. Exactly one gets it; the others are
/// refused whole, with nothing of them written. Several rounds, so that the senders do overlap.
#[test]
fn a_photo_goes_to_one_record_however_many_ask_at_once() {
    const SENDERS: usize = 6;
    let mut resident = Api::signed_in(RESIDENT5, RESIDENT_PASSCODE);
    let mut senders: Vec<Api> = (0..SENDERS)
        .map(|_| Api::signed_in(RESIDENT5, RESIDENT_PASSCODE))
        .collect();
    for round in 0..4 {
        let uploaded = resident.send_bytes("POST", "/api/v1/photos", "image/png", PNG);
        uploaded.expect(201, None);
        let photo = uploaded.body["photo"]["id"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
        let title = marker("楼道灯坏了");
        let start = Arc::new(Barrier::new(SENDERS));
        let threads: Vec<_> = senders
            .drain(..)
            .enumerate()
            .map(|(i, mut api)| {
                let start = Arc::clone(&start);
                // The first sender of each round proposes a matter; the others report requests.
                let (path, body) = if i == 0 {
                    (
                        "/api/v1/matters",
                        json!({ "title": title, "description": "楼道灯坏了两个月。", "category": "safety",
                                "scope": { "kind": "building", "id": "bld_t05" }, "photos": [photo] }),
                    )
                } else {
                    (
                        "/api/v1/requests",
                        json!({ "subcategory": "sub_t_light", "description": title,
                                "place": { "kind": "building", "id": "bld_t05" }, "photos": [photo] }),
                    )
                };
                std::thread::spawn(move || {
                    start.wait();
                    let r = api.post(path, &body);
                    (api, path, r)
                })
            })
            .collect();
        let mut answers = Vec::new();
        for t in threads {
            let (api, path, r) = t.join().unwrap_or_else(|_| panic!("a sender panicked"));
            senders.push(api);
            answers.push((path, r));
        }
        let won: Vec<&(&str, Resp)> = answers.iter().filter(|(_, r)| r.status == 201).collect();
        assert_eq!(
            won.len(),
            1,
            "round {round}: {:?}",
            answers.iter().map(|(_, r)| &r.body).collect::<Vec<_>>()
        );
        for (_, r) in answers.iter().filter(|(_, r)| r.status != 201) {
            r.expect(409, Some("photo_taken"));
            assert_eq!(r.body["error"]["field"], "photos");
        }
        // The winner shows it, and whoever reads the record reads the photo.
        let (path, r) = won[0];
        let is_matter = path.ends_with("matters");
        let record = if is_matter {
            &r.body["matter"]
        } else {
            &r.body["request"]
        };
        assert_eq!(record["photos"], json!([photo]), "round {round}");
        let seen = resident.get(&format!("/api/v1/photos/{photo}"));
        seen.expect(200, None);
        assert_eq!(seen.raw.as_slice(), PNG);
        if !is_matter {
            let mut fixer = Api::signed_in(FIXER, STAFF_PASSWORD);
            fixer
                .get(&format!("/api/v1/photos/{photo}"))
                .expect(200, None);
        }
        // Nothing of the losers was written: of the requests sent, only the winner's, if it was one.
        let requests = resident.get(&format!("/api/v1/requests?view=mine&q={}", encode(&title)));
        requests.expect(200, None);
        let filed = requests.body["requests"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|q| q["description"] == title.as_str())
            .count();
        assert_eq!(filed, usize::from(!is_matter), "round {round}");
        // Sent again later, it is refused the same way.
        resident
            .post(
                "/api/v1/requests",
                &json!({ "subcategory": "sub_t_light", "description": marker("再来一次"),
                         "place": { "kind": "building", "id": "bld_t05" }, "photos": [photo] }),
            )
            .expect(409, Some("photo_taken"));
    }
}
