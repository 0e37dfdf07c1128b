//! The Method of Equal Shares (均分预算法, MES): proportional participatory budgeting, as used in Aarau
//! (2023), Wieliczka (2023) and elsewhere (Peters, Pierczyński and Skowron; equalshares.net).
//!
//! Each voter holds an equal share of the budget. A project is funded when its supporters can pay for it
//! together; they pay as equally as they can, a supporter with less left paying all she has. Each round
//! funds the project whose supporters pay the least per unit of what they gain from it (`ρ`, its
//! affordability), until no project can be paid for. Then the completion ("add1"): the count is run again
//! with every share raised by an increment, and again, until the count funds every project that still
//! fits the budget (kept) or would spend more than the budget (the count before it is kept).
//!
//! What a voter gains from an approved project is its cost ([`Utility::Cost`], equalshares.net's choice
//! for approval ballots: residents value a dearer project more) or 1 ([`Utility::Approval`]).
//!
//! Every amount is an exact fraction of big integers: shares and payments are fractions whose
//! denominators grow with each funded project, past what 64 or 128 bits hold, and a tie must be a true
//! tie. Projects tied on `ρ` go to the one listed first on the ballot, and the result reports the tie.
//! The count follows `pabutools` (PyPI; `method_of_equal_shares` with `voter_budget_increment`) step for
//! step, and `scripts/equal_shares_test.py` checks that both fund the same projects on Pabulib's
//! published votes.
//!
//! Speed: voters with the same approvals are one group, and groups whose shares are equal (they paid
//! for the same projects) are one class, so a round sorts a few classes, not thousands of voters; a
//! project's `ρ` from an earlier round is a lower bound for its `ρ` now (shares only fall), so a round
//! stops computing once no remaining project can beat the best one found.

use std::collections::HashMap;

use num_bigint::BigInt;
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::{ToPrimitive, Zero};
use serde::{Deserialize, Serialize};

use super::tally::{Ballot, Choice};

/// What a voter gains from a project she approves.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Utility {
    /// The project's cost (pabutools' `Cost_Sat`).
    #[default]
    Cost,
    /// One, whatever it costs (pabutools' `Cardinality_Sat`).
    Approval,
}

/// The count of an equal-shares vote.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EqualSharesResult {
    /// Approvals per option.
    pub totals: Vec<u64>,
    /// The funded options, in the order the count funded them.
    pub funded: Vec<usize>,
    pub spent: u64,
    /// Each voter's share in the count that was kept, rounded down to a whole unit of money.
    pub share: u64,
    /// How many times the completion raised the shares before that count.
    pub raises: u32,
    /// Options tied on `ρ` in the kept count: the first was funded (listed first on the ballot), the
    /// second waited.
    pub ties: Vec<(usize, usize)>,
    /// Ballots that approved nothing; they hold a share like any other.
    pub abstained: u64,
}

/// Counts approval ballots by the Method of Equal Shares: `costs` per option, the `budget` to share among
/// every ballot, and the completion's `increment` of each share (`None` for no completion). Ballots that
/// are not approvals count as abstentions. Costs of 0 fund nothing (a vote's costs are 1 or more).
#[must_use]
pub fn equal_shares(
    ballots: &[Ballot],
    costs: &[u64],
    budget: u64,
    utility: Utility,
    increment: Option<u64>,
) -> EqualSharesResult {
    let approvals: Vec<&[usize]> = ballots
        .iter()
        .map(|b| match &b.choice {
            Choice::Options { options } => options.as_slice(),
            _ => &[],
        })
        .collect();
    let count = Count::new(&approvals, costs, utility);
    let abstained = approvals.iter().filter(|a| a.is_empty()).count() as u64;
    // The count kept, the share it ran with, and how many raises led to it.
    let mut kept = (Run::default(), BigRational::zero(), 0_u32);
    if !approvals.is_empty() {
        let mut share = BigRational::new(BigInt::from(budget), BigInt::from(approvals.len()));
        let mut raises = 0_u32;
        loop {
            let run = count.run(&share);
            let spent = count.spent(&run.funded);
            let Some(step) = increment else {
                kept = (run, share, raises);
                break;
            };
            if spent > u128::from(budget) {
                break;
            }
            let exhaustive = count.available.iter().all(|p| {
                run.funded.contains(p) || spent + u128::from(costs[*p]) > u128::from(budget)
            });
            kept = (run, share.clone(), raises);
            if exhaustive || step == 0 {
                break;
            }
            share += BigRational::from_integer(BigInt::from(step));
            raises += 1;
        }
    }
    let (run, share, raises) = kept;
    EqualSharesResult {
        spent: u64::try_from(count.spent(&run.funded)).unwrap_or(u64::MAX),
        totals: count.totals,
        funded: run.funded,
        share: share.to_integer().to_u64().unwrap_or(0),
        raises,
        ties: run.ties,
        abstained,
    }
}

/// One count at one share: what it funded, in order, and the ties it met.
#[derive(Default)]
struct Run {
    funded: Vec<usize>,
    ties: Vec<(usize, usize)>,
}

/// The ballots grouped for counting: one group per distinct set of approvals, with its size.
struct Count {
    costs: Vec<u64>,
    totals: Vec<u64>,
    /// Per option: the groups that approve it.
    supporters: Vec<Vec<usize>>,
    /// Per group: how many voters.
    sizes: Vec<u64>,
    /// Per option: what each supporter gains from it.
    gains: Vec<BigInt>,
    /// Options that can be funded at all: a cost above 0 and a supporter.
    available: Vec<usize>,
}

impl Count {
    fn new(approvals: &[&[usize]], costs: &[u64], utility: Utility) -> Count {
        let mut groups: HashMap<Vec<usize>, usize> = HashMap::new();
        let mut sizes = Vec::new();
        let mut supporters = vec![Vec::new(); costs.len()];
        let mut totals = vec![0_u64; costs.len()];
        for a in approvals {
            let mut set: Vec<usize> = a.iter().copied().filter(|o| *o < costs.len()).collect();
            set.sort_unstable();
            set.dedup();
            if set.is_empty() {
                continue;
            }
            for o in &set {
                totals[*o] += 1;
            }
            let next = sizes.len();
            let g = *groups.entry(set.clone()).or_insert(next);
            if g == next {
                sizes.push(0);
                for o in &set {
                    supporters[*o].push(g);
                }
            }
            sizes[g] += 1;
        }
        let gains = costs
            .iter()
            .map(|c| match utility {
                Utility::Cost => BigInt::from(*c),
                Utility::Approval => BigInt::from(1),
            })
            .collect();
        let available = (0..costs.len())
            .filter(|o| costs[*o] > 0 && totals[*o] > 0)
            .collect();
        Count {
            costs: costs.to_vec(),
            totals,
            supporters,
            sizes,
            gains,
            available,
        }
    }

    fn spent(&self, funded: &[usize]) -> u128 {
        funded.iter().map(|o| u128::from(self.costs[*o])).sum()
    }

    /// One count with every voter's share at `share`.
    ///
    /// What voters have left is kept as whole numbers over one denominator shared by all of them
    /// (`unit`), so comparing and adding amounts is integer arithmetic; the denominator grows only when
    /// a funded project's price needs a finer one.
    fn run(&self, share: &BigRational) -> Run {
        // Voters whose shares are equal form a class; a group belongs to one class at a time.
        let mut class_of = vec![0_usize; self.sizes.len()];
        let mut unit = share.denom().clone();
        let mut budgets = vec![share.numer().clone()];
        let mut remaining: Vec<usize> = self.available.clone();
        // ρ from the last time each option was computed: a lower bound of its ρ now.
        let mut bound: Vec<BigRational> = self
            .costs
            .iter()
            .enumerate()
            .map(|(o, c)| {
                let total = BigInt::from(self.totals[o]) * &self.gains[o];
                if total.is_zero() {
                    BigRational::zero()
                } else {
                    BigRational::new(BigInt::from(*c), total)
                }
            })
            .collect();
        let mut weights: Vec<u64> = Vec::new();
        let mut run = Run::default();
        loop {
            remaining.sort_by(|a, b| bound[*a].cmp(&bound[*b]).then(a.cmp(b)));
            let mut best: Option<BigRational> = None;
            let mut tied: Vec<usize> = Vec::new();
            let mut unaffordable: Vec<usize> = Vec::new();
            for &o in &remaining {
                // The classes of the option's supporters, with how many voters each.
                weights.clear();
                weights.resize(budgets.len(), 0);
                for g in &self.supporters[o] {
                    weights[class_of[*g]] += self.sizes[*g];
                }
                let mut classes: Vec<usize> =
                    (0..budgets.len()).filter(|c| weights[*c] > 0).collect();
                // The cost in the same unit as what voters have left.
                let cost = BigInt::from(self.costs[o]) * &unit;
                let available: BigInt = classes
                    .iter()
                    .map(|c| &budgets[*c] * BigInt::from(weights[*c]))
                    .sum();
                if available < cost {
                    unaffordable.push(o);
                    continue;
                }
                if best.as_ref().is_some_and(|b| bound[o] > *b) {
                    break;
                }
                classes.sort_by(|a, b| budgets[*a].cmp(&budgets[*b]));
                let gain = &self.gains[o];
                let mut paid = BigInt::zero();
                let mut rest = BigInt::from(self.totals[o]) * gain;
                for c in classes {
                    // ρ = (cost − paid) / rest; each in the class can pay ρ × gain if that is no
                    // more than she has.
                    if (&cost - &paid) * gain <= &budgets[c] * &rest {
                        let rho = BigRational::new(&cost - &paid, &unit * &rest);
                        match &best {
                            Some(b) if rho > *b => {}
                            Some(b) if rho == *b => tied.push(o),
                            _ => {
                                best = Some(rho.clone());
                                tied = vec![o];
                            }
                        }
                        bound[o] = rho;
                        break;
                    }
                    let w = BigInt::from(weights[c]);
                    paid += &budgets[c] * &w;
                    rest -= w * gain;
                }
            }
            remaining.retain(|o| !unaffordable.contains(o));
            let Some(rho) = best else {
                return run;
            };
            let Some(&chosen) = tied.iter().min() else {
                return run;
            };
            run.ties
                .extend(tied.iter().filter(|o| **o != chosen).map(|o| (chosen, *o)));
            run.funded.push(chosen);
            remaining.retain(|o| *o != chosen);
            // Its supporters pay ρ times their gain, or all they have. The unit becomes fine enough
            // for that price, and each class they are in moves to a class of its own (or to nothing
            // left).
            let price = rho * BigRational::from_integer(self.gains[chosen].clone());
            let finer = unit.lcm(price.denom());
            if finer != unit {
                let scale = &finer / &unit;
                for b in &mut budgets {
                    *b *= &scale;
                }
                unit = finer;
            }
            let price = price.numer() * (&unit / price.denom());
            let mut moved: HashMap<usize, usize> = HashMap::new();
            for g in &self.supporters[chosen] {
                let from = class_of[*g];
                let to = *moved.entry(from).or_insert_with(|| {
                    let left = if budgets[from] > price {
                        &budgets[from] - &price
                    } else {
                        BigInt::zero()
                    };
                    budgets.push(left);
                    budgets.len() - 1
                });
                class_of[*g] = to;
            }
        }
    }
}

#[cfg(test)]
mod tests;
