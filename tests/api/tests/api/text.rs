//! Text hygiene at the API's door: control and direction characters are refused with a message that names
//! the field, invisible characters dropped, text stored in NFC, in every kind of body (JSON, a search, a CSV
//! file).

use serde_json::{Value, json};
use yishi_api_tests::accounts::*;
use yishi_api_tests::{Api, encode, fresh_code, fresh_phone, marker, yes_no_settings};

fn vote(api: &mut Api, settings: Value) -> yishi_api_tests::Resp {
    api.post(
        "/api/v1/votes",
        &json!({ "scope": { "kind": "building", "id": "bld_t03" }, "settings": settings }),
    )
}

#[test]
fn vote_titles_and_options_refuse_control_characters() {
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    for bad in ["\u{0}", "\u{7}", "\u{1b}[31m"] {
        let r = vote(
            &mut staff,
            yes_no_settings(&format!("{}{bad}", marker("议题"))),
        );
        r.expect(422, Some("unfit_characters"));
        assert_eq!(r.body["error"]["field"], "title");
        assert!(
            r.body["error"]["message"]
                .as_str()
                .is_some_and(|m| m.contains("标题")),
            "{}",
            r.body
        );

        let mut settings = yes_no_settings(&marker("议题"));
        settings["method"] = json!({ "kind": "single", "seats": 1 });
        settings["options"] = json!(["甲方案", format!("乙{bad}方案")]);
        let r = vote(&mut staff, settings);
        r.expect(422, Some("unfit_characters"));
        assert_eq!(r.body["error"]["field"], "options");
    }
}

#[test]
fn names_and_titles_refuse_direction_overrides_and_drop_zero_width_characters() {
    // A resident who joins as "王芳" written with an override is refused, in her language.
    let mut api = Api::new();
    let code = fresh_code("bld_t03");
    let r = api.post(
        "/api/v1/residents",
        &json!({ "invite_code": code.code, "name": "王\u{202E}芳", "phone": fresh_phone(), "passcode": "246810" }),
    );
    r.expect(422, Some("unfit_characters"));
    assert_eq!(r.body["error"]["field"], "name");
    assert_eq!(
        r.body["error"]["message"],
        "姓名里有看不见的控制字符或文字方向符号，请删去后重新输入。"
    );
    // With zero-width spaces in it, she is stored as the name everyone sees.
    let r = api.post(
        "/api/v1/residents",
        &json!({ "invite_code": fresh_code("bld_t03").code, "name": "王\u{200B}芳\u{FEFF}", "phone": fresh_phone(), "passcode": "246810" }),
    );
    r.expect(201, None);
    assert_eq!(r.body["member"]["name"], "王芳");

    // A notice title: the isolate refused; a decomposed "é" stored composed, and found by the composed.
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    let title = marker("Cafe\u{301}");
    let notice = |title: &str| json!({ "title": title, "body": "正文", "scope": { "kind": "building", "id": "bld_t03" } });
    staff
        .post("/api/v1/notices", &notice(&format!("{title}\u{2067}")))
        .expect(422, Some("unfit_characters"));
    let r = staff.post("/api/v1/notices", &notice(&title));
    r.expect(201, None);
    let composed = title.replace("e\u{301}", "é");
    assert_eq!(r.body["notice"]["title"], composed.as_str());
    let found = staff.get(&format!("/api/v1/notices?q={}", encode(&composed)));
    found.expect(200, None);
    assert!(
        found.body["notices"]
            .as_array()
            .is_some_and(|ns| ns.iter().any(|n| n["title"] == composed.as_str()))
    );
    // A search with a control character is refused, not run.
    staff
        .get(&format!("/api/v1/notices?q={}", encode("楼道\u{1b}")))
        .expect(422, Some("unfit_characters"));
}

#[test]
fn an_uploaded_file_goes_through_the_same_rule() {
    let mut admin = Api::signed_in(ADMIN, STAFF_PASSWORD);
    let r = admin.post_csv(
        "/api/v1/requests/catalogue.csv",
        "category,subcategory\n维修,路灯\u{202E}坏了\n",
    );
    r.expect(422, Some("unfit_characters"));
    assert_eq!(r.body["error"]["field"], "csv");
}
