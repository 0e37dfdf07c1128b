use serde_json::{Value, json};
use yishi_api_tests::accounts::*;
use yishi_api_tests::{Api, encode, marker};

fn post(api: &mut Api, title: &str, kind: &str, id: &str) -> yishi_api_tests::Resp {
    api.post(
        "/api/v1/notices",
        &json!({ "title": title, "body": format!("{title} 的正文。\n第二行。"), "scope": { "kind": kind, "id": id } }),
    )
}

fn sees(api: &mut Api, title: &str) -> bool {
    api.all_notices().iter().any(|n| n["title"] == title)
}

#[test]
fn a_building_notice_reaches_that_building_and_no_other() {
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    let title = marker("b3-only");
    let created = post(&mut staff, &title, "building", "bld_t03");
    created.expect(201, None);
    let notice = &created.body["notice"];
    assert_eq!(
        notice["scope"],
        json!({ "kind": "building", "id": "bld_t03" })
    );
    assert!(notice["scope_name"].as_str().is_some_and(|n| !n.is_empty()));
    assert_eq!(notice["body"], format!("{title} 的正文。\n第二行。"));
    assert!(
        notice["author_name"]
            .as_str()
            .is_some_and(|n| !n.is_empty())
    );
    let id = notice["id"].as_str().unwrap_or_default().to_owned();
    assert!(id.starts_with("ntc_"));
    let path = format!("/api/v1/notices/{id}");

    let mut r3 = Api::signed_in(RESIDENT3, RESIDENT_PASSCODE);
    assert!(sees(&mut r3, &title));
    r3.get(&path).expect(200, None);

    let mut r5 = Api::signed_in(RESIDENT5, RESIDENT_PASSCODE);
    assert!(!sees(&mut r5, &title));
    r5.get(&path).expect(404, Some("not_found"));

    let mut other_staff = Api::signed_in(OTHER_STAFF, STAFF_PASSWORD);
    assert!(!sees(&mut other_staff, &title));
    other_staff.get(&path).expect(404, Some("not_found"));

    for (phone, password) in [
        (STAFF, STAFF_PASSWORD),
        (STAFF2, STAFF_PASSWORD),
        (ADMIN, STAFF_PASSWORD),
        (HEAD3, RESIDENT_PASSCODE),
    ] {
        let mut api = Api::signed_in(phone, password);
        assert!(sees(&mut api, &title), "{phone} should see it");
        api.get(&path).expect(200, None);
    }
}

#[test]
fn community_and_compound_notices_reach_everyone_inside() {
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    let whole = marker("whole-community");
    let compound_a = marker("compound-a");
    post(&mut staff, &whole, "community", "com_t").expect(201, None);
    post(&mut staff, &compound_a, "compound", "cpd_a").expect(201, None);

    let mut r3 = Api::signed_in(RESIDENT3, RESIDENT_PASSCODE);
    assert!(sees(&mut r3, &whole) && sees(&mut r3, &compound_a));
    let mut r5 = Api::signed_in(RESIDENT5, RESIDENT_PASSCODE);
    assert!(sees(&mut r5, &whole));
    assert!(!sees(&mut r5, &compound_a), "building 5 is in compound B");
    let mut outsider = Api::signed_in(RESIDENT_OTHER, RESIDENT_PASSCODE);
    assert!(!sees(&mut outsider, &whole));
}

#[test]
fn only_publishers_in_scope_may_post() {
    let mut r3 = Api::signed_in(RESIDENT3, RESIDENT_PASSCODE);
    post(&mut r3, &marker("resident-post"), "building", "bld_t03").expect(403, Some("forbidden"));

    let mut head = Api::signed_in(HEAD3, RESIDENT_PASSCODE);
    post(&mut head, &marker("head-own"), "building", "bld_t03").expect(201, None);
    post(&mut head, &marker("head-other"), "building", "bld_t05").expect(403, Some("forbidden"));
    post(&mut head, &marker("head-compound"), "compound", "cpd_a").expect(403, Some("forbidden"));

    let mut other_staff = Api::signed_in(OTHER_STAFF, STAFF_PASSWORD);
    post(
        &mut other_staff,
        &marker("other-staff"),
        "building",
        "bld_t03",
    )
    .expect(403, Some("forbidden"));

    let mut admin = Api::signed_in(ADMIN, STAFF_PASSWORD);
    post(
        &mut admin,
        &marker("admin-anywhere"),
        "community",
        "com_other",
    )
    .expect(201, None);

    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    for t in [
        "resident-post",
        "head-other",
        "head-compound",
        "other-staff",
    ] {
        assert!(!sees(&mut staff, &marker(t)), "{t} must not be stored");
    }
}

#[test]
fn bad_notices_are_refused_with_a_clear_code_and_nothing_is_stored() {
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    let m = marker("bad-input");
    let scope = json!({ "kind": "building", "id": "bld_t03" });
    let cases: Vec<(Value, u16, &str, Option<&str>)> = vec![
        (
            json!({ "title": "", "body": m, "scope": scope }),
            422,
            "required",
            Some("title"),
        ),
        (
            json!({ "title": "   ", "body": m, "scope": scope }),
            422,
            "required",
            Some("title"),
        ),
        (
            json!({ "title": m, "body": "", "scope": scope }),
            422,
            "required",
            Some("body"),
        ),
        (
            json!({ "title": format!("{m}{}", "长".repeat(80)), "body": "b", "scope": scope }),
            422,
            "too_long",
            Some("title"),
        ),
        (
            json!({ "title": m, "body": "字".repeat(5_001), "scope": scope }),
            422,
            "too_long",
            Some("body"),
        ),
        (
            json!({ "title": m, "body": "x".repeat(100 * 1024), "scope": scope }),
            413,
            "payload_too_large",
            None,
        ),
        (
            json!({ "title": 123, "body": m, "scope": scope }),
            400,
            "invalid_json",
            None,
        ),
        (
            json!({ "title": m, "body": ["a"], "scope": scope }),
            400,
            "invalid_json",
            None,
        ),
        (
            json!({ "title": m, "body": "b" }),
            400,
            "invalid_json",
            None,
        ),
        (
            json!({ "title": m, "body": "b", "scope": { "kind": "planet", "id": "x" } }),
            400,
            "invalid_json",
            None,
        ),
        (
            json!({ "title": m, "body": "b", "scope": { "kind": "building", "id": "bld_nope" } }),
            422,
            "invalid",
            Some("scope"),
        ),
    ];
    for (body, status, code, field) in cases {
        let r = staff.post("/api/v1/notices", &body);
        r.expect(status, Some(code));
        if let Some(field) = field {
            assert_eq!(r.body["error"]["field"], field, "{body}");
        }
    }
    let stored = staff.all_notices();
    assert!(
        !stored.iter().any(|n| n["title"].as_str().is_some_and(|t| t.contains(&m)) || n["body"] == m.as_str()),
        "a refused notice was stored"
    );
}

#[test]
fn text_is_stored_as_given_markup_and_all() {
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    let title = format!("<script>alert(1)</script>{}", marker("markup"));
    let body = "<img src=x onerror=alert(1)> & <b>粗体</b>";
    let r = staff.post(
        "/api/v1/notices",
        &json!({ "title": title, "body": body, "scope": { "kind": "community", "id": "com_t" } }),
    );
    r.expect(201, None);
    assert_eq!(r.body["notice"]["title"], title);
    assert_eq!(r.body["notice"]["body"], body);
}

#[test]
fn lists_page_newest_first_without_overlap() {
    let mut staff = Api::signed_in(STAFF2, STAFF_PASSWORD);
    for i in 0..5 {
        post(
            &mut staff,
            &marker(&format!("page-{i}")),
            "unit",
            "unt_t06_2",
        )
        .expect(201, None);
    }
    // Compared as instants: a timestamp on a whole second is written without
    // its milliseconds, so the strings alone do not sort by time.
    let mut seen: Vec<(chrono::DateTime<chrono::Utc>, String)> = Vec::new();
    let mut path = "/api/v1/notices?limit=2".to_owned();
    for _ in 0..1000 {
        let page = staff.get(&path);
        page.expect(200, None);
        let notices = page.body["notices"].as_array().cloned().unwrap_or_default();
        assert!(notices.len() <= 2);
        for n in notices {
            let published = n["published_at"].as_str().unwrap_or_default();
            let key = (
                published
                    .parse()
                    .unwrap_or_else(|e| panic!("published_at {published:?}: {e}")),
                n["id"].as_str().unwrap_or_default().to_owned(),
            );
            assert!(!seen.contains(&key), "notice {key:?} listed twice");
            seen.push(key);
        }
        match page.body["next_cursor"].as_str() {
            Some(c) => path = format!("/api/v1/notices?limit=2&cursor={}", encode(c)),
            None => break,
        }
    }
    let mut sorted = seen.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(seen, sorted, "not newest first");
    assert!(seen.len() >= 5);
}

#[test]
fn bad_page_parameters_are_refused() {
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    for limit in ["0", "101", "ten", "-1"] {
        let r = staff.get(&format!("/api/v1/notices?limit={limit}"));
        r.expect(422, Some("invalid"));
        assert_eq!(r.body["error"]["field"], "limit");
    }
    let r = staff.get("/api/v1/notices?cursor=not-a-cursor");
    r.expect(422, Some("invalid"));
    assert_eq!(r.body["error"]["field"], "cursor");
    staff
        .get("/api/v1/notices/not%20an%20id")
        .expect(404, Some("not_found"));
    staff
        .get("/api/v1/notices/ntc_00000000000000000000000000")
        .expect(404, Some("not_found"));
}
