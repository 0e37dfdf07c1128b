//! The local runtime killed hard (SIGKILL to wrangler and workerd, as a crash or a power cut) while
//! residents vote in a live meeting, then started again on the same state: every ballot the worker
//! acknowledged is stored, once, as it was cast; a phone whose request was cut off sends it again and is
//! either counted now or told `already_voted`; the room, started afresh, shows the stored count on a
//! new socket and over HTTP.
//!
//! The test restarts the worker with `scripts/worker.sh restart`, so it runs on a worker of its own,
//! after the tests that share one (`scripts/test.sh`, stage api-alone), with `TEST_HOOKS:1`.

use std::process::Command;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use yishi_api_tests::accounts::*;
use yishi_api_tests::{Api, marker, next_json};

/// The tests here stop the one worker: one at a time.
static WORKER: Mutex<()> = Mutex::new(());

/// Kills the worker hard and starts it again on the same state and port; back when it answers.
fn kill_and_restart() {
    let root = std::env::var("ROOT").unwrap_or_else(|_| "../..".to_owned());
    let status = Command::new(format!("{root}/scripts/worker.sh"))
        .arg("restart")
        .status()
        .unwrap_or_else(|e| panic!("scripts/worker.sh: {e}"));
    assert!(
        status.success(),
        "the worker came back (run under scripts/with-worker.sh)"
    );
}

/// An open meeting of a new building of `n` residents, all checked in, and a secret yes/no motion
/// with live results: the meeting, the motion's vote, the chair and the residents.
fn meeting(n: usize) -> (String, String, Api, Vec<Api>) {
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    let (building, mut people) = staff.residents_building(&marker("断电楼"), n);
    let (id, vote) = staff.meeting_voting(&building, &marker("断电议事会"), &mut people);
    (id, vote, staff, people)
}

/// The state a phone is sent on connecting to the meeting's socket.
fn first_state(phone: &Api, meeting: &str) -> Result<Value, Box<dyn std::error::Error>> {
    let mut socket = phone.socket(
        &format!("/api/v1/meetings/{meeting}/socket"),
        Duration::from_secs(15),
    )?;
    next_json(&mut socket)
}

/// What came of one resident's ballot, sent again each time the request was cut off.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Outcome {
    /// Answered 201: stored.
    Acknowledged,
    /// Answered 409 already_voted after an earlier attempt was cut off: stored by that attempt.
    StoredBefore,
}

struct Cast {
    outcome: Outcome,
    /// Attempts that got no answer (the worker was killed or not yet back).
    cut: u32,
}

/// Sends `choice` until the worker answers it, for at most two minutes.
fn cast(phone: &mut Api, vote: &str, choice: &str) -> Cast {
    let path = format!("/api/v1/votes/{vote}/ballots");
    let body = json!({ "choice": { "kind": choice } });
    let until = Instant::now() + Duration::from_secs(120);
    let mut cut = 0;
    loop {
        match phone.try_post(&path, &body) {
            Ok(r) if r.status == 201 => {
                return Cast {
                    outcome: Outcome::Acknowledged,
                    cut,
                };
            }
            Ok(r) if r.status == 409 && r.code() == "already_voted" && cut > 0 => {
                return Cast {
                    outcome: Outcome::StoredBefore,
                    cut,
                };
            }
            // The proxy's answer while workerd is gone, or no answer at all: send it again.
            Ok(r) if r.status == 502 || r.status == 503 => cut += 1,
            Ok(r) => panic!("unexpected answer to a ballot: {} {}", r.status, r.body),
            Err(_) => cut += 1,
        }
        assert!(Instant::now() < until, "the worker never came back");
        phone.close_idle_connections();
        std::thread::sleep(Duration::from_millis(200));
    }
}

#[test]
fn killed_between_storing_a_ballot_and_telling_the_room_the_room_catches_up()
-> Result<(), Box<dyn std::error::Error>> {
    let _one = WORKER
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let (id, vote, _, mut people) = meeting(3);
    let path = format!("/api/v1/votes/{vote}/ballots");
    people[0]
        .post(&path, &json!({ "choice": { "kind": "yes" } }))
        .expect(201, None);
    // Stored, and the worker dies before it tells the room (the test hook stops it there).
    people[1]
        .extra
        .push(("x-yishi-test-lose-tell".into(), "1".into()));
    people[1]
        .post(&path, &json!({ "choice": { "kind": "no" } }))
        .expect(201, None);
    people[1].extra.clear();
    kill_and_restart();
    for p in &mut people {
        p.close_idle_connections();
    }

    let first = first_state(&people[2], &id)?;
    assert_eq!(first["motion"]["participated"], 2, "a new socket: {first}");
    assert_eq!(first["motion"]["result"]["count"]["no"], 1);
    // Her phone never saw the answer and sends it again: refused, and the count stays.
    people[1]
        .post(&path, &json!({ "choice": { "kind": "no" } }))
        .expect(409, Some("already_voted"));
    let live = people[2].get(&format!("/api/v1/meetings/{id}/live"));
    live.expect(200, None);
    assert_eq!(live.body["motion"]["participated"], 2);
    Ok(())
}

#[test]
fn ballots_cast_while_the_runtime_is_killed_are_each_stored_once() {
    let _one = WORKER
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    const RESIDENTS: usize = 36;
    const PHONES_AT_ONCE: usize = 6;
    const KILLS: usize = 3;
    let (id, vote, mut staff, people) = meeting(RESIDENTS);
    let choice = |k: usize| if k.is_multiple_of(3) { "no" } else { "yes" };

    // Six at a time, each resident in turn a little after the one before, so that ballots are on their
    // way whenever the worker is killed.
    let started = Instant::now();
    let mut lanes: Vec<Vec<(usize, Api)>> = (0..PHONES_AT_ONCE).map(|_| Vec::new()).collect();
    for (k, p) in people.into_iter().enumerate() {
        lanes[k % PHONES_AT_ONCE].push((k, p));
    }
    let voters: Vec<_> = lanes
        .into_iter()
        .map(|lane| {
            let vote = vote.clone();
            std::thread::spawn(move || {
                lane.into_iter()
                    .map(|(k, mut phone)| {
                        std::thread::sleep(Duration::from_millis(150));
                        let cast = cast(&mut phone, &vote, choice(k));
                        (k, phone, cast)
                    })
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    for _ in 0..KILLS {
        std::thread::sleep(Duration::from_millis(400));
        kill_and_restart();
    }
    let mut casts: Vec<(usize, Api, Cast)> = voters
        .into_iter()
        .flat_map(|v| v.join().unwrap_or_else(|_| panic!("a voter failed")))
        .collect();
    casts.sort_by_key(|(k, _, _)| *k);
    let acknowledged = casts
        .iter()
        .filter(|(_, _, c)| c.outcome == Outcome::Acknowledged)
        .count();
    let cut: u32 = casts.iter().map(|(_, _, c)| c.cut).sum();
    println!(
        "{RESIDENTS} residents voted through {KILLS} hard kills in {:.1} s: {acknowledged} acknowledged, {} stored by an attempt whose answer was lost, {cut} attempts cut off",
        started.elapsed().as_secs_f64(),
        RESIDENTS - acknowledged,
    );
    assert!(cut > 0, "the kills came while ballots were being cast");

    // The room, started afresh, shows what is stored: on a new socket and over HTTP.
    staff.close_idle_connections();
    let first = first_state(&casts[0].1, &id).unwrap_or_else(|e| panic!("socket: {e}"));
    assert_eq!(first["motion"]["participated"], RESIDENTS, "{first}");
    let live = staff.get(&format!("/api/v1/meetings/{id}/live"));
    live.expect(200, None);
    assert_eq!(live.body["motion"]["participated"], RESIDENTS);

    // Each ballot stored once, as it was cast: the count closed is exactly the choices sent.
    let closed = staff.post(
        &format!("/api/v1/meetings/{id}/motions/{vote}/close"),
        &json!({}),
    );
    closed.expect(200, None);
    let count = &closed.body["meeting"]["live"]["motion"]["result"]["count"];
    let no = (0..RESIDENTS).filter(|k| choice(*k) == "no").count();
    assert_eq!(count["no"], no, "{count}");
    assert_eq!(count["yes"], RESIDENTS - no, "{count}");
}
