use num_bigint::BigInt;
use num_rational::BigRational;
use proptest::prelude::*;

use super::*;
use crate::votes::tally::allocate_budget;

fn approve(options: &[usize]) -> Ballot {
    Ballot {
        choice: Choice::Options {
            options: options.to_vec(),
        },
        weight: 1,
    }
}

fn abstain() -> Ballot {
    Ballot {
        choice: Choice::Abstain,
        weight: 1,
    }
}

/// Two thirds of the voters want the X projects, one third the Y projects; each costs a third of the
/// budget. The most approved (greedy) fund the X projects only; equal shares give the third its third.
#[test]
fn a_third_of_the_voters_gets_a_third_of_the_budget() {
    let ballots = [
        approve(&[0, 1, 2]),
        approve(&[0, 1, 2]),
        approve(&[3, 4, 5]),
    ];
    let costs = [100; 6];
    assert_eq!(allocate_budget(&ballots, &costs, 300).funded, vec![0, 1, 2]);
    for utility in [Utility::Cost, Utility::Approval] {
        let r = equal_shares(&ballots, &costs, 300, utility, None);
        assert_eq!(r.funded, vec![0, 1, 3], "{utility:?}");
        assert_eq!(r.spent, 300);
        assert_eq!(r.share, 100);
        assert_eq!(r.totals, vec![2, 2, 2, 1, 1, 1]);
        // X1, X2 and X3 tie in the first round, X2 and X3 in the second, the Ys in the third: ballot
        // order decides.
        assert_eq!(r.ties, vec![(0, 1), (0, 2), (1, 2), (3, 4), (3, 5)]);
    }
}

/// equalshares.net's worked examples ("Explanation"): ¥1,100 among 11 voters; a bike path ¥700, a gym
/// ¥400, a park ¥250, a playground ¥200, a library ¥100.
fn town(eleventh: &[usize]) -> Vec<Ballot> {
    let (bike, gym, park, play, lib) = (0, 1, 2, 3, 4);
    [
        vec![bike, gym],
        vec![bike, gym, park],
        vec![bike, gym],
        vec![bike, gym, park],
        vec![bike, gym, park],
        vec![bike, gym],
        vec![park, play, lib],
        vec![play],
        vec![play, lib],
        vec![park, play, lib],
        eleventh.to_vec(),
    ]
    .iter()
    .map(|b| approve(b))
    .collect()
}

const TOWN_COSTS: [u64; 5] = [700, 400, 250, 200, 100];

fn funded_set(r: &EqualSharesResult) -> Vec<usize> {
    let mut f = r.funded.clone();
    f.sort_unstable();
    f
}

/// Example 1: the bike path's seven backers pay ¥100 each, the playground's four ¥50, the library's
/// three ¥33.33: the bike path, the playground and the library, as published.
#[test]
fn equalshares_net_example_1() {
    let ballots = town(&[0]);
    for increment in [None, Some(1)] {
        let r = equal_shares(&ballots, &TOWN_COSTS, 1100, Utility::Cost, increment);
        assert_eq!(r.funded, vec![0, 3, 4], "{increment:?}");
        assert_eq!(r.spent, 1000);
    }
}

/// Example 2: the eleventh voter wants the gym instead. The gym, the park and the playground, as
/// published; the completion then adds the library.
#[test]
fn equalshares_net_example_2() {
    let ballots = town(&[1]);
    let plain = equal_shares(&ballots, &TOWN_COSTS, 1100, Utility::Cost, None);
    assert_eq!(funded_set(&plain), vec![1, 2, 3]);
    let completed = equal_shares(&ballots, &TOWN_COSTS, 1100, Utility::Cost, Some(1));
    assert_eq!(funded_set(&completed), vec![1, 2, 3, 4]);
}

/// pabutools' own examples (its `tests/rules/test_rule.py`): Lackner and Skowron's running example, and
/// its test of completions, fund the one project everybody's shares meet at.
#[test]
fn pabutools_examples() {
    let (a, b, c, d, e, f, g) = (0, 1, 2, 3, 4, 5, 6);
    let mut ballots = Vec::new();
    for (n, set) in [
        (3, vec![a, b]),
        (3, vec![a, c]),
        (2, vec![a, d]),
        (1, vec![b, c, f]),
        (1, vec![e]),
        (1, vec![f]),
        (1, vec![g]),
    ] {
        ballots.extend((0..n).map(|_| approve(&set)));
    }
    for utility in [Utility::Cost, Utility::Approval] {
        assert_eq!(
            equal_shares(&ballots, &[1; 7], 4, utility, None).funded,
            vec![a]
        );
    }
    let mut ballots = Vec::new();
    for (n, set) in [
        (2, vec![a, b]),
        (1, vec![a]),
        (3, vec![a, c]),
        (2, vec![a, d]),
        (1, vec![f]),
        (1, vec![e]),
    ] {
        ballots.extend((0..n).map(|_| approve(&set)));
    }
    let r = equal_shares(&ballots, &[1, 2, 2, 1, 1, 1], 5, Utility::Cost, None);
    assert_eq!(r.funded, vec![a]);
}

/// A project its supporters cannot pay for from their shares is funded once the completion raises the
/// shares enough, as long as the budget holds.
#[test]
fn the_completion_raises_shares_until_the_budget_is_spent() {
    // ¥100 among three voters: ¥33⅓ each. Two pay ¥30 each for A (¥60); the third cannot pay ¥40 for
    // B until her share is ¥40, seven raises of ¥1 later (¥40⅓).
    let ballots = [approve(&[0]), approve(&[0]), approve(&[1])];
    let costs = [60, 40];
    let plain = equal_shares(&ballots, &costs, 100, Utility::Cost, None);
    assert_eq!(
        (plain.funded.as_slice(), plain.spent, plain.share),
        (&[0][..], 60, 33)
    );
    let completed = equal_shares(&ballots, &costs, 100, Utility::Cost, Some(1));
    assert_eq!(completed.funded, vec![0, 1]);
    assert_eq!(completed.spent, 100);
    assert_eq!((completed.raises, completed.share), (7, 40));
}

/// The completion stops at the first share with which nothing more fits the budget.
#[test]
fn the_completion_stops_when_nothing_more_fits() {
    // ¥100 among four voters (¥25 each). C (¥60, voters 1–3) goes first, ¥20 each; A (¥30, voter 1)
    // and B (¥30, voter 4) are not paid for. Raised five times to ¥30, voter 4 pays for B: ¥90 spent,
    // and A no longer fits.
    let ballots = [
        approve(&[0, 2]),
        approve(&[2]),
        approve(&[2]),
        approve(&[1]),
    ];
    let costs = [30, 30, 60];
    let r = equal_shares(&ballots, &costs, 100, Utility::Cost, Some(1));
    assert_eq!((r.funded.as_slice(), r.spent), (&[2, 1][..], 90));
    assert_eq!((r.raises, r.share), (5, 30));
    assert_eq!(
        naive_completed(&ballots, &costs, 100, Utility::Cost, 1),
        r.funded
    );
}

/// When a raise would fund more than the budget, the count before it is kept.
#[test]
fn a_raise_that_overspends_is_taken_back() {
    // ¥100 between two voters who each want a ¥60 project: at ¥60 each both are paid for (¥120), so
    // the count at ¥59 is kept, and it funds nothing.
    let ballots = [approve(&[0]), approve(&[1])];
    let r = equal_shares(&ballots, &[60, 60], 100, Utility::Cost, Some(1));
    assert_eq!((r.funded.len(), r.spent), (0, 0));
    assert_eq!((r.raises, r.share), (9, 59));
}

#[test]
fn abstentions_hold_a_share_and_nothing_is_funded_without_approvals() {
    let r = equal_shares(
        &[abstain(), abstain()],
        &[10, 20],
        100,
        Utility::Cost,
        Some(1),
    );
    assert_eq!(r.funded, Vec::<usize>::new());
    assert_eq!((r.spent, r.abstained), (0, 2));
    let none = equal_shares(&[], &[10], 100, Utility::Cost, Some(1));
    assert_eq!((none.funded.len(), none.share), (0, 0));
    // The abstainer's share stays unspent: ¥30 for two voters pays for a ¥20 project only with the
    // completion (¥15 each at first).
    let ballots = [approve(&[0]), abstain()];
    assert!(
        equal_shares(&ballots, &[20], 30, Utility::Cost, None)
            .funded
            .is_empty()
    );
    assert_eq!(
        equal_shares(&ballots, &[20], 30, Utility::Cost, Some(1)).funded,
        vec![0]
    );
}

/// Options out of range, repeated approvals and zero costs change nothing and never panic.
#[test]
fn malformed_ballots_and_zero_costs_are_harmless() {
    let ballots = [approve(&[0, 0, 7]), approve(&[1, 0])];
    let r = equal_shares(&ballots, &[10, 0], 100, Utility::Cost, Some(1));
    assert_eq!(r.funded, vec![0]);
    assert_eq!(r.totals, vec![2, 1]);
}

/// The count as written by its authors: every voter apart, every option computed in every round.
fn naive(
    approvals: &[Vec<usize>],
    costs: &[u64],
    share: &BigRational,
    utility: Utility,
) -> Vec<usize> {
    let gain = |o: usize| match utility {
        Utility::Cost => BigRational::from_integer(BigInt::from(costs[o])),
        Utility::Approval => BigRational::from_integer(BigInt::from(1)),
    };
    let mut budgets = vec![share.clone(); approvals.len()];
    let mut remaining: Vec<usize> = (0..costs.len()).filter(|o| costs[*o] > 0).collect();
    let mut funded = Vec::new();
    loop {
        let mut best: Option<(BigRational, usize)> = None;
        for &o in &remaining {
            let mut backers: Vec<usize> = (0..approvals.len())
                .filter(|v| approvals[*v].contains(&o))
                .collect();
            let cost = BigRational::from_integer(BigInt::from(costs[o]));
            let have: BigRational = backers.iter().map(|v| budgets[*v].clone()).sum();
            if backers.is_empty() || have < cost {
                continue;
            }
            backers.sort_by(|a, b| budgets[*a].cmp(&budgets[*b]));
            let mut paid = BigRational::zero();
            for (k, v) in backers.iter().enumerate() {
                let left = BigRational::from_integer(BigInt::from(backers.len() - k)) * gain(o);
                let rho = (&cost - &paid) / left;
                if &rho * gain(o) <= budgets[*v] {
                    if best.as_ref().is_none_or(|(b, _)| rho < *b) {
                        best = Some((rho, o));
                    }
                    break;
                }
                paid += budgets[*v].clone();
            }
        }
        let Some((rho, o)) = best else {
            return funded;
        };
        funded.push(o);
        remaining.retain(|r| *r != o);
        let price = rho * gain(o);
        for (v, a) in approvals.iter().enumerate() {
            if a.contains(&o) {
                budgets[v] = if budgets[v] > price {
                    &budgets[v] - &price
                } else {
                    BigRational::zero()
                };
            }
        }
    }
}

fn naive_completed(
    ballots: &[Ballot],
    costs: &[u64],
    budget: u64,
    utility: Utility,
    step: u64,
) -> Vec<usize> {
    let approvals: Vec<Vec<usize>> = ballots
        .iter()
        .map(|b| match &b.choice {
            Choice::Options { options } => options.clone(),
            _ => vec![],
        })
        .collect();
    let mut share = BigRational::new(BigInt::from(budget), BigInt::from(ballots.len()));
    let mut kept = Vec::new();
    loop {
        let funded = naive(&approvals, costs, &share, utility);
        let spent: u64 = funded.iter().map(|o| costs[*o]).sum();
        if spent > budget {
            return kept;
        }
        let supported = |o: usize| costs[o] > 0 && approvals.iter().any(|a| a.contains(&o));
        let exhaustive = (0..costs.len())
            .all(|o| !supported(o) || funded.contains(&o) || spent + costs[o] > budget);
        kept = funded;
        if exhaustive {
            return kept;
        }
        share += BigRational::from_integer(BigInt::from(step));
    }
}

fn profile() -> impl Strategy<Value = (Vec<Ballot>, Vec<u64>, u64)> {
    (2_usize..=7).prop_flat_map(|options| {
        (
            proptest::collection::vec(
                proptest::collection::btree_set(0..options, 0..=options)
                    .prop_map(|s| approve(&s.into_iter().collect::<Vec<_>>())),
                1..=12,
            ),
            proptest::collection::vec(1_u64..=60, options),
            20_u64..=200,
        )
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// The grouped, lazy count funds exactly what the plain one does, in the same order, with and
    /// without the completion, for either utility.
    #[test]
    fn the_fast_count_is_the_plain_count((ballots, costs, budget) in profile(), by_cost in any::<bool>()) {
        let utility = if by_cost { Utility::Cost } else { Utility::Approval };
        let approvals: Vec<Vec<usize>> = ballots.iter().map(|b| match &b.choice {
            Choice::Options { options } => options.clone(),
            _ => vec![],
        }).collect();
        let share = BigRational::new(BigInt::from(budget), BigInt::from(ballots.len()));
        let fast = equal_shares(&ballots, &costs, budget, utility, None);
        prop_assert_eq!(&fast.funded, &naive(&approvals, &costs, &share, utility));
        let completed = equal_shares(&ballots, &costs, budget, utility, Some(1));
        prop_assert_eq!(&completed.funded, &naive_completed(&ballots, &costs, budget, utility, 1));
    }

    /// Whatever the ballots, nothing over the budget is funded, nothing twice, nothing unapproved, and
    /// the order of the ballots does not matter.
    #[test]
    fn no_allocation_exceeds_the_budget((ballots, costs, budget) in profile(), by_cost in any::<bool>()) {
        let utility = if by_cost { Utility::Cost } else { Utility::Approval };
        for increment in [None, Some(1), Some(7)] {
            let r = equal_shares(&ballots, &costs, budget, utility, increment);
            prop_assert!(r.spent <= budget);
            prop_assert_eq!(r.spent, r.funded.iter().map(|o| costs[*o]).sum::<u64>());
            let mut once = r.funded.clone();
            once.sort_unstable();
            once.dedup();
            prop_assert_eq!(once.len(), r.funded.len());
            prop_assert!(r.funded.iter().all(|o| r.totals[*o] > 0));
            let mut reversed = ballots.clone();
            reversed.reverse();
            prop_assert_eq!(equal_shares(&reversed, &costs, budget, utility, increment).funded, r.funded);
        }
    }
}
