//! Deliberation meetings (居民议事会): their settings and agenda (议事清单), the order in which a chair
//! moves through them, presence and quorum, the speakers' queue, putting a motion to the vote, and the
//! minutes (会议纪要) written from what happened ([`minutes`]). Motions are votes of the voting engine;
//! this module only decides when one may be put and with which rules.
//!
//! The meeting and each request to speak have a lifecycle of the one shape: `may` says whether someone
//! may make a move now (who, then whether the state allows it), and `apply` makes it, consuming the old
//! state and returning the new one.

pub mod minutes;
pub mod roster;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::error::{DomainError, DomainResult, Field};
use crate::i18n::{Lang, PresenceText};
use crate::ids::MemberId;
use crate::members::{Actor, normalize_reason};
use crate::policy::{self, Action, Target};
use crate::territory::ScopePath;
use crate::text::clean_line;
use crate::votes::electorate::{ElectorateRule, Voter, VoterKey};
use crate::votes::tally::{Quorum, Threshold};

pub const TITLE_MAX: usize = 80;
pub const PLACE_MAX: usize = 80;
pub const ITEM_MAX: usize = 80;
pub const ITEMS_MAX: usize = 30;
/// Longest time a chair may give a speaker, in seconds.
pub const FLOOR_MAX_SECONDS: u32 = 30 * 60;

/// The rules of procedure (议事规则) of a meeting.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Procedure {
    /// Who must be present for motions to be put: none, or a presence quorum.
    pub quorum: Quorum,
    /// The default majority of its motions.
    pub threshold: Threshold,
    pub count_abstentions: bool,
}

/// Everything fixed when a meeting is called.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MeetingSettings {
    pub title: String,
    /// Where it is held, e.g. 「社区党群服务中心二楼会议室」.
    pub place: String,
    pub starts_at: DateTime<Utc>,
    /// Who is invited and votes: residents of the scope, its households, or the resident
    /// representatives.
    pub electorate: ElectorateRule,
    pub procedure: Procedure,
    /// The agenda's items, in order.
    pub agenda: Vec<String>,
}

impl MeetingSettings {
    /// Checks and cleans the settings: a title and a place, one to [`ITEMS_MAX`] agenda items, and a
    /// quorum counted on those present (a meeting's quorum is about who came).
    pub fn validate(mut self) -> DomainResult<MeetingSettings> {
        self.title = clean_line(&self.title, Field::Title, TITLE_MAX)?;
        self.place = clean_line(&self.place, Field::Place, PLACE_MAX)?;
        self.agenda = self
            .agenda
            .iter()
            .map(|item| clean_line(item, Field::Agenda, ITEM_MAX))
            .collect::<DomainResult<_>>()?;
        if self.agenda.is_empty() || self.agenda.len() > ITEMS_MAX {
            return Err(DomainError::OutOfRange {
                field: Field::Agenda,
                min: 1,
                max: ITEMS_MAX as u32,
            });
        }
        match self.procedure.quorum {
            Quorum::None
            | Quorum::PresentCount { .. }
            | Quorum::PresentPercent { percent: 1..=100 } => {}
            Quorum::PresentPercent { .. } => {
                return Err(DomainError::OutOfRange {
                    field: Field::Quorum,
                    min: 1,
                    max: 100,
                });
            }
            // A meeting's quorum counts those present, not the eligible who stayed home.
            _ => {
                return Err(DomainError::Invalid {
                    field: Field::Quorum,
                });
            }
        }
        // Its motions are votes: the same bounds as a vote's, checked before anyone comes.
        self.procedure.quorum.check()?;
        self.electorate.check()?;
        Ok(self)
    }
}

/// When a meeting may be called to start, checked when it is called: as a vote's opening, from an hour
/// before `now` (a chair calling it as the room fills, a phone's clock running late) to half a year
/// ahead.
pub fn check_start(at: DateTime<Utc>, now: DateTime<Utc>) -> DomainResult<()> {
    crate::votes::poll::opening(Some(at), now)
        .map(|_| ())
        .map_err(|_| DomainError::Invalid {
            field: Field::StartsAt,
        })
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum MeetingState {
    Scheduled,
    Open,
    Closed,
}

impl MeetingState {
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            MeetingState::Scheduled => "scheduled",
            MeetingState::Open => "open",
            MeetingState::Closed => "closed",
        }
    }

    #[must_use]
    pub fn parse(s: &str) -> Option<MeetingState> {
        match s {
            "scheduled" => Some(MeetingState::Scheduled),
            "open" => Some(MeetingState::Open),
            "closed" => Some(MeetingState::Closed),
            _ => None,
        }
    }

    /// May `actor` make `mv` on a meeting of `scope` in this state: she chairs it ([`may_chair`]), and
    /// a meeting opens once, from scheduled, and closes once, from open.
    pub fn may(&self, actor: &Actor, scope: &ScopePath, mv: MeetingMove) -> DomainResult<()> {
        self.next(actor, scope, mv).map(|_| ())
    }

    /// Makes `mv`, if [`MeetingState::may`] allows it: the meeting's state after it.
    pub fn apply(
        self,
        actor: &Actor,
        scope: &ScopePath,
        mv: MeetingMove,
    ) -> DomainResult<MeetingState> {
        self.next(actor, scope, mv)
    }

    fn next(self, actor: &Actor, scope: &ScopePath, mv: MeetingMove) -> DomainResult<MeetingState> {
        may_chair(actor, scope)?;
        match (self, mv) {
            (MeetingState::Scheduled, MeetingMove::Open) => Ok(MeetingState::Open),
            (MeetingState::Open, MeetingMove::Close) => Ok(MeetingState::Closed),
            (MeetingState::Closed, _) => Err(DomainError::MeetingClosed),
            _ => Err(DomainError::MeetingNotOpen),
        }
    }

    /// People check in and out, speak and vote only while the meeting is open.
    pub fn require_open(self) -> DomainResult<()> {
        match self {
            MeetingState::Open => Ok(()),
            MeetingState::Closed => Err(DomainError::MeetingClosed),
            MeetingState::Scheduled => Err(DomainError::MeetingNotOpen),
        }
    }
}

/// What the chair does to a meeting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MeetingMove {
    Open,
    /// Closing it ends the open item, open motions, speakers and attendance.
    Close,
}

/// Who chairs a meeting of `scope` (opens and closes it, runs its agenda, speakers and motions, drafts
/// its minutes): those who may run votes there.
pub fn may_chair(actor: &Actor, scope: &ScopePath) -> DomainResult<()> {
    policy::authorize(actor, Action::ManageVotes, Target::Scope(scope))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ItemState {
    Pending,
    Open,
    Done,
}

impl ItemState {
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            ItemState::Pending => "pending",
            ItemState::Open => "open",
            ItemState::Done => "done",
        }
    }

    #[must_use]
    pub fn parse(s: &str) -> Option<ItemState> {
        match s {
            "pending" => Some(ItemState::Pending),
            "open" => Some(ItemState::Open),
            "done" => Some(ItemState::Done),
            _ => None,
        }
    }
}

/// Opening item `index` of an agenda whose items are in `states`: the meeting is open, the item is not
/// done, and any other open item is closed first (the answer lists the items whose state changes).
pub fn open_item(
    meeting: MeetingState,
    states: &[ItemState],
    index: usize,
) -> DomainResult<Vec<(usize, ItemState)>> {
    meeting.require_open()?;
    match states.get(index) {
        None => Err(DomainError::NotFound {
            entity: crate::error::Entity::AgendaItem,
        }),
        Some(ItemState::Done) => Err(DomainError::ItemDone),
        Some(ItemState::Open) => Ok(Vec::new()),
        Some(ItemState::Pending) => {
            let mut changes: Vec<(usize, ItemState)> = states
                .iter()
                .enumerate()
                .filter(|(_, s)| **s == ItemState::Open)
                .map(|(i, _)| (i, ItemState::Done))
                .collect();
            changes.push((index, ItemState::Open));
            Ok(changes)
        }
    }
}

/// Closing item `index` of an agenda whose items are in `states`: the meeting is open; an open item is
/// done, any other stays as it is (the answer lists the items whose state changes).
pub fn close_item(
    meeting: MeetingState,
    states: &[ItemState],
    index: usize,
) -> DomainResult<Vec<(usize, ItemState)>> {
    meeting.require_open()?;
    match states.get(index) {
        Some(ItemState::Open) => Ok(vec![(index, ItemState::Done)]),
        Some(_) => Ok(Vec::new()),
        None => Err(DomainError::NotFound {
            entity: crate::error::Entity::AgendaItem,
        }),
    }
}

/// Whether the presence quorum is met with `present` of `eligible` voters checked in.
#[must_use]
pub fn quorum_met(quorum: Quorum, present: u64, eligible: u64) -> bool {
    Presence::new(quorum, present, eligible).met()
}

/// A meeting's presence: how many of those invited are checked in, and how many its quorum needs. The
/// count and the verdict come from this one value ([`Presence::sentence`]), so no screen can say
/// "quorum met" beside a count that does not meet it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Presence {
    pub present: u64,
    pub eligible: u64,
    /// Those the quorum needs present; `None` when the meeting needs no quorum.
    pub needed: Option<u64>,
}

impl Presence {
    #[must_use]
    pub fn new(quorum: Quorum, present: u64, eligible: u64) -> Presence {
        // A share of those invited, rounded up: 51% of 62 is 32 (31.62 people cannot be present).
        let share = |percent: u8| {
            let n = u128::from(eligible) * u128::from(percent);
            u64::try_from(n.div_ceil(100)).unwrap_or(u64::MAX)
        };
        let needed = match quorum {
            Quorum::None => None,
            Quorum::Count { ballots: n } | Quorum::PresentCount { present: n } => Some(n),
            Quorum::PercentOfEligible { percent } | Quorum::PresentPercent { percent } => {
                Some(share(percent))
            }
        };
        Presence {
            present,
            eligible,
            needed,
        }
    }

    /// Whether motions may be put without the chair's reason.
    #[must_use]
    pub fn met(&self) -> bool {
        self.needed.is_none_or(|n| self.present >= n)
    }

    /// How many more must come for the quorum (0 when it is met or not needed).
    #[must_use]
    pub fn short(&self) -> u64 {
        self.needed.map_or(0, |n| n.saturating_sub(self.present))
    }

    /// The count and what it means, in one sentence: 「到会 31 人，应到 62 人，还差 1 人达到法定人数（32
    /// 人）。」
    #[must_use]
    pub fn sentence(&self, lang: Lang) -> String {
        let (present, eligible) = (self.present, self.eligible);
        match self.needed {
            None => PresenceText::NoQuorum { present, eligible },
            Some(needed) if self.met() => PresenceText::Reached {
                present,
                eligible,
                needed,
            },
            Some(needed) => PresenceText::Short {
                present,
                eligible,
                needed,
                short: self.short(),
            },
        }
        .text(lang)
    }
}

/// Who is on a meeting's list: the voters its electorate calls, and the member who called it, who
/// chairs it. The chair is a participant like anyone: she checks in and votes. When the electorate
/// already calls her (a building head chairing her own building's residents), she is there once;
/// otherwise (community staff, or a meeting of households or representatives she does not cast for)
/// she holds a seat of her own, with one vote.
#[must_use]
pub fn participants(mut electorate: Vec<Voter>, chair: &MemberId) -> Vec<Voter> {
    if !electorate.iter().any(|v| v.casters.contains(chair)) {
        electorate.push(Voter {
            key: VoterKey::Member(chair.clone()),
            casters: vec![chair.clone()],
            weight: 1,
        });
    }
    electorate
}

/// May `actor` record that `subject` (living in `subject_home`, if anywhere) is present at a meeting of
/// `scope`, without the room's code: the chair records anyone on the list (she keeps the room's
/// register), and those who act for residents (代办: grid workers, staff) record the residents they
/// serve. Nobody checks herself in this way: she uses the room's code, as everyone does.
pub fn may_record_presence(
    actor: &Actor,
    scope: &ScopePath,
    subject: &MemberId,
    subject_home: Option<&ScopePath>,
) -> DomainResult<()> {
    if *subject == actor.member {
        return Err(DomainError::Invalid {
            field: Field::Member,
        });
    }
    may_chair(actor, scope).or_else(|_| policy::can_act_on_behalf(actor, subject, subject_home))
}

/// May the chair take back a check-in made by mistake (the wrong name tapped), deleting it as if it had
/// never been made: only while the meeting is open, and only if no motion was put since she arrived,
/// since a motion's voters are those present when it was put and that record must stand. After a
/// motion, the chair records that she left instead.
pub fn may_undo_check_in(
    actor: &Actor,
    scope: &ScopePath,
    meeting: MeetingState,
    arrived_at: DateTime<Utc>,
    motions_put_at: &[DateTime<Utc>],
) -> DomainResult<()> {
    may_chair(actor, scope)?;
    meeting.require_open()?;
    if motions_put_at.iter().any(|put| *put >= arrived_at) {
        return Err(DomainError::CheckInCounted);
    }
    Ok(())
}

/// Whether a motion may be put now: with the quorum met, yes; without it, only when the chair gives a
/// reason, which the minutes record (the motion is then counted without a quorum rule).
pub fn may_put_motion(
    quorum_met: bool,
    override_reason: Option<&str>,
) -> DomainResult<Option<String>> {
    match (quorum_met, override_reason) {
        (true, _) => Ok(None),
        (false, Some(reason)) if !reason.trim().is_empty() => normalize_reason(reason).map(Some),
        (false, _) => Err(DomainError::QuorumNotMet),
    }
}

/// The state of a request to speak (申请发言).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SpeakerState {
    Waiting,
    Speaking,
    Done,
    Withdrawn,
}

impl SpeakerState {
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            SpeakerState::Waiting => "waiting",
            SpeakerState::Speaking => "speaking",
            SpeakerState::Done => "done",
            SpeakerState::Withdrawn => "withdrawn",
        }
    }

    #[must_use]
    pub fn parse(s: &str) -> Option<SpeakerState> {
        match s {
            "waiting" => Some(SpeakerState::Waiting),
            "speaking" => Some(SpeakerState::Speaking),
            "done" => Some(SpeakerState::Done),
            "withdrawn" => Some(SpeakerState::Withdrawn),
            _ => None,
        }
    }

    /// May `actor` move `speaker`'s request to speak, at a meeting of `scope`, from this state `to`
    /// another: the chair gives the floor to one waiting (`Speaking`) and ends a turn (`Done`); the
    /// chair or the speaker herself withdraws a request still waiting (`Withdrawn`).
    pub fn may(
        &self,
        actor: &Actor,
        scope: &ScopePath,
        speaker: &MemberId,
        to: SpeakerState,
    ) -> DomainResult<()> {
        self.next(actor, scope, speaker, to).map(|_| ())
    }

    /// Makes the move, if [`SpeakerState::may`] allows it: the request's state after it.
    pub fn apply(
        self,
        actor: &Actor,
        scope: &ScopePath,
        speaker: &MemberId,
        to: SpeakerState,
    ) -> DomainResult<SpeakerState> {
        self.next(actor, scope, speaker, to)
    }

    fn next(
        self,
        actor: &Actor,
        scope: &ScopePath,
        speaker: &MemberId,
        to: SpeakerState,
    ) -> DomainResult<SpeakerState> {
        use SpeakerState::{Done, Speaking, Waiting, Withdrawn};
        if !(to == Withdrawn && *speaker == actor.member) {
            may_chair(actor, scope)?;
        }
        match (self, to) {
            (Waiting, Speaking | Withdrawn) | (Speaking, Done) => Ok(to),
            _ => Err(DomainError::Invalid {
                field: Field::Speaker,
            }),
        }
    }
}

/// The countdown a chair may give a speaker: 1 second to [`FLOOR_MAX_SECONDS`], or none.
pub fn check_floor_seconds(seconds: Option<u32>) -> DomainResult<Option<u32>> {
    match seconds {
        Some(s) if s == 0 || s > FLOOR_MAX_SECONDS => Err(DomainError::OutOfRange {
            field: Field::Seconds,
            min: 1,
            max: FLOOR_MAX_SECONDS,
        }),
        other => Ok(other),
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    #[test]
    fn a_meeting_starts_from_an_hour_ago_to_half_a_year_ahead() {
        let now = DateTime::parse_from_rfc3339("2026-12-02T10:00:00Z")
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or_default();
        let hours = chrono::Duration::hours;
        for ok in [
            now,
            now - hours(1),
            now + hours(3),
            now + chrono::Duration::days(180),
        ] {
            assert_eq!(check_start(ok, now), Ok(()), "{ok}");
        }
        for bad in [
            now - hours(1) - chrono::Duration::minutes(1),
            now - chrono::Duration::days(3),
            now + chrono::Duration::days(181),
        ] {
            assert_eq!(
                check_start(bad, now),
                Err(DomainError::Invalid {
                    field: Field::StartsAt
                }),
                "{bad}"
            );
        }
    }
    use crate::testing::actors::*;
    use crate::testing::territory::*;

    fn at(hour: u32, minute: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 5, hour, minute, 0)
            .single()
            .unwrap_or_default()
    }

    fn settings() -> MeetingSettings {
        MeetingSettings {
            title: " 3号楼居民议事会 ".into(),
            place: "党群服务中心会议室".into(),
            starts_at: at(11, 0),
            electorate: ElectorateRule::Residents,
            procedure: Procedure {
                quorum: Quorum::PresentPercent { percent: 51 },
                threshold: Threshold::SimpleMajority,
                count_abstentions: false,
            },
            agenda: vec!["加装电梯".into(), " 楼道堆物清理 ".into()],
        }
    }

    #[test]
    fn settings_need_a_title_a_place_an_agenda_and_a_presence_quorum() -> DomainResult<()> {
        let ok = settings().validate()?;
        assert_eq!(ok.title, "3号楼居民议事会");
        assert_eq!(ok.agenda, ["加装电梯", "楼道堆物清理"]);
        let mut no_place = settings();
        no_place.place = "  ".into();
        assert_eq!(
            no_place.validate(),
            Err(DomainError::Required {
                field: Field::Place
            })
        );
        let mut empty = settings();
        empty.agenda.clear();
        assert!(matches!(
            empty.validate(),
            Err(DomainError::OutOfRange {
                field: Field::Agenda,
                ..
            })
        ));
        let mut blank_item = settings();
        blank_item.agenda.push(" ".into());
        assert_eq!(
            blank_item.validate(),
            Err(DomainError::Required {
                field: Field::Agenda
            })
        );
        let mut by_ballots = settings();
        by_ballots.procedure.quorum = Quorum::Count { ballots: 5 };
        assert_eq!(
            by_ballots.validate(),
            Err(DomainError::Invalid {
                field: Field::Quorum
            })
        );
        for percent in [0, 101, 255] {
            let mut out_of_range = settings();
            out_of_range.procedure.quorum = Quorum::PresentPercent { percent };
            assert_eq!(
                out_of_range.validate(),
                Err(DomainError::OutOfRange {
                    field: Field::Quorum,
                    min: 1,
                    max: 100
                }),
                "{percent}"
            );
        }
        // Its motions are votes: a quorum nobody can meet, an age nobody reaches are refused at once.
        let mut nobody_present = settings();
        nobody_present.procedure.quorum = Quorum::PresentCount { present: u64::MAX };
        assert!(matches!(
            nobody_present.validate(),
            Err(DomainError::OutOfRange {
                field: Field::Quorum,
                ..
            })
        ));
        let mut ageless = settings();
        ageless.electorate = ElectorateRule::ResidentsAged { min_age: 255 };
        assert!(matches!(
            ageless.validate(),
            Err(DomainError::OutOfRange {
                field: Field::MinAge,
                ..
            })
        ));
        Ok(())
    }

    #[test]
    fn a_meeting_opens_once_and_closes_once() {
        use MeetingState::{Closed, Open, Scheduled};
        let (chair, s) = (staff(), building(3));
        assert_eq!(Scheduled.apply(&chair, &s, MeetingMove::Open), Ok(Open));
        assert_eq!(Open.apply(&chair, &s, MeetingMove::Close), Ok(Closed));
        assert_eq!(
            Scheduled.apply(&chair, &s, MeetingMove::Close),
            Err(DomainError::MeetingNotOpen)
        );
        assert_eq!(
            Open.apply(&chair, &s, MeetingMove::Open),
            Err(DomainError::MeetingNotOpen)
        );
        assert_eq!(
            Closed.apply(&chair, &s, MeetingMove::Open),
            Err(DomainError::MeetingClosed)
        );
        assert_eq!(
            Closed.may(&chair, &s, MeetingMove::Close),
            Err(DomainError::MeetingClosed)
        );
        assert_eq!(Closed.require_open(), Err(DomainError::MeetingClosed));
        for st in [Scheduled, Open, Closed] {
            assert_eq!(MeetingState::parse(st.as_str()), Some(st));
        }
    }

    #[test]
    fn only_the_chair_opens_and_closes_a_meeting() {
        use MeetingState::{Open, Scheduled};
        let s = building(3);
        assert_eq!(
            Scheduled.may(&building_head_of(3), &s, MeetingMove::Open),
            Ok(())
        );
        // Who is asked before the state: a resident learns nothing of where the meeting stands.
        for someone in [resident_of(3), building_head_of(5), outsider_staff()] {
            for (state, mv) in [
                (Scheduled, MeetingMove::Open),
                (Open, MeetingMove::Open),
                (Open, MeetingMove::Close),
            ] {
                assert_eq!(
                    state.may(&someone, &s, mv),
                    Err(DomainError::Forbidden),
                    "{} {state:?} {mv:?}",
                    someone.member
                );
            }
        }
        assert_eq!(may_chair(&street_admin(), &s), Ok(()));
    }

    #[test]
    fn one_item_is_open_at_a_time_and_done_items_stay_done() {
        use ItemState::{Done, Open, Pending};
        let states = [Done, Open, Pending];
        assert_eq!(
            open_item(MeetingState::Open, &states, 2),
            Ok(vec![(1, Done), (2, Open)])
        );
        assert_eq!(open_item(MeetingState::Open, &states, 1), Ok(vec![]));
        assert_eq!(
            open_item(MeetingState::Open, &states, 0),
            Err(DomainError::ItemDone)
        );
        assert!(open_item(MeetingState::Open, &states, 3).is_err());
        assert_eq!(
            open_item(MeetingState::Scheduled, &states, 2),
            Err(DomainError::MeetingNotOpen)
        );
        assert_eq!(
            close_item(MeetingState::Open, &states, 1),
            Ok(vec![(1, Done)])
        );
        assert_eq!(close_item(MeetingState::Open, &states, 0), Ok(vec![]));
        assert_eq!(close_item(MeetingState::Open, &states, 2), Ok(vec![]));
        assert_eq!(
            close_item(MeetingState::Open, &states, 3),
            Err(DomainError::NotFound {
                entity: crate::error::Entity::AgendaItem
            })
        );
        assert_eq!(
            close_item(MeetingState::Closed, &states, 1),
            Err(DomainError::MeetingClosed)
        );
    }

    #[test]
    fn quorum_and_the_chairs_override() {
        let half = Quorum::PresentPercent { percent: 51 };
        assert!(quorum_met(half, 11, 20));
        assert!(!quorum_met(half, 10, 20));
        assert!(quorum_met(Quorum::None, 0, 20));
        assert!(quorum_met(Quorum::PresentCount { present: 7 }, 7, 20));
        assert_eq!(may_put_motion(true, None), Ok(None));
        assert_eq!(may_put_motion(false, None), Err(DomainError::QuorumNotMet));
        assert_eq!(
            may_put_motion(false, Some("  ")),
            Err(DomainError::QuorumNotMet)
        );
        assert_eq!(
            may_put_motion(false, Some(" 事情紧急，到会代表一致同意表决 ")),
            Ok(Some("事情紧急，到会代表一致同意表决".into()))
        );
    }

    #[test]
    fn the_presence_line_says_the_count_and_what_it_means_in_one_sentence() {
        let half = Quorum::PresentPercent { percent: 51 };
        let short = Presence::new(half, 31, 62);
        assert_eq!(short.needed, Some(32));
        assert!(!short.met());
        assert_eq!(short.short(), 1);
        assert_eq!(
            short.sentence(Lang::ZhCn),
            "到会 31 人，应到 62 人，还差 1 人达到法定人数（32 人）。"
        );
        assert_eq!(
            short.sentence(Lang::En),
            "31 of 62 present: 1 more needed for a quorum (32)."
        );
        let reached = Presence::new(half, 32, 62);
        assert!(reached.met());
        assert_eq!(
            reached.sentence(Lang::ZhCn),
            "到会 32 人，应到 62 人，已达到法定人数（32 人），可以表决。"
        );
        // No quorum: never "quorum met" beside an empty room, the walk's contradiction.
        let none = Presence::new(Quorum::None, 0, 62);
        assert!(none.met());
        assert_eq!(
            none.sentence(Lang::ZhCn),
            "到会 0 人，应到 62 人。本次会议不设法定人数，到会多少人都可以表决。"
        );
        assert!(!none.sentence(Lang::ZhCn).contains("已达到"));
        let by_count = Presence::new(Quorum::PresentCount { present: 7 }, 0, 20);
        assert_eq!(by_count.short(), 7);
        assert!(by_count.sentence(Lang::ZhCn).contains("还差 7 人"));
    }

    proptest::proptest! {
        /// The sentence and the verdict come from one value, and agree with the vote engine's quorum.
        #[test]
        fn presence_agrees_with_the_engine_and_its_own_words(
            eligible in 0u64..500,
            present_share in 0u64..=100,
            percent in 1u8..=100,
            count in 0u64..500,
        ) {
            let present = eligible * present_share / 100;
            for quorum in [
                Quorum::None,
                Quorum::PresentPercent { percent },
                Quorum::PresentCount { present: count },
            ] {
                let p = Presence::new(quorum, present, eligible);
                let engine = crate::votes::tally::Turnout { eligible, eligible_weight: 0, present: Some(present) }
                    .meets(quorum, present);
                proptest::prop_assert_eq!(p.met(), engine);
                proptest::prop_assert_eq!(p.met(), p.short() == 0);
                let zh = p.sentence(Lang::ZhCn);
                let count_words = format!("到会 {present} 人，应到 {eligible} 人");
                proptest::prop_assert!(zh.starts_with(&count_words));
                proptest::prop_assert_eq!(zh.contains("已达到法定人数"), p.needed.is_some() && p.met());
                proptest::prop_assert_eq!(zh.contains("还差"), !p.met());
            }
        }
    }

    #[test]
    fn the_chair_is_on_the_list_once() {
        use crate::votes::electorate::{Candidate, Weighting, snapshot};
        let s = building(3);
        let candidate = |a: &Actor| Candidate {
            member: a.member.clone(),
            home: a.residence().map(|p| (p.household.clone(), p.unit.clone())),
            representative: true,
            birth_year: None,
            council_for: Vec::new(),
            floor_area: None,
        };
        let head = building_head_of(3);
        let residents = [candidate(&resident_of(3)), candidate(&head)];
        let electorate = snapshot(
            ElectorateRule::Residents,
            Weighting::Head,
            &s,
            2026,
            &residents,
        );
        // Staff who called a meeting of residents are not residents of it: she was told she is not on
        // the list of the meeting she chairs. She holds a seat of her own.
        let chair = staff();
        assert!(!electorate.iter().any(|v| v.casters.contains(&chair.member)));
        let list = participants(electorate.clone(), &chair.member);
        assert_eq!(list.len(), 3);
        assert!(list.iter().any(|v| v.casters == [chair.member.clone()]
            && v.key == VoterKey::Member(chair.member.clone())
            && v.weight == 1));
        // A building head chairing her own building's residents is there once.
        assert_eq!(participants(electorate, &head.member).len(), 2);
        // In a meeting of households, a chair who casts her household's vote is there once too.
        let households = snapshot(
            ElectorateRule::Households {
                cast_by: crate::votes::electorate::HouseholdCaster::AnyMember,
            },
            Weighting::Head,
            &s,
            2026,
            &residents,
        );
        let n = households.len();
        assert_eq!(participants(households, &head.member).len(), n);
    }

    #[test]
    fn the_chair_records_anyone_on_the_list_and_nobody_herself() {
        let s = building(3);
        let her = resident_of(3);
        let home = unit_of(3, 1);
        // The chair keeps the register: a building head chairing her building, staff, the street.
        for chair in [building_head_of(3), staff(), street_admin()] {
            assert_eq!(
                may_record_presence(&chair, &s, &her.member, Some(&home)),
                Ok(())
            );
        }
        // A staff chair is on the list without a home, and still recorded by another chair.
        assert_eq!(
            may_record_presence(&building_head_of(3), &s, &staff().member, None),
            Ok(())
        );
        // Nobody records herself (she uses the room's code), and neighbours record nobody.
        assert_eq!(
            may_record_presence(&staff(), &s, &staff().member, None),
            Err(DomainError::Invalid {
                field: Field::Member
            })
        );
        for someone in [resident_of(3), building_head_of(5), outsider_staff()] {
            assert!(may_record_presence(&someone, &s, &her.member, Some(&home)).is_err());
        }
    }

    #[test]
    fn a_mistaken_check_in_is_undone_until_a_motion_counts_it() {
        let (chair, s) = (staff(), building(3));
        let arrived = at(11, 5);
        assert_eq!(
            may_undo_check_in(&chair, &s, MeetingState::Open, arrived, &[]),
            Ok(())
        );
        // A motion put before she came did not count her.
        assert_eq!(
            may_undo_check_in(&chair, &s, MeetingState::Open, arrived, &[at(11, 0)]),
            Ok(())
        );
        // One put since did: its voters are those present then, and that record stands.
        for put in [at(11, 5), at(11, 20)] {
            assert_eq!(
                may_undo_check_in(&chair, &s, MeetingState::Open, arrived, &[at(11, 0), put]),
                Err(DomainError::CheckInCounted)
            );
        }
        assert_eq!(
            may_undo_check_in(&chair, &s, MeetingState::Closed, arrived, &[]),
            Err(DomainError::MeetingClosed)
        );
        assert_eq!(
            may_undo_check_in(&resident_of(3), &s, MeetingState::Open, arrived, &[]),
            Err(DomainError::Forbidden)
        );
    }

    #[test]
    fn speakers_wait_speak_and_finish() {
        use SpeakerState::{Done, Speaking, Waiting, Withdrawn};
        let (chair, s) = (staff(), building(3));
        let her = resident_of(3);
        let apply = |from: SpeakerState, to| from.apply(&chair, &s, &her.member, to);
        assert_eq!(apply(Waiting, Speaking), Ok(Speaking));
        assert_eq!(apply(Speaking, Done), Ok(Done));
        assert_eq!(apply(Waiting, Withdrawn), Ok(Withdrawn));
        let all = [Waiting, Speaking, Done, Withdrawn];
        for from in all {
            for to in all {
                let allowed = matches!(
                    (from, to),
                    (Waiting, Speaking | Withdrawn) | (Speaking, Done)
                );
                assert_eq!(apply(from, to).is_ok(), allowed, "{from:?} → {to:?}");
            }
        }
        for st in all {
            assert_eq!(SpeakerState::parse(st.as_str()), Some(st));
        }
        assert_eq!(check_floor_seconds(Some(180)), Ok(Some(180)));
        assert_eq!(check_floor_seconds(None), Ok(None));
        assert!(check_floor_seconds(Some(0)).is_err());
        assert!(check_floor_seconds(Some(FLOOR_MAX_SECONDS + 1)).is_err());
    }

    #[test]
    fn a_speaker_withdraws_her_own_request_and_only_the_chair_does_the_rest() {
        use SpeakerState::{Done, Speaking, Waiting, Withdrawn};
        let s = building(3);
        let her = resident_of(3);
        let neighbour = building_head_of(5);
        assert_eq!(Waiting.may(&her, &s, &her.member, Withdrawn), Ok(()));
        // She neither takes the floor herself nor withdraws a neighbour's request.
        assert_eq!(
            Waiting.may(&her, &s, &her.member, Speaking),
            Err(DomainError::Forbidden)
        );
        assert_eq!(
            Speaking.may(&her, &s, &her.member, Done),
            Err(DomainError::Forbidden)
        );
        assert_eq!(
            Waiting.may(&neighbour, &s, &her.member, Withdrawn),
            Err(DomainError::Forbidden)
        );
        // The chair withdraws anyone's request; a turn already running is ended, not withdrawn.
        assert_eq!(Waiting.may(&staff(), &s, &her.member, Withdrawn), Ok(()));
        assert_eq!(
            Speaking.may(&her, &s, &her.member, Withdrawn),
            Err(DomainError::Invalid {
                field: Field::Speaker
            })
        );
    }
}
