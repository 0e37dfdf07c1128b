use chrono::{DateTime, Duration, TimeZone, Utc};
use proptest::prelude::*;

use super::*;
use crate::error::{DomainError, DomainResult, Field};

fn day(d: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2027, 3, 1, 0, 0, 0)
        .single()
        .unwrap_or_default()
        + Duration::days(d)
}

/// Needs for a month, then two weeks for each later phase.
fn full_round() -> Schedule {
    let mut end = 30;
    let phases = Phase::ALL
        .iter()
        .map(|&phase| {
            let p = PhaseEnd {
                phase,
                ends_at: day(end),
            };
            end += 14;
            p
        })
        .collect();
    match Schedule::new(day(0), phases) {
        Ok(s) => s,
        Err(e) => panic!("a whole round: {e}"),
    }
}

#[test]
fn phases_run_in_order_from_the_start_without_gaps() {
    let round = full_round();
    assert_eq!(round.standing(day(-1)), Standing::Upcoming);
    assert_eq!(round.standing(day(0)), Standing::In(Phase::Needs));
    assert_eq!(round.standing(day(29)), Standing::In(Phase::Needs));
    // A phase ends at its end and the next starts at that moment.
    assert_eq!(round.standing(day(30)), Standing::In(Phase::Shortlist));
    assert_eq!(round.span(Phase::Shortlist), Some((day(30), day(44))));
    assert_eq!(round.standing(day(30 + 14 * 7)), Standing::Over);
    for w in Phase::ALL.windows(2) {
        assert_eq!(
            round.span(w[0]).map(|s| s.1),
            round.span(w[1]).map(|s| s.0),
            "{:?} ends where {:?} starts",
            w[0],
            w[1]
        );
    }
}

#[test]
fn a_district_skips_phases_but_never_plans_vote_or_implementation() -> DomainResult<()> {
    let short = Schedule::new(
        day(0),
        vec![
            PhaseEnd {
                phase: Phase::Plans,
                ends_at: day(10),
            },
            PhaseEnd {
                phase: Phase::Vote,
                ends_at: day(17),
            },
            PhaseEnd {
                phase: Phase::Implementation,
                ends_at: day(120),
            },
        ],
    )?;
    assert!(!short.uses(Phase::Needs));
    assert_eq!(short.span(Phase::Needs), None);
    assert_eq!(short.standing(day(0)), Standing::In(Phase::Plans));
    // Posting needs belongs to a phase this round skips: never allowed.
    assert_eq!(
        short.allows(Act::PostNeed, day(1)),
        Err(DomainError::PhaseClosed)
    );
    for required in Phase::REQUIRED {
        let without: Vec<PhaseEnd> = full_round()
            .phases()
            .iter()
            .copied()
            .filter(|p| p.phase != required)
            .collect();
        assert_eq!(
            Schedule::new(day(0), without),
            Err(DomainError::Invalid {
                field: Field::Dates
            }),
            "{required:?} skipped"
        );
    }
    Ok(())
}

#[test]
fn phases_out_of_order_repeated_empty_or_too_long_are_refused() {
    let bad = |phases: Vec<(Phase, i64)>| {
        Schedule::new(
            day(0),
            phases
                .into_iter()
                .map(|(phase, d)| PhaseEnd {
                    phase,
                    ends_at: day(d),
                })
                .collect(),
        )
    };
    let invalid = Err(DomainError::Invalid {
        field: Field::Dates,
    });
    use Phase::*;
    // Out of order, repeated, an end before its start, an empty phase, more than three years.
    assert_eq!(
        bad(vec![(Vote, 5), (Plans, 10), (Implementation, 20)]),
        invalid
    );
    assert_eq!(
        bad(vec![
            (Plans, 5),
            (Plans, 8),
            (Vote, 10),
            (Implementation, 20)
        ]),
        invalid
    );
    assert_eq!(
        bad(vec![(Plans, 5), (Vote, 3), (Implementation, 20)]),
        invalid
    );
    assert_eq!(
        bad(vec![(Plans, 5), (Vote, 5), (Implementation, 20)]),
        invalid
    );
    assert_eq!(
        bad(vec![(Plans, 0), (Vote, 5), (Implementation, 20)]),
        invalid
    );
    assert_eq!(
        bad(vec![(Plans, 5), (Vote, 10), (Implementation, 3 * 366)]),
        invalid
    );
    assert!(bad(vec![(Plans, 5), (Vote, 10), (Implementation, 3 * 366 - 1)]).is_ok());
}

#[test]
fn a_new_round_starts_within_a_year_before_or_two_after_today() {
    let round = full_round();
    assert_eq!(round.starts_near(day(0)), Ok(()));
    assert_eq!(round.starts_near(day(366)), Ok(()));
    assert!(round.starts_near(day(367)).is_err());
    assert_eq!(round.starts_near(day(-2 * 366)), Ok(()));
    assert!(round.starts_near(day(-2 * 366 - 1)).is_err());
}

#[test]
fn moving_an_end_moves_the_next_start_and_nothing_else() -> DomainResult<()> {
    let round = full_round();
    let later = round.move_end(Phase::Needs, day(35), day(10))?;
    assert_eq!(later.span(Phase::Needs), Some((day(0), day(35))));
    assert_eq!(later.span(Phase::Shortlist), Some((day(35), day(44))));
    assert_eq!(later.span(Phase::Plans), round.span(Phase::Plans));
    // Shortened, too, as long as it has not passed.
    let sooner = round.move_end(Phase::Needs, day(20), day(10))?;
    assert_eq!(sooner.span(Phase::Shortlist), Some((day(20), day(44))));
    // Not past the next phase's end, not into the past, not for a phase that has ended.
    assert!(round.move_end(Phase::Needs, day(44), day(10)).is_err());
    assert!(round.move_end(Phase::Needs, day(9), day(10)).is_err());
    assert_eq!(
        round.move_end(Phase::Needs, day(40), day(31)),
        Err(DomainError::PhaseClosed)
    );
    // A phase the round skips has no end to move.
    let short = Schedule::new(
        day(0),
        round
            .phases()
            .iter()
            .copied()
            .filter(|p| p.phase != Phase::Needs)
            .collect(),
    )?;
    assert!(short.move_end(Phase::Needs, day(20), day(1)).is_err());
    Ok(())
}

#[test]
fn each_act_belongs_to_its_phases() {
    let round = full_round();
    let in_phase = |phase| round.span(phase).map(|s| s.0).unwrap_or_default();
    // A vote before the plans phase is over, or after the vote, is refused.
    assert_eq!(
        round.allows(Act::Vote, in_phase(Phase::Plans)),
        Err(DomainError::PhaseClosed)
    );
    assert_eq!(round.allows(Act::Vote, in_phase(Phase::Vote)), Ok(()));
    assert_eq!(
        round.allows(Act::Vote, in_phase(Phase::Implementation)),
        Err(DomainError::PhaseClosed)
    );
    // Results are published once the vote has ended, never during it.
    assert!(
        round
            .allows(Act::PublishResult, in_phase(Phase::Vote))
            .is_err()
    );
    assert!(
        round
            .allows(Act::PublishResult, in_phase(Phase::Implementation))
            .is_ok()
    );
    // Receipts may still come in during the evaluation, not after it.
    assert!(
        round
            .allows(Act::RecordProgress, in_phase(Phase::Evaluation))
            .is_ok()
    );
    assert!(
        round
            .allows(Act::RecordProgress, in_phase(Phase::Feedback))
            .is_err()
    );
    // Before the start nothing; after the end only upkeep and publishing.
    assert!(round.allows(Act::PostNeed, day(-1)).is_err());
    let after = day(400);
    assert_eq!(round.standing(after), Standing::Over);
    assert!(round.allows(Act::Upkeep, after).is_ok());
    assert!(round.allows(Act::Rate, after).is_err());
    for phase in Phase::ALL {
        for act in [
            Act::PostNeed,
            Act::SupportNeed,
            Act::Shortlist,
            Act::MergeNeed,
            Act::DraftPlan,
            Act::ReviewPlan,
            Act::Vote,
            Act::PublishResult,
            Act::RecordProgress,
            Act::Accept,
            Act::Rate,
            Act::Report,
            Act::Upkeep,
        ] {
            assert_eq!(
                round.allows(act, in_phase(phase)).is_ok(),
                act.phases().contains(&phase),
                "{act:?} in {phase:?}"
            );
        }
    }
}

#[test]
fn phase_names_round_trip() {
    for p in Phase::ALL {
        assert_eq!(Phase::parse(p.as_str()), Some(p));
    }
    assert_eq!(Phase::parse("voting"), None);
    // An allocation's stored name is its name on the wire.
    for a in Allocation::ALL {
        assert_eq!(Allocation::parse(a.as_str()), Some(a));
        assert_eq!(serde_json::to_value(a).ok(), Some(a.as_str().into()));
    }
}

fn line(item: &str, quantity: u32, unit_price: u64) -> CostLine {
    CostLine {
        item: item.into(),
        quantity,
        measure: "个".into(),
        unit_price: Fen(unit_price),
    }
}

#[test]
fn a_plan_costs_its_lines_less_what_residents_pay_themselves() -> DomainResult<()> {
    // 6 benches at ¥850.00, 20 m² of paving at ¥125.50, one day of labour at ¥300.
    let (lines, costs) = cost_plan(
        vec![
            line("休闲座椅", 6, 85_000),
            line(" 透水砖 ", 20, 12_550),
            line("人工", 1, 30_000),
        ],
        Fen(50_000),
        Fen(1_000_000),
    )?;
    assert_eq!(lines[1].item, "透水砖");
    assert_eq!(costs.total, Fen(510_000 + 251_000 + 30_000));
    assert_eq!(costs.requested, Fen(791_000 - 50_000));
    assert_eq!(costs.total.yuan_and_fen(), (7910, 0));
    Ok(())
}

#[test]
fn absurd_costs_are_refused_with_the_field_to_fix() {
    let cap = Fen(1_000_000);
    let plan = |lines, own| cost_plan(lines, Fen(own), cap).map(|(_, c)| c);
    assert_eq!(
        plan(vec![], 0),
        Err(DomainError::Required {
            field: Field::Costs
        })
    );
    assert!(matches!(
        plan(vec![line("座椅", 0, 100)], 0),
        Err(DomainError::OutOfRange {
            field: Field::Quantity,
            ..
        })
    ));
    assert_eq!(
        plan(vec![line("座椅", 1, 0)], 0),
        Err(DomainError::Invalid {
            field: Field::UnitPrice
        })
    );
    // A line whose total passes the largest amount, and lines whose sum does.
    assert_eq!(
        plan(vec![line("座椅", QUANTITY_MAX, FEN_MAX)], 0),
        Err(DomainError::Invalid {
            field: Field::UnitPrice
        })
    );
    assert_eq!(
        plan(vec![line("甲", 1, FEN_MAX), line("乙", 1, 1)], 0),
        Err(DomainError::Invalid {
            field: Field::Costs
        })
    );
    assert!(matches!(
        plan(vec![line("", 1, 100)], 0),
        Err(DomainError::Required { field: Field::Item })
    ));
    // More self-financing than the total, or all of it: nothing to ask the budget for.
    assert_eq!(
        plan(vec![line("座椅", 1, 100)], 101),
        Err(DomainError::Invalid {
            field: Field::SelfFinancing
        })
    );
    assert_eq!(
        plan(vec![line("座椅", 1, 100)], 100),
        Err(DomainError::Invalid {
            field: Field::SelfFinancing
        })
    );
    // Over the cap by one fen, and within it once residents pay that fen.
    assert_eq!(
        plan(vec![line("座椅", 2, 500_000), line("螺丝", 1, 1)], 0),
        Err(DomainError::OverCap { cap_fen: 1_000_000 })
    );
    assert!(plan(vec![line("座椅", 2, 500_000), line("螺丝", 1, 1)], 1).is_ok());
    assert!(matches!(
        plan((0..=LINES_MAX).map(|_| line("座椅", 1, 1)).collect(), 0),
        Err(DomainError::OutOfRange {
            field: Field::Costs,
            ..
        })
    ));
}

#[test]
fn a_budget_holds_its_cap() {
    assert!(check_budget(Fen(10_000_000), Fen(2_000_000)).is_ok());
    assert_eq!(
        check_budget(Fen(10_000_000), Fen(10_000_001)),
        Err(DomainError::Invalid { field: Field::Cap })
    );
    assert_eq!(
        check_budget(Fen(0), Fen(0)),
        Err(DomainError::Invalid {
            field: Field::Budget
        })
    );
    assert!(check_budget(Fen(FEN_MAX + 1), Fen(1)).is_err());
}

#[test]
fn spending_stops_at_the_funded_amount_until_the_council_adds_to_it() -> DomainResult<()> {
    let account = Account {
        funded: Fen(100_000),
        ..Account::default()
    };
    let account = account.spend(Fen(60_000))?;
    assert_eq!(account.left(), Fen(40_000));
    assert_eq!(
        account.spend(Fen(40_001)),
        Err(DomainError::OverFunding { left_fen: 40_000 })
    );
    assert_eq!(
        account.spend(Fen(0)),
        Err(DomainError::Invalid {
            field: Field::Amount
        })
    );
    let account = account.add_funds(Fen(5_000))?;
    let account = account.spend(Fen(45_000))?;
    assert_eq!(account.left(), Fen(0));
    assert!(account.spend(Fen(1)).is_err());
    Ok(())
}

#[test]
fn progress_counts_the_weight_done() {
    let m = |weight, done| Milestone {
        title: "节点".into(),
        weight,
        done,
    };
    assert_eq!(progress(&[]), 0);
    assert_eq!(progress(&[m(1, false), m(3, true)]), 75);
    // Rounded down: 100 only when all is done.
    assert_eq!(progress(&[m(1, true), m(100, true), m(1, false)]), 99);
    assert_eq!(progress(&[m(1, true), m(2, true)]), 100);
    assert!(matches!(
        check_milestones(vec![m(0, false)]),
        Err(DomainError::OutOfRange {
            field: Field::Weight,
            ..
        })
    ));
    assert!(check_milestones(vec![]).is_err());
    assert!(check_milestones((0..=MILESTONES_MAX).map(|_| m(1, false)).collect()).is_err());
}

proptest! {
    /// Whatever entries and additions are tried, in any order, what is spent never passes the funded
    /// amount and the additions, and every refused entry leaves the account as it was.
    #[test]
    fn spending_never_exceeds_funding(
        funded in 0_u64..=FEN_MAX,
        steps in proptest::collection::vec((any::<bool>(), 0_u64..=FEN_MAX / 4), 0..40),
    ) {
        let mut account = Account { funded: Fen(funded), ..Account::default() };
        for (is_addition, amount) in steps {
            let before = account;
            let next = if is_addition { account.add_funds(Fen(amount)) } else { account.spend(Fen(amount)) };
            match next {
                Ok(a) => account = a,
                Err(_) => prop_assert_eq!(account, before),
            }
            prop_assert!(account.spent.0 <= account.funded.0 + account.added.0);
            prop_assert_eq!(account.left().0, account.funded.0 + account.added.0 - account.spent.0);
        }
    }

    #[test]
    fn progress_stays_between_0_and_100(
        milestones in proptest::collection::vec((1_u32..=WEIGHT_MAX, any::<bool>()), 0..=MILESTONES_MAX),
    ) {
        let milestones: Vec<Milestone> = milestones
            .into_iter()
            .map(|(weight, done)| Milestone { title: "节点".into(), weight, done })
            .collect();
        let p = progress(&milestones);
        prop_assert!(p <= 100);
        prop_assert_eq!(p == 100, !milestones.is_empty() && milestones.iter().all(|m| m.done));
        prop_assert_eq!(p == 0, milestones.is_empty() || milestones.iter().filter(|m| m.done).map(|m| m.weight).sum::<u32>() * 100
            < milestones.iter().map(|m| m.weight).sum::<u32>());
    }

    /// A plan that is accepted asks for exactly its lines' sum less its self-financing, and never more
    /// than the cap.
    #[test]
    fn accepted_plans_add_up(
        lines in proptest::collection::vec((1_u32..=1_000, 1_u64..=1_000_000), 1..=LINES_MAX),
        own in 0_u64..=1_000_000,
        cap in 1_u64..=FEN_MAX,
    ) {
        let lines: Vec<CostLine> = lines.into_iter().map(|(q, p)| line("材料", q, p)).collect();
        let sum: u64 = lines.iter().map(|l| u64::from(l.quantity) * l.unit_price.0).sum();
        match cost_plan(lines, Fen(own), Fen(cap)) {
            Ok((_, costs)) => {
                prop_assert_eq!(costs.total.0, sum);
                prop_assert_eq!(costs.requested.0 + own, sum);
                prop_assert!(costs.requested.0 >= 1 && costs.requested.0 <= cap);
            }
            Err(DomainError::OverCap { .. }) => prop_assert!(sum - own > cap),
            Err(DomainError::Invalid { field: Field::Costs }) => prop_assert!(sum > FEN_MAX),
            Err(e) => {
                prop_assert_eq!(e, DomainError::Invalid { field: Field::SelfFinancing });
                prop_assert!(own >= sum);
            }
        }
    }

    /// Moving any end of a valid schedule either is refused or gives a valid schedule in which the next
    /// phase starts at the new end.
    #[test]
    fn moved_ends_keep_the_schedule_whole(at in 0_usize..8, to in -10_i64..200, now in -5_i64..150) {
        let round = full_round();
        let phase = Phase::ALL[at];
        if let Ok(moved) = round.move_end(phase, day(to), day(now)) {
            prop_assert_eq!(moved.span(phase).map(|s| s.1), Some(day(to)));
            if let Some(next) = Phase::ALL.get(at + 1) {
                prop_assert_eq!(moved.span(*next).map(|s| s.0), Some(day(to)));
            }
            prop_assert!(day(to) > day(now));
            let others = |s: &Schedule| s.phases().iter().filter(|p| p.phase != phase).copied().collect::<Vec<_>>();
            prop_assert_eq!(others(&moved), others(&round));
        }
    }
}
