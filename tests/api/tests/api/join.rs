use std::thread;

use serde_json::json;
use yishi_api_tests::accounts::*;
use yishi_api_tests::{Api, code_in_state, fresh_code, fresh_phone};

fn join(
    api: &mut Api,
    code: &str,
    phone: &str,
    passcode: &str,
    name: &str,
) -> yishi_api_tests::Resp {
    api.post(
        "/api/v1/residents",
        &json!({ "invite_code": code, "name": name, "phone": phone, "passcode": passcode }),
    )
}

#[test]
fn a_resident_joins_with_an_invite_code_and_is_signed_in() {
    let code = fresh_code("bld_t03");
    let phone = fresh_phone();
    let mut api = Api::new();
    // Codes are typed loosely: lower case, with the printed dash.
    let typed = format!("{}-{}", &code.code[..4], &code.code[4..]).to_lowercase();
    let r = join(&mut api, &typed, &phone, "246810", "  李桂兰 ");
    r.expect(201, None);
    assert_eq!(r.body["member"]["name"], "李桂兰");
    assert_eq!(
        r.body["member"]["home"]["household"],
        code.household.as_str()
    );
    assert!(api.session.is_some());
    api.get("/api/v1/me").expect(200, None);

    // Later she signs in with her phone and passcode.
    let mut later = Api::new();
    later.sign_in(&phone, "246810").expect(200, None);
}

#[test]
fn an_invite_code_admits_one_person_only() {
    let code = fresh_code("bld_t05");
    let mut first = Api::new();
    join(&mut first, &code.code, &fresh_phone(), "135790", "赵大爷").expect(201, None);
    let mut second = Api::new();
    let phone = fresh_phone();
    join(&mut second, &code.code, &phone, "135790", "赵大妈")
        .expect(422, Some("invite_code_invalid"));
    assert!(second.session.is_none());
    // Nothing was stored for the refused resident.
    Api::new()
        .sign_in(&phone, "135790")
        .expect(401, Some("invalid_credentials"));
}

#[test]
fn concurrent_joins_with_one_code_admit_exactly_one() {
    let code = fresh_code("bld_t02");
    let handles: Vec<_> = (0..6)
        .map(|i| {
            let code = code.code.clone();
            let phone = fresh_phone();
            thread::spawn(move || {
                let mut api = Api::new();
                join(&mut api, &code, &phone, "112233", &format!("居民{i}")).status
            })
        })
        .collect();
    let statuses: Vec<u16> = handles.into_iter().map(|h| h.join().unwrap_or(0)).collect();
    assert_eq!(
        statuses.iter().filter(|s| **s == 201).count(),
        1,
        "{statuses:?}"
    );
    assert!(
        statuses.iter().all(|s| *s == 201 || *s == 422),
        "{statuses:?}"
    );
}

#[test]
fn used_revoked_and_unknown_codes_are_refused_alike() {
    let mut api = Api::new();
    for code in [
        code_in_state("used").code,
        code_in_state("revoked").code,
        "ZZZZ-ZZZZ".into(),
        "O0O0-1I1I".into(),
    ] {
        let r = join(&mut api, &code, &fresh_phone(), "123456", "王阿姨");
        r.expect(422, Some("invite_code_invalid"));
        assert!(
            r.body["error"]["message"]
                .as_str()
                .is_some_and(|m| m.contains("社区工作人员"))
        );
    }
}

#[test]
fn a_registered_phone_cannot_join_again() {
    let code = fresh_code("bld_t01");
    let mut api = Api::new();
    join(&mut api, &code.code, RESIDENT3, "123456", "重复").expect(409, Some("phone_taken"));
    // The code is still usable by someone else.
    join(&mut api, &code.code, &fresh_phone(), "123456", "新居民").expect(201, None);
}

#[test]
fn join_input_is_validated_field_by_field() {
    let code = fresh_code("bld_t04");
    let mut api = Api::new();
    let r = join(&mut api, &code.code, &fresh_phone(), "123", "孙奶奶");
    r.expect(422, Some("too_short"));
    assert_eq!(r.body["error"]["field"], "password");
    let r = join(&mut api, &code.code, &fresh_phone(), "123456", "  ");
    r.expect(422, Some("required"));
    assert_eq!(r.body["error"]["field"], "name");
    let r = join(&mut api, &code.code, "110", "123456", "孙奶奶");
    r.expect(422, Some("invalid"));
    assert_eq!(r.body["error"]["field"], "phone");
    let r = join(&mut api, "", &fresh_phone(), "123456", "孙奶奶");
    r.expect(422, Some("required"));
    assert_eq!(r.body["error"]["field"], "invite_code");
    // None of this used the code up.
    join(&mut api, &code.code, &fresh_phone(), "123456", "孙奶奶").expect(201, None);
}

#[test]
fn a_live_code_names_its_flat_and_nothing_else() {
    let code = fresh_code("bld_t03");
    // `hh_t03_<unit>_<door>`: the fixture names units `<unit>单元` and doors by their number.
    let parts: Vec<&str> = code.household.as_str().split('_').collect();
    let expected = format!("甲小区 3号楼 {}单元 {}", parts[2], parts[3]);
    let mut api = Api::new();
    // Asked before anyone signs in, as the join form does; typed loosely, as on the letter.
    let typed = format!("{}-{}", &code.code[..4], &code.code[4..]).to_lowercase();
    for asked in [code.code.clone(), typed] {
        let r = api.get(&format!("/api/v1/invites/{asked}"));
        r.expect(200, None);
        assert_eq!(r.body["place"], expected.as_str());
        // Only the place: nobody's name, no ids.
        assert_eq!(
            r.body.as_object().map(serde_json::Map::len),
            Some(1),
            "{}",
            r.body
        );
    }

    // A used or revoked code, or one that cannot be a code, tells nothing.
    for bad in [
        code_in_state("used").code,
        code_in_state("revoked").code,
        "ZZZZZZZZ".to_owned(),
        "not-a-code-at-all".to_owned(),
    ] {
        let r = api.get(&format!("/api/v1/invites/{bad}"));
        r.expect(422, Some("invite_code_invalid"));
        assert!(r.body.get("place").is_none());
    }
    // Joining with it, the code is used: it no longer names the flat.
    join(&mut api, &code.code, &fresh_phone(), "135790", "钱阿姨").expect(201, None);
    Api::new()
        .get(&format!("/api/v1/invites/{}", code.code))
        .expect(422, Some("invite_code_invalid"));
}
