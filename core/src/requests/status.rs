//! A request's status from receipt to closing (受理、办理、办结、回访), and who makes each change: the
//! unit it is with, the staff who dispatch requests, the resident who raised it, or the scheduled job.
//!
//! The lifecycle has the one shape: [`Status::may`] says whether the parties asking may make a
//! [`Transition`] now ([`who_may`], then whether the status allows it), and [`Status::apply`] makes it.

use serde::{Deserialize, Serialize};

use super::NOTE_MAX;
use crate::error::{DomainError, DomainResult, Field};
use crate::ids::{HandlingUnitId, MemberId};
use crate::members::Actor;
use crate::policy::{self, Action, Target};
use crate::territory::ScopePath;
use crate::text::clean_text;

/// Where a request stands.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Received,
    Accepted,
    InProgress,
    Resolved,
    Closed,
    /// Not this unit's responsibility: sent on to the right one (首问负责).
    Returned,
    /// Joined to another request about the same trouble (并案).
    Merged,
}

/// What a unit, staff, the resident or the scheduled job does to a request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Transition {
    Accept,
    Start,
    Resolve,
    /// The resident confirms it fixed, or the confirmation time ran out.
    Close,
    /// The resident says it is not fixed.
    Reopen,
    Return,
    /// Staff send a returned request on to the unit it names, or another (改派).
    Reroute,
    Merge,
    /// Staff take a part of an open request (a second trouble in the same call) into a request of its
    /// own; the request itself stays where it is.
    Split,
}

impl Transition {
    /// Whether the change needs a note: resolving says what was done, returning and merging say why.
    #[must_use]
    pub fn needs_note(self) -> bool {
        matches!(
            self,
            Transition::Resolve | Transition::Return | Transition::Merge
        )
    }
}

/// Where `t` takes a request in `status`, whoever asks.
fn next_status(status: Status, t: Transition) -> DomainResult<Status> {
    use Status::{Accepted, Closed, InProgress, Merged, Received, Resolved, Returned};
    match (t, status) {
        (Transition::Accept, Received) => Ok(Accepted),
        (Transition::Start, Accepted) => Ok(InProgress),
        (Transition::Resolve, Accepted | InProgress) => Ok(Resolved),
        (Transition::Close, Resolved) => Ok(Closed),
        (Transition::Reopen, Resolved) => Ok(InProgress),
        (Transition::Return, Received | Accepted) => Ok(Returned),
        (Transition::Reroute, Returned) => Ok(Received),
        (Transition::Merge, Received | Accepted | InProgress) => Ok(Merged),
        (Transition::Split, open) if open.is_open() => Ok(open),
        _ => Err(DomainError::RequestStatus),
    }
}

impl Status {
    /// May `parties` make `t` on a request in this status: one of them makes such changes
    /// ([`who_may`]), and the status allows it.
    pub fn may(&self, t: Transition, parties: Parties) -> DomainResult<()> {
        self.next(t, parties).map(|_| ())
    }

    /// Makes `t`, if [`Status::may`] allows it: the request's status after it.
    pub fn apply(self, t: Transition, parties: Parties) -> DomainResult<Status> {
        self.next(t, parties)
    }

    fn next(self, t: Transition, parties: Parties) -> DomainResult<Status> {
        who_may(t, parties)?;
        next_status(self, t)
    }
}

impl Status {
    /// Still waiting for work: what deadlines, escalation and "similar requests nearby" look at.
    #[must_use]
    pub fn is_open(self) -> bool {
        matches!(
            self,
            Status::Received | Status::Accepted | Status::InProgress | Status::Returned
        )
    }

    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Received => "received",
            Status::Accepted => "accepted",
            Status::InProgress => "in_progress",
            Status::Resolved => "resolved",
            Status::Closed => "closed",
            Status::Returned => "returned",
            Status::Merged => "merged",
        }
    }

    #[must_use]
    pub fn parse(s: &str) -> Option<Status> {
        [
            Status::Received,
            Status::Accepted,
            Status::InProgress,
            Status::Resolved,
            Status::Closed,
            Status::Returned,
            Status::Merged,
        ]
        .into_iter()
        .find(|st| st.as_str() == s)
    }
}

/// Who asks for a change: a member of the unit the request is with, one of the staff who dispatch
/// requests where it is, the resident who raised it, or the scheduled job (none of them a person).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Parties {
    pub handler: bool,
    pub dispatcher: bool,
    pub requester: bool,
    pub schedule: bool,
}

impl Parties {
    /// The scheduled job, which closes a resolved request its resident did not answer in time.
    pub const SCHEDULE: Parties = Parties {
        handler: false,
        dispatcher: false,
        requester: false,
        schedule: true,
    };

    /// How `actor` stands to a request of `scope` that is with the unit `handler` (and its owner, see
    /// [`serves`]) and was raised by `requester`: a handler when she is a member of that unit (her units
    /// are `her_units`) and the unit serves the request's place, a dispatcher where the policy lets her
    /// dispatch requests, the requester when she raised it. A suspended member is none of them.
    #[must_use]
    pub fn of(
        actor: &Actor,
        scope: &ScopePath,
        handler: (&HandlingUnitId, Option<&ScopePath>),
        her_units: &[HandlingUnitId],
        requester: Option<&MemberId>,
    ) -> Parties {
        let (unit, owner) = handler;
        Parties {
            handler: actor.is_active() && her_units.contains(unit) && serves(owner, scope),
            dispatcher: policy::authorize(actor, Action::DispatchRequests, Target::Scope(scope))
                .is_ok(),
            requester: actor.is_active() && requester == Some(&actor.member),
            schedule: false,
        }
    }
}

/// Whether a unit owned by `owner` (its community; `None` for the district's) may have a request about
/// `place`: the district's units serve every place, a community's only its own. A request is never
/// sent to a unit that does not serve it, and a unit's members handle only the requests it serves, so
/// belonging to a community's unit gives no reach into another community.
#[must_use]
pub fn serves(owner: Option<&ScopePath>, place: &ScopePath) -> bool {
    owner.is_none_or(|community| community.contains(place))
}

/// Which party makes `t`, whatever the status: the unit accepts, works, resolves and returns; staff
/// send a returned request on, merge duplicates and split a request in two; only the resident confirms
/// (closes) or reopens, and the scheduled job closes a request she left unanswered. Staff who also
/// belong to the unit are its handlers too.
pub fn who_may(t: Transition, parties: Parties) -> DomainResult<()> {
    let allowed = match t {
        Transition::Accept | Transition::Start | Transition::Resolve | Transition::Return => {
            parties.handler
        }
        Transition::Reroute | Transition::Merge | Transition::Split => parties.dispatcher,
        Transition::Close => parties.requester || parties.schedule,
        Transition::Reopen => parties.requester,
    };
    if allowed {
        Ok(())
    } else {
        Err(DomainError::Forbidden)
    }
}

/// The note written with a change: required where the change needs one ([`Transition::needs_note`]),
/// else optional; cleaned either way.
pub fn change_note(t: Transition, note: &str) -> DomainResult<String> {
    if t.needs_note() || !note.trim().is_empty() {
        clean_text(note, Field::Body, NOTE_MAX)
    } else {
        Ok(String::new())
    }
}

/// A request is returned (首问负责) to another unit than the one it is with.
pub fn check_return(with: &HandlingUnitId, to: &HandlingUnitId) -> DomainResult<()> {
    if with == to {
        Err(DomainError::Invalid {
            field: Field::HandlingUnit,
        })
    } else {
        Ok(())
    }
}

/// Is `actor` among a unit's members?
#[must_use]
pub fn is_member_of(actor: &Actor, members: &[MemberId]) -> bool {
    actor.is_active() && members.contains(&actor.member)
}

/// How the resident judges the work when asked to confirm it.
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "RequestOutcome")
)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Fixed,
    Partly,
    NotFixed,
}

impl Outcome {
    /// "Not fixed" reopens the request; otherwise it closes.
    #[must_use]
    pub fn transition(self) -> Transition {
        match self {
            Outcome::NotFixed => Transition::Reopen,
            Outcome::Fixed | Outcome::Partly => Transition::Close,
        }
    }

    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Fixed => "fixed",
            Outcome::Partly => "partly",
            Outcome::NotFixed => "not_fixed",
        }
    }

    #[must_use]
    pub fn parse(s: &str) -> Option<Outcome> {
        [Outcome::Fixed, Outcome::Partly, Outcome::NotFixed]
            .into_iter()
            .find(|o| o.as_str() == s)
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::matters::check_stars;
    use crate::testing::actors::*;
    use crate::testing::territory::*;

    /// Every party at once: what the status alone allows.
    const ANYONE: Parties = Parties {
        handler: true,
        dispatcher: true,
        requester: true,
        schedule: true,
    };

    #[test]
    fn statuses() {
        use Status::*;
        assert_eq!(Received.apply(Transition::Accept, ANYONE), Ok(Accepted));
        assert_eq!(Resolved.apply(Transition::Reopen, ANYONE), Ok(InProgress));
        assert_eq!(Resolved.apply(Transition::Close, ANYONE), Ok(Closed));
        assert!(Received.may(Transition::Resolve, ANYONE).is_err());
        assert!(Closed.may(Transition::Reopen, ANYONE).is_err());
        assert!(InProgress.may(Transition::Return, ANYONE).is_err());
    }

    const ALL_STATUSES: [Status; 7] = [
        Status::Received,
        Status::Accepted,
        Status::InProgress,
        Status::Resolved,
        Status::Closed,
        Status::Returned,
        Status::Merged,
    ];
    const ALL_TRANSITIONS: [Transition; 9] = [
        Transition::Accept,
        Transition::Start,
        Transition::Resolve,
        Transition::Close,
        Transition::Reopen,
        Transition::Return,
        Transition::Reroute,
        Transition::Merge,
        Transition::Split,
    ];

    #[test]
    fn the_whole_status_table() {
        use Status::*;
        // Rows follow ALL_STATUSES; columns ALL_TRANSITIONS; "." refused, else the letter of the result:
        // r received, a accepted, i in progress, s resolved, c closed, t returned, m merged.
        let table = [
            (Received, "a....t.mr"),
            (Accepted, ".is..t.ma"),
            (InProgress, "..s....mi"),
            (Resolved, "...ci...."),
            (Closed, "........."),
            (Returned, "......r.t"),
            (Merged, "........."),
        ];
        let letter = |s: Status| match s {
            Received => 'r',
            Accepted => 'a',
            InProgress => 'i',
            Resolved => 's',
            Closed => 'c',
            Returned => 't',
            Merged => 'm',
        };
        for (status, row) in table {
            for (t, expected) in ALL_TRANSITIONS.iter().zip(row.chars()) {
                let got = status.apply(*t, ANYONE).map_or('.', letter);
                assert_eq!(got, expected, "{status:?} / {t:?}");
            }
        }
        for s in ALL_STATUSES {
            assert_eq!(Status::parse(s.as_str()), Some(s));
        }
        // Closed and merged are ends; everything else can still move.
        for s in ALL_STATUSES {
            let moves = ALL_TRANSITIONS.iter().any(|t| s.may(*t, ANYONE).is_ok());
            assert_eq!(moves, !matches!(s, Closed | Merged), "{s:?}");
        }
    }

    #[test]
    fn each_change_belongs_to_one_party() {
        let only = |handler, dispatcher, requester, schedule| Parties {
            handler,
            dispatcher,
            requester,
            schedule,
        };
        for t in ALL_TRANSITIONS {
            let allowed: Vec<bool> = [
                only(true, false, false, false),
                only(false, true, false, false),
                only(false, false, true, false),
                only(false, false, false, true),
            ]
            .into_iter()
            .map(|p| who_may(t, p).is_ok())
            .collect();
            let expected = match t {
                Transition::Accept
                | Transition::Start
                | Transition::Resolve
                | Transition::Return => [true, false, false, false],
                Transition::Reroute | Transition::Merge | Transition::Split => {
                    [false, true, false, false]
                }
                Transition::Close => [false, false, true, true],
                Transition::Reopen => [false, false, true, false],
            };
            assert_eq!(allowed, expected, "{t:?}");
            assert!(who_may(t, Parties::default()).is_err());
        }
        assert_eq!(Outcome::NotFixed.transition(), Transition::Reopen);
        assert_eq!(Outcome::Partly.transition(), Transition::Close);
        assert!(check_stars(0).is_err() && check_stars(6).is_err() && check_stars(5).is_ok());
    }

    #[test]
    fn the_wrong_party_is_refused_before_the_status_is_looked_at() {
        let unit = Parties {
            handler: true,
            ..Parties::default()
        };
        // A unit may not close a request, resolved or not: only the resident, or time, does.
        assert_eq!(
            Status::Resolved.may(Transition::Close, unit),
            Err(DomainError::Forbidden)
        );
        assert_eq!(
            Status::Closed.may(Transition::Close, unit),
            Err(DomainError::Forbidden)
        );
        assert_eq!(
            Status::Closed.may(Transition::Close, Parties::SCHEDULE),
            Err(DomainError::RequestStatus)
        );
        assert_eq!(
            Status::Resolved.apply(Transition::Close, Parties::SCHEDULE),
            Ok(Status::Closed)
        );
        // The time ran out for the resident, not for a reopening.
        assert_eq!(
            Status::Resolved.may(Transition::Reopen, Parties::SCHEDULE),
            Err(DomainError::Forbidden)
        );
        // A split leaves the request where it is, while it is open.
        let staff = Parties {
            dispatcher: true,
            ..Parties::default()
        };
        assert_eq!(
            Status::Returned.apply(Transition::Split, staff),
            Ok(Status::Returned)
        );
        assert_eq!(
            Status::Resolved.may(Transition::Split, staff),
            Err(DomainError::RequestStatus)
        );
        assert_eq!(
            Status::InProgress.may(Transition::Split, unit),
            Err(DomainError::Forbidden)
        );
    }

    #[test]
    fn who_is_who_for_a_request() {
        let unit = HandlingUnitId::from_trusted("hdu_property");
        let other = HandlingUnitId::from_trusted("hdu_water");
        let her = resident_of(3);
        let p = Parties::of(
            &her,
            &building(3),
            (&unit, None),
            std::slice::from_ref(&other),
            Some(&her.member),
        );
        assert_eq!(
            p,
            Parties {
                requester: true,
                ..Parties::default()
            }
        );
        let p = Parties::of(
            &staff(),
            &building(3),
            (&unit, None),
            std::slice::from_ref(&unit),
            None,
        );
        assert!(p.handler && p.dispatcher && !p.requester && !p.schedule);
        // Staff of another community dispatch nothing here.
        let p = Parties::of(&outsider_staff(), &building(3), (&unit, None), &[], None);
        assert_eq!(p, Parties::default());
        let mut suspended = resident_of(3);
        suspended.status = crate::members::MemberStatus::Suspended;
        let p = Parties::of(
            &suspended,
            &building(3),
            (&unit, None),
            std::slice::from_ref(&unit),
            Some(&suspended.member),
        );
        assert_eq!(p, Parties::default());
    }

    /// A community's unit handles only its community's requests, whoever belongs to it; the district's
    /// handle what they are sent, wherever it is.
    #[test]
    fn a_communitys_unit_serves_only_its_community() {
        let unit = HandlingUnitId::from_trusted("hdu_office");
        let staff = staff();
        let elsewhere = crate::territory::ScopePath::community(
            street_id(),
            crate::ids::CommunityId::from_trusted("com_other"),
        );
        assert!(serves(Some(&community()), &building(3)));
        assert!(!serves(Some(&community()), &elsewhere));
        assert!(serves(None, &elsewhere));
        let theirs = Parties::of(
            &staff,
            &elsewhere,
            (&unit, Some(&community())),
            std::slice::from_ref(&unit),
            None,
        );
        assert_eq!(theirs, Parties::default());
        let district = Parties::of(
            &staff,
            &elsewhere,
            (&unit, None),
            std::slice::from_ref(&unit),
            None,
        );
        assert!(district.handler && !district.dispatcher);
    }

    #[test]
    fn notes_and_returns() {
        for t in ALL_TRANSITIONS {
            assert_eq!(
                change_note(t, "  ").is_err(),
                matches!(
                    t,
                    Transition::Resolve | Transition::Return | Transition::Merge
                ),
                "{t:?}"
            );
        }
        assert_eq!(
            change_note(Transition::Resolve, " 已更换灯泡 "),
            Ok("已更换灯泡".into())
        );
        assert_eq!(change_note(Transition::Accept, ""), Ok(String::new()));
        assert!(change_note(Transition::Accept, &"长".repeat(NOTE_MAX + 1)).is_err());
        let unit = HandlingUnitId::from_trusted("hdu_property");
        assert_eq!(
            check_return(&unit, &unit),
            Err(DomainError::Invalid {
                field: Field::HandlingUnit
            })
        );
        assert_eq!(
            check_return(&unit, &HandlingUnitId::from_trusted("hdu_water")),
            Ok(())
        );
    }

    fn parties() -> impl Strategy<Value = Parties> {
        (any::<bool>(), any::<bool>(), any::<bool>(), any::<bool>()).prop_map(
            |(handler, dispatcher, requester, schedule)| Parties {
                handler,
                dispatcher,
                requester,
                schedule,
            },
        )
    }

    proptest! {
        /// A change is made exactly when its party asks and the status allows it; what `may` allows
        /// `apply` makes; nothing leaves an end.
        #[test]
        fn may_is_who_and_then_the_status(s in 0usize..7, t in 0usize..9, p in parties()) {
            let (status, t) = (ALL_STATUSES[s], ALL_TRANSITIONS[t]);
            let applied = status.apply(t, p);
            prop_assert_eq!(status.may(t, p), applied.clone().map(|_| ()));
            prop_assert_eq!(
                applied.is_ok(),
                who_may(t, p).is_ok() && status.may(t, ANYONE).is_ok()
            );
            if who_may(t, p).is_err() {
                prop_assert_eq!(applied.clone(), Err(DomainError::Forbidden));
            }
            if matches!(status, Status::Closed | Status::Merged) {
                prop_assert!(applied.is_err());
            }
        }
    }
}
