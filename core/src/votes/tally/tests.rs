use proptest::prelude::*;

use super::*;

fn ranked(count: usize, ranking: &[usize]) -> Vec<Ballot> {
    (0..count)
        .map(|_| Ballot {
            choice: Choice::Ranking {
                ranking: ranking.to_vec(),
            },
            weight: 1,
        })
        .collect()
}

fn yes_no(yes: usize, no: usize, abstain: usize) -> Vec<Ballot> {
    let one = |choice: Choice| Ballot { choice, weight: 1 };
    std::iter::repeat_n(one(Choice::Yes), yes)
        .chain(std::iter::repeat_n(one(Choice::No), no))
        .chain(std::iter::repeat_n(one(Choice::Abstain), abstain))
        .collect()
}

const MAJORITY: Rules = Rules {
    quorum: Quorum::None,
    threshold: Threshold::SimpleMajority,
    count_abstentions: false,
    double_majority: false,
};

/// The worked example of the Schulze method in Wikipedia's article "Schulze method" (45 voters, five
/// candidates A–E), from M. Schulze, Social Choice and Welfare 36 (2011) 267–303. Expected: the pairwise
/// table and strongest paths printed there, and the order E > A > C > B > D.
#[test]
fn schulze_worked_example() {
    let (a, b, c, d, e) = (0, 1, 2, 3, 4);
    let ballots: Vec<Ballot> = [
        (5, vec![a, c, b, e, d]),
        (5, vec![a, d, e, c, b]),
        (8, vec![b, e, d, a, c]),
        (3, vec![c, a, b, e, d]),
        (7, vec![c, a, e, b, d]),
        (2, vec![c, b, a, d, e]),
        (7, vec![d, c, e, b, a]),
        (8, vec![e, b, a, d, c]),
    ]
    .iter()
    .flat_map(|(n, r)| ranked(*n, r))
    .collect();
    let result = schulze(&ballots, 5);
    assert_eq!(
        result.pairwise,
        vec![
            vec![0, 20, 26, 30, 22],
            vec![25, 0, 16, 33, 18],
            vec![19, 29, 0, 17, 24],
            vec![15, 12, 28, 0, 14],
            vec![23, 27, 21, 31, 0],
        ]
    );
    assert_eq!(
        result.strongest,
        vec![
            vec![0, 28, 28, 30, 24],
            vec![25, 0, 28, 33, 24],
            vec![25, 29, 0, 29, 24],
            vec![25, 28, 28, 0, 24],
            vec![25, 28, 28, 31, 0],
        ]
    );
    assert_eq!(result.order, vec![e, a, c, b, d]);
    assert_eq!(result.winner, Some(e));
}

/// The Tennessee capital example of Wikipedia's "Instant-runoff voting" article: Memphis 42%, Nashville
/// 26%, Chattanooga 15%, Knoxville 17%. Chattanooga and then Nashville are eliminated; Knoxville wins
/// 58 to 42. Schulze elects Nashville, the Condorcet winner (as the article says).
#[test]
fn instant_runoff_worked_example() {
    let (memphis, nashville, chattanooga, knoxville) = (0, 1, 2, 3);
    let ballots: Vec<Ballot> = [
        (42, vec![memphis, nashville, chattanooga, knoxville]),
        (26, vec![nashville, chattanooga, knoxville, memphis]),
        (15, vec![chattanooga, knoxville, nashville, memphis]),
        (17, vec![knoxville, chattanooga, nashville, memphis]),
    ]
    .iter()
    .flat_map(|(n, r)| ranked(*n, r))
    .collect();
    let irv = instant_runoff(&ballots, 4);
    assert_eq!(
        irv.rounds,
        vec![
            vec![42, 26, 15, 17],
            vec![42, 26, 0, 32],
            vec![42, 0, 0, 58],
        ]
    );
    assert_eq!(irv.eliminated, vec![chattanooga, nashville]);
    assert_eq!(irv.winner, Some(knoxville));
    assert!(irv.tie_rounds.is_empty());
    assert_eq!(schulze(&ballots, 4).winner, Some(nashville));
}

#[test]
fn instant_runoff_breaks_a_tie_for_last_by_earlier_rounds_then_ballot_order_and_says_so() {
    // Round 1: A 4, B 3, C 3, D 2 → D out (its 2 go to C). Round 2: A 4, B 3, C 5 → B out.
    let mut ballots = ranked(4, &[0]);
    ballots.extend(ranked(3, &[1, 0]));
    ballots.extend(ranked(3, &[2]));
    ballots.extend(ranked(2, &[3, 2]));
    let irv = instant_runoff(&ballots, 4);
    assert_eq!(irv.eliminated, vec![3, 1]);
    assert_eq!(irv.winner, Some(0), "B's 3 give A 7 of 12");
    // A level first round: B and C both 2; the later-listed goes.
    let mut level = ranked(3, &[0]);
    level.extend(ranked(2, &[1, 0]));
    level.extend(ranked(2, &[2, 1]));
    let irv = instant_runoff(&level, 3);
    assert_eq!(irv.tie_rounds, vec![0]);
    assert_eq!(irv.eliminated[0], 2);
    assert_eq!(irv.winner, Some(1), "C's 2 give B 4 of 7");
}

#[test]
fn instant_runoff_counts_exhausted_ballots_and_abstentions() {
    let mut ballots = ranked(3, &[0]);
    ballots.extend(ranked(2, &[1]));
    ballots.extend(ranked(2, &[2]));
    ballots.push(Ballot {
        choice: Choice::Abstain,
        weight: 1,
    });
    let irv = instant_runoff(&ballots, 3);
    assert_eq!(irv.abstained, 1);
    assert_eq!(irv.exhausted, 2, "C's ballots rank nobody else");
    assert_eq!(irv.winner, Some(0));
    assert_eq!(instant_runoff(&[], 3).winner, None);
}

#[test]
fn simple_majority_counts_abstentions_only_when_told() {
    let ballots = yes_no(3, 2, 5);
    assert_eq!(
        tally_yes_no(&ballots, &MAJORITY, Turnout::of(20, 20)).outcome,
        Outcome::Adopted
    );
    let counted = Rules {
        count_abstentions: true,
        ..MAJORITY
    };
    assert_eq!(
        tally_yes_no(&ballots, &counted, Turnout::of(20, 20)).outcome,
        Outcome::Rejected
    );
    let level = tally_yes_no(&yes_no(2, 2, 0), &MAJORITY, Turnout::of(20, 20));
    assert_eq!((level.outcome, level.tie), (Outcome::Rejected, true));
    assert_eq!(
        tally_yes_no(&yes_no(0, 0, 3), &MAJORITY, Turnout::of(20, 20)).outcome,
        Outcome::Rejected
    );
}

#[test]
fn qualified_and_absolute_majorities() {
    let rules = |threshold| Rules {
        threshold,
        ..MAJORITY
    };
    let outcome = |t, y, n, eligible| {
        tally_yes_no(&yes_no(y, n, 0), &rules(t), Turnout::of(eligible, eligible)).outcome
    };
    assert_eq!(
        outcome(Threshold::TwoThirds, 2, 1, 10),
        Outcome::Adopted,
        "exactly two thirds"
    );
    assert_eq!(outcome(Threshold::TwoThirds, 5, 3, 10), Outcome::Rejected);
    assert_eq!(
        outcome(Threshold::ThreeQuarters, 3, 1, 10),
        Outcome::Adopted
    );
    assert_eq!(
        outcome(Threshold::ThreeQuarters, 5, 2, 10),
        Outcome::Rejected
    );
    assert_eq!(
        outcome(Threshold::AbsoluteMajority, 5, 0, 10),
        Outcome::Rejected,
        "half is not more than half"
    );
    assert_eq!(
        outcome(Threshold::AbsoluteMajority, 6, 0, 10),
        Outcome::Adopted
    );
    assert_eq!(outcome(Threshold::TwoThirds, 0, 0, 10), Outcome::Rejected);
}

#[test]
fn quorum_of_eligible_or_count() {
    let half = Rules {
        quorum: Quorum::PercentOfEligible { percent: 50 },
        ..MAJORITY
    };
    assert_eq!(
        tally_yes_no(&yes_no(4, 0, 0), &half, Turnout::of(10, 10)).outcome,
        Outcome::QuorumNotMet
    );
    assert_eq!(
        tally_yes_no(&yes_no(4, 0, 1), &half, Turnout::of(10, 10)).outcome,
        Outcome::Adopted,
        "abstentions are present"
    );
    let five = Rules {
        quorum: Quorum::Count { ballots: 5 },
        ..MAJORITY
    };
    assert_eq!(
        tally_yes_no(&yes_no(3, 1, 0), &five, Turnout::of(10, 10)).outcome,
        Outcome::QuorumNotMet
    );
}

#[test]
fn quorum_of_those_present() {
    // A council of 20 representatives needs more than half present; 12 are checked in, 9 vote.
    let half_present = Rules {
        quorum: Quorum::PresentPercent { percent: 51 },
        ..MAJORITY
    };
    let in_meeting = |present| Turnout {
        present: Some(present),
        ..Turnout::of(20, 20)
    };
    assert_eq!(
        tally_yes_no(&yes_no(6, 3, 0), &half_present, in_meeting(12)).outcome,
        Outcome::Adopted,
        "those present who do not vote still count for the quorum"
    );
    assert_eq!(
        tally_yes_no(&yes_no(6, 3, 0), &half_present, in_meeting(10)).outcome,
        Outcome::QuorumNotMet
    );
    let ten_present = Rules {
        quorum: Quorum::PresentCount { present: 10 },
        ..MAJORITY
    };
    assert_eq!(
        tally_yes_no(&yes_no(6, 3, 0), &ten_present, in_meeting(10)).outcome,
        Outcome::Adopted
    );
    // Outside a meeting, those present are those who took part.
    assert_eq!(
        tally_yes_no(&yes_no(6, 3, 0), &ten_present, Turnout::of(20, 20)).outcome,
        Outcome::QuorumNotMet
    );
    assert_eq!(
        tally_yes_no(&yes_no(6, 3, 1), &ten_present, Turnout::of(20, 20)).outcome,
        Outcome::Adopted
    );
}

#[test]
fn a_double_majority_needs_heads_and_weight() {
    let double = Rules {
        double_majority: true,
        ..MAJORITY
    };
    // Three 60 m² flats say yes, two 140 m² ones no (weights in 0.01 m²): a majority of heads, not of area.
    let mut ballots = yes_no(3, 2, 0);
    for (b, area) in ballots
        .iter_mut()
        .zip([6_000, 6_000, 6_000, 14_000, 14_000])
    {
        b.weight = area;
    }
    let r = tally_yes_no(&ballots, &double, Turnout::of(5, 46_000));
    assert_eq!(r.outcome, Outcome::Rejected);
    assert_eq!((r.count.yes_weight, r.count.no_weight), (18_000, 28_000));
    assert_eq!(
        tally_yes_no(&ballots, &MAJORITY, Turnout::of(5, 46_000)).outcome,
        Outcome::Adopted
    );
}

#[test]
fn choices_are_checked_and_made_canonical() {
    let multiple = Method::Multiple {
        min: 1,
        max: 2,
        seats: 1,
    };
    assert_eq!(
        multiple.check_choice(
            4,
            Choice::Options {
                options: vec![3, 1]
            }
        ),
        Ok(Choice::Options {
            options: vec![1, 3]
        })
    );
    for bad in [vec![], vec![1, 1], vec![0, 1, 2], vec![4]] {
        assert!(
            multiple
                .check_choice(
                    4,
                    Choice::Options {
                        options: bad.clone()
                    }
                )
                .is_err(),
            "{bad:?}"
        );
    }
    assert!(Method::YesNo.check_choice(0, Choice::Yes).is_ok());
    assert!(
        Method::YesNo
            .check_choice(0, Choice::Options { options: vec![0] })
            .is_err()
    );
    assert_eq!(
        Method::YesNo.check_choice(0, Choice::Abstain),
        Ok(Choice::Abstain)
    );
    let score = Method::Score { max: 5 };
    assert!(
        score
            .check_choice(
                3,
                Choice::Scores {
                    scores: vec![5, 0, 3]
                }
            )
            .is_ok()
    );
    assert!(
        score
            .check_choice(
                3,
                Choice::Scores {
                    scores: vec![6, 0, 3]
                }
            )
            .is_err()
    );
    assert!(
        score
            .check_choice(3, Choice::Scores { scores: vec![1, 2] })
            .is_err()
    );
    let ranked = Method::Ranked {
        rule: RankedRule::Schulze,
    };
    assert!(
        ranked
            .check_choice(
                3,
                Choice::Ranking {
                    ranking: vec![2, 0]
                }
            )
            .is_ok()
    );
    assert!(
        ranked
            .check_choice(
                3,
                Choice::Ranking {
                    ranking: vec![2, 2]
                }
            )
            .is_err()
    );
    let knapsack = Method::Knapsack {
        budget: 100,
        costs: vec![60, 50, 40],
    };
    assert_eq!(
        knapsack.check_choice(
            3,
            Choice::Options {
                options: vec![0, 1]
            }
        ),
        Err(DomainError::OverBudget)
    );
    assert!(
        knapsack
            .check_choice(
                3,
                Choice::Options {
                    options: vec![0, 2]
                }
            )
            .is_ok()
    );
    assert!(Method::Single { seats: 1 }.validate(3).is_ok());
    assert!(Method::Single { seats: 3 }.validate(3).is_err());
    assert!(
        Method::Multiple {
            min: 3,
            max: 2,
            seats: 1
        }
        .validate(4)
        .is_err()
    );
    assert!(
        Method::ApprovalBudget {
            budget: 10,
            costs: vec![1]
        }
        .validate(2)
        .is_err()
    );
}

#[test]
fn the_most_chosen_options_win_and_ties_are_reported() {
    let ballot = |o: &[usize]| Ballot {
        choice: Choice::Options {
            options: o.to_vec(),
        },
        weight: 1,
    };
    let ballots = vec![ballot(&[0, 1]), ballot(&[1, 2]), ballot(&[1]), ballot(&[2])];
    let r = tally_choices(&ballots, 3, 1, TieBreak::NoWinner);
    assert_eq!(
        (r.totals.clone(), r.winners.clone()),
        (vec![1, 3, 2], vec![1])
    );
    assert!(r.tied.is_empty());
    let two = tally_choices(&ballots, 3, 2, TieBreak::NoWinner);
    assert_eq!(two.winners, vec![1, 2]);
    // A tie for the only seat: no winner by default, the first listed by ballot order.
    let level = vec![
        ballot(&[0]),
        ballot(&[2]),
        Ballot {
            choice: Choice::Abstain,
            weight: 1,
        },
    ];
    let open = tally_choices(&level, 3, 1, TieBreak::NoWinner);
    assert_eq!(
        (open.winners.clone(), open.tied.clone(), open.abstained),
        (vec![], vec![0, 2], 1)
    );
    assert_eq!(
        tally_choices(&level, 3, 1, TieBreak::BallotOrder).winners,
        vec![0]
    );
}

#[test]
fn scores_add_up() {
    let ballot = |s: &[u8]| Ballot {
        choice: Choice::Scores { scores: s.to_vec() },
        weight: 1,
    };
    let r = tally_scores(
        &[ballot(&[5, 3, 0]), ballot(&[0, 4, 5]), ballot(&[2, 4, 1])],
        3,
        TieBreak::NoWinner,
    );
    assert_eq!(r.totals, vec![7, 11, 6]);
    assert_eq!(r.winners, vec![1]);
}

#[test]
fn a_budget_funds_the_most_approved_that_fit() {
    let ballot = |o: &[usize]| Ballot {
        choice: Choice::Options {
            options: o.to_vec(),
        },
        weight: 1,
    };
    // Approvals: 0 → 3, 1 → 2, 2 → 2, 3 → 1. Costs 50, 60, 30, 20; budget 100.
    let ballots = vec![ballot(&[0, 1]), ballot(&[0, 2]), ballot(&[0, 1, 2, 3])];
    let a = allocate_budget(&ballots, &[50, 60, 30, 20], 100);
    assert_eq!(a.totals, vec![3, 2, 2, 1]);
    assert_eq!(
        a.funded,
        vec![0, 2, 3],
        "1 does not fit after 0; 2 and 3 do"
    );
    assert_eq!(a.spent, 100);
    assert_eq!(a.ties, vec![(1, 2)]);
}

/// Yes and no are level, or not, whatever the abstentions and the threshold: with abstentions in the
/// base, one yes, one no and one abstention are a tie, and one yes with one abstention is not (yes is
/// half of that base, but nobody said no).
#[test]
fn a_tie_is_as_many_yes_as_no_whatever_else_counts() {
    let counted = Rules {
        count_abstentions: true,
        ..MAJORITY
    };
    let level = tally_yes_no(&yes_no(1, 1, 1), &counted, Turnout::of(20, 20));
    assert_eq!((level.outcome, level.tie), (Outcome::Rejected, true));
    let half = tally_yes_no(&yes_no(1, 0, 1), &counted, Turnout::of(20, 20));
    assert_eq!((half.outcome, half.tie), (Outcome::Rejected, false));
    let also_half = tally_yes_no(&yes_no(2, 1, 1), &counted, Turnout::of(20, 20));
    assert!(!also_half.tie, "two yes against one no");
    for threshold in [
        Threshold::SimpleMajority,
        Threshold::AbsoluteMajority,
        Threshold::TwoThirds,
        Threshold::ThreeQuarters,
    ] {
        let rules = Rules {
            threshold,
            ..MAJORITY
        };
        let r = tally_yes_no(&yes_no(3, 3, 2), &rules, Turnout::of(20, 20));
        assert_eq!(
            (r.outcome, r.tie),
            (Outcome::Rejected, true),
            "{threshold:?}"
        );
    }
    // Nobody said yes or no: nothing is level.
    assert!(!tally_yes_no(&yes_no(0, 0, 3), &counted, Turnout::of(20, 20)).tie);
    // A tie without the quorum is still said.
    let few = Rules {
        quorum: Quorum::Count { ballots: 10 },
        ..MAJORITY
    };
    let r = tally_yes_no(&yes_no(2, 2, 0), &few, Turnout::of(20, 20));
    assert_eq!((r.outcome, r.tie), (Outcome::QuorumNotMet, true));
}

/// A cost that wraps a 64-bit sum around: 60 + (2⁶⁴ − 50) used to add up to 10, within a budget of 100,
/// so a knapsack ballot for both was accepted and both were funded.
#[test]
fn costs_that_would_wrap_around_are_refused_and_never_funded() {
    let costs = vec![60, u64::MAX - 49];
    for method in [
        Method::Knapsack {
            budget: 100,
            costs: costs.clone(),
        },
        Method::ApprovalBudget {
            budget: 100,
            costs: costs.clone(),
        },
    ] {
        assert_eq!(
            method.validate(2),
            Err(DomainError::OutOfRange {
                field: Field::Costs,
                min: 1,
                max: 100
            })
        );
    }
    // A vote stored before the bounds: the ballot is over budget, and the count funds what fits.
    let both = Choice::Options {
        options: vec![0, 1],
    };
    let knapsack = Method::Knapsack {
        budget: 100,
        costs: costs.clone(),
    };
    assert_eq!(
        knapsack.check_choice(2, both.clone()),
        Err(DomainError::OverBudget)
    );
    let a = allocate_budget(
        &[Ballot {
            choice: both,
            weight: 1,
        }],
        &costs,
        100,
    );
    assert_eq!((a.funded, a.spent), (vec![0], 60));
}

#[test]
fn budgets_and_costs_are_bounded() {
    let method = |budget: u64, costs: &[u64]| Method::Knapsack {
        budget,
        costs: costs.to_vec(),
    };
    let budget_out = Err(DomainError::OutOfRange {
        field: Field::Budget,
        min: 1,
        max: MONEY_MAX,
    });
    let max = u64::from(MONEY_MAX);
    for budget in [0, max + 1, u64::MAX - 1, u64::MAX] {
        assert_eq!(method(budget, &[1, 1]).validate(2), budget_out, "{budget}");
    }
    assert_eq!(method(1, &[1, 1]).validate(2), Ok(()));
    assert_eq!(method(max, &[max, max - 1]).validate(2), Ok(()));
    for cost in [0, 101, max, u64::MAX] {
        assert_eq!(
            method(100, &[1, cost]).validate(2),
            Err(DomainError::OutOfRange {
                field: Field::Costs,
                min: 1,
                max: 100
            }),
            "{cost}"
        );
    }
    assert_eq!(method(100, &[100, 99]).validate(2), Ok(()));
    // The shape is checked first: a cost per option.
    assert_eq!(
        method(u64::MAX, &[1]).validate(2),
        Err(DomainError::Invalid {
            field: Field::Choice
        })
    );
}

#[test]
fn a_quorum_is_one_that_can_be_met() {
    let out = |max| {
        Err(DomainError::OutOfRange {
            field: Field::Quorum,
            min: 1,
            max,
        })
    };
    assert_eq!(Quorum::None.check(), Ok(()));
    for percent in [0, 101, 254, 255] {
        assert_eq!(Quorum::PercentOfEligible { percent }.check(), out(100));
        assert_eq!(Quorum::PresentPercent { percent }.check(), out(100));
    }
    for percent in [1, 2, 99, 100] {
        assert_eq!(Quorum::PercentOfEligible { percent }.check(), Ok(()));
        assert_eq!(Quorum::PresentPercent { percent }.check(), Ok(()));
    }
    let max = u64::from(QUORUM_COUNT_MAX);
    for n in [0, max + 1, u64::MAX - 1, u64::MAX] {
        assert_eq!(Quorum::Count { ballots: n }.check(), out(QUORUM_COUNT_MAX));
        assert_eq!(
            Quorum::PresentCount { present: n }.check(),
            out(QUORUM_COUNT_MAX)
        );
    }
    for n in [1, 2, max - 1, max] {
        assert_eq!(Quorum::Count { ballots: n }.check(), Ok(()));
        assert_eq!(Quorum::PresentCount { present: n }.check(), Ok(()));
    }
}

/// Numbers at the edges of a bound `max` and of 64 bits: 0, 1, `max` and its neighbours, the top and the
/// one below it, and now and then anything.
fn edge(max: u64) -> impl Strategy<Value = u64> {
    prop_oneof![
        Just(0),
        Just(1),
        Just(max - 1),
        Just(max),
        Just(max + 1),
        Just(u64::MAX - 1),
        Just(u64::MAX),
        any::<u64>(),
    ]
}

fn choice_strategy() -> impl Strategy<Value = Choice> {
    prop_oneof![Just(Choice::Yes), Just(Choice::No), Just(Choice::Abstain)]
}

fn ranking_strategy(options: usize) -> impl Strategy<Value = Choice> {
    Just((0..options).collect::<Vec<usize>>())
        .prop_shuffle()
        .prop_flat_map(move |order| {
            (1..=options).prop_map(move |n| Choice::Ranking {
                ranking: order[..n].to_vec(),
            })
        })
}

proptest! {
    #[test]
    fn a_yes_no_count_does_not_depend_on_ballot_order(
        choices in prop::collection::vec(choice_strategy(), 0..60),
        weights in prop::collection::vec(1_u64..500, 60),
        shuffle in any::<prop::sample::Index>(),
    ) {
        let ballots: Vec<Ballot> = choices.into_iter().zip(weights).map(|(choice, weight)| Ballot { choice, weight }).collect();
        let mut turned = ballots.clone();
        if !turned.is_empty() {
            let k = shuffle.index(turned.len());
            turned.rotate_left(k);
            turned.reverse();
        }
        let rules = Rules { double_majority: true, quorum: Quorum::PercentOfEligible { percent: 30 }, ..MAJORITY };
        prop_assert_eq!(tally_yes_no(&ballots, &rules, Turnout::of(80, 20_000)), tally_yes_no(&turned, &rules, Turnout::of(80, 20_000)));
    }

    #[test]
    fn an_abstention_never_changes_the_outcome_when_abstentions_do_not_count(
        choices in prop::collection::vec(choice_strategy(), 0..60),
        extra in 1_usize..10,
        threshold in prop_oneof![Just(Threshold::SimpleMajority), Just(Threshold::TwoThirds), Just(Threshold::ThreeQuarters)],
    ) {
        let ballots: Vec<Ballot> = choices.into_iter().map(|choice| Ballot { choice, weight: 1 }).collect();
        let rules = Rules { threshold, ..MAJORITY };
        let mut more = ballots.clone();
        more.extend(yes_no(0, 0, extra));
        prop_assert_eq!(
            tally_yes_no(&ballots, &rules, Turnout::of(100, 100)).outcome,
            tally_yes_no(&more, &rules, Turnout::of(100, 100)).outcome
        );
    }

    #[test]
    fn ranked_counts_do_not_depend_on_ballot_order(
        choices in prop::collection::vec(ranking_strategy(4), 1..40),
    ) {
        let ballots: Vec<Ballot> = choices.into_iter().map(|choice| Ballot { choice, weight: 1 }).collect();
        let mut reversed = ballots.clone();
        reversed.reverse();
        prop_assert_eq!(instant_runoff(&ballots, 4), instant_runoff(&reversed, 4));
        prop_assert_eq!(schulze(&ballots, 4), schulze(&reversed, 4));
    }

    #[test]
    fn a_budget_is_never_overspent(
        approvals in prop::collection::vec(prop::collection::btree_set(0_usize..6, 1..6), 0..30),
        costs in prop::collection::vec(1_u64..100, 6),
        budget in 1_u64..300,
    ) {
        let ballots: Vec<Ballot> = approvals
            .into_iter()
            .map(|set| Ballot { choice: Choice::Options { options: set.into_iter().collect() }, weight: 1 })
            .collect();
        let a = allocate_budget(&ballots, &costs, budget);
        prop_assert!(a.spent <= budget);
        prop_assert_eq!(a.spent, a.funded.iter().map(|o| costs[*o]).sum::<u64>());
        // Nothing left out would still fit, unless nobody approved it.
        for (o, cost) in costs.iter().enumerate() {
            if !a.funded.contains(&o) && a.totals[o] > 0 {
                prop_assert!(a.spent + cost > budget, "option {o} would still fit");
            }
        }
    }

    /// At the edges of 64 bits, a budget is never overspent, a knapsack ballot accepted fits its budget,
    /// and a budget vote is created only with a budget and costs within their bounds.
    #[test]
    fn budgets_at_the_extremes_are_never_overspent(
        approvals in prop::collection::vec(prop::collection::btree_set(0_usize..4, 1..4), 0..12),
        costs in prop::collection::vec(edge(u64::from(MONEY_MAX)), 4),
        budget in edge(u64::from(MONEY_MAX)),
    ) {
        let ballots: Vec<Ballot> = approvals
            .iter()
            .map(|set| Ballot { choice: Choice::Options { options: set.iter().copied().collect() }, weight: 1 })
            .collect();
        let a = allocate_budget(&ballots, &costs, budget);
        prop_assert!(a.spent <= budget);
        let funded: u128 = a.funded.iter().map(|o| u128::from(costs[*o])).sum();
        prop_assert_eq!(u128::from(a.spent), funded);
        let knapsack = Method::Knapsack { budget, costs: costs.clone() };
        for set in &approvals {
            let options: Vec<usize> = set.iter().copied().collect();
            if knapsack.check_choice(4, Choice::Options { options: options.clone() }).is_ok() {
                let total: u128 = options.iter().map(|o| u128::from(costs[*o])).sum();
                prop_assert!(total <= u128::from(budget), "{options:?} accepted over budget");
            }
        }
        let within = (1..=u64::from(MONEY_MAX)).contains(&budget)
            && costs.iter().all(|c| (1..=budget).contains(c));
        prop_assert_eq!(knapsack.validate(4).is_ok(), within);
    }

    /// Weights and electorates at the edges of 64 bits: the count neither panics nor wraps, a tie is
    /// exactly as many yes as no, and no tie is adopted.
    #[test]
    fn a_yes_no_count_at_the_extremes_never_wraps(
        choices in prop::collection::vec(choice_strategy(), 0..8),
        weights in prop::collection::vec(edge(u64::from(u32::MAX)), 8),
        eligible in edge(1_000),
        eligible_weight in edge(u64::from(u32::MAX)),
        percent in 0_u8..=255,
        threshold in prop_oneof![
            Just(Threshold::SimpleMajority),
            Just(Threshold::AbsoluteMajority),
            Just(Threshold::TwoThirds),
            Just(Threshold::ThreeQuarters),
        ],
        count_abstentions in any::<bool>(),
        double_majority in any::<bool>(),
    ) {
        let ballots: Vec<Ballot> = choices.into_iter().zip(weights.iter().copied()).map(|(choice, weight)| Ballot { choice, weight }).collect();
        let rules = Rules {
            quorum: Quorum::PercentOfEligible { percent },
            threshold,
            count_abstentions,
            double_majority,
        };
        // The electorate holds at least those who voted.
        let eligible = eligible.max(ballots.len() as u64);
        let r = tally_yes_no(&ballots, &rules, Turnout::of(eligible, eligible_weight));
        let c = r.count;
        prop_assert_eq!(c.yes + c.no + c.abstain, ballots.len() as u64);
        let weight_of = |want: fn(&Choice) -> bool| {
            ballots.iter().filter(|b| want(&b.choice)).map(|b| u128::from(b.weight)).sum::<u128>()
        };
        let saturated = |sum: u128| u64::try_from(sum).unwrap_or(u64::MAX);
        prop_assert_eq!(c.yes_weight, saturated(weight_of(|ch| *ch == Choice::Yes)));
        prop_assert_eq!(c.no_weight, saturated(weight_of(|ch| *ch == Choice::No)));
        prop_assert_eq!(r.tie, c.yes == c.no && c.yes > 0);
        if r.tie {
            prop_assert_ne!(r.outcome, Outcome::Adopted);
        }
    }
}

/// An equal-shares vote is set up like an approval budget, takes any non-empty approval (what is over
/// the budget is the count's business, not the voter's), and counts by equal shares.
#[test]
fn equal_shares_votes_are_checked_like_approval_budgets() {
    let method = Method::EqualShares {
        budget: 90,
        costs: vec![30, 30, 30, 30],
    };
    assert_eq!(method.validate(4), Ok(()));
    assert!(
        Method::EqualShares {
            budget: 90,
            costs: vec![30, 91],
        }
        .validate(2)
        .is_err()
    );
    assert!(
        Method::EqualShares {
            budget: 0,
            costs: vec![30, 30],
        }
        .validate(2)
        .is_err()
    );
    let all = Choice::Options {
        options: vec![0, 1, 2, 3],
    };
    assert_eq!(method.check_choice(4, all.clone()), Ok(all));
    assert!(
        method
            .check_choice(4, Choice::Options { options: vec![] })
            .is_err()
    );
    assert!(
        method
            .check_choice(4, Choice::Options { options: vec![4] })
            .is_err()
    );
    let ballot = |options: Vec<usize>| Ballot {
        choice: Choice::Options { options },
        weight: 1,
    };
    let ballots = [
        ballot(vec![0, 1, 2]),
        ballot(vec![0, 1, 2]),
        ballot(vec![3]),
    ];
    let settings_like = crate::votes::equal_shares(
        &ballots,
        &[30, 30, 30, 30],
        90,
        crate::votes::Utility::Cost,
        Some(1),
    );
    assert_eq!(settings_like.funded, vec![0, 1, 3]);
    assert_eq!(
        allocate_budget(&ballots, &[30, 30, 30, 30], 90).funded,
        vec![0, 1, 2]
    );
}
