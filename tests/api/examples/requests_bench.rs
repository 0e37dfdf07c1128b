//! Residents' requests under load, against a local worker with the test fixture (1,000 requests of
//! com_other in June 2026): the time to read a month's figures, to report a request, to move it through
//! its statuses, and to run the scheduled job.
//!
//!     scripts/with-worker.sh --load tests/api/fixtures/base.sql -- \
//!         cargo run --release -p yishi-api-tests --example requests_bench
//!
//! Figures, not a test: nothing here fails on a slow machine.

use std::time::{Duration, Instant};

use serde_json::json;
use yishi_api_tests::Api;
use yishi_api_tests::accounts::*;

fn percentiles(mut times: Vec<Duration>) -> String {
    times.sort();
    let at = |p: usize| times[(times.len() * p).div_ceil(100).saturating_sub(1)];
    format!(
        "p50 {:.1} ms, p90 {:.1} ms, max {:.1} ms",
        at(50).as_secs_f64() * 1000.0,
        at(90).as_secs_f64() * 1000.0,
        at(100).as_secs_f64() * 1000.0
    )
}

fn timed<T>(times: &mut Vec<Duration>, f: impl FnOnce() -> T) -> T {
    let started = Instant::now();
    let out = f();
    times.push(started.elapsed());
    out
}

fn main() {
    let mut other = Api::signed_in(OTHER_STAFF, STAFF_PASSWORD);
    let mut times = Vec::new();
    for _ in 0..30 {
        let r = timed(&mut times, || {
            other.get("/api/v1/requests/figures?from=2026-06-01&to=2026-06-30")
        });
        assert_eq!(r.body["total"]["received"], 1000);
    }
    println!(
        "figures of 1,000 requests (30 reads): {}",
        percentiles(times)
    );

    let mut resident = Api::signed_in(RESIDENT5, RESIDENT_PASSCODE);
    let mut fixer = Api::signed_in(FIXER, STAFF_PASSWORD);
    let (mut report, mut moves) = (Vec::new(), Vec::new());
    for i in 0..50 {
        let created = timed(&mut report, || {
            resident.post(
                "/api/v1/requests",
                &json!({ "subcategory": "sub_t_light", "description": format!("压测路灯 {i}"),
                         "place": { "kind": "building", "id": "bld_t05" } }),
            )
        });
        let id = created.body["request"]["id"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
        for body in [
            json!({ "action": "accept" }),
            json!({ "action": "start" }),
            json!({ "action": "resolve", "note": "已修复" }),
        ] {
            let r = timed(&mut moves, || {
                fixer.post(&format!("/api/v1/requests/{id}/changes"), &body)
            });
            assert_eq!(r.status, 200, "{}", r.body);
        }
    }
    println!("report a request (50): {}", percentiles(report));
    println!("accept, start, resolve (150): {}", percentiles(moves));

    let mut anyone = Api::new();
    let started = Instant::now();
    anyone.get("/__scheduled?cron=*/10+*+*+*+*");
    println!(
        "scheduled job over the fixture's overdue requests: {:.0} ms",
        started.elapsed().as_secs_f64() * 1000.0
    );
}
