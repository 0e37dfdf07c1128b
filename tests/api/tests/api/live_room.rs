//! The live room against the record: a room that restarts rebuilds exactly what it held, a room that
//! missed a ballot (the worker stopped between storing it and telling the room) catches up by itself, a
//! phone that misses a message recovers the exact count, and hidden results and secret choices never
//! travel on the socket. (What a ballot costs in D1 is `ballot_cost.rs`, run alone.)
//!
//! Needs the worker's test hooks (`--var TEST_HOOKS:1`, as `scripts/test.sh` starts it): the route that
//! makes a room forget its view, and the header that makes a route store its change without telling.

use std::time::Duration;

use serde_json::{Value, json};
use yishi_api_tests::accounts::*;
use yishi_api_tests::{Api, Socket, marker, next_json, until};
use yishi_core::live::ServerMsg;

/// The header that makes the worker store a change without telling the room.
const LOSE_TELL: &str = "x-yishi-test-lose-tell";

struct Room {
    staff: Api,
    people: Vec<Api>,
    id: String,
}

impl Room {
    fn path(&self, rest: &str) -> String {
        format!("/api/v1/meetings/{}{rest}", self.id)
    }

    /// A phone following the meeting, with the state it was sent on connecting.
    fn phone(&self, who: usize) -> Result<(Socket, Value), Box<dyn std::error::Error>> {
        let mut socket = self.people[who].socket(&self.path("/socket"), Duration::from_secs(10))?;
        let first = next_json(&mut socket)?;
        Ok((socket, first))
    }

    /// The room's view over HTTP.
    fn live(&mut self) -> Value {
        let r = self.staff.get(&self.path("/live"));
        r.expect(200, None);
        r.body
    }

    /// The room forgets its view, as a room that restarts.
    fn restart(&mut self) {
        let r = self.staff.post(
            &format!("/api/test/meetings/{}/room/forget", self.id),
            &json!({}),
        );
        assert_eq!(r.status, 200, "the worker runs with TEST_HOOKS=1");
    }

    /// The chair puts a yes/no motion; its vote id.
    fn motion(&mut self, secrecy: &str, results: &str) -> String {
        let r = self.staff.post(
            &self.path("/motions"),
            &json!({ "title": "加装电梯", "method": { "kind": "yes_no" }, "secrecy": secrecy, "results": results }),
        );
        r.expect(201, None);
        r.body["meeting"]["live"]["motion"]["vote"]
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }

    fn cast(&mut self, who: usize, vote: &str, choice: &str, lose: bool) -> yishi_api_tests::Resp {
        let api = &mut self.people[who];
        if lose {
            api.extra.push((LOSE_TELL.into(), "1".into()));
        }
        let r = api.post(
            &format!("/api/v1/votes/{vote}/ballots"),
            &json!({ "choice": { "kind": choice } }),
        );
        api.extra.retain(|(k, _)| k != LOSE_TELL);
        r
    }
}

/// An open meeting of a new building of `n` residents, all checked in.
fn open_room(n: usize) -> Room {
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    let (building, mut people, _, _) =
        staff.building_with_residents(&marker("直播楼"), n as u32, n);
    let (id, token) = staff.open_meeting(&building, &marker("直播议事会"));
    for p in &mut people {
        p.post(
            &format!("/api/v1/meetings/{id}/attendance"),
            &json!({ "token": token }),
        )
        .expect(201, None);
    }
    Room { staff, people, id }
}

#[test]
fn a_room_restarted_rebuilds_from_the_record_what_it_held() -> Result<(), Box<dyn std::error::Error>>
{
    let mut room = open_room(4);
    let vote = room.motion("secret", "live");
    for (who, choice) in [(0, "yes"), (1, "no"), (2, "yes")] {
        room.cast(who, &vote, choice, false).expect(201, None);
    }
    let leave = room.path("/attendance/leave");
    room.people[3].post(&leave, &json!({})).expect(200, None);
    let before = room.live();
    assert_eq!(before["motion"]["participated"], 3);
    assert_eq!(before["motion"]["result"]["count"]["yes"], 2);
    assert_eq!(before["present"], 3);
    room.restart();
    let after = room.live();
    assert_eq!(after, before, "the room rebuilt from D1 holds what it held");
    // And it moves on from there.
    let token = room.staff.get(&room.path("")).body["meeting"]["checkin_token"].clone();
    let attendance = room.path("/attendance");
    room.people[3]
        .post(&attendance, &json!({ "token": token }))
        .expect(201, None);
    room.cast(3, &vote, "no", false).expect(201, None);
    let (mut phone, now) = room.phone(0)?;
    assert_eq!(now["motion"]["participated"], 4);
    assert_eq!(now["present"], 4);
    room.restart();
    // A phone that stayed connected through the restart is taken on from where it stood.
    room.staff
        .post(&room.path("/items/0/open"), &json!({}))
        .expect(200, None);
    let seen = until(&mut phone, |s| s["items"][0]["state"] == "open")?;
    assert_eq!(seen["motion"]["participated"], 4);
    Ok(())
}

#[test]
fn a_ballot_the_room_was_not_told_of_is_caught_up() -> Result<(), Box<dyn std::error::Error>> {
    let mut room = open_room(5);
    let vote = room.motion("secret", "live");
    let (mut phone, _) = room.phone(4)?;
    room.cast(0, &vote, "yes", false).expect(201, None);
    assert_eq!(
        until(&mut phone, |s| s["motion"]["participated"] == 1)?["motion"]["result"]["count"]["yes"],
        1
    );

    // Stored, never told (the worker stopped between the two): the room is one ballot behind...
    room.cast(1, &vote, "yes", true).expect(201, None);
    assert_eq!(
        room.staff.get(&room.path("/live")).body["motion"]["participated"],
        2,
        "reading the live view over HTTP gives the stored revision, so the room catches up"
    );
    let seen = until(&mut phone, |s| s["motion"]["participated"] == 2)?;
    assert_eq!(seen["motion"]["result"]["count"]["yes"], 2);

    // ... the phone's retry is refused as already voted, and mends the room.
    room.cast(2, &vote, "no", true).expect(201, None);
    room.cast(2, &vote, "no", false)
        .expect(409, Some("already_voted"));
    let seen = until(&mut phone, |s| s["motion"]["participated"] == 3)?;
    assert_eq!(seen["motion"]["result"]["count"]["no"], 1);

    // Lost, and the room restarted too (a crash): a new socket gets the count as stored.
    room.cast(3, &vote, "no", true).expect(201, None);
    room.restart();
    let (_, fresh) = room.phone(1)?;
    assert_eq!(fresh["motion"]["participated"], 4);
    assert_eq!(fresh["motion"]["result"]["count"]["no"], 2);

    // Lost, then the next ballot told: it waits for the one before it, then the room reads the record.
    let mut late = open_room(3);
    let motion = late.motion("secret", "live");
    let (mut watcher, _) = late.phone(2)?;
    late.cast(0, &motion, "yes", true).expect(201, None);
    late.cast(1, &motion, "yes", false).expect(201, None);
    let seen = until(&mut watcher, |s| s["motion"]["participated"] == 2)?;
    assert_eq!(seen["motion"]["result"]["count"]["yes"], 2);

    // Lost, and the phone asks again (a screen unlocked): sync reads the stored revision.
    late.cast(2, &motion, "no", true).expect(201, None);
    watcher.send(tungstenite::Message::text(
        yishi_core::live::ClientMsg::Sync.text(),
    ))?;
    let seen = until(&mut watcher, |s| s["motion"]["participated"] == 3)?;
    assert_eq!(seen["motion"]["result"]["count"]["no"], 1);
    Ok(())
}

#[test]
fn a_phone_that_misses_a_message_recovers_the_exact_count() -> Result<(), Box<dyn std::error::Error>>
{
    let mut room = open_room(4);
    let vote = room.motion("secret", "live");
    let (mut phone, _) = room.phone(3)?;
    room.cast(0, &vote, "yes", false).expect(201, None);
    // The phone never sees this delta (dropped on a weak network)...
    match phone.next_message()? {
        ServerMsg::Delta { changes, .. } => assert!(changes.motion.is_some()),
        other => panic!("expected a delta, got {other:?}"),
    }
    std::thread::sleep(Duration::from_millis(120));
    room.cast(1, &vote, "no", false).expect(201, None);
    // ... so the next one does not start where it stands: it asks for the state, and shows the count.
    let seen = until(&mut phone, |s| s["motion"]["participated"] == 2)?;
    assert_eq!(phone.resyncs, 1);
    assert_eq!(seen["motion"]["result"]["count"]["yes"], 1);
    assert_eq!(seen["motion"]["result"]["count"]["no"], 1);
    assert_eq!(seen, room.live());
    Ok(())
}

#[test]
fn hidden_results_and_secret_choices_never_travel() -> Result<(), Box<dyn std::error::Error>> {
    let mut room = open_room(4);
    let vote = room.motion("secret", "after_close");
    let (mut phone, _) = room.phone(3)?;
    let mut frames: Vec<String> = Vec::new();
    for (who, choice) in [(0, "yes"), (1, "no"), (2, "abstain")] {
        room.cast(who, &vote, choice, false).expect(201, None);
        // Every frame up to the one that shows this ballot.
        loop {
            let tungstenite::Message::Text(text) = phone.read()? else {
                continue;
            };
            frames.push(text.as_str().to_owned());
            if text
                .as_str()
                .contains(&format!("\"participated\":{}", who + 1))
            {
                break;
            }
        }
    }
    for text in &frames {
        let value: Value = serde_json::from_str(text)?;
        let motion = if value["type"] == "state" {
            &value["live"]["motion"]
        } else {
            &value["changes"]["motion"]
        };
        assert!(motion["result"].is_null(), "no result while hidden: {text}");
        for word in [
            "\"count\"",
            "\"totals\"",
            "\"choice\"",
            "\"receipt\"",
            "mbr_",
        ] {
            assert!(!text.contains(word), "{word} in {text}");
        }
    }
    assert!(room.live()["motion"]["result"].is_null());
    room.staff
        .post(
            &format!("{}/motions/{vote}/close", room.path("")),
            &json!({}),
        )
        .expect(200, None);
    let closed = until(&mut phone, |s| s["motion"]["state"] == "closed")?;
    assert_eq!(
        closed["motion"]["result"]["count"]["yes"], 1,
        "shown once closed"
    );
    Ok(())
}
