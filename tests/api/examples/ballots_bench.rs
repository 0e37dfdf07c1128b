//! Casts 500 ballots at once against a local worker and prints what happened: accepted, rejected
//! (a second ballot by the same voter), latency percentiles, and whether the stored list matches.
//!
//!     scripts/with-worker.sh --load tests/api/fixtures/base.sql -- \
//!         cargo run --release -p yishi-api-tests --example ballots_bench
//!
//! Figures, not a test: nothing here fails on a slow machine, except a lost or doubled ballot.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chrono::{SecondsFormat, Utc};
use serde_json::json;
use yishi_api_tests::accounts::*;
use yishi_api_tests::{Api, fresh_code, fresh_phone, marker};

const BALLOTS: usize = 500;
const THREADS: usize = 50;

fn main() {
    // Voters: new residents of buildings 1–5 (codes handed over in person, so confirmed at once).
    let started = Instant::now();
    let voters: Vec<Api> = (1..=5)
        .flat_map(|b| (0..74).map(move |_| format!("bld_t{b:02}")))
        .collect::<Vec<_>>()
        .chunks(37)
        .map(|chunk| {
            let chunk = chunk.to_vec();
            std::thread::spawn(move || {
                chunk
                    .iter()
                    .map(|building| {
                        let code = fresh_code(building);
                        let mut api = Api::new();
                        api.post(
                            "/api/v1/residents",
                            &json!({ "invite_code": code.code, "name": "压测居民", "phone": fresh_phone(), "passcode": "246810" }),
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
    println!(
        "{} voters joined in {:.1} s",
        voters.len(),
        started.elapsed().as_secs_f64()
    );

    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    let now = Utc::now().to_rfc3339_opts(SecondsFormat::Millis, true);
    let later =
        (Utc::now() + chrono::Duration::hours(1)).to_rfc3339_opts(SecondsFormat::Millis, true);
    let created = staff.post(
        "/api/v1/votes",
        &json!({
            "scope": { "kind": "community", "id": "com_t" },
            "settings": {
                "title": marker("压测"), "options": [], "method": { "kind": "yes_no" },
                "rules": { "quorum": { "kind": "none" }, "threshold": "simple_majority", "count_abstentions": false, "double_majority": false },
                "tie_break": "no_winner", "electorate": { "kind": "residents" }, "secrecy": "secret",
                "results": "after_close", "changeable": false, "max_proxies": 0, "opens_at": now, "closes_at": later
            }
        }),
    );
    created.expect(201, None);
    let vote = created.body["vote"]["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    println!("electorate: {}", created.body["vote"]["eligible"]);

    // Every new voter once, and the first ones again, all at the same time.
    let voters: Vec<Arc<Mutex<Api>>> = voters
        .into_iter()
        .map(|a| Arc::new(Mutex::new(a)))
        .collect();
    let jobs: Vec<Arc<Mutex<Api>>> = (0..BALLOTS)
        .map(|i| Arc::clone(&voters[i % voters.len()]))
        .collect();
    let latencies = Arc::new(Mutex::new(Vec::<(u16, Duration)>::with_capacity(BALLOTS)));
    let wall = Instant::now();
    let handles: Vec<_> = jobs
        .chunks(BALLOTS.div_ceil(THREADS))
        .map(|chunk| {
            let (chunk, vote, latencies) = (chunk.to_vec(), vote.clone(), Arc::clone(&latencies));
            std::thread::spawn(move || {
                for api in chunk {
                    let t = Instant::now();
                    let mut api = api
                        .lock()
                        .unwrap_or_else(std::sync::PoisonError::into_inner);
                    let r = api.post(
                        &format!("/api/v1/votes/{vote}/ballots"),
                        &json!({ "choice": { "kind": "yes" } }),
                    );
                    latencies
                        .lock()
                        .unwrap_or_else(std::sync::PoisonError::into_inner)
                        .push((r.status, t.elapsed()));
                }
            })
        })
        .collect();
    for h in handles {
        let _ = h.join();
    }
    let wall = wall.elapsed();
    let mut results = latencies
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .clone();
    let accepted = results.iter().filter(|(s, _)| *s == 201).count();
    let rejected = results.iter().filter(|(s, _)| *s == 409).count();
    let other = results.len() - accepted - rejected;
    results.sort_by_key(|(_, d)| *d);
    let pct = |p: f64| {
        results[((results.len() as f64 - 1.0) * p) as usize]
            .1
            .as_secs_f64()
            * 1e3
    };
    println!(
        "{BALLOTS} ballots from {THREADS} threads in {:.2} s: {accepted} accepted, {rejected} rejected as second ballots, {other} other",
        wall.as_secs_f64()
    );
    println!("latency p50 {:.0} ms, p99 {:.0} ms", pct(0.50), pct(0.99));

    staff
        .post(&format!("/api/v1/votes/{vote}/close"), &json!({}))
        .expect(200, None);
    let list = staff.get(&format!("/api/v1/votes/{vote}/ballots"));
    let stored = list.body["ballots"].as_array().map_or(0, Vec::len);
    let yes = list.body["result"]["count"]["yes"]
        .as_u64()
        .unwrap_or_default();
    println!(
        "stored ballots: {stored}, counted yes: {yes}, distinct voters: {}",
        voters.len()
    );
    assert_eq!(stored, accepted, "a ballot was lost or doubled");
    assert_eq!(accepted, voters.len(), "every voter counted exactly once");
}
