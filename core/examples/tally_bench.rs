//! Prints how long the voting engine takes to count large elections, natively (release build):
//!
//!     cargo run --release -p yishi-core --example tally_bench
//!
//! 100,000 ranked ballots over 10 options (instant runoff and Schulze), 400,000 approval ballots over
//! 200 projects (budget allocation), and the Method of Equal Shares with its completion: 5,000 voters
//! over 60 plans with a round's amounts in fen, and Wieliczka's green budget (6,586 voters, 64 projects,
//! Pabulib). Figures, not a test: nothing here fails on a slow machine.

use std::time::Instant;

use yishi_core::votes::pabulib::Pabulib;
use yishi_core::votes::{
    Ballot, Choice, Utility, allocate_budget, equal_shares, instant_runoff, schulze,
};

const WIELICZKA: &str = include_str!("../tests/pabulib/Poland_Wieliczka_2023_Green_Budget.pb");

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

    // A round of a street: ¥500,000 for 60 plans of ¥5,000 to ¥50,000, in fen; some plans are far more
    // popular than others (each voter approves each plan with its own probability, 2 % to 40 %). The
    // completion raises each share by ¥1 (100 fen).
    let plans = 60;
    let costs: Vec<u64> = (0..plans)
        .map(|_| (5_000 + rng.below(45_001) as u64) * 100)
        .collect();
    let popularity: Vec<u64> = (0..plans).map(|_| 2 + rng.below(39) as u64).collect();
    let ballots: Vec<Ballot> = (0..5_000)
        .map(|_| Ballot {
            choice: Choice::Options {
                options: (0..plans)
                    .filter(|p| (rng.below(100) as u64) < popularity[*p])
                    .collect(),
            },
            weight: 1,
        })
        .collect();
    for increment in [None, Some(100)] {
        let t = Instant::now();
        let r = equal_shares(&ballots, &costs, 50_000_000, Utility::Cost, increment);
        println!(
            "equal shares{}: 5,000 voters, 60 plans: {:.1} ms ({} funded, ¥{} of ¥500,000 spent, {} raises)",
            if increment.is_some() {
                " with the completion"
            } else {
                ""
            },
            t.elapsed().as_secs_f64() * 1e3,
            r.funded.len(),
            r.spent / 100,
            r.raises
        );
    }
    match Pabulib::parse(WIELICZKA) {
        Ok(pb) => {
            let (costs, ballots) = pb.ballots();
            let budget = pb.budget().unwrap_or_default();
            let t = Instant::now();
            let r = equal_shares(&ballots, &costs, budget, Utility::Cost, Some(1));
            println!(
                "equal shares with the completion: Wieliczka 2023, {} voters, {} projects: {:.1} ms ({} funded, {} of {} PLN, {} raises)",
                ballots.len(),
                costs.len(),
                t.elapsed().as_secs_f64() * 1e3,
                r.funded.len(),
                r.spent,
                budget,
                r.raises
            );
        }
        Err(e) => println!("Wieliczka's file: line {}: {}", e.line, e.what),
    }
}
