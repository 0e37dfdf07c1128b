use serde_json::json;
use yishi_api_tests::accounts::*;
use yishi_api_tests::{Api, marker};

fn notice(title: &str) -> String {
    json!({ "title": title, "body": "正文", "scope": { "kind": "community", "id": "com_t" } })
        .to_string()
}

fn titles(api: &mut Api) -> Vec<String> {
    api.all_notices()
        .iter()
        .filter_map(|n| n["title"].as_str().map(str::to_owned))
        .collect()
}

#[test]
fn a_post_without_the_csrf_header_is_refused_and_stores_nothing() {
    let mut api = Api::signed_in(STAFF, STAFF_PASSWORD);
    let title = marker("csrf-header");
    api.post_raw("/api/v1/notices", &notice(&title), false)
        .expect(403, Some("csrf_rejected"));
    assert!(!titles(&mut api).contains(&title));
}

#[test]
fn a_post_from_another_origin_is_refused() {
    let mut api = Api::signed_in(STAFF, STAFF_PASSWORD);
    let title = marker("csrf-origin");
    api.extra
        .push(("origin".into(), "https://evil.example".into()));
    api.post_raw("/api/v1/notices", &notice(&title), true)
        .expect(403, Some("csrf_rejected"));
    api.extra.clear();
    api.extra
        .push(("sec-fetch-site".into(), "cross-site".into()));
    api.post_raw("/api/v1/notices", &notice(&title), true)
        .expect(403, Some("csrf_rejected"));
    api.extra.clear();
    assert!(!titles(&mut api).contains(&title));
}

#[test]
fn sign_in_and_sign_out_need_the_header_too() {
    let mut api = Api::new();
    let body = json!({ "phone": STAFF, "password": STAFF_PASSWORD }).to_string();
    api.post_raw("/api/v1/sessions", &body, false)
        .expect(403, Some("csrf_rejected"));
    assert!(api.session.is_none());
}

#[test]
fn a_same_origin_post_is_accepted() {
    let mut api = Api::signed_in(STAFF, STAFF_PASSWORD);
    let origin = api.url("");
    api.extra.push(("origin".into(), origin));
    api.extra
        .push(("sec-fetch-site".into(), "same-origin".into()));
    api.post_raw("/api/v1/notices", &notice(&marker("csrf-same")), true)
        .expect(201, None);
}
