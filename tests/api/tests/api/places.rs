//! Managing the territory: creating, renaming, archiving and restoring places, the tree, the households
//! of a unit, and importing a community from a CSV file.

use std::thread;

use serde_json::{Value, json};
use yishi_api_tests::accounts::*;
use yishi_api_tests::{Api, marker};

fn staff() -> Api {
    Api::signed_in(STAFF, STAFF_PASSWORD)
}

fn create(api: &mut Api, kind: &str, parent: &str, name: &str) -> yishi_api_tests::Resp {
    api.post(
        &format!("/api/v1/{kind}"),
        &json!({ "parent_id": parent, "name": name }),
    )
}

fn id_of(r: &yishi_api_tests::Resp) -> String {
    r.body["place"]["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

/// Finds a node by name anywhere in the tree of com_t.
fn find<'a>(tree: &'a Value, name: &str) -> Option<&'a Value> {
    fn go<'a>(nodes: &'a Value, name: &str) -> Option<&'a Value> {
        nodes.as_array()?.iter().find_map(|n| {
            if n["name"] == name {
                Some(n)
            } else {
                go(&n["children"], name)
            }
        })
    }
    tree["communities"]
        .as_array()?
        .iter()
        .find_map(|c| go(&c["compounds"], name))
}

fn tree(api: &mut Api) -> Value {
    let r = api.get("/api/v1/territory?community=com_t");
    r.expect(200, None);
    r.body
}

#[test]
fn staff_create_a_building_with_its_layout_and_see_it_in_the_tree() {
    let mut api = staff();
    let name = marker("楼");
    let r = api.post(
        "/api/v1/buildings",
        &json!({ "parent_id": "cpd_b", "name": format!(" {name} "), "code": "B-77",
                 "layout": { "units": 2, "floors": 3, "doors_per_floor": 2 } }),
    );
    r.expect(201, None);
    assert_eq!(r.body["place"]["name"], name.as_str());
    assert_eq!(r.body["place"]["code"], "B-77");
    assert_eq!(r.body["place"]["kind"], "building");
    assert_eq!(r.body["place"]["archived"], false);

    let t = tree(&mut api);
    let building = find(&t, &name).cloned().unwrap_or_default();
    let units = building["children"].as_array().cloned().unwrap_or_default();
    assert_eq!(
        units.iter().map(|u| u["name"].clone()).collect::<Vec<_>>(),
        [json!("1单元"), json!("2单元")]
    );
    assert_eq!(building["figures"]["households"], 12);
    assert_eq!(t["communities"][0]["manageable"], true);

    let unit = units[0]["id"].as_str().unwrap_or_default();
    let hh = api.get(&format!("/api/v1/units/{unit}/households"));
    hh.expect(200, None);
    let doors: Vec<Value> = hh.body["households"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|h| h["name"].clone())
        .collect();
    assert_eq!(
        doors,
        ["101", "102", "201", "202", "301", "302"].map(|d| json!(d))
    );
    assert!(
        hh.body["unit_name"]
            .as_str()
            .is_some_and(|n| n.contains(&name))
    );

    // English callers get English unit names.
    let mut en = staff();
    en.lang = "en";
    let r = en.post(
        "/api/v1/buildings",
        &json!({ "parent_id": "cpd_b", "name": marker("bldg"), "layout": { "units": 1, "floors": 1, "doors_per_floor": 1 } }),
    );
    r.expect(201, None);
    let t = tree(&mut en);
    let b = find(&t, r.body["place"]["name"].as_str().unwrap_or_default())
        .cloned()
        .unwrap_or_default();
    assert_eq!(b["children"][0]["name"], "Unit 1");
}

#[test]
fn bad_places_are_refused_with_the_field_at_fault() {
    let mut api = staff();
    create(&mut api, "units", "bld_t04", "  ").expect(422, Some("required"));
    let long = "楼".repeat(41);
    let r = create(&mut api, "buildings", "cpd_b", &long);
    r.expect(422, Some("too_long"));
    assert_eq!(r.body["error"]["field"], "building");
    create(&mut api, "units", "bld_nope", "1单元").expect(422, Some("invalid"));
    create(&mut api, "units", "x'; drop table units;--", "1单元").expect(422, Some("invalid"));
    create(&mut api, "buildings", "cpd_b", "4号楼").expect(409, Some("name_taken"));
    let r = api.post(
        "/api/v1/buildings",
        &json!({ "parent_id": "cpd_b", "name": marker("b"), "layout": { "units": 1, "floors": 61, "doors_per_floor": 2 } }),
    );
    r.expect(422, Some("out_of_range"));
    assert_eq!(r.body["error"]["field"], "floors");
    api.post(
        "/api/v1/units",
        &json!({ "parent_id": "bld_t04", "name": marker("u"), "layout": { "units": 1, "floors": 1, "doors_per_floor": 1 } }),
    )
    .expect(422, Some("invalid"));
    api.post(
        "/api/v1/compounds",
        &json!({ "parent_id": "com_t", "name": marker("c"), "code": "有 空格" }),
    )
    .expect(422, Some("invalid"));
    api.post("/api/v1/compounds", &json!({ "name": "x" }))
        .expect(400, Some("invalid_json"));
    // Nothing of the refused requests was written.
    let t = tree(&mut api);
    assert!(find(&t, &long).is_none());
}

#[test]
fn only_staff_of_the_place_may_change_it() {
    for (phone, password) in [
        (OTHER_STAFF, STAFF_PASSWORD),
        (HEAD3, RESIDENT_PASSCODE),
        (GRID, STAFF_PASSWORD),
        (RESIDENT3, RESIDENT_PASSCODE),
    ] {
        let mut api = Api::signed_in(phone, password);
        let r = create(&mut api, "units", "bld_t03", &marker("u"));
        assert_eq!(r.status, 403, "{phone}: {}", r.body);
        let r = api.patch("/api/v1/units/unt_t03_1", &json!({ "name": "改名" }));
        assert!([403, 404].contains(&r.status), "{phone}: {}", r.body);
    }
    // A grid worker sees her buildings, not the others.
    let mut grid = Api::signed_in(GRID, STAFF_PASSWORD);
    let t = tree(&mut grid);
    assert!(find(&t, "3号楼").is_some());
    assert!(find(&t, "5号楼").is_none());
    assert_eq!(t["communities"][0]["manageable"], false);
    grid.get("/api/v1/units/unt_t05_1/households")
        .expect(404, Some("not_found"));
    // Residents have no tree at all.
    Api::signed_in(RESIDENT3, RESIDENT_PASSCODE)
        .get("/api/v1/territory")
        .expect(403, Some("forbidden"));
}

#[test]
fn renaming_keeps_names_unique_among_siblings() {
    let mut api = staff();
    let a = create(&mut api, "compounds", "com_t", &marker("甲"));
    a.expect(201, None);
    let b = create(&mut api, "compounds", "com_t", &marker("乙"));
    b.expect(201, None);
    let a_name = a.body["place"]["name"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let b_id = id_of(&b);
    api.patch(
        &format!("/api/v1/compounds/{b_id}"),
        &json!({ "name": a_name }),
    )
    .expect(409, Some("name_taken"));
    let renamed = marker("丙");
    let r = api.patch(
        &format!("/api/v1/compounds/{b_id}"),
        &json!({ "name": renamed, "code": "C-1" }),
    );
    r.expect(200, None);
    assert_eq!(r.body["place"]["name"], renamed.as_str());
    assert_eq!(r.body["place"]["code"], "C-1");
    // An empty code clears it; households have no code.
    let r = api.patch(&format!("/api/v1/compounds/{b_id}"), &json!({ "code": "" }));
    r.expect(200, None);
    assert_eq!(r.body["place"]["code"], Value::Null);
    api.patch("/api/v1/households/hh_t04_1_010", &json!({ "code": "X" }))
        .expect(422, Some("invalid"));
    api.patch("/api/v1/streets/str_t", &json!({ "name": "x" }))
        .expect(404, Some("not_found"));
}

#[test]
fn a_place_with_residents_cannot_be_archived_an_empty_one_can_and_comes_back_whole() {
    let mut api = staff();
    let r = api.post("/api/v1/buildings/bld_t03/archive", &json!({}));
    r.expect(409, Some("place_not_empty"));
    assert!(
        r.body["error"]["message"]
            .as_str()
            .is_some_and(|m| m.contains("户")),
        "{}",
        r.body
    );

    let name = marker("空楼");
    let b = api.post(
        "/api/v1/buildings",
        &json!({ "parent_id": "cpd_a", "name": name, "layout": { "units": 1, "floors": 1, "doors_per_floor": 2 } }),
    );
    b.expect(201, None);
    let id = id_of(&b);
    let r = api.post(&format!("/api/v1/buildings/{id}/archive"), &json!({}));
    r.expect(200, None);
    assert_eq!(r.body["place"]["archived"], true);

    // Archived: not offered for notices, nothing new below it, no invite codes, shown as archived.
    let postable = api.get("/api/v1/territory/postable");
    assert!(!postable.body.to_string().contains(&name));
    create(&mut api, "units", &id, "9单元").expect(409, Some("place_archived"));
    api.post(&format!("/api/v1/buildings/{id}/invites"), &json!({}))
        .expect(409, Some("place_archived"));
    let t = tree(&mut api);
    let node = find(&t, &name).cloned().unwrap_or_default();
    assert_eq!(node["archived"], true);
    assert_eq!(
        node["children"][0]["archived"], true,
        "its units go with it"
    );

    let r = api.post(&format!("/api/v1/buildings/{id}/restore"), &json!({}));
    r.expect(200, None);
    assert_eq!(r.body["place"]["archived"], false);
    let t = tree(&mut api);
    let node = find(&t, &name).cloned().unwrap_or_default();
    assert_eq!(
        node["children"][0]["archived"], false,
        "and come back with it"
    );
    assert_eq!(node["figures"]["households"], 2);

    // The audit log has both acts, with the building's scope.
    let actions: Vec<String> = api
        .audit(|e| e["target_id"] == id.as_str(), 3)
        .iter()
        .map(|e| e["action"].as_str().unwrap_or_default().to_owned())
        .collect();
    for action in ["place.create", "place.archive", "place.restore"] {
        assert!(actions.iter().any(|a| a == action), "{actions:?}");
    }
}

#[test]
fn a_good_file_is_imported_once_and_again_changes_nothing() {
    let mut api = staff();
    let compound = marker("导入小区");
    let file = format!(
        "\u{feff}小区,小区编码,楼栋,单元,门牌\r\n\
         {compound},IMP-1,1号楼,1单元,101\r\n\
         {compound},IMP-1,1号楼,1单元,102\r\n\
         {compound},,2号楼,1单元,101\r\n\
         甲小区,,3号楼,1单元,001\r\n"
    );
    let r = api.post_csv("/api/v1/communities/com_t/imports", &file);
    r.expect(200, None);
    assert_eq!(
        r.body,
        json!({ "compounds": 1, "buildings": 2, "units": 2, "households": 3, "existing_households": 1 })
    );
    let t = tree(&mut api);
    let node = find(&t, &compound).cloned().unwrap_or_default();
    assert_eq!(node["code"], "IMP-1");
    assert_eq!(node["figures"]["households"], 3);

    let again = api.post_csv("/api/v1/communities/com_t/imports", &file);
    again.expect(200, None);
    assert_eq!(
        again.body,
        json!({ "compounds": 0, "buildings": 0, "units": 0, "households": 0, "existing_households": 4 })
    );
}

#[test]
fn a_broken_file_is_refused_whole_with_every_bad_line() {
    let mut api = staff();
    let compound = marker("坏文件小区");
    let file = format!(
        "小区,楼栋,单元,门牌\n\
         {compound},1号楼,1单元,101\n\
         {compound},,1单元,102\n\
         {compound},1号楼,1单元,101\n\
         {compound},1号楼,1单元,{}\n",
        "门".repeat(41)
    );
    let r = api.post_csv("/api/v1/communities/com_t/imports", &file);
    r.expect(422, Some("import_rejected"));
    let rows = r.body["error"]["rows"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(
        rows.iter()
            .map(|e| (e["line"].clone(), e["code"].clone()))
            .collect::<Vec<_>>(),
        vec![
            (json!(3), json!("required")),
            (json!(4), json!("duplicate_row")),
            (json!(5), json!("too_long")),
        ]
    );
    assert_eq!(rows[0]["field"], "building");
    assert!(
        rows[1]["message"]
            .as_str()
            .is_some_and(|m| m.contains("第 2 行")),
        "{rows:?}"
    );
    // The good first line was not imported either.
    assert!(find(&tree(&mut api), &compound).is_none());

    let r = api.post_csv(
        "/api/v1/communities/com_t/imports",
        "小区,楼栋,门牌\nA,1,101\n",
    );
    r.expect(422, Some("import_rejected"));
    assert_eq!(r.body["error"]["rows"][0]["code"], "missing_column");
    assert_eq!(r.body["error"]["rows"][0]["field"], "unit");
    api.post_csv("/api/v1/communities/com_t/imports", "")
        .expect(422, Some("import_rejected"));
    let big = "小区,楼栋,单元,门牌\n".to_owned() + &"甲,1,1,101\n".repeat(120_000);
    api.post_csv("/api/v1/communities/com_t/imports", &big)
        .expect(413, Some("payload_too_large"));
    api.post_csv(
        "/api/v1/communities/com_nope/imports",
        "小区,楼栋,单元,门牌\n",
    )
    .expect(404, Some("not_found"));
    Api::signed_in(OTHER_STAFF, STAFF_PASSWORD)
        .post_csv("/api/v1/communities/com_t/imports", &file)
        .expect(403, Some("forbidden"));
}

/// Two imports that race for the same new building: the one that loses fails on its second statement,
/// after its first (a new compound) ran, and D1 must roll that back. Imports that do not overlap in time
/// simply share the building, so the race is retried until it happens.
#[test]
fn a_batch_that_fails_midway_leaves_nothing_behind() {
    let mut raced = false;
    for attempt in 0..12 {
        let shared = marker(&format!("抢建楼{attempt}"));
        let results: Vec<(String, yishi_api_tests::Resp)> = (0..4)
            .map(|i| {
                let shared = shared.clone();
                thread::spawn(move || {
                    let own = marker(&format!("回滚小区{i}"));
                    let file = format!(
                        "小区,楼栋,单元,门牌\n{own},1号楼,1单元,101\n甲小区,{shared},1单元,101\n"
                    );
                    let mut api = staff();
                    let r = api.post_csv("/api/v1/communities/com_t/imports", &file);
                    (own, r)
                })
            })
            .collect::<Vec<_>>()
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| panic!("import thread panicked"))
            })
            .collect();
        let t = tree(&mut staff());
        for (own, r) in &results {
            match r.status {
                200 => assert!(find(&t, own).is_some(), "{own} imported"),
                409 => {
                    assert_eq!(r.code(), "name_taken");
                    assert!(find(&t, own).is_none(), "{own} must be rolled back");
                    raced = true;
                }
                other => panic!("unexpected {other}: {}", r.body),
            }
        }
        if raced {
            break;
        }
    }
    assert!(
        raced,
        "the imports never overlapped; the rollback was not exercised"
    );
}
