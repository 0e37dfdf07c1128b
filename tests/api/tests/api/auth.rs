use yishi_api_tests::accounts::*;
use yishi_api_tests::{Api, fresh_phone};

#[test]
fn staff_sign_in_sets_a_hardened_cookie_and_me_names_their_role() {
    let mut api = Api::new();
    let r = api.sign_in(STAFF, STAFF_PASSWORD);
    r.expect(200, None);
    let cookie = r.header("set-cookie").unwrap_or_default();
    assert!(cookie.starts_with("yishi_session="), "{cookie}");
    for attr in ["HttpOnly", "SameSite=Lax", "Path=/", "Max-Age="] {
        assert!(cookie.contains(attr), "cookie lacks {attr}: {cookie}");
    }
    assert!(
        !cookie.contains("Secure"),
        "plain http must not mark the cookie Secure: {cookie}"
    );
    assert_eq!(r.body["member"]["phone"], STAFF);
    assert!(r.body["member"]["home"].is_null());

    let me = api.get("/api/v1/me");
    me.expect(200, None);
    assert_eq!(me.body["member"]["roles"][0]["role"], "community_staff");
    assert_eq!(me.body["member"]["roles"][0]["scope"]["kind"], "community");
    assert_eq!(me.body["member"]["roles"][0]["scope"]["id"], "com_t");
}

#[test]
fn a_resident_signs_in_and_sees_her_home() {
    let mut api = Api::signed_in(RESIDENT3, RESIDENT_PASSCODE);
    let me = api.get("/api/v1/me");
    me.expect(200, None);
    let home = &me.body["member"]["home"];
    assert_eq!(home["household"], "hh_t03_1_002");
    assert!(
        home["building_name"]
            .as_str()
            .is_some_and(|n| !n.is_empty())
    );
    assert_eq!(me.body["member"]["roles"], serde_json::json!([]));
}

#[test]
fn phone_numbers_are_accepted_in_the_usual_spellings() {
    let mut api = Api::new();
    let spaced = format!("+86 {} {} {}", &STAFF2[..3], &STAFF2[3..7], &STAFF2[7..]);
    api.sign_in(&spaced, STAFF_PASSWORD).expect(200, None);
}

#[test]
fn wrong_password_and_unknown_phone_get_the_same_answer() {
    let mut api = Api::new();
    let wrong = api.sign_in(STAFF2, "not-the-password");
    wrong.expect(401, Some("invalid_credentials"));
    assert!(api.session.is_none());
    let unknown = api.sign_in(&fresh_phone(), "whatever-1");
    unknown.expect(401, Some("invalid_credentials"));
    assert_eq!(wrong.body, unknown.body);
    assert_eq!(wrong.body["error"]["message"], "手机号或密码不正确。");
}

#[test]
fn errors_speak_the_language_the_client_asks_for() {
    let mut api = Api::new();
    api.lang = "en-US,en;q=0.9";
    let r = api.sign_in(STAFF2, "not-the-password");
    r.expect(401, Some("invalid_credentials"));
    assert_eq!(
        r.body["error"]["message"],
        "The phone number or password is wrong."
    );
    assert_eq!(r.header("content-language"), Some("en"));
}

#[test]
fn malformed_sign_in_input_names_the_field() {
    let mut api = Api::new();
    let r = api.sign_in("12345", "x");
    r.expect(422, Some("invalid"));
    assert_eq!(r.body["error"]["field"], "phone");
    let r = api.sign_in("", "x");
    r.expect(422, Some("required"));
    let r = api.sign_in(STAFF, "");
    r.expect(422, Some("required"));
    assert_eq!(r.body["error"]["field"], "password");
}

#[test]
fn without_a_session_nothing_private_is_served() {
    let mut api = Api::new();
    api.get("/api/v1/me").expect(401, Some("unauthenticated"));
    api.get("/api/v1/notices")
        .expect(401, Some("unauthenticated"));
    api.session = Some("0".repeat(64));
    api.get("/api/v1/me").expect(401, Some("unauthenticated"));
    api.session = Some("garbage; other=1".into());
    api.get("/api/v1/me").expect(401, Some("unauthenticated"));
}

#[test]
fn sign_out_revokes_the_session_on_the_server() {
    let mut api = Api::signed_in(ADMIN, STAFF_PASSWORD);
    let token = api.session.clone();
    let out = api.delete("/api/v1/sessions/current");
    out.expect(204, None);
    assert!(
        out.header("set-cookie")
            .is_some_and(|c| c.contains("Max-Age=0"))
    );
    assert!(api.session.is_none(), "the cookie must be cleared");
    // A copy of the old cookie is worthless too.
    api.session = token;
    api.get("/api/v1/me").expect(401, Some("unauthenticated"));
    // Signing out twice is harmless.
    api.delete("/api/v1/sessions/current").expect(204, None);
}

#[test]
fn two_sessions_of_one_member_are_independent() {
    let mut phone = Api::signed_in(HEAD3, RESIDENT_PASSCODE);
    let mut laptop = Api::signed_in(HEAD3, RESIDENT_PASSCODE);
    assert_ne!(phone.session, laptop.session);
    phone.delete("/api/v1/sessions/current").expect(204, None);
    laptop.get("/api/v1/me").expect(200, None);
}

#[test]
fn a_suspended_member_cannot_sign_in() {
    let mut api = Api::new();
    api.sign_in(SUSPENDED, RESIDENT_PASSCODE)
        .expect(403, Some("account_suspended"));
    assert!(api.session.is_none());
}

#[test]
fn wrong_passcodes_sent_at_once_are_all_counted() {
    // A dozen wrong passcodes for one number in the same instant: exactly the limit (5) are tried, the
    // rest refused, however the requests interleave.
    let phone = fresh_phone();
    let answers: Vec<u16> = std::thread::scope(|s| {
        let tries: Vec<_> = (0..12)
            .map(|_| s.spawn(|| Api::new().sign_in(&phone, "wrong-passcode").status))
            .collect();
        tries
            .into_iter()
            .map(|t| t.join().unwrap_or_default())
            .collect()
    });
    let tried = answers.iter().filter(|&&s| s == 401).count();
    let refused = answers.iter().filter(|&&s| s == 429).count();
    assert_eq!((tried, refused), (5, 7), "{answers:?}");
}

#[test]
fn repeated_failures_on_one_phone_are_rate_limited() {
    let phone = THROTTLED;
    let mut api = Api::new();
    for _ in 0..5 {
        api.sign_in(phone, "wrong-passcode")
            .expect(401, Some("invalid_credentials"));
    }
    let limited = api.sign_in(phone, "wrong-passcode");
    limited.expect(429, Some("rate_limited"));
    let retry = limited.body["error"]["retry_after_secs"]
        .as_u64()
        .unwrap_or_default();
    assert!((1..=900).contains(&retry), "retry_after_secs = {retry}");
    assert_eq!(
        limited.header("retry-after"),
        Some(retry.to_string().as_str())
    );
    // While limited, even the right passcode is refused.
    api.sign_in(phone, RESIDENT_PASSCODE)
        .expect(429, Some("rate_limited"));
}
