use yishi_api_tests::Api;
use yishi_api_tests::accounts::*;

#[test]
fn unknown_routes_get_a_json_404() {
    let mut api = Api::new();
    api.get("/api/v1/nothing-here")
        .expect(404, Some("not_found"));
    api.get("/api/v2/health").expect(404, Some("not_found"));
    api.get("/api/v1/notices/a/b")
        .expect(404, Some("not_found"));
}

#[test]
fn a_wrong_method_gets_a_json_405() {
    let mut api = Api::new();
    api.delete("/api/v1/health")
        .expect(405, Some("method_not_allowed"));
    api.post("/api/v1/me", &serde_json::json!({}))
        .expect(405, Some("method_not_allowed"));
}

#[test]
fn bodies_that_are_not_the_expected_json_get_400() {
    let mut api = Api::new();
    api.post_raw("/api/v1/sessions", "{not json", true)
        .expect(400, Some("invalid_json"));
    api.post_raw(
        "/api/v1/sessions",
        r#"{"phone": 13900000001, "password": "x"}"#,
        true,
    )
    .expect(400, Some("invalid_json"));
    api.post_raw("/api/v1/sessions", r#"{"phone": "13900000001"}"#, true)
        .expect(400, Some("invalid_json"));
    api.post_raw("/api/v1/sessions", "", true)
        .expect(400, Some("invalid_json"));
}

#[test]
fn an_oversized_body_gets_413_before_anything_else() {
    let mut api = Api::signed_in(STAFF, STAFF_PASSWORD);
    let body = serde_json::json!({
        "title": "大文件",
        "body": "x".repeat(100 * 1024),
        "scope": { "kind": "community", "id": "com_t" },
    });
    api.post("/api/v1/notices", &body)
        .expect(413, Some("payload_too_large"));
}
