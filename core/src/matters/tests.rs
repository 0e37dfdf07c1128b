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

fn neighbour() -> Actor {
    let mut a = resident_of(3);
    a.member = MemberId::from_trusted("mbr_neighbour");
    a
}

#[test]
fn support_reaches_the_councils_list_at_the_threshold() -> DomainResult<()> {
    let mut m = matter(Step::Proposed);
    assert_eq!(
        apply(&neighbour(), &m, Move::Support, now())?,
        Step::Proposed
    );
    m.supports = 2;
    assert_eq!(
        apply(&neighbour(), &m, Move::Support, now())?,
        Step::Deliberating
    );
    m.step = Step::Deliberating;
    m.supports = 3;
    assert_eq!(
        apply(&neighbour(), &m, Move::Support, now())?,
        Step::Deliberating
    );
    Ok(())
}

#[test]
fn only_residents_of_the_scope_support() {
    let m = matter(Step::Proposed);
    assert_eq!(
        apply(&resident_of(5), &m, Move::Support, now()),
        Err(DomainError::Forbidden)
    );
    // Staff run matters; they do not add support.
    assert_eq!(
        apply(&staff(), &m, Move::Support, now()),
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
        apply(&staff(), &m, Move::AssignOwner, now()),
        Err(DomainError::PublicationPending)
    );
    m.publication = Some(PeriodState::AwaitingAnswers);
    assert_eq!(
        apply(&staff(), &m, Move::AssignOwner, now()),
        Err(DomainError::PublicationPending)
    );
    assert_eq!(
        apply(&staff(), &m, Move::Reconsider, now()),
        Err(DomainError::MatterStep)
    );
    m.publication = Some(PeriodState::ObjectionUpheld);
    assert_eq!(
        apply(&staff(), &m, Move::AssignOwner, now()),
        Err(DomainError::DecisionObjected)
    );
    assert_eq!(
        apply(&resident_of(3), &m, Move::Reconsider, now()),
        Err(DomainError::Forbidden)
    );
    assert_eq!(
        apply(&staff(), &m, Move::Reconsider, now()),
        Ok(Step::Deliberating)
    );
    m.publication = Some(PeriodState::CompleteNoObjection);
    assert_eq!(
        apply(&staff(), &m, Move::AssignOwner, now()),
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
        m.step = apply(actor, &m, mv, now())?;
        m.supports += 1;
    }
    seen.push(m.step.stage());
    m.step = apply(&staff(), &m, Move::PutToBallot, now())?;
    seen.push(m.step.stage());
    m.step = apply(&staff(), &m, Move::Decide(Decision::Adopted), now())?;
    seen.push(m.step.stage());
    m.step = apply(&staff(), &m, Move::AssignOwner, now())?;
    m.has_owner = true;
    m.owner_member = Some(neighbour().member);
    m.step = apply(&neighbour(), &m, Move::RequestAcceptance, now())?;
    // The owner does not accept her own work; a building head (a representative) does.
    assert_eq!(
        apply(&neighbour(), &m, Move::Accept, now()),
        Err(DomainError::Forbidden)
    );
    m.step = apply(&head, &m, Move::RejectAcceptance, now())?;
    assert_eq!(m.step, Step::Implementing);
    m.step = apply(&neighbour(), &m, Move::RequestAcceptance, now())?;
    m.step = apply(&council, &m, Move::Accept, now())?;
    seen.push(m.step.stage());
    m.evaluation_ends_at = Some(now() + chrono::Duration::days(14));
    assert_eq!(
        apply(&resident_of(3), &m, Move::Rate, now())?,
        Step::Evaluating
    );
    assert_eq!(
        apply(
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
        assert_eq!(may(&staff(), &m, mv), Ok(()));
        assert_eq!(may(&building_head_of(3), &m, mv), Ok(()));
        assert_eq!(
            may(&building_head_of(5), &m, mv),
            Err(DomainError::Forbidden)
        );
        assert_eq!(may(&resident_of(3), &m, mv), Err(DomainError::Forbidden));
        assert_eq!(may(&outsider_staff(), &m, mv), Err(DomainError::Forbidden));
    }
    let council = with_role(Role::CouncilMember, community(), "mbr_council");
    assert_eq!(may(&council, &m, Move::Summarize), Ok(()));
    assert_eq!(may(&council, &m, Move::Moderate), Ok(()));
    assert_eq!(
        may(&council, &m, Move::Decline),
        Err(DomainError::Forbidden)
    );
    assert_eq!(
        may(&resident_of(3), &m, Move::Summarize),
        Err(DomainError::Forbidden)
    );
    // Staff do not accept works as residents' representatives.
    assert_eq!(may(&staff(), &m, Move::Accept), Err(DomainError::Forbidden));
}

#[test]
fn micro_wishes_skip_the_council_and_the_ballot() -> DomainResult<()> {
    let mut m = matter(Step::Proposed);
    m.micro_wish = true;
    m.supports = 10;
    // Supports never move a wish to the council's list.
    assert_eq!(
        apply(&neighbour(), &m, Move::Support, now())?,
        Step::Proposed
    );
    assert_eq!(
        apply(&resident_of(3), &m, Move::Adopt, now()),
        Err(DomainError::Forbidden),
        "the proposer does not adopt her own wish"
    );
    m.step = apply(&neighbour(), &m, Move::Adopt, now())?;
    assert_eq!(m.step, Step::Implementing);
    m.owner_member = Some(neighbour().member);
    m.has_owner = true;
    m.step = apply(&neighbour(), &m, Move::RequestAcceptance, now())?;
    assert_eq!(
        apply(&building_head_of(3), &m, Move::Accept, now()),
        Err(DomainError::Forbidden),
        "a wish is accepted by the one who made it"
    );
    assert_eq!(
        apply(&resident_of(3), &m, Move::Accept, now())?,
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
    assert_eq!(apply(&staff(), &dup, Move::Merge, now())?, Step::Merged);
    let mut target = matter(Step::Proposed);
    target.supports = 3; // its own 1 and the duplicate's 2, counted after the merge
    assert_eq!(
        apply(&staff(), &target, Move::Absorb, now())?,
        Step::Deliberating
    );
    target.supports = 2;
    assert_eq!(
        apply(&staff(), &target, Move::Absorb, now())?,
        Step::Proposed
    );
    // Declining ends the matter but is a move like any other: nothing about supports changes.
    let m = matter(Step::Deliberating);
    assert_eq!(apply(&staff(), &m, Move::Decline, now())?, Step::Declined);
    assert_eq!(
        apply(&staff(), &matter(Step::Deciding), Move::Decline, now()),
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
fn settings_thresholds_by_level() {
    let s = MatterSettings::default();
    assert_eq!(s.threshold(ScopeKind::Building), 5);
    assert_eq!(s.threshold(ScopeKind::Compound), 10);
    assert_eq!(s.threshold(ScopeKind::Community), 20);
    assert!(
        MatterSettings {
            building_supports: 0,
            ..s
        }
        .validate()
        .is_err()
    );
    assert!(
        MatterSettings {
            evaluation_days: 91,
            ..s
        }
        .validate()
        .is_err()
    );
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
fn ratings_summary_is_exact() {
    let s = RatingSummary::of([5, 5, 4]);
    assert_eq!(s.count, 3);
    assert_eq!(s.stars, [0, 0, 0, 1, 2]);
    assert_eq!(s.average_hundredths, Some(467));
    assert_eq!(RatingSummary::of([]).average_hundredths, None);
    // Out-of-range stars are not counted.
    assert_eq!(RatingSummary::of([0, 6, 3]).count, 1);
    assert_eq!(RatingSummary::of([1, 2]).average_hundredths, Some(150));
}

fn figures(place: &str, residents: u32, participants: u32, ratings: &[u8]) -> BoardFigures {
    BoardFigures {
        place: place.into(),
        name: place.into(),
        residents,
        participants,
        ratings: RatingSummary::of(ratings.iter().copied()),
    }
}

#[test]
fn the_board_ranks_by_participation_then_satisfaction() {
    let board = rank_board(vec![
        figures("b1", 10, 5, &[3]),
        figures("b2", 10, 5, &[5]),
        figures("b3", 20, 2, &[]),
        figures("b4", 10, 0, &[]),
        figures("b5", 0, 0, &[]),
        figures("b6", 8, 8, &[4, 5]),
        figures("b7", 10, 1, &[1]),
    ]);
    let order: Vec<&str> = board.iter().map(|e| e.figures.place.as_str()).collect();
    // b7 and b3 both reached one resident in ten; b7's residents are the more satisfied (unrated counts as 0).
    assert_eq!(order, ["b6", "b2", "b1", "b7", "b3", "b4"]);
    let lists: Vec<BoardList> = board.iter().map(|e| e.list).collect();
    use BoardList::{Black, Red};
    assert_eq!(lists, [Red, Red, Red, Black, Black, Black]);
    assert_eq!(board[0].participation_permille, 1_000);
    assert_eq!(board[3].participation_permille, 100);
    // Two places: one red, one black; none with participation: nobody is red.
    let two = rank_board(vec![figures("x", 5, 1, &[]), figures("y", 5, 0, &[])]);
    assert_eq!(two.iter().map(|e| e.list).collect::<Vec<_>>(), [Red, Black]);
    let idle = rank_board(vec![figures("x", 5, 0, &[])]);
    assert_eq!(idle[0].list, Black);
    // Four places level at the bottom are all black, not three of them by name.
    let level = rank_board(vec![
        figures("a", 5, 5, &[]),
        figures("b", 5, 0, &[]),
        figures("c", 5, 0, &[]),
        figures("d", 5, 0, &[]),
        figures("e", 5, 0, &[]),
    ]);
    assert_eq!(
        level.iter().map(|e| e.list).collect::<Vec<_>>(),
        [Red, Black, Black, Black, Black]
    );
}

#[test]
fn photos_are_recognised_by_their_bytes() {
    assert_eq!(photo_type(&[0xFF, 0xD8, 0xFF, 0xE0, 0]), Ok("image/jpeg"));
    assert_eq!(photo_type(b"\x89PNG\r\n\x1a\n...."), Ok("image/png"));
    assert_eq!(photo_type(b"RIFF\0\0\0\0WEBPVP8 "), Ok("image/webp"));
    assert_eq!(
        photo_type(b"<svg onload=alert(1)>"),
        Err(DomainError::UnsupportedMedia)
    );
    assert_eq!(photo_type(b""), Err(DomainError::UnsupportedMedia));
    assert_eq!(photo_type(b"%PDF-1.7"), Err(DomainError::UnsupportedMedia));
    assert_eq!(file_type(b"%PDF-1.7\n"), Ok("application/pdf"));
    assert_eq!(file_type(&[0xFF, 0xD8, 0xFF, 0xE0]), Ok("image/jpeg"));
    assert_eq!(file_type(b"<html>"), Err(DomainError::UnsupportedMedia));
    assert!(photo_ids(&vec!["pho_1".to_owned(); 7]).is_err());
    assert!(photo_ids(&["not an id".to_owned()]).is_err());
    assert_eq!(
        photo_ids(&["pho_1".to_owned(), "pho_1".to_owned()]).map(|v| v.len()),
        Ok(1)
    );
}

#[test]
fn compounds_add_up_their_buildings() {
    let c = combine(
        "cpd",
        "阳光小区",
        &[figures("b1", 10, 5, &[5, 4]), figures("b2", 20, 1, &[1])],
    );
    assert_eq!((c.residents, c.participants), (30, 6));
    assert_eq!(c.ratings, RatingSummary::of([5, 4, 1]));
    assert_eq!(c.ratings.average_hundredths, Some(333));
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
    fn rating_average_lies_between_the_extremes(stars in proptest::collection::vec(1u8..=5, 1..200)) {
        let s = RatingSummary::of(stars.iter().copied());
        prop_assert_eq!(s.count as usize, stars.len());
        prop_assert_eq!(s.stars.iter().sum::<u32>(), s.count);
        let avg = s.average_hundredths.unwrap_or(0);
        let min = u32::from(*stars.iter().min().unwrap_or(&1)) * 100;
        let max = u32::from(*stars.iter().max().unwrap_or(&5)) * 100;
        prop_assert!(min <= avg && avg <= max);
        // Within half a hundredth of the exact mean.
        let sum: u32 = stars.iter().map(|s| u32::from(*s)).sum();
        let exact_x200 = sum * 200;
        let n = stars.len() as u32;
        prop_assert!((avg * 2 * n).abs_diff(exact_x200) <= n);
    }

    #[test]
    fn the_board_is_a_ranking_of_the_inhabited_places(
        rows in proptest::collection::vec((0u32..50, 0u32..60, proptest::collection::vec(1u8..=5, 0..5)), 0..20)
    ) {
        let places: Vec<BoardFigures> = rows
            .iter()
            .enumerate()
            .map(|(i, (r, p, stars))| figures(&format!("p{i:02}"), *r, *p, stars))
            .collect();
        let inhabited = places.iter().filter(|p| p.residents > 0).count();
        let board = rank_board(places);
        prop_assert_eq!(board.len(), inhabited);
        for (i, pair) in board.windows(2).enumerate() {
            prop_assert!(pair[0].participation_permille >= pair[1].participation_permille);
            prop_assert_eq!(pair[0].rank as usize, i + 1);
        }
        for e in &board {
            prop_assert!(e.participation_permille <= 1_000);
            prop_assert!(!(e.list == BoardList::Red && e.participation_permille == 0));
        }
        prop_assert!(board.iter().filter(|e| e.list == BoardList::Red).count() <= BOARD_LIST_SIZE);
        // A place on neither list never ranks at or below a black one's figures.
        for black in board.iter().filter(|e| e.list == BoardList::Black) {
            prop_assert!(board
                .iter()
                .filter(|e| e.list == BoardList::Neither)
                .all(|e| board_key(e) > board_key(black)));
        }
        let blacks = board.iter().filter(|e| e.list == BoardList::Black).count();
        let reds = board.iter().filter(|e| e.list == BoardList::Red).count();
        prop_assert!(blacks >= BOARD_LIST_SIZE.min(board.len() - reds));
    }

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
}
