//! Fan-out of a live meeting: N simulated phones join a building, check in, follow the meeting on a
//! WebSocket, and vote one after another on a motion; for each vote, the time until every phone has
//! seen the new count. The same run against a minimal WebSocket broadcast server on this machine gives
//! the baseline.
//!
//!     scripts/with-worker.sh --load tests/api/fixtures/base.sql --var PBKDF2_ITERATIONS:1000 -- \
//!         cargo run --release -p yishi-api-tests --example meeting_fanout -- 100 1000
//!
//! (Fewer hash iterations only make the phones' sign-up quicker; nothing measured depends on them.)
//! Figures, not a test: only a lost or doubled ballot makes it fail.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::time::{Duration, Instant};

use serde_json::json;
use yishi_api_tests::accounts::*;
use yishi_api_tests::{Api, Socket, fresh_phone, marker};

/// What every phone has seen: per phone, the highest vote count so far.
struct Seen(Vec<AtomicU64>);

impl Seen {
    fn all_at_least(&self, k: u64) -> bool {
        self.0.iter().all(|s| s.load(Ordering::Acquire) >= k)
    }
}

/// The count in a live state, read without parsing the whole message.
fn participated(text: &str) -> Option<u64> {
    let at = text.find("\"participated\":")? + "\"participated\":".len();
    let digits: String = text[at..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

/// One reader thread per phone, recording the highest count each has seen.
fn follow(sockets: Vec<Socket>) -> Arc<Seen> {
    let seen = Arc::new(Seen(
        (0..sockets.len()).map(|_| AtomicU64::new(0)).collect(),
    ));
    for (i, mut socket) in sockets.into_iter().enumerate() {
        let seen = Arc::clone(&seen);
        std::thread::spawn(move || {
            while let Ok(message) = socket.read() {
                if let tungstenite::Message::Text(text) = message
                    && let Some(n) = participated(text.as_str())
                {
                    seen.0[i].fetch_max(n, Ordering::AcqRel);
                }
            }
        });
    }
    seen
}

/// Waits until every phone has seen count `k`, up to `limit`.
fn wait_for(seen: &Seen, k: u64, limit: Duration) -> Option<Duration> {
    let started = Instant::now();
    while !seen.all_at_least(k) {
        if started.elapsed() > limit {
            return None;
        }
        std::thread::sleep(Duration::from_micros(200));
    }
    Some(started.elapsed())
}

struct Figures {
    p50: f64,
    p95: f64,
    max: f64,
}

fn figures(mut latencies: Vec<Duration>) -> Figures {
    latencies.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let at = |p: f64| ms(latencies[((latencies.len() as f64 - 1.0) * p).round() as usize]);
    Figures {
        p50: at(0.5),
        p95: at(0.95),
        max: ms(*latencies.last().unwrap_or(&Duration::ZERO)),
    }
}

/// N phones with sessions, living in a new building of N households.
fn phones(staff: &mut Api, n: usize) -> (String, Vec<Api>) {
    let (units, floors, doors) = (n.div_ceil(100).clamp(1, 12), 20, 5);
    let r = staff.post(
        "/api/v1/buildings",
        &json!({ "parent_id": "cpd_b", "name": marker("压测楼"), "layout": { "units": units, "floors": floors, "doors_per_floor": doors } }),
    );
    r.expect(201, None);
    let building = r.body["place"]["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let sheet = staff.post(
        &format!("/api/v1/buildings/{building}/invites"),
        &json!({ "in_person": true }),
    );
    sheet.expect(201, None);
    let codes: Vec<String> = sheet.body["invites"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|i| i["code"].as_str().map(str::to_owned))
        .take(n)
        .collect();
    assert_eq!(codes.len(), n, "one code per phone");
    let joined: Vec<Api> = codes
        .chunks(n.div_ceil(16))
        .map(|chunk| {
            let chunk = chunk.to_vec();
            std::thread::spawn(move || {
                chunk
                    .iter()
                    .map(|code| {
                        let mut api = Api::new();
                        api.post(
                            "/api/v1/residents",
                            &json!({ "invite_code": code, "name": "压测居民", "phone": fresh_phone(), "passcode": "246810" }),
                        )
                        .expect(201, None);
                        api
                    })
                    .collect::<Vec<_>>()
            })
        })
        .collect::<Vec<_>>()
        .into_iter()
        .flat_map(|h| h.join().unwrap_or_default())
        .collect();
    (building, joined)
}

/// The worker: a meeting of the building; every phone checks in, then follows it; a motion is put and
/// every phone votes in turn. Returns the fan-out latencies, ballots accepted, and the size of a state.
fn yishi(n: usize) -> (Vec<Duration>, usize, usize) {
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    let started = Instant::now();
    let (building, phones) = phones(&mut staff, n);
    println!(
        "  {n} phones signed up in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let r = staff.post(
        "/api/v1/meetings",
        &json!({ "scope": { "kind": "building", "id": building }, "settings": {
            "title": marker("压测议事会"), "place": "会议室", "starts_at": chrono::Utc::now().to_rfc3339(),
            "electorate": { "kind": "residents" },
            "procedure": { "quorum": { "kind": "none" }, "threshold": "simple_majority", "count_abstentions": false },
            "agenda": ["压测"] } }),
    );
    r.expect(201, None);
    let id = r.body["meeting"]["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let token = r.body["meeting"]["checkin_token"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    staff
        .post(&format!("/api/v1/meetings/{id}/open"), &json!({}))
        .expect(200, None);
    // Check in before following, so that the phones are not flooded with N presence updates.
    let mut groups: Vec<Vec<Api>> = Vec::new();
    let mut rest = phones.into_iter().peekable();
    while rest.peek().is_some() {
        groups.push(rest.by_ref().take(n.div_ceil(16)).collect());
    }
    let phones: Vec<Api> = groups
        .into_iter()
        .map(|mut group| {
            let (id, token) = (id.clone(), token.clone());
            std::thread::spawn(move || {
                for p in &mut group {
                    p.post(
                        &format!("/api/v1/meetings/{id}/attendance"),
                        &json!({ "token": token }),
                    )
                    .expect(201, None);
                }
                group
            })
        })
        .collect::<Vec<_>>()
        .into_iter()
        .flat_map(|h| h.join().unwrap_or_default())
        .collect();
    let sockets: Vec<Socket> = phones
        .iter()
        .map(|p| {
            p.socket(
                &format!("/api/v1/meetings/{id}/socket"),
                Duration::from_secs(120),
            )
            .unwrap_or_else(|e| panic!("socket: {e}"))
        })
        .collect();
    let seen = follow(sockets);
    let put = staff.post(
        &format!("/api/v1/meetings/{id}/motions"),
        &json!({ "title": "压测表决", "method": { "kind": "yes_no" }, "secrecy": "secret", "results": "live" }),
    );
    put.expect(201, None);
    let motion = put.body["meeting"]["live"]["motion"]["vote"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let state_size = serde_json::to_string(&put.body["meeting"]["live"])
        .map(|s| s.len())
        .unwrap_or_default();
    let mut latencies = Vec::with_capacity(n);
    let mut accepted = 0;
    for (k, mut phone) in phones.into_iter().enumerate() {
        let sent = Instant::now();
        let r = phone.post(
            &format!("/api/v1/votes/{motion}/ballots"),
            &json!({ "choice": { "kind": "yes" } }),
        );
        if r.status == 201 {
            accepted += 1;
        }
        match wait_for(&seen, k as u64 + 1, Duration::from_secs(30)) {
            Some(_) => latencies.push(sent.elapsed()),
            None => panic!("vote {} never reached every phone", k + 1),
        }
    }
    let closed = staff.post(
        &format!("/api/v1/meetings/{id}/motions/{motion}/close"),
        &json!({}),
    );
    let yes = closed.body["meeting"]["live"]["motion"]["result"]["count"]["yes"]
        .as_u64()
        .unwrap_or_default();
    assert_eq!(yes as usize, n, "every ballot counted once");
    (latencies, accepted, state_size)
}

/// The baseline: a server that only relays. Each phone's connection has a writer thread; a vote sent
/// on a plain TCP line makes the server send every phone a message of the same size as the worker's.
fn baseline(n: usize, state_size: usize) -> Vec<Duration> {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap_or_else(|e| panic!("{e}"));
    let ws_addr = listener.local_addr().unwrap_or_else(|e| panic!("{e}"));
    let control = TcpListener::bind("127.0.0.1:0").unwrap_or_else(|e| panic!("{e}"));
    let control_addr = control.local_addr().unwrap_or_else(|e| panic!("{e}"));
    let writers: Arc<Mutex<Vec<mpsc::Sender<Arc<String>>>>> = Arc::new(Mutex::new(Vec::new()));
    {
        let writers = Arc::clone(&writers);
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (tx, rx) = mpsc::channel::<Arc<String>>();
                writers
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner)
                    .push(tx);
                std::thread::spawn(move || {
                    let Ok(mut socket) = tungstenite::accept(stream) else {
                        return;
                    };
                    for message in rx {
                        if socket
                            .send(tungstenite::Message::text(message.as_str()))
                            .is_err()
                        {
                            return;
                        }
                    }
                });
            }
        });
    }
    {
        let writers = Arc::clone(&writers);
        std::thread::spawn(move || {
            let Ok((stream, _)) = control.accept() else {
                return;
            };
            let padding = "x".repeat(state_size.saturating_sub(40));
            for line in BufReader::new(stream).lines().map_while(Result::ok) {
                let message = Arc::new(format!(
                    "{{\"participated\":{},\"pad\":\"{padding}\"}}",
                    line.trim()
                ));
                for tx in writers
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner)
                    .iter()
                {
                    let _ = tx.send(Arc::clone(&message));
                }
            }
        });
    }
    let sockets: Vec<Socket> = (0..n)
        .map(|_| {
            let stream = TcpStream::connect(ws_addr).unwrap_or_else(|e| panic!("{e}"));
            let (socket, _) = tungstenite::client::client(format!("ws://{ws_addr}/"), stream)
                .unwrap_or_else(|e| panic!("{e}"));
            socket
        })
        .collect();
    while writers
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .len()
        < n
    {
        std::thread::sleep(Duration::from_millis(5));
    }
    let seen = follow(sockets);
    let mut votes = TcpStream::connect(control_addr).unwrap_or_else(|e| panic!("{e}"));
    (1..=n as u64)
        .map(|k| {
            let sent = Instant::now();
            let _ = writeln!(votes, "{k}");
            wait_for(&seen, k, Duration::from_secs(30))
                .map(|_| sent.elapsed())
                .unwrap_or_else(|| panic!("baseline vote {k} never reached every phone"))
        })
        .collect()
}

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    for n in if sizes.is_empty() { vec![100] } else { sizes } {
        println!("N = {n} phones");
        let (latencies, accepted, state_size) = yishi(n);
        let y = figures(latencies);
        let b = figures(baseline(n, state_size));
        println!("  ballots sent {n}, accepted {accepted}");
        println!(
            "  yishi    fan-out: p50 {:.1} ms, p95 {:.1} ms, max {:.1} ms (a live state is {state_size} bytes)",
            y.p50, y.p95, y.max
        );
        println!(
            "  baseline fan-out: p50 {:.1} ms, p95 {:.1} ms, max {:.1} ms",
            b.p50, b.p95, b.max
        );
        println!(
            "  ratio (yishi / baseline): p50 {:.1}x, p95 {:.1}x",
            y.p50 / b.p50.max(0.001),
            y.p95 / b.p95.max(0.001)
        );
    }
}
