//! A vote's course: scheduled until its opening time; opened by the first request after it, which takes
//! the electorate snapshot; open until its closing time or until those who run it close it early; then
//! closed. The state is computed from what is stored and the clock, never stored itself, so it cannot
//! go stale.
//!
//! Who may act is checked before a move reaches the vote: the policy's `ManageVotes` for closing it and
//! entering paper ballots, the electorate snapshot for casting. [`Course::may`] says whether the vote
//! allows the move now, and [`Course::apply`] makes it.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::poll::PollSettings;
use crate::error::{DomainError, DomainResult};

/// Where a vote stands at a given time.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VoteState {
    Scheduled,
    Open,
    Closed,
}

/// What is done to a vote.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VoteMove {
    /// Its opening time has come: the electorate snapshot is taken, once (even after it closed, so that
    /// its count has an electorate).
    Open,
    /// Those who run it end it before its closing time.
    Close,
    /// A voter casts her ballot (online, on paper or by show of hands).
    Cast,
    /// A voter who has voted casts again, replacing her ballot: only in a named vote that allows it
    /// (`changeable`), until it closes. A secret ballot is never changed: that would need a stored link
    /// between the voter and her choice.
    CastAgain,
}

/// What the lifecycle knows of a stored vote: its settings (times, when results show, whether a ballot
/// may be changed), whether its electorate snapshot was taken, whether it was closed early.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Course<'a> {
    pub settings: &'a PollSettings,
    pub opened: bool,
    pub closed_early: bool,
}

impl<'a> Course<'a> {
    #[must_use]
    pub fn of(settings: &'a PollSettings, opened: bool, closed_early: bool) -> Course<'a> {
        Course {
            settings,
            opened,
            closed_early,
        }
    }

    /// The state at `now`: closed once closed early or at its closing time; else open once opened;
    /// else scheduled.
    #[must_use]
    pub fn state(&self, now: DateTime<Utc>) -> VoteState {
        if self.closed_early || now >= self.settings.closes_at {
            VoteState::Closed
        } else if self.opened {
            VoteState::Open
        } else {
            VoteState::Scheduled
        }
    }

    /// Whether the vote allows `mv` at `now`.
    pub fn may(&self, mv: VoteMove, now: DateTime<Utc>) -> DomainResult<()> {
        match mv {
            VoteMove::Open if self.opened => Err(DomainError::VotingOpen),
            VoteMove::Open if now < self.settings.opens_at => Err(DomainError::VotingNotOpen),
            VoteMove::Open => Ok(()),
            VoteMove::Close if self.state(now) == VoteState::Closed => {
                Err(DomainError::VotingClosed)
            }
            VoteMove::Close => Ok(()),
            VoteMove::Cast => self.settings.accepts_ballots(self.closed_early, now),
            VoteMove::CastAgain => {
                self.settings.accepts_ballots(self.closed_early, now)?;
                if self.settings.changeable {
                    Ok(())
                } else {
                    Err(DomainError::AlreadyVoted)
                }
            }
        }
    }

    /// Makes `mv` at `now`, if [`Course::may`] allows it: the vote's course after it.
    pub fn apply(self, mv: VoteMove, now: DateTime<Utc>) -> DomainResult<Course<'a>> {
        self.may(mv, now)?;
        Ok(match mv {
            VoteMove::Open => Course {
                opened: true,
                ..self
            },
            VoteMove::Close => Course {
                closed_early: true,
                ..self
            },
            VoteMove::Cast | VoteMove::CastAgain => self,
        })
    }

    /// Whether its count may be shown at `now`: once it opened (there is an electorate to count
    /// against), live or after it closed as its settings say.
    #[must_use]
    pub fn shows_results(&self, now: DateTime<Utc>) -> bool {
        self.opened && self.settings.shows_results(self.closed_early, now)
    }

    /// Whether its count is final at `now`: it opened and it closed. Only then is its result published
    /// or taken as a decision.
    #[must_use]
    pub fn is_final(&self, now: DateTime<Utc>) -> bool {
        self.opened && self.state(now) == VoteState::Closed
    }
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, TimeZone};
    use proptest::prelude::*;

    use super::*;
    use crate::votes::electorate::ElectorateRule;
    use crate::votes::poll::{ResultsShown, Secrecy};
    use crate::votes::tally::{Method, Quorum, Rules, Threshold, TieBreak};

    fn at(hour: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 1, 0, 0, 0)
            .single()
            .unwrap_or_default()
            + Duration::hours(hour)
    }

    /// A named vote open from 8:00 to 20:00.
    fn settings(changeable: bool) -> PollSettings {
        PollSettings {
            title: "是否在3号楼加装电梯".into(),
            options: vec![],
            method: Method::YesNo,
            rules: Rules {
                quorum: Quorum::None,
                threshold: Threshold::SimpleMajority,
                count_abstentions: false,
                double_majority: false,
            },
            tie_break: TieBreak::NoWinner,
            electorate: ElectorateRule::Residents,
            secrecy: Secrecy::Named,
            results: ResultsShown::AfterClose,
            changeable,
            max_proxies: 0,
            opens_at: at(8),
            closes_at: at(20),
        }
    }

    #[test]
    fn a_vote_is_scheduled_then_open_then_closed() {
        let s = settings(false);
        let waiting = Course::of(&s, false, false);
        assert_eq!(waiting.state(at(7)), VoteState::Scheduled);
        // Its time has come, but nobody opened it yet: still scheduled until the snapshot is taken.
        assert_eq!(waiting.state(at(8)), VoteState::Scheduled);
        let open = waiting.apply(VoteMove::Open, at(8));
        assert_eq!(open.map(|c| c.state(at(8))), Ok(VoteState::Open));
        let open = Course::of(&s, true, false);
        // Closing time is exactly now: closed.
        assert_eq!(open.state(at(20) - Duration::seconds(1)), VoteState::Open);
        assert_eq!(open.state(at(20)), VoteState::Closed);
        assert_eq!(Course::of(&s, true, true).state(at(9)), VoteState::Closed);
        // Closed before it ever opened.
        assert_eq!(Course::of(&s, false, true).state(at(7)), VoteState::Closed);
    }

    #[test]
    fn it_opens_once_its_time_has_come_even_after_closing() {
        let s = settings(false);
        let waiting = Course::of(&s, false, false);
        assert_eq!(
            waiting.may(VoteMove::Open, at(8) - Duration::seconds(1)),
            Err(DomainError::VotingNotOpen)
        );
        assert_eq!(waiting.may(VoteMove::Open, at(8)), Ok(()));
        // Nobody looked before it closed: the first reader still takes its electorate.
        assert_eq!(waiting.may(VoteMove::Open, at(21)), Ok(()));
        assert_eq!(
            Course::of(&s, false, true).may(VoteMove::Open, at(9)),
            Ok(())
        );
        assert_eq!(
            Course::of(&s, true, false).may(VoteMove::Open, at(9)),
            Err(DomainError::VotingOpen)
        );
    }

    #[test]
    fn those_who_run_it_close_it_early_once() -> DomainResult<()> {
        let s = settings(false);
        let open = Course::of(&s, true, false);
        let closed = open.apply(VoteMove::Close, at(9))?;
        assert!(closed.closed_early);
        assert_eq!(closed.state(at(9)), VoteState::Closed);
        assert_eq!(
            closed.may(VoteMove::Close, at(10)),
            Err(DomainError::VotingClosed)
        );
        // A scheduled vote may be called off before it opens.
        assert_eq!(
            Course::of(&s, false, false).may(VoteMove::Close, at(7)),
            Ok(())
        );
        // At its closing time it is closed already.
        assert_eq!(
            open.may(VoteMove::Close, at(20)),
            Err(DomainError::VotingClosed)
        );
        Ok(())
    }

    #[test]
    fn ballots_are_cast_while_open_and_changed_only_where_allowed() {
        let fixed = settings(false);
        let changeable = settings(true);
        for s in [&fixed, &changeable] {
            let c = Course::of(s, true, false);
            assert_eq!(
                c.may(VoteMove::Cast, at(8) - Duration::seconds(1)),
                Err(DomainError::VotingNotOpen)
            );
            assert_eq!(c.may(VoteMove::Cast, at(8)), Ok(()));
            assert_eq!(
                c.may(VoteMove::Cast, at(20)),
                Err(DomainError::VotingClosed)
            );
            assert_eq!(
                Course::of(s, true, true).may(VoteMove::Cast, at(9)),
                Err(DomainError::VotingClosed)
            );
        }
        let c = Course::of(&fixed, true, false);
        assert_eq!(
            c.may(VoteMove::CastAgain, at(9)),
            Err(DomainError::AlreadyVoted)
        );
        let c = Course::of(&changeable, true, false);
        assert_eq!(c.may(VoteMove::CastAgain, at(9)), Ok(()));
        // Not after it closed, early or on time.
        assert_eq!(
            c.may(VoteMove::CastAgain, at(20)),
            Err(DomainError::VotingClosed)
        );
        assert_eq!(
            Course::of(&changeable, true, true).may(VoteMove::CastAgain, at(9)),
            Err(DomainError::VotingClosed)
        );
        assert_eq!(c.apply(VoteMove::CastAgain, at(9)), Ok(c));
    }

    #[test]
    fn results_show_once_opened_and_count_once_closed() {
        let s = settings(false);
        let live = PollSettings {
            results: ResultsShown::Live,
            ..settings(false)
        };
        assert!(!Course::of(&s, true, false).shows_results(at(12)));
        assert!(Course::of(&s, true, false).shows_results(at(20)));
        assert!(Course::of(&s, true, true).shows_results(at(12)));
        assert!(Course::of(&live, true, false).shows_results(at(12)));
        // Never before its electorate was taken.
        assert!(!Course::of(&live, false, false).shows_results(at(12)));
        assert!(!Course::of(&s, false, true).shows_results(at(21)));
        assert!(!Course::of(&s, true, false).is_final(at(12)));
        assert!(Course::of(&s, true, false).is_final(at(20)));
        assert!(Course::of(&s, true, true).is_final(at(12)));
        assert!(!Course::of(&s, false, true).is_final(at(12)));
    }

    fn moves() -> impl Strategy<Value = VoteMove> {
        prop_oneof![
            Just(VoteMove::Open),
            Just(VoteMove::Close),
            Just(VoteMove::Cast),
            Just(VoteMove::CastAgain),
        ]
    }

    proptest! {
        /// Whatever happens, time only moves a vote forward, a ballot is taken exactly while it is
        /// open by the clock, and a changed ballot is one a first ballot would be, in a changeable vote.
        #[test]
        fn the_course_only_moves_forward(
            changeable: bool,
            opened: bool,
            closed_early: bool,
            history in proptest::collection::vec((moves(), 0i64..30), 0..8),
            now in 0i64..30,
        ) {
            let rank = |s: VoteState| match s {
                VoteState::Scheduled => 0,
                VoteState::Open => 1,
                VoteState::Closed => 2,
            };
            let s = settings(changeable);
            let mut c = Course::of(&s, opened, closed_early);
            let mut clock = 0;
            for (mv, hour) in history {
                clock = clock.max(hour);
                let before = rank(c.state(at(clock)));
                if let Ok(next) = c.apply(mv, at(clock)) {
                    prop_assert!(rank(next.state(at(clock))) >= before);
                    c = next;
                }
            }
            let now = at(clock.max(now));
            prop_assert!(rank(c.state(now)) <= rank(c.state(now + Duration::hours(1))));
            let by_clock = !c.closed_early && now >= s.opens_at && now < s.closes_at;
            prop_assert_eq!(c.may(VoteMove::Cast, now).is_ok(), by_clock);
            prop_assert_eq!(c.may(VoteMove::CastAgain, now).is_ok(), by_clock && changeable);
            if c.state(now) == VoteState::Closed {
                prop_assert!(c.may(VoteMove::Close, now).is_err());
                prop_assert!(c.may(VoteMove::Cast, now).is_err());
            }
        }
    }
}
