use chrono::TimeZone;
use proptest::prelude::*;

use super::*;
use crate::members::{Role, RoleGrant};
use crate::testing::actors::*;
use crate::testing::territory::*;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 1, 8, 0, 0)
        .single()
        .unwrap_or_default()
}

fn matter(step: Step) -> Matter {
    Matter {
        scope: building(3),
        step,
        micro_wish: false,
        proposer: resident_of(3).member,
        supports: 1,
        threshold: 3,
        owner_member: None,
        has_owner: false,
        evaluation_ends_at: None,
        publication: None,
    }
}

fn with_role(role: Role, scope: ScopePath, id: &str) -> Actor {
    let mut a = staff();
    a.member = MemberId::from_trusted(id);
    a.grants = vec![RoleGrant { role, scope }];
    a
}

/// The step `mv` by `actor` takes `m` to, through the gate.
fn step_after(actor: &Actor, m: &Matter, mv: Move, now: DateTime<Utc>) -> DomainResult<Step> {
    m.clone().apply(actor, mv, now).map(|m| m.step)
}

fn neighbour() -> Actor {
    let mut a = resident_of(3);
    a.member = MemberId::from_trusted("mbr_neighbour");
    a
}

#[test]
fn support_reaches_the_councils_list_at_the_threshold() -> DomainResult<()> {
    let mut m = matter(Step::Proposed);
    assert_eq!(
        step_after(&neighbour(), &m, Move::Support, now())?,
        Step::Proposed
    );
    m.supports = 2;
    assert_eq!(
        step_after(&neighbour(), &m, Move::Support, now())?,
        Step::Deliberating
    );
    m.step = Step::Deliberating;
    m.supports = 3;
    assert_eq!(
        step_after(&neighbour(), &m, Move::Support, now())?,
        Step::Deliberating
    );
    Ok(())
}

#[test]
fn only_residents_of_the_scope_support() {
    let m = matter(Step::Proposed);
    assert_eq!(
        step_after(&resident_of(5), &m, Move::Support, now()),
        Err(DomainError::Forbidden)
    );
    // Staff run matters; they do not add support.
    assert_eq!(
        step_after(&staff(), &m, Move::Support, now()),
        Err(DomainError::Forbidden)
    );
}

#[test]
fn no_step_can_be_skipped() {
    // From every step, every move that is not allowed there is refused, whoever makes it.
    let allowed: &[(Step, &[Move])] = &[
        (
            Step::Proposed,
            &[
                Move::Support,
                Move::Comment,
                Move::Moderate,
                Move::Decline,
                Move::Merge,
                Move::Absorb,
            ],
        ),
        (
            Step::Deliberating,
            &[
                Move::Support,
                Move::Comment,
                Move::Summarize,
                Move::Moderate,
                Move::Decline,
                Move::Merge,
                Move::Absorb,
                Move::PutToBallot,
                Move::PutToMeeting,
            ],
        ),
        (
            Step::Deciding,
            &[
                Move::Comment,
                Move::Summarize,
                Move::Moderate,
                Move::Decide(Decision::Adopted),
                Move::Decide(Decision::Rejected),
            ],
        ),
        (
            Step::Implementing,
            &[
                Move::Comment,
                Move::Summarize,
                Move::Moderate,
                Move::AssignOwner,
                Move::EditMilestones,
                Move::PostProgress,
            ],
        ),
        (
            Step::Accepting,
            &[
                Move::Comment,
                Move::Moderate,
                Move::EditMilestones,
                Move::PostProgress,
                Move::Accept,
                Move::RejectAcceptance,
            ],
        ),
        (
            Step::Evaluating,
            &[Move::Comment, Move::Moderate, Move::Rate],
        ),
        (Step::Declined, &[Move::Moderate]),
        (Step::Merged, &[Move::Moderate]),
        (Step::Rejected, &[Move::Moderate]),
    ];
    for (step, moves) in allowed {
        let m = matter(*step);
        for mv in Move::ALL {
            let r = next_step(&m, mv, now());
            assert_eq!(
                r.is_ok(),
                moves.contains(&mv),
                "{mv:?} from {step:?} gave {r:?}"
            );
        }
    }
}

#[test]
fn a_published_decision_waits_for_its_period() {
    use crate::notices::PeriodState;
    let mut m = matter(Step::Implementing);
    m.publication = Some(PeriodState::Running);
    assert_eq!(
        step_after(&staff(), &m, Move::AssignOwner, now()),
        Err(DomainError::PublicationPending)
    );
    m.publication = Some(PeriodState::AwaitingAnswers);
    assert_eq!(
        step_after(&staff(), &m, Move::AssignOwner, now()),
        Err(DomainError::PublicationPending)
    );
    assert_eq!(
        step_after(&staff(), &m, Move::Reconsider, now()),
        Err(DomainError::MatterStep)
    );
    m.publication = Some(PeriodState::ObjectionUpheld);
    assert_eq!(
        step_after(&staff(), &m, Move::AssignOwner, now()),
        Err(DomainError::DecisionObjected)
    );
    assert_eq!(
        step_after(&resident_of(3), &m, Move::Reconsider, now()),
        Err(DomainError::Forbidden)
    );
    assert_eq!(
        step_after(&staff(), &m, Move::Reconsider, now()),
        Ok(Step::Deliberating)
    );
    m.publication = Some(PeriodState::CompleteNoObjection);
    assert_eq!(
        step_after(&staff(), &m, Move::AssignOwner, now()),
        Ok(Step::Implementing)
    );
}

#[test]
fn acceptance_needs_an_owner_first() -> DomainResult<()> {
    let mut m = matter(Step::Implementing);
    assert_eq!(
        next_step(&m, Move::RequestAcceptance, now()),
        Err(DomainError::MatterStep)
    );
    m.has_owner = true;
    assert_eq!(
        next_step(&m, Move::RequestAcceptance, now())?,
        Step::Accepting
    );
    Ok(())
}

#[test]
fn the_five_steps_in_order() -> DomainResult<()> {
    let head = building_head_of(3);
    let council = with_role(Role::CouncilMember, community(), "mbr_council");
    let mut m = matter(Step::Proposed);
    let mut seen = vec![m.step.stage()];
    for (actor, mv) in [
        (&neighbour(), Move::Support),
        (&resident_of(3), Move::Support),
    ] {
        m.step = step_after(actor, &m, mv, now())?;
        m.supports += 1;
    }
    seen.push(m.step.stage());
    m.step = step_after(&staff(), &m, Move::PutToBallot, now())?;
    seen.push(m.step.stage());
    m.step = step_after(&staff(), &m, Move::Decide(Decision::Adopted), now())?;
    seen.push(m.step.stage());
    m.step = step_after(&staff(), &m, Move::AssignOwner, now())?;
    m.has_owner = true;
    m.owner_member = Some(neighbour().member);
    m.step = step_after(&neighbour(), &m, Move::RequestAcceptance, now())?;
    // The owner does not accept her own work; a building head (a representative) does.
    assert_eq!(
        step_after(&neighbour(), &m, Move::Accept, now()),
        Err(DomainError::Forbidden)
    );
    m.step = step_after(&head, &m, Move::RejectAcceptance, now())?;
    assert_eq!(m.step, Step::Implementing);
    m.step = step_after(&neighbour(), &m, Move::RequestAcceptance, now())?;
    m.step = step_after(&council, &m, Move::Accept, now())?;
    seen.push(m.step.stage());
    m.evaluation_ends_at = Some(now() + chrono::Duration::days(14));
    assert_eq!(
        step_after(&resident_of(3), &m, Move::Rate, now())?,
        Step::Evaluating
    );
    assert_eq!(
        step_after(
            &resident_of(3),
            &m,
            Move::Rate,
            now() + chrono::Duration::days(14)
        ),
        Err(DomainError::EvaluationClosed)
    );
    assert_eq!(
        seen,
        Stage::ALL.map(Some).to_vec(),
        "every stage visited once, in order"
    );
    Ok(())
}

#[test]
fn who_runs_a_matter() {
    let m = matter(Step::Deliberating);
    for mv in [
        Move::Decline,
        Move::Merge,
        Move::PutToBallot,
        Move::PutToMeeting,
    ] {
        assert_eq!(who_may(&staff(), &m, mv), Ok(()));
        assert_eq!(who_may(&building_head_of(3), &m, mv), Ok(()));
        assert_eq!(
            who_may(&building_head_of(5), &m, mv),
            Err(DomainError::Forbidden)
        );
        assert_eq!(
            who_may(&resident_of(3), &m, mv),
            Err(DomainError::Forbidden)
        );
        assert_eq!(
            who_may(&outsider_staff(), &m, mv),
            Err(DomainError::Forbidden)
        );
    }
    let council = with_role(Role::CouncilMember, community(), "mbr_council");
    assert_eq!(who_may(&council, &m, Move::Summarize), Ok(()));
    assert_eq!(who_may(&council, &m, Move::Moderate), Ok(()));
    assert_eq!(
        who_may(&council, &m, Move::Decline),
        Err(DomainError::Forbidden)
    );
    assert_eq!(
        who_may(&resident_of(3), &m, Move::Summarize),
        Err(DomainError::Forbidden)
    );
    // Staff do not accept works as residents' representatives.
    assert_eq!(
        who_may(&staff(), &m, Move::Accept),
        Err(DomainError::Forbidden)
    );
}

#[test]
fn micro_wishes_skip_the_council_and_the_ballot() -> DomainResult<()> {
    let mut m = matter(Step::Proposed);
    m.micro_wish = true;
    m.supports = 10;
    // Supports never move a wish to the council's list.
    assert_eq!(
        step_after(&neighbour(), &m, Move::Support, now())?,
        Step::Proposed
    );
    assert_eq!(
        step_after(&resident_of(3), &m, Move::Adopt, now()),
        Err(DomainError::Forbidden),
        "the proposer does not adopt her own wish"
    );
    m.step = step_after(&neighbour(), &m, Move::Adopt, now())?;
    assert_eq!(m.step, Step::Implementing);
    m.owner_member = Some(neighbour().member);
    m.has_owner = true;
    m.step = step_after(&neighbour(), &m, Move::RequestAcceptance, now())?;
    assert_eq!(
        step_after(&building_head_of(3), &m, Move::Accept, now()),
        Err(DomainError::Forbidden),
        "a wish is accepted by the one who made it"
    );
    assert_eq!(
        step_after(&resident_of(3), &m, Move::Accept, now())?,
        Step::Evaluating
    );
    let mut deliberating = matter(Step::Deliberating);
    deliberating.micro_wish = true;
    assert_eq!(
        next_step(&deliberating, Move::PutToBallot, now()),
        Err(DomainError::MatterStep)
    );
    Ok(())
}

#[test]
fn merge_and_decline_keep_their_supporters() -> DomainResult<()> {
    // The duplicate ends as merged; the target receives its supporters and may reach the list by them.
    let dup = matter(Step::Proposed);
    assert_eq!(
        step_after(&staff(), &dup, Move::Merge, now())?,
        Step::Merged
    );
    let mut target = matter(Step::Proposed);
    target.supports = 3; // its own 1 and the duplicate's 2, counted after the merge
    assert_eq!(
        step_after(&staff(), &target, Move::Absorb, now())?,
        Step::Deliberating
    );
    target.supports = 2;
    assert_eq!(
        step_after(&staff(), &target, Move::Absorb, now())?,
        Step::Proposed
    );
    // Declining ends the matter but is a move like any other: nothing about supports changes.
    let m = matter(Step::Deliberating);
    assert_eq!(
        step_after(&staff(), &m, Move::Decline, now())?,
        Step::Declined
    );
    assert_eq!(
        step_after(&staff(), &matter(Step::Deciding), Move::Decline, now()),
        Err(DomainError::MatterStep),
        "a matter put to the vote is decided by the vote"
    );
    assert!(reason_required(Some("  ")).is_err());
    assert_eq!(reason_required(Some(" 已由物业处理 "))?, "已由物业处理");
    Ok(())
}

#[test]
fn proposals_are_for_a_building_compound_or_community_where_she_lives() {
    let r = resident_of(3);
    assert_eq!(may_propose(&r, &building(3)), Ok(()));
    assert_eq!(may_propose(&r, &compound_a()), Ok(()));
    assert_eq!(may_propose(&r, &community()), Ok(()));
    assert_eq!(may_propose(&r, &building(5)), Err(DomainError::Forbidden));
    assert_eq!(
        may_propose(&r, &unit_of(3, 1)),
        Err(DomainError::Invalid {
            field: Field::Scope
        })
    );
    assert_eq!(
        may_propose(&staff(), &community()),
        Err(DomainError::Forbidden)
    );
}

#[test]
fn who_reads_matters() {
    let council = with_role(Role::CouncilMember, community(), "mbr_council");
    assert!(
        can_read(&council, &building(5)),
        "council members read their community's matters"
    );
    assert!(can_read(&resident_of(3), &building(3)));
    assert!(can_read(&resident_of(3), &community()));
    assert!(!can_read(&resident_of(3), &building(5)));
    assert!(can_read(&staff(), &building(5)));
    assert!(!can_read(&outsider_staff(), &building(5)));
}

#[test]
fn texts_are_cleaned() {
    assert_eq!(
        clean_line("  路灯坏了 ", Field::Title, TITLE_MAX),
        Ok("路灯坏了".into())
    );
    assert_eq!(
        clean_line(&"字".repeat(61), Field::Title, TITLE_MAX),
        Err(DomainError::TooLong {
            field: Field::Title,
            max: 60
        })
    );
    assert_eq!(
        clean_text("第一行\r\n第二行", Field::Description, DESCRIPTION_MAX),
        Ok("第一行\n第二行".into())
    );
    assert!(clean_text("a\u{0}", Field::Description, 10).is_err());
    assert!(check_stars(0).is_err());
    assert!(check_stars(6).is_err());
    assert_eq!(check_stars(5), Ok(5));
}

#[test]
fn due_dates() {
    let today = now().date_naive();
    assert!(check_due(today + chrono::Duration::days(30), today).is_ok());
    assert!(check_due(today + chrono::Duration::days(365 * 11), today).is_err());
    assert!(check_due(today - chrono::Duration::days(400), today).is_err());
}

#[test]
fn the_gate_asks_who_first_then_the_step() -> DomainResult<()> {
    // A resident elsewhere is refused whatever the step: she learns nothing of where it stands.
    for step in Step::ALL {
        assert_eq!(
            matter(step).may(&resident_of(5), Move::Support, now()),
            Err(DomainError::Forbidden),
            "{step:?}"
        );
    }
    // The right person at the wrong step.
    assert_eq!(
        matter(Step::Implementing).may(&staff(), Move::Decline, now()),
        Err(DomainError::MatterStep)
    );
    // Applying changes the step and nothing else.
    let before = matter(Step::Deliberating);
    let after = before.clone().apply(&staff(), Move::PutToBallot, now())?;
    assert_eq!(
        after,
        Matter {
            step: Step::Deciding,
            ..before
        }
    );
    Ok(())
}

#[test]
fn rating_closes_exactly_when_the_window_ends() {
    let mut m = matter(Step::Evaluating);
    m.evaluation_ends_at = Some(now());
    let her = resident_of(3);
    assert_eq!(
        m.may(&her, Move::Rate, now()),
        Err(DomainError::EvaluationClosed)
    );
    assert_eq!(
        m.may(&her, Move::Rate, now() - chrono::Duration::seconds(1)),
        Ok(())
    );
    // Nor is the matter discussed any longer.
    assert_eq!(
        m.may(&her, Move::Comment, now()),
        Err(DomainError::MatterStep)
    );
}

#[test]
fn decision_notice_words() {
    let (title, body) = decision_notice(
        "加装电梯",
        Decision::Adopted,
        "同意 12 票",
        crate::Lang::ZhCn,
    );
    assert_eq!(title, "议事结果公示：加装电梯");
    assert!(body.starts_with("居民提出的「加装电梯」经表决获得通过"));
    assert!(body.ends_with("同意 12 票"));
    let (title, _) = decision_notice(&"长".repeat(60), Decision::Rejected, "", crate::Lang::En);
    assert!(title.chars().count() <= crate::notices::TITLE_MAX);
}

proptest! {
    #[test]
    fn supports_never_skip_past_deliberation(supports in 0u32..100, threshold in 1u32..50, wish: bool) {
        let mut m = matter(Step::Proposed);
        m.supports = supports;
        m.threshold = threshold;
        m.micro_wish = wish;
        let next = next_step(&m, Move::Support, now());
        prop_assert!(matches!(next, Ok(Step::Proposed | Step::Deliberating)));
        prop_assert_eq!(next == Ok(Step::Deliberating), !wish && supports + 1 >= threshold);
    }

    #[test]
    fn may_is_what_apply_allows(step_i in 0usize..9, move_i in 0usize..20, actor_i in 0usize..4, supports in 0u32..30) {
        let step = Step::ALL[step_i];
        let mv = Move::ALL[move_i];
        let actor = [resident_of(3), staff(), neighbour(), resident_of(5)][actor_i].clone();
        let mut m = matter(step);
        m.supports = supports;
        let applied = m.clone().apply(&actor, mv, now());
        prop_assert_eq!(m.may(&actor, mv, now()), applied.as_ref().map(|_| ()).map_err(Clone::clone));
        if let Ok(after) = applied {
            prop_assert!(who_may(&actor, &m, mv).is_ok());
            let step = after.step;
            prop_assert_eq!(after, Matter { step, ..m });
        }
    }
}
