//! Prints how long the voting engine takes to count large elections, natively (release build):
//!
//!     cargo run --release -p yishi-core --example tally_bench
//!
//! 100,000 ranked ballots over 10 options (instant runoff and Schulze) and 400,000 approval ballots over
//! 200 projects (budget allocation). Figures, not a test: nothing here fails on a slow machine.

use std::time::Instant;

use yishi_core::votes::{Ballot, Choice, allocate_budget, instant_runoff, schulze};

/// A small deterministic generator (xorshift64*), so every run counts the same ballots.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn main() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);

    let options = 10;
    let ranked: Vec<Ballot> = (0..100_000)
        .map(|_| {
            let mut order: Vec<usize> = (0..options).collect();
            for i in (1..options).rev() {
                order.swap(i, rng.below(i + 1));
            }
            order.truncate(1 + rng.below(options));
            Ballot {
                choice: Choice::Ranking { ranking: order },
                weight: 1,
            }
        })
        .collect();
    let t = Instant::now();
    let irv = instant_runoff(&ranked, options);
    println!(
        "instant runoff: 100,000 ballots, 10 options: {:.1} ms ({} rounds, winner {:?})",
        t.elapsed().as_secs_f64() * 1e3,
        irv.rounds.len(),
        irv.winner
    );
    let t = Instant::now();
    let s = schulze(&ranked, options);
    println!(
        "schulze: 100,000 ballots, 10 options: {:.1} ms (winner {:?})",
        t.elapsed().as_secs_f64() * 1e3,
        s.winner
    );

    let projects = 200;
    let costs: Vec<u64> = (0..projects)
        .map(|_| 1_000 + rng.below(50_000) as u64)
        .collect();
    let approvals: Vec<Ballot> = (0..400_000)
        .map(|_| {
            let mut chosen: Vec<usize> =
                (0..1 + rng.below(8)).map(|_| rng.below(projects)).collect();
            chosen.sort_unstable();
            chosen.dedup();
            Ballot {
                choice: Choice::Options { options: chosen },
                weight: 1,
            }
        })
        .collect();
    let t = Instant::now();
    let a = allocate_budget(&approvals, &costs, 1_000_000);
    println!(
        "approval budget: 400,000 ballots, 200 projects: {:.1} ms ({} funded, {} spent)",
        t.elapsed().as_secs_f64() * 1e3,
        a.funded.len(),
        a.spent
    );
}
