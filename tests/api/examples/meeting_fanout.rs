//! Fan-out of a live meeting: N simulated phones join a building, check in, follow the meeting on a
//! WebSocket, and each casts one ballot on a motion. Four fifths of them (at most 1,000) vote one after
//! another, and for each ballot the time until every phone has seen the new count is measured; the rest
//! vote at once (a burst), and the time from the last ballot's answer until every phone shows the final
//! count is measured. Then every phone drops its socket and reconnects at once (the room's Wi-Fi came back): the
//! time until all hold the current state. The same one-after-another run against a minimal WebSocket
//! relay on this machine gives the baseline, and the same number of messages of the same size sent to
//! every phone by the room at a request that does nothing else (a test hook: no D1, no tally) gives what
//! the runtime itself takes (wrangler's proxy, workerd, the Durable Object's sockets). The worker counts its D1 round trips per ballot (a test
//! hook), printed too.
//!
//!     ulimit -n 65536
//!     scripts/with-worker.sh --load tests/api/fixtures/base.sql --var PBKDF2_ITERATIONS:1000 \
//!         --var TEST_HOOKS:1 -- cargo run --release -p yishi-api-tests --example meeting_fanout -- 1000 5000
//!
//! (Fewer hash iterations only make the phones' sign-up quicker; nothing measured depends on them.)
//! Figures, not a test: only a lost or doubled ballot makes it fail.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::time::{Duration, Instant};

use serde_json::json;
use yishi_api_tests::accounts::*;
use yishi_api_tests::{Api, Socket, marker};

/// What every phone has seen: per phone, the highest vote count so far; the size of the last message
/// phone 0 read.
struct Seen {
    count: Vec<AtomicU64>,
    message_size: AtomicUsize,
}

impl Seen {
    fn new(n: usize) -> Arc<Seen> {
        Arc::new(Seen {
            count: (0..n).map(|_| AtomicU64::new(0)).collect(),
            message_size: AtomicUsize::new(0),
        })
    }

    fn all_at_least(&self, k: u64) -> bool {
        self.count.iter().all(|s| s.load(Ordering::Acquire) >= k)
    }
}

/// The count in a live state or delta, read without parsing the whole message.
fn participated(text: &str) -> Option<u64> {
    let at = text.find("\"participated\":")? + "\"participated\":".len();
    let digits: String = text[at..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.parse().ok()
}

/// A thread with a small stack: there are thousands.
fn spawn<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> std::thread::JoinHandle<T> {
    std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(f)
        .unwrap_or_else(|e| panic!("thread: {e}"))
}

/// Whether a read failed only because its wait ran out (the socket is still open).
fn waited(e: &tungstenite::Error) -> bool {
    matches!(e, tungstenite::Error::Io(e)
        if matches!(e.kind(), std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut))
}

/// One reader thread per phone, recording the highest count each has seen, until `stop`; a socket
/// is closed when its thread ends.
fn follow(
    sockets: Vec<Socket>,
    seen: &Arc<Seen>,
    stop: &Arc<AtomicBool>,
) -> Vec<std::thread::JoinHandle<()>> {
    sockets
        .into_iter()
        .enumerate()
        .map(|(i, mut socket)| {
            let (seen, stop) = (Arc::clone(seen), Arc::clone(stop));
            spawn(move || {
                while !stop.load(Ordering::Acquire) {
                    match socket.read() {
                        Ok(tungstenite::Message::Text(text)) => {
                            if let Some(n) = participated(text.as_str()) {
                                if i == 0 {
                                    seen.message_size.store(text.len(), Ordering::Release);
                                }
                                seen.count[i].fetch_max(n, Ordering::AcqRel);
                            }
                        }
                        Ok(_) => {}
                        Err(e) if waited(&e) => {}
                        Err(_) => return,
                    }
                }
            })
        })
        .collect()
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

/// Runs `each` for every phone from `threads` threads at once; the phones back, and what each gave.
fn in_parallel<T: Send + 'static>(
    phones: Vec<Api>,
    threads: usize,
    each: impl Fn(&mut Api) -> T + Send + Sync + 'static,
) -> (Vec<Api>, Vec<T>) {
    let each = Arc::new(each);
    let size = phones.len().div_ceil(threads).max(1);
    let mut rest = phones.into_iter().peekable();
    let mut handles = Vec::new();
    while rest.peek().is_some() {
        let mut group: Vec<Api> = rest.by_ref().take(size).collect();
        let each = Arc::clone(&each);
        handles.push(spawn(move || {
            let out: Vec<T> = group.iter_mut().map(|p| each(p)).collect();
            (group, out)
        }));
    }
    let mut phones = Vec::new();
    let mut out = Vec::new();
    for h in handles {
        let (group, o) = h
            .join()
            .unwrap_or_else(|_| panic!("a thread of phones failed"));
        phones.extend(group);
        out.extend(o);
    }
    (phones, out)
}

/// A phone's socket to the meeting; once open, a read waits at most half a second (so that its reader
/// sees when to stop).
fn open_socket(phone: &Api, path: &str) -> Socket {
    let socket = phone
        .socket(path, Duration::from_secs(60))
        .unwrap_or_else(|e| panic!("socket: {e}"));
    socket
        .set_read_timeout(Some(Duration::from_millis(500)))
        .unwrap_or_else(|e| panic!("socket: {e}"));
    socket
}

/// What a run of the worker gave.
struct Run {
    /// Per ballot cast one after another: the time until every phone saw its count, and until its
    /// answer came.
    latencies: Vec<Duration>,
    answers: Vec<Duration>,
    /// A request that does nothing (`GET /health`): what the local worker costs any request.
    floor: Vec<Duration>,
    /// A message of a ballot's size sent by the room to every phone at a test hook's request (no D1,
    /// no tally): until every phone saw it. What this runtime on this machine costs at the least.
    room_floor: Vec<Duration>,
    /// The burst: how many ballots, and from the last one's answer until every phone showed the
    /// final count.
    burst: Option<(usize, Duration)>,
    accepted: usize,
    /// D1 round trips per ballot cast one after another, as the worker counted them (exact: nothing
    /// else runs meanwhile).
    round_trips: Vec<u32>,
    message_size: usize,
    check_in_p50: Duration,
    /// Every phone reconnected at once: until all held the current state.
    storm: Duration,
}

fn trips(r: &yishi_api_tests::Resp) -> Option<u32> {
    r.header("x-yishi-d1-round-trips")
        .and_then(|t| t.parse().ok())
}

/// The worker: a meeting of the building; every phone checks in, then follows it; a motion is put and
/// every phone votes, most one after another, the last fifth at once; then they all reconnect at once.
fn yishi(n: usize) -> Run {
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    let started = Instant::now();
    let (building, phones) = staff.residents_building(&marker("压测楼"), n);
    println!(
        "  {n} phones signed up in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let (id, token) = staff.open_meeting(&building, &marker("压测议事会"));
    // Check in before following, so that the phones are not flooded with N presence updates.
    let started = Instant::now();
    let (phones, mut check_ins) = {
        let (path, token) = (format!("/api/v1/meetings/{id}/attendance"), token.clone());
        in_parallel(phones, 16, move |p| {
            let sent = Instant::now();
            p.post(&path, &json!({ "token": token })).expect(201, None);
            sent.elapsed()
        })
    };
    check_ins.sort();
    let mut phones = phones;
    for p in &mut phones {
        p.close_idle_connections();
    }
    let check_in_p50 = check_ins[check_ins.len() / 2];
    println!(
        "  {n} phones checked in in {:.1} s, 16 at a time (each p50 {:.0} ms)",
        started.elapsed().as_secs_f64(),
        check_in_p50.as_secs_f64() * 1e3
    );
    let socket_path = format!("/api/v1/meetings/{id}/socket");
    let seen = Seen::new(n);
    let stop = Arc::new(AtomicBool::new(false));
    let readers = follow(
        phones
            .iter()
            .map(|p| open_socket(p, &socket_path))
            .collect(),
        &seen,
        &stop,
    );
    let put = staff.post(
        &format!("/api/v1/meetings/{id}/motions"),
        &json!({ "title": "压测表决", "method": { "kind": "yes_no" }, "secrecy": "secret", "results": "live" }),
    );
    put.expect(201, None);
    let motion = put.body["meeting"]["live"]["motion"]["vote"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let ballot = format!("/api/v1/votes/{motion}/ballots");
    let floor: Vec<Duration> = (0..50)
        .map(|_| {
            let sent = Instant::now();
            staff.get("/api/v1/health").expect(200, None);
            sent.elapsed()
        })
        .collect();
    // One after another: four fifths, at most 1,000 (enough for the figures); the rest at once.
    let burst_phones = phones.split_off((n - n / 5).min(1_000));
    let mut latencies = Vec::with_capacity(phones.len());
    let mut answers = Vec::with_capacity(phones.len());
    let mut round_trips = Vec::with_capacity(n);
    let mut accepted = 0;
    for (k, phone) in phones.iter_mut().enumerate() {
        let sent = Instant::now();
        let r = phone.post(&ballot, &json!({ "choice": { "kind": "yes" } }));
        answers.push(sent.elapsed());
        if r.status == 201 {
            accepted += 1;
        }
        round_trips.extend(trips(&r));
        match wait_for(&seen, k as u64 + 1, Duration::from_secs(30)) {
            Some(_) => latencies.push(sent.elapsed()),
            None => panic!("vote {} never reached every phone", k + 1),
        }
    }
    let burst = if burst_phones.is_empty() {
        None
    } else {
        let size = burst_phones.len();
        let (back, answers) = {
            let ballot = ballot.clone();
            in_parallel(burst_phones, 16, move |p| {
                p.post(&ballot, &json!({ "choice": { "kind": "no" } }))
                    .status
                    == 201
            })
        };
        let converged = wait_for(&seen, n as u64, Duration::from_secs(120))
            .unwrap_or_else(|| panic!("the burst's last count never reached every phone"));
        accepted += answers.iter().filter(|ok| **ok).count();
        phones.extend(back);
        Some((size, converged))
    };
    // The runtime's floor: the same one-after-another messages of the same size, each sent to every
    // socket by the room at a request to the worker that touches neither D1 nor the tally.
    let message_size = seen.message_size.load(Ordering::Acquire);
    let echo = format!("/api/test/meetings/{id}/room/echo");
    let floor_runs = latencies.len().min(200);
    let room_floor: Vec<Duration> = (1..=floor_runs as u64)
        .map(|k| {
            let head = format!(
                "{{\"v\":2,\"type\":\"echo\",\"participated\":{},\"pad\":\"",
                n as u64 + k
            );
            let text = format!(
                "{head}{}\"}}",
                "x".repeat(message_size.saturating_sub(head.len() + 2))
            );
            let sent = Instant::now();
            staff
                .send("POST", &echo, "text/plain", &text)
                .expect(200, None);
            wait_for(&seen, n as u64 + k, Duration::from_secs(30))
                .map(|_| sent.elapsed())
                .unwrap_or_else(|| panic!("echo {k} never reached every phone"))
        })
        .collect();
    let closed = staff.post(
        &format!("/api/v1/meetings/{id}/motions/{motion}/close"),
        &json!({}),
    );
    let count = &closed.body["meeting"]["live"]["motion"]["result"]["count"];
    let counted =
        count["yes"].as_u64().unwrap_or_default() + count["no"].as_u64().unwrap_or_default();
    assert_eq!(counted as usize, n, "every ballot counted once");
    // The storm: every socket drops; every phone reconnects at once, 64 at a time.
    stop.store(true, Ordering::Release);
    for r in readers {
        let _ = r.join();
    }
    let started = Instant::now();
    let (_, got) = {
        let path = socket_path.clone();
        in_parallel(phones, 64, move |p| {
            let mut socket = open_socket(p, &path);
            loop {
                match socket.read() {
                    Ok(tungstenite::Message::Text(text))
                        if participated(text.as_str()) == Some(n as u64) =>
                    {
                        return Some(Instant::now());
                    }
                    Ok(_) => {}
                    Err(e) if waited(&e) => {}
                    Err(_) => return None,
                }
            }
        })
    };
    let all = got
        .iter()
        .flatten()
        .max()
        .copied()
        .unwrap_or_else(Instant::now);
    assert_eq!(
        got.iter().flatten().count(),
        n,
        "every phone back with the current state"
    );
    Run {
        latencies,
        answers,
        floor,
        room_floor,
        burst,
        accepted,
        round_trips,
        message_size,
        check_in_p50,
        storm: all.duration_since(started),
    }
}

/// The baseline: a server that only relays. Each of `n` phones' connections has a writer thread; each
/// of `messages` votes sent on a plain TCP line makes the server send every phone a message of the same
/// size as the worker's.
fn baseline(n: usize, messages: usize, state_size: usize) -> Vec<Duration> {
    let stop = Arc::new(AtomicBool::new(false));
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
                spawn(move || {
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
            stream
                .set_read_timeout(Some(Duration::from_millis(500)))
                .unwrap_or_else(|e| panic!("{e}"));
            let (socket, _) = tungstenite::client::client(format!("ws://{ws_addr}/"), stream)
                .unwrap_or_else(|e| panic!("{e}"));
            Socket::from(socket)
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
    let seen = Seen::new(n);
    follow(sockets, &seen, &stop);
    let mut votes = TcpStream::connect(control_addr).unwrap_or_else(|e| panic!("{e}"));
    let latencies = (1..=messages as u64)
        .map(|k| {
            let sent = Instant::now();
            let _ = writeln!(votes, "{k}");
            wait_for(&seen, k, Duration::from_secs(30))
                .map(|_| sent.elapsed())
                .unwrap_or_else(|| panic!("baseline vote {k} never reached every phone"))
        })
        .collect();
    stop.store(true, Ordering::Release);
    latencies
}

fn main() {
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    for n in if sizes.is_empty() { vec![100] } else { sizes } {
        println!("N = {n} phones");
        let run = yishi(n);
        let sequential = run.latencies.len();
        let y = figures(run.latencies);
        let a = figures(run.answers);
        let f = figures(run.floor);
        let b = figures(baseline(n, sequential, run.message_size));
        println!("  ballots sent {n}, accepted {}", run.accepted);
        let most = run.round_trips.iter().max().copied().unwrap_or_default();
        let mean = run.round_trips.iter().map(|t| f64::from(*t)).sum::<f64>()
            / run.round_trips.len().max(1) as f64;
        println!(
            "  D1 round trips per ballot (one after another, counted by the worker): mean {mean:.2}, max {most} (of {})",
            run.round_trips.len()
        );
        println!(
            "  yishi    fan-out to {n} phones, {sequential} ballots one after another: p50 {:.1} ms, p95 {:.1} ms, max {:.1} ms (a ballot's message is {} bytes)",
            y.p50, y.p95, y.max, run.message_size
        );
        println!(
            "  yishi    ballot's answer (stored, the room told): p50 {:.1} ms, p95 {:.1} ms",
            a.p50, a.p95
        );
        println!(
            "  (a request that does nothing, GET /health, takes p50 {:.1} ms, p95 {:.1} ms on this worker)",
            f.p50, f.p95
        );
        let r = figures(run.room_floor);
        println!(
            "  floor    the room sends a message of that size to {n} phones at a request that does nothing else (no D1, no tally): p50 {:.1} ms, p95 {:.1} ms, max {:.1} ms",
            r.p50, r.p95, r.max
        );
        println!(
            "  baseline fan-out to {n} phones, {sequential} messages one after another: p50 {:.1} ms, p95 {:.1} ms, max {:.1} ms",
            b.p50, b.p95, b.max
        );
        println!(
            "  ratio (floor / baseline): p50 {:.1}x, p95 {:.1}x: what this runtime adds before Yishi does anything",
            r.p50 / b.p50.max(0.001),
            r.p95 / b.p95.max(0.001)
        );
        println!(
            "  ratio (yishi / baseline): p50 {:.1}x, p95 {:.1}x",
            y.p50 / b.p50.max(0.001),
            y.p95 / b.p95.max(0.001)
        );
        if let Some((size, converged)) = run.burst {
            println!(
                "  burst of {size} ballots at once: every phone showed the final count {:.0} ms after the last answer",
                converged.as_secs_f64() * 1e3
            );
        }
        println!(
            "  reconnect storm: {n} phones reconnected at once, all holding the current state after {:.0} ms",
            run.storm.as_secs_f64() * 1e3
        );
        println!(
            "  check-in p50 {:.0} ms",
            run.check_in_p50.as_secs_f64() * 1e3
        );
    }
}
