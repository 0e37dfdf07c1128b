//! Run against a worker whose sessions last 3 seconds (see scripts/test.sh).

use std::time::Duration;

use chrono::{DateTime, Utc};
use yishi_api_tests::Api;
use yishi_api_tests::accounts::*;

#[test]
fn a_session_ends_when_it_expires() {
    let mut api = Api::new();
    let r = api.sign_in(STAFF, STAFF_PASSWORD);
    r.expect(200, None);
    let expires: DateTime<Utc> = r.body["expires_at"]
        .as_str()
        .and_then(|s| s.parse().ok())
        .unwrap_or_default();
    let left = expires - Utc::now();
    assert!(
        left <= chrono::Duration::seconds(10),
        "this test needs a worker started with SESSION_TTL_SECONDS:3; sessions last {left}"
    );
    assert!(
        r.header("set-cookie")
            .is_some_and(|c| c.contains("Max-Age=3"))
    );
    api.get("/api/v1/me").expect(200, None);
    std::thread::sleep(Duration::from_secs(4));
    api.get("/api/v1/me").expect(401, Some("unauthenticated"));
}
