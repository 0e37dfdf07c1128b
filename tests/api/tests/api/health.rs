use yishi_api_tests::Api;

#[test]
fn health_reports_the_version_and_both_backends() {
    let mut api = Api::new();
    let r = api.get("/api/v1/health");
    r.expect(200, None);
    assert_eq!(r.body["version"], yishi_core::VERSION);
    assert_eq!(r.body["d1"], true);
    assert_eq!(r.body["kv"], true);
    assert_eq!(r.header("cache-control"), Some("no-store"));
    assert_eq!(r.header("x-content-type-options"), Some("nosniff"));
}
