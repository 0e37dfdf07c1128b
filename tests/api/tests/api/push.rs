//! Web Push: a phone subscribes (one subscription per session), the postman seals and signs a message
//! for each phone a notification reaches and posts it to the push service (here a fake one on the
//! loopback that opens it with the phone's key), never to those who turned the topic off or are in
//! their quiet hours, and forgets a subscription the push service says is gone or whose session ended.

use std::time::Duration;

use chrono::{Timelike as _, Utc};
use serde_json::{Value, json};
use yishi_api_tests::accounts::*;
use yishi_api_tests::push::{FakePushService, Phone};
use yishi_api_tests::{Api, marker};

const WAIT: Duration = Duration::from_secs(15);
/// Long enough for the postman to have sent what it would (it runs on the nudge, within milliseconds).
const QUIET: Duration = Duration::from_secs(3);

fn publish(staff: &mut Api, building: &str, title: &str) -> String {
    let r = staff.post(
        "/api/v1/notices",
        &json!({ "title": title, "body": "周五下午两点到四点电梯检修。",
                 "scope": { "kind": "building", "id": building } }),
    );
    r.expect(201, None);
    r.body["notice"]["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

fn subscribe(api: &mut Api, phone: &Phone) -> Value {
    let r = api.put("/api/v1/push/subscription", &phone.subscription());
    r.expect(200, None);
    r.body.clone()
}

/// Her choices: every topic pushes, at any hour (the tests run at any hour of China's day).
fn push_any_time(api: &mut Api) {
    api.patch(
        "/api/v1/me/profile",
        &json!({ "notifications": { "push_off": [], "quiet_hours": null } }),
    )
    .expect(200, None);
}

fn status(api: &mut Api) -> Value {
    let r = api.get("/api/v1/push/subscription");
    r.expect(200, None);
    r.body.clone()
}

#[test]
fn a_notice_reaches_each_subscribed_phone_of_its_building_sealed_and_signed() {
    let service = FakePushService::start();
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    let (building, mut here, _, _) = staff.building_with_residents("推送楼", 2, 2);
    let (_, mut there, _, _) = staff.building_with_residents("推送隔壁楼", 1, 1);

    let before = status(&mut here[0]);
    assert_eq!(before["subscribed"], false);
    let key = before["public_key"].as_str().unwrap_or_default().to_owned();
    assert_eq!(
        key.len(),
        87,
        "the VAPID public key, 65 bytes in base64url: {before}"
    );

    let mine = Phone::new(&service, &format!("/sub/{}", marker("a")), 3);
    let neighbour = Phone::new(&service, &format!("/sub/{}", marker("b")), 4);
    let elsewhere = Phone::new(&service, &format!("/sub/{}", marker("c")), 5);
    let staff_phone = Phone::new(&service, &format!("/sub/{}", marker("d")), 6);
    let (first, second) = here.split_at_mut(1);
    for (api, phone) in [
        (&mut first[0], &mine),
        (&mut second[0], &neighbour),
        (&mut there[0], &elsewhere),
        (&mut staff, &staff_phone),
    ] {
        push_any_time(api);
        assert_eq!(subscribe(api, phone)["subscribed"], true);
    }
    assert_eq!(status(&mut here[0])["subscribed"], true);

    let title = marker("电梯检修");
    let id = publish(&mut staff, &building, &title);

    for phone in [&mine, &neighbour] {
        let got = service.wait_for(&phone.path, 1, WAIT);
        assert_eq!(got.len(), 1, "one message for each phone of the building");
        let d = &got[0];
        assert_eq!(d.header("content-encoding"), Some("aes128gcm"));
        assert_eq!(d.header("ttl"), Some("86400"));
        assert_eq!(d.header("urgency"), Some("normal"));
        let auth = d.header("authorization").unwrap_or_default();
        assert!(auth.starts_with("vapid t="), "VAPID: {auth}");
        assert!(
            auth.ends_with(&format!(", k={key}")),
            "signed with the key the app subscribes with"
        );
        let payload = phone.open(d).unwrap_or_default();
        assert!(
            payload.is_object(),
            "the phone opens the message with its own keys"
        );
        assert_eq!(payload["title"], "新公告");
        assert_eq!(payload["body"], title.as_str());
        assert_eq!(payload["url"], format!("/notices/{id}"));
        assert_eq!(
            d.header("topic"),
            payload["id"].as_str(),
            "one message per notification"
        );
    }
    std::thread::sleep(QUIET);
    assert!(
        service
            .wait_for(&elsewhere.path, 1, Duration::ZERO)
            .is_empty(),
        "a phone of another building is not woken"
    );
    assert!(
        service
            .wait_for(&staff_phone.path, 1, Duration::ZERO)
            .is_empty(),
        "nobody is pushed her own act"
    );
    assert_eq!(
        service.wait_for(&mine.path, 2, Duration::ZERO).len(),
        1,
        "and each phone once"
    );
}

#[test]
fn no_push_for_a_topic_she_turned_off_nor_in_her_quiet_hours() {
    let service = FakePushService::start();
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    let (building, mut here, _, _) = staff.building_with_residents("免打扰楼", 2, 2);
    let off = Phone::new(&service, &format!("/sub/{}", marker("off")), 7);
    let quiet = Phone::new(&service, &format!("/sub/{}", marker("quiet")), 8);
    subscribe(&mut here[0], &off);
    subscribe(&mut here[1], &quiet);
    here[0]
        .patch(
            "/api/v1/me/profile",
            &json!({ "notifications": { "push_off": ["notices"], "quiet_hours": null } }),
        )
        .expect(200, None);
    // Quiet from this hour (in China) to the next: now is quiet.
    let hour = (Utc::now() + chrono::Duration::hours(8)).hour();
    here[1]
        .patch(
            "/api/v1/me/profile",
            &json!({ "notifications": { "push_off": [],
                     "quiet_hours": { "from": hour, "to": (hour + 1) % 24 } } }),
        )
        .expect(200, None);

    let id = publish(&mut staff, &building, &marker("夜间通知"));
    std::thread::sleep(QUIET);
    assert!(service.wait_for(&off.path, 1, Duration::ZERO).is_empty());
    assert!(service.wait_for(&quiet.path, 1, Duration::ZERO).is_empty());
    // The inbox has it all the same.
    for api in &mut here {
        let inbox = api.get("/api/v1/notifications");
        inbox.expect(200, None);
        assert!(
            inbox.body["notifications"]
                .as_array()
                .is_some_and(|ns| ns.iter().any(|n| n["subject"]["id"] == id.as_str())),
            "the inbox is the record: {}",
            inbox.body
        );
    }
}

#[test]
fn a_subscription_the_push_service_says_is_gone_is_forgotten() {
    let service = FakePushService::start();
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    let (building, mut here, _, _) = staff.building_with_residents("失效楼", 1, 1);
    let gone = Phone::new(&service, &format!("/gone/{}", marker("x")), 9);
    push_any_time(&mut here[0]);
    subscribe(&mut here[0], &gone);
    publish(&mut staff, &building, &marker("失效通知"));
    assert_eq!(service.wait_for(&gone.path, 1, WAIT).len(), 1);
    let until = std::time::Instant::now() + WAIT;
    while status(&mut here[0])["subscribed"] == true && std::time::Instant::now() < until {
        std::thread::sleep(Duration::from_millis(100));
    }
    assert_eq!(
        status(&mut here[0])["subscribed"],
        false,
        "a 410 deletes the subscription"
    );
}

#[test]
fn a_phone_stops_being_pushed_when_it_unsubscribes_or_signs_out() {
    let service = FakePushService::start();
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    let (building, mut here, phones, _) = staff.building_with_residents("退订楼", 1, 1);
    let phone = Phone::new(&service, &format!("/sub/{}", marker("u")), 10);
    push_any_time(&mut here[0]);

    subscribe(&mut here[0], &phone);
    let r = here[0].delete("/api/v1/push/subscription");
    r.expect(200, None);
    assert_eq!(r.body["subscribed"], false);
    // Twice is no error.
    here[0]
        .delete("/api/v1/push/subscription")
        .expect(200, None);

    subscribe(&mut here[0], &phone);
    here[0].delete("/api/v1/sessions/current").expect(204, None);
    // Signed in again, this phone is a new session, not subscribed.
    let mut again = Api::signed_in(&phones[0], "246810");
    assert_eq!(status(&mut again)["subscribed"], false);

    publish(&mut staff, &building, &marker("退订后通知"));
    std::thread::sleep(QUIET);
    assert!(service.wait_for(&phone.path, 1, Duration::ZERO).is_empty());
}

#[test]
fn the_same_phone_signed_in_by_someone_else_is_hers_no_longer() {
    let service = FakePushService::start();
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    let (building, mut here, _, _) = staff.building_with_residents("换人楼", 1, 1);
    let (_, mut there, _, _) = staff.building_with_residents("换人隔壁楼", 1, 1);
    let phone = Phone::new(&service, &format!("/sub/{}", marker("shared")), 11);
    push_any_time(&mut here[0]);
    push_any_time(&mut there[0]);
    subscribe(&mut here[0], &phone);
    // The same browser (the same endpoint), now under her neighbour's session.
    subscribe(&mut there[0], &phone);
    assert_eq!(status(&mut here[0])["subscribed"], false);

    publish(&mut staff, &building, &marker("换人通知"));
    std::thread::sleep(QUIET);
    assert!(
        service.wait_for(&phone.path, 1, Duration::ZERO).is_empty(),
        "the first resident's notice does not wake her neighbour's phone"
    );
}

#[test]
fn a_subscription_is_checked_as_a_browser_would_give_it() {
    let service = FakePushService::start();
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    let (_, mut here, _, _) = staff.building_with_residents("校验楼", 1, 1);
    let good = Phone::new(&service, "/sub/check", 12).subscription();
    let with = |field: &str, value: Value| {
        let mut body = good.clone();
        match field {
            "endpoint" => body["endpoint"] = value,
            key => body["keys"][key] = value,
        }
        body
    };
    for (body, field) in [
        (
            with("endpoint", json!("http://push.example.net/x")),
            "endpoint",
        ),
        (
            with("endpoint", json!("https://user:pw@push.example.net/x")),
            "endpoint",
        ),
        (
            with(
                "endpoint",
                json!(format!("https://push.example.net/{}", "a".repeat(1000))),
            ),
            "endpoint",
        ),
        (with("p256dh", json!("AAAA")), "p256dh"),
        (with("auth", json!("not base64url!")), "auth"),
    ] {
        let r = here[0].put("/api/v1/push/subscription", &body);
        r.expect(422, Some("invalid"));
        assert_eq!(r.body["error"]["field"], field, "{}", r.body);
    }
    here[0]
        .put(
            "/api/v1/push/subscription",
            &json!({ "endpoint": "https://push.example.net/x" }),
        )
        .expect(400, Some("invalid_json"));
    assert_eq!(
        status(&mut here[0])["subscribed"],
        false,
        "nothing refused is kept"
    );

    let mut anyone = Api::new();
    anyone
        .get("/api/v1/push/subscription")
        .expect(401, Some("unauthenticated"));
    anyone
        .put("/api/v1/push/subscription", &good)
        .expect(401, Some("unauthenticated"));
}
