//! A notice to a whole community of 5,000 residents, every one with a phone subscribed to push: how long
//! the publishing request takes, how soon and how fast their inboxes show it, and how many pushes per
//! second the postman delivers to a fake push service on the loopback.
//!
//! Two steps, since the residents and their subscriptions are loaded with the fixture (5,000 sign-ins
//! and subscriptions through the API would measure sign-ins):
//!
//!     cargo run --release -p yishi-api-tests --example notify_bench -- --sql 5000 PORT > bench.sql
//!     scripts/with-worker.sh --load tests/api/fixtures/base.sql --load bench.sql \
//!         --var VAPID_PRIVATE_KEY:… --var VAPID_SUBJECT:mailto:… -- \
//!         cargo run --release -p yishi-api-tests --example notify_bench -- --run 5000 PORT
//!
//! (`scripts/bench.sh` does both.) Figures, not a test: nothing fails on a slow machine, except a
//! resident whose inbox or phone never gets the notice.

use std::fmt::Write as _;
use std::time::{Duration, Instant};

use serde_json::json;
use yishi_api_tests::accounts::*;
use yishi_api_tests::push::{FakePushService, Phone};
use yishi_api_tests::{Api, marker};

/// Residents per household unit (40 households of one resident each per unit, 2 units per building).
const PER_UNIT: usize = 40;
/// Residents whose inbox is read after the notice (each signs in first).
const SAMPLES: usize = 40;
/// The fixture's residents' passcode hash (passcode 654321), as `fixtures/base.sql` stores it.
const PASSCODE_HASH: &str = "pbkdf2_sha256$100000$101112131415161718191a1b1c1d1e1f$8f811d588503f6af2bcac23178894e2cf169b402e7d6835d4f9b82ffab9907a8";
const T0: &str = "2026-09-01T00:00:00.000Z";

fn phone_number(i: usize) -> String {
    format!("137{i:08}")
}

fn sql(n: usize, port: u16, out: &mut String) -> std::fmt::Result {
    let service = FakePushService::at(port);
    writeln!(
        out,
        "INSERT INTO communities (id, street_id, name, code, created_at) VALUES ('com_bench', 'str_t', '压测社区', NULL, '{T0}');"
    )?;
    writeln!(
        out,
        "INSERT INTO compounds (id, community_id, name, code, created_at) VALUES ('cpd_bench', 'com_bench', '压测小区', NULL, '{T0}');"
    )?;
    writeln!(
        out,
        "INSERT INTO role_grants (member_id, role, scope_kind, scope_id, street_id, community_id, compound_id, building_id, unit_id, created_at) VALUES ('mbr_staff', 'community_staff', 'community', 'com_bench', 'str_t', 'com_bench', NULL, NULL, NULL, '{T0}');"
    )?;
    let units = n.div_ceil(PER_UNIT);
    for u in 0..units {
        let b = u / 2;
        if u % 2 == 0 {
            writeln!(
                out,
                "INSERT INTO buildings (id, compound_id, name, code, created_at) VALUES ('bld_b{b:03}', 'cpd_bench', '{}号楼', NULL, '{T0}');",
                b + 1
            )?;
        }
        writeln!(
            out,
            "INSERT INTO units (id, building_id, name, code, created_at) VALUES ('unt_b{u:03}', 'bld_b{b:03}', '{}单元', NULL, '{T0}');",
            u % 2 + 1
        )?;
    }
    for i in 0..n {
        let u = i / PER_UNIT;
        let phone = Phone::new(&service, &format!("/b/{i}"), 3);
        let sub = phone.subscription();
        writeln!(
            out,
            "INSERT INTO households (id, unit_id, name, created_at) VALUES ('hh_b{i:05}', 'unt_b{u:03}', '{:03}', '{T0}');",
            i % PER_UNIT + 1
        )?;
        writeln!(
            out,
            "INSERT INTO members (id, name, phone, password_hash, household_id, status, verification, notification_prefs, created_at) VALUES ('mbr_b{i:05}', '压测居民', '{}', '{PASSCODE_HASH}', 'hh_b{i:05}', 'active', 'confirmed', '{{\"quiet_hours\":null}}', '{T0}');",
            phone_number(i)
        )?;
        writeln!(
            out,
            "INSERT INTO push_subscriptions (session_id, member_id, endpoint, p256dh, auth, created_at, expires_at) VALUES ('bench{i:05}', 'mbr_b{i:05}', '{}', '{}', '{}', '{T0}', '2099-01-01T00:00:00.000Z');",
            sub["endpoint"].as_str().unwrap_or_default(),
            sub["keys"]["p256dh"].as_str().unwrap_or_default(),
            sub["keys"]["auth"].as_str().unwrap_or_default(),
        )?;
    }
    Ok(())
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let i = ((sorted.len() - 1) as f64 * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn run(n: usize, port: u16) {
    let service = FakePushService::start_on(port);
    let mut staff = Api::signed_in(STAFF, STAFF_PASSWORD);
    // The residents who will read their inboxes sign in first (spread over the community).
    let mut readers: Vec<Api> = (0..SAMPLES)
        .map(|k| Api::signed_in(&phone_number(k * n / SAMPLES), RESIDENT_PASSCODE))
        .collect();

    let title = marker("全社区停水通知");
    let started = Instant::now();
    let r = staff.post(
        "/api/v1/notices",
        &json!({ "title": title, "body": "周六上午八点到十二点全社区停水，请提前储水。",
                 "scope": { "kind": "community", "id": "com_bench" } }),
    );
    let publish = started.elapsed();
    r.expect(201, None);
    let id = r.body["notice"]["id"]
        .as_str()
        .unwrap_or_default()
        .to_owned();

    let mut reads = Vec::new();
    let mut shown = 0;
    let mut last_shown = Duration::ZERO;
    for api in &mut readers {
        let t = Instant::now();
        let inbox = api.get("/api/v1/notifications");
        reads.push(t.elapsed());
        if inbox.body["notifications"]
            .as_array()
            .is_some_and(|ns| ns.iter().any(|x| x["subject"]["id"] == id.as_str()))
        {
            shown += 1;
            last_shown = started.elapsed();
        }
    }
    reads.sort();

    let deadline = Instant::now() + Duration::from_secs(600);
    let mut got = service.received();
    while got.len() < n && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(200));
        got = service.received();
    }
    let first = got.iter().map(|d| d.at).min();
    let last = got.iter().map(|d| d.at).max();
    let opened = got
        .iter()
        .filter(|d| {
            let phone = Phone::new(&service, &d.path, 3);
            phone.open(d).is_some_and(|p| p["body"] == title.as_str())
        })
        .count();
    let distinct = {
        let mut paths: Vec<&str> = got.iter().map(|d| d.path.as_str()).collect();
        paths.sort_unstable();
        paths.dedup();
        paths.len()
    };

    println!("notice to a community of {n} residents, each with one phone subscribed");
    println!("  publishing request:            {}", ms(publish));
    println!(
        "  inboxes read after it:         {shown} of {SAMPLES} show it; the last at {} after publishing began",
        ms(last_shown)
    );
    println!(
        "  inbox read (page of 20):       p50 {}  p95 {}  max {}",
        ms(percentile(&reads, 0.5)),
        ms(percentile(&reads, 0.95)),
        ms(percentile(&reads, 1.0))
    );
    match (first, last) {
        (Some(first), Some(last)) => {
            let spread = last.duration_since(first).as_secs_f64();
            let total = last.duration_since(started).as_secs_f64();
            println!(
                "  pushes delivered:              {} ({distinct} phones, {opened} opened to the notice)",
                got.len()
            );
            println!(
                "  first push after publishing:   {}",
                ms(first.duration_since(started))
            );
            println!("  last push after publishing:    {:.1} s", total);
            println!(
                "  deliveries per second:         {:.0} (first to last), {:.0} (from publishing)",
                got.len() as f64 / spread.max(0.001),
                got.len() as f64 / total.max(0.001)
            );
        }
        _ => println!("  pushes delivered:              none"),
    }
    if shown < SAMPLES || distinct < n {
        eprintln!("some residents were not told");
        std::process::exit(1);
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let n = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(5000);
    let port = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(0);
    match args.first().map(String::as_str) {
        Some("--sql") => {
            let mut out = String::new();
            if sql(n, port, &mut out).is_err() {
                std::process::exit(2);
            }
            print!("{out}");
        }
        Some("--run") => run(n, port),
        _ => {
            eprintln!("usage: notify_bench --sql N PORT | --run N PORT");
            std::process::exit(2);
        }
    }
}
