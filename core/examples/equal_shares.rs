//! Counts Pabulib `.pb` files by the Method of Equal Shares as core does, for `scripts/equal_shares_test.py`
//! to compare with pabutools, and for `make bench` to time:
//!
//!     cargo run -q --release -p yishi-core --example equal_shares -- FILE.pb...
//!
//! For each file it prints one JSON line per count: cost and approval utilities, each without the
//! completion and with it (one unit of money more per voter at each raise), with the funded projects'
//! ids, what they cost, the raises, and how long the count took. Projects are put in the order of their
//! ids as strings, so that core's rule for ties (the project listed first) is pabutools' default
//! (`lexico_tie_breaking`).

use std::time::Instant;

use serde_json::json;
use yishi_core::votes::equal_shares::{Utility, equal_shares};
use yishi_core::votes::pabulib::Pabulib;

fn main() -> Result<(), String> {
    let files: Vec<String> = std::env::args().skip(1).collect();
    if files.is_empty() {
        return Err("usage: equal_shares FILE.pb...".into());
    }
    for file in files {
        let text = std::fs::read_to_string(&file).map_err(|e| format!("{file}: {e}"))?;
        let mut pb = Pabulib::parse(&text).map_err(|e| format!("{file}:{}: {}", e.line, e.what))?;
        pb.projects.sort_by(|a, b| a.id.cmp(&b.id));
        let (costs, ballots) = pb.ballots();
        let budget = pb.budget().unwrap_or_default();
        let name = std::path::Path::new(&file)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or(file.clone());
        for (utility, label) in [(Utility::Cost, "cost"), (Utility::Approval, "approval")] {
            for increment in [None, Some(1)] {
                let started = Instant::now();
                let r = equal_shares(&ballots, &costs, budget, utility, increment);
                let ms = started.elapsed().as_secs_f64() * 1e3;
                let mut funded: Vec<&str> = r
                    .funded
                    .iter()
                    .map(|o| pb.projects[*o].id.as_str())
                    .collect();
                funded.sort_unstable();
                println!(
                    "{}",
                    json!({
                        "file": name,
                        "utility": label,
                        "increment": increment,
                        "voters": ballots.len(),
                        "projects": costs.len(),
                        "funded": funded,
                        "spent": r.spent,
                        "raises": r.raises,
                        "share": r.share,
                        "ms": (ms * 10.0).round() / 10.0,
                    })
                );
            }
        }
    }
    Ok(())
}
