use serde_json::Value;
use yishi_api_tests::Api;
use yishi_api_tests::accounts::*;

fn postable(phone: &str, password: &str) -> Value {
    let mut api = Api::signed_in(phone, password);
    let r = api.get("/api/v1/territory/postable");
    r.expect(200, None);
    r.body
}

fn building_ids(tree: &Value) -> Vec<String> {
    let mut ids = Vec::new();
    for c in tree["communities"].as_array().into_iter().flatten() {
        for cp in c["compounds"].as_array().into_iter().flatten() {
            for b in cp["buildings"].as_array().into_iter().flatten() {
                ids.push(b["id"].as_str().unwrap_or_default().to_owned());
            }
        }
    }
    ids
}

#[test]
fn staff_may_post_anywhere_in_their_community() {
    let tree = postable(STAFF, STAFF_PASSWORD);
    let communities = tree["communities"].as_array().cloned().unwrap_or_default();
    assert_eq!(communities.len(), 1);
    assert_eq!(communities[0]["id"], "com_t");
    assert_eq!(communities[0]["postable"], true);
    // The fixture's six buildings (other tests may add more).
    let ids = building_ids(&tree);
    for n in 1..=6 {
        assert!(ids.contains(&format!("bld_t{n:02}")), "{ids:?}");
    }
}

#[test]
fn a_building_head_may_post_to_her_building_only() {
    let tree = postable(HEAD3, RESIDENT_PASSCODE);
    assert_eq!(tree["communities"][0]["postable"], false);
    assert_eq!(tree["communities"][0]["compounds"][0]["postable"], false);
    assert_eq!(building_ids(&tree), vec!["bld_t03".to_owned()]);
}

#[test]
fn residents_may_post_nowhere_and_admins_everywhere() {
    assert_eq!(
        postable(RESIDENT3, RESIDENT_PASSCODE)["communities"],
        serde_json::json!([])
    );
    let admin = postable(ADMIN, STAFF_PASSWORD);
    assert_eq!(admin["communities"].as_array().map(Vec::len), Some(2));
}

#[test]
fn the_tree_needs_a_session() {
    Api::new()
        .get("/api/v1/territory/postable")
        .expect(401, Some("unauthenticated"));
}
