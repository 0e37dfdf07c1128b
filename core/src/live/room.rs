//! What a meeting's room keeps, and how it moves. D1 holds the record: every ballot, check-in and
//! change. The room holds the live view built from it ([`Room::new`] of a [`Record`], read once) and
//! moves it by small events ([`RoomEvent`]) as changes are stored: a ballot adds one to the count (and,
//! where the result is shown live, counts again), a check-in or a leave moves the presence figures. Each
//! event carries the revision its change was stored at, so the room applies each exactly once and in
//! order; an event from further ahead waits for the ones before it, and a gap that stays, a change the
//! room cannot derive (an agenda item, a motion put or closed, a speaker), or a room that has just
//! started all mean the same: read the record again ([`Step::Behind`]). Built from the record at a
//! revision, the room holds exactly what it held after applying every event up to that revision (the
//! property tests below).

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use super::{Changes, ServerMsg};
use crate::api::meetings::{Attendee, LiveItem, LiveMotion, LiveSpeaker, MeetingLive};
use crate::ids::{BuildingId, MeetingId, MemberId, VoteId};
use crate::meetings::roster::by_building;
use crate::meetings::{MeetingState, quorum_met};
use crate::votes::VoteState;
use crate::votes::electorate::Voter;
use crate::votes::poll::{PollSettings, count};
use crate::votes::tally::{Ballot, Quorum, Turnout};

/// A change stored in D1, told to the room; `revision` is the meeting's revision the change was
/// stored at.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RoomEvent {
    /// A ballot on the meeting's open motion `vote`, by any channel.
    Ballot {
        revision: u64,
        vote: VoteId,
        ballot: Ballot,
    },
    /// `member` checked in (`present`), or left, or her check-in was taken back.
    Presence {
        revision: u64,
        member: MemberId,
        present: bool,
    },
    /// The record stands at `revision` after a change the room reads for itself (or, from a route
    /// that found the room may be behind, a reminder of where the record stands).
    Changed { revision: u64 },
}

impl RoomEvent {
    #[must_use]
    pub fn revision(&self) -> u64 {
        match self {
            RoomEvent::Ballot { revision, .. }
            | RoomEvent::Presence { revision, .. }
            | RoomEvent::Changed { revision } => *revision,
        }
    }
}

/// A meeting as read from D1 at one revision: what the room is built from.
#[derive(Clone, Debug, PartialEq)]
pub struct Record {
    pub meeting: MeetingId,
    pub revision: u64,
    pub state: MeetingState,
    pub quorum: Quorum,
    pub items: Vec<LiveItem>,
    /// Waiting and speaking, in order of request.
    pub speakers: Vec<LiveSpeaker>,
    /// The voters on the meeting's list, with the members who may cast each.
    pub voters: Vec<Voter>,
    /// Each member on the list once, with her building, in the register's order.
    pub seats: Vec<Seat>,
    /// The members checked in now.
    pub present: Vec<MemberId>,
    /// The latest motion, open or closed.
    pub motion: Option<MotionRecord>,
}

/// A member on the list and the building she is counted in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Seat {
    pub member: MemberId,
    pub building: Option<BuildingId>,
    pub building_name: Option<String>,
}

/// The latest motion as read: its view (count, and result where shown), and what the room needs to
/// count it again after a ballot when its result is shown while it is open.
#[derive(Clone, Debug, PartialEq)]
pub struct MotionRecord {
    pub view: LiveMotion,
    pub live_count: Option<LiveCount>,
}

/// The ballots of a motion whose result is shown while it is open, with its rules.
#[derive(Clone, Debug, PartialEq)]
pub struct LiveCount {
    pub settings: PollSettings,
    pub turnout: Turnout,
    pub ballots: Vec<Ballot>,
}

/// What became of an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// Applied (with any that waited for it).
    Applied,
    /// Already in the view.
    Stale,
    /// From further ahead: it waits for the events before it. If they do not come soon, read the
    /// record.
    Waiting,
    /// The room cannot move by itself: read the record ([`Room::replace`]).
    Behind,
}

#[derive(Clone, Debug)]
struct Member {
    /// The voters she may cast for (indices into the voters).
    voters: Vec<usize>,
    /// Her line of the count per building.
    building: Option<usize>,
    present: bool,
}

/// A meeting's live view and what moves it.
#[derive(Clone, Debug)]
pub struct Room {
    live: MeetingLive,
    quorum: Quorum,
    members: HashMap<MemberId, Member>,
    /// Per voter, how many of its casters are present.
    casters_present: Vec<u32>,
    live_count: Option<LiveCount>,
    /// The live result needs counting again.
    recount: bool,
    /// Events from further ahead, by revision.
    waiting: BTreeMap<u64, RoomEvent>,
    /// The view as last sent to the phones.
    sent: MeetingLive,
}

impl Room {
    /// The room of a meeting as `record` stands.
    #[must_use]
    pub fn new(record: Record) -> Room {
        let mut members: HashMap<MemberId, Member> = HashMap::with_capacity(record.seats.len());
        let seat_lines: Vec<Attendee> = record
            .seats
            .iter()
            .map(|s| Attendee {
                member_id: s.member.clone(),
                name: String::new(),
                present: false,
                on_behalf: None,
                building_id: s.building.clone(),
                building: s.building_name.clone(),
                flat: None,
                may_undo: false,
                initials: String::new(),
            })
            .collect();
        let mut buildings = by_building(&seat_lines);
        for s in &record.seats {
            let building = buildings.iter().position(|b| b.building == s.building);
            members.entry(s.member.clone()).or_insert(Member {
                voters: Vec::new(),
                building,
                present: false,
            });
        }
        for (i, v) in record.voters.iter().enumerate() {
            for c in &v.casters {
                members
                    .entry(c.clone())
                    .or_insert(Member {
                        voters: Vec::new(),
                        building: None,
                        present: false,
                    })
                    .voters
                    .push(i);
            }
        }
        let mut casters_present = vec![0u32; record.voters.len()];
        for who in &record.present {
            if let Some(m) = members.get_mut(who)
                && !m.present
            {
                m.present = true;
                for &v in &m.voters {
                    casters_present[v] += 1;
                }
                if let Some(b) = m.building.and_then(|b| buildings.get_mut(b)) {
                    b.present += 1;
                }
            }
        }
        let present = casters_present.iter().filter(|n| **n > 0).count() as u64;
        let eligible = record.voters.len() as u64;
        let (motion, live_count) = match record.motion {
            Some(m) => (Some(m.view), m.live_count),
            None => (None, None),
        };
        let live = MeetingLive {
            meeting: record.meeting,
            revision: record.revision,
            state: record.state,
            items: record.items,
            present,
            eligible,
            quorum_met: quorum_met(record.quorum, present, eligible),
            speakers: record.speakers,
            motion,
            buildings: std::mem::take(&mut buildings),
        };
        let mut room = Room {
            sent: live.clone(),
            live,
            quorum: record.quorum,
            members,
            casters_present,
            live_count,
            recount: true,
            waiting: BTreeMap::new(),
        };
        room.settle();
        room.sent = room.live.clone();
        room
    }

    /// The revision the room stands at.
    #[must_use]
    pub fn revision(&self) -> u64 {
        self.live.revision
    }

    /// Whether events wait for one that has not come.
    #[must_use]
    pub fn has_gap(&self) -> bool {
        !self.waiting.is_empty()
    }

    /// Takes an event in.
    pub fn receive(&mut self, event: RoomEvent) -> Step {
        let revision = event.revision();
        if revision <= self.live.revision {
            return Step::Stale;
        }
        if matches!(event, RoomEvent::Changed { .. }) {
            return Step::Behind;
        }
        if revision > self.live.revision + 1 {
            self.waiting.insert(revision, event);
            return Step::Waiting;
        }
        if !self.apply(event) {
            return Step::Behind;
        }
        while let Some(next) = self.waiting.remove(&(self.live.revision + 1)) {
            if !self.apply(next) {
                return Step::Behind;
            }
        }
        self.waiting.retain(|r, _| *r > self.live.revision);
        Step::Applied
    }

    /// Applies the event right after the view's revision; `false` when the room cannot.
    fn apply(&mut self, event: RoomEvent) -> bool {
        match event {
            RoomEvent::Ballot {
                revision,
                vote,
                ballot,
            } => {
                let Some(motion) = self.live.motion.as_mut() else {
                    return false;
                };
                if motion.vote != vote || motion.state != VoteState::Open {
                    return false;
                }
                motion.participated += 1;
                if let Some(c) = self.live_count.as_mut() {
                    c.ballots.push(ballot);
                    self.recount = true;
                }
                self.live.revision = revision;
                true
            }
            RoomEvent::Presence {
                revision,
                member,
                present,
            } => {
                let Some(m) = self.members.get_mut(&member) else {
                    return false;
                };
                if m.present != present {
                    m.present = present;
                    for &v in &m.voters {
                        let n = &mut self.casters_present[v];
                        let before = *n > 0;
                        *n = if present { *n + 1 } else { n.saturating_sub(1) };
                        match (before, *n > 0) {
                            (false, true) => self.live.present += 1,
                            (true, false) => self.live.present -= 1,
                            _ => {}
                        }
                    }
                    if let Some(b) = m.building.and_then(|b| self.live.buildings.get_mut(b)) {
                        b.present = if present {
                            b.present + 1
                        } else {
                            b.present.saturating_sub(1)
                        };
                    }
                    self.live.quorum_met =
                        quorum_met(self.quorum, self.live.present, self.live.eligible);
                }
                self.live.revision = revision;
                true
            }
            RoomEvent::Changed { .. } => false,
        }
    }

    /// Takes the record as read again (after [`Step::Behind`], or a gap that stayed): the view becomes
    /// the record's, unless the room has meanwhile moved past it; the events still waiting that come
    /// after it are applied. What the phones were last sent is kept, so that the next message takes
    /// them from there.
    pub fn replace(&mut self, record: Record) -> Step {
        if record.revision < self.live.revision {
            return Step::Stale;
        }
        let sent = std::mem::replace(&mut self.sent, self.live.clone());
        let waiting = std::mem::take(&mut self.waiting);
        *self = Room::new(record);
        self.sent = sent;
        let revision = self.live.revision;
        let mut step = Step::Applied;
        for (_, event) in waiting.into_iter().filter(|(r, _)| *r > revision) {
            step = self.receive(event);
        }
        step
    }

    /// Counts the motion's live result again if ballots came since.
    fn settle(&mut self) {
        if !std::mem::take(&mut self.recount) {
            return;
        }
        if let (Some(c), Some(motion)) = (&self.live_count, self.live.motion.as_mut()) {
            motion.result = Some(count(&c.settings, &c.ballots, c.turnout));
        }
    }

    /// The view as it stands, for a phone that connects or asks.
    pub fn state(&mut self) -> ServerMsg {
        self.settle();
        ServerMsg::State {
            live: Box::new(self.live.clone()),
        }
    }

    /// The view as it stands.
    pub fn live(&mut self) -> &MeetingLive {
        self.settle();
        &self.live
    }

    /// What changed since the phones were last sent a message, as one delta; `None` when nothing did.
    pub fn flush(&mut self) -> Option<ServerMsg> {
        self.settle();
        if self.live == self.sent {
            return None;
        }
        let changes = Changes::between(&self.sent, &self.live);
        let from = self.sent.revision;
        self.sent = self.live.clone();
        Some(ServerMsg::Delta {
            from,
            to: self.live.revision,
            changes: Box::new(changes),
        })
    }
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};
    use proptest::prelude::*;

    use super::*;
    use crate::live::{Received, receive};
    use crate::votes::electorate::{ElectorateRule, VoterKey};
    use crate::votes::poll::{ResultsShown, Secrecy};
    use crate::votes::tally::{Choice, Method, Rules, Threshold, TieBreak};

    fn member(i: usize) -> MemberId {
        MemberId::from_trusted(format!("mbr_{i}"))
    }

    fn settings(results: ResultsShown) -> PollSettings {
        PollSettings {
            title: "加装电梯".into(),
            options: Vec::new(),
            method: Method::YesNo,
            rules: Rules {
                quorum: Quorum::None,
                threshold: Threshold::SimpleMajority,
                count_abstentions: false,
                double_majority: false,
            },
            tie_break: TieBreak::NoWinner,
            electorate: ElectorateRule::Residents,
            secrecy: Secrecy::Secret,
            results,
            changeable: false,
            max_proxies: 0,
            opens_at: Utc.timestamp_opt(0, 0).single().unwrap_or_default(),
            closes_at: Utc.timestamp_opt(3600, 0).single().unwrap_or_default(),
        }
    }

    /// What D1 holds in the tests: `n` members, one voter each except members 0 and 1, one household.
    #[derive(Clone)]
    struct Model {
        n: usize,
        revision: u64,
        present: Vec<bool>,
        ballots: Vec<Ballot>,
        results: ResultsShown,
    }

    impl Model {
        fn new(n: usize, results: ResultsShown) -> Model {
            Model {
                n,
                revision: 10,
                present: vec![false; n],
                ballots: Vec::new(),
                results,
            }
        }

        fn record(&self) -> Record {
            let mut voters = vec![Voter {
                key: VoterKey::Member(member(0)),
                casters: vec![member(0), member(1)],
                weight: 1,
            }];
            voters.extend((2..self.n).map(|i| Voter {
                key: VoterKey::Member(member(i)),
                casters: vec![member(i)],
                weight: 1,
            }));
            let turnout = Turnout {
                present: Some(3),
                ..Turnout::of(voters.len() as u64, voters.len() as u64)
            };
            let live = self.results == ResultsShown::Live;
            let settings = settings(self.results);
            Record {
                meeting: MeetingId::from_trusted("mtg_1"),
                revision: self.revision,
                state: MeetingState::Open,
                quorum: Quorum::PresentCount { present: 2 },
                items: Vec::new(),
                speakers: Vec::new(),
                voters,
                seats: (0..self.n)
                    .map(|i| Seat {
                        member: member(i),
                        building: (i % 3 != 0)
                            .then(|| BuildingId::from_trusted(format!("bld_{}", i % 3))),
                        building_name: (i % 3 != 0).then(|| format!("{}号楼", i % 3)),
                    })
                    .collect(),
                present: (0..self.n)
                    .filter(|i| self.present[*i])
                    .map(member)
                    .collect(),
                motion: Some(MotionRecord {
                    view: LiveMotion {
                        vote: VoteId::from_trusted("vot_1"),
                        title: "加装电梯".into(),
                        options: Vec::new(),
                        method: Method::YesNo,
                        state: VoteState::Open,
                        participated: self.ballots.len() as u64,
                        voters: 3,
                        result: live.then(|| count(&settings, &self.ballots, turnout)),
                    },
                    live_count: live.then(|| LiveCount {
                        settings,
                        turnout,
                        ballots: self.ballots.clone(),
                    }),
                }),
            }
        }

        /// Stores a change and gives the event the route tells the room.
        fn store(&mut self, change: &Change) -> RoomEvent {
            self.revision += 1;
            match change {
                Change::Ballot(yes) => {
                    let ballot = Ballot {
                        choice: if *yes { Choice::Yes } else { Choice::No },
                        weight: 1,
                    };
                    self.ballots.push(ballot.clone());
                    RoomEvent::Ballot {
                        revision: self.revision,
                        vote: VoteId::from_trusted("vot_1"),
                        ballot,
                    }
                }
                Change::Presence(i, here) => {
                    self.present[*i] = *here;
                    RoomEvent::Presence {
                        revision: self.revision,
                        member: member(*i),
                        present: *here,
                    }
                }
            }
        }
    }

    #[derive(Clone, Debug)]
    enum Change {
        Ballot(bool),
        Presence(usize, bool),
    }

    fn changes(n: usize) -> impl Strategy<Value = Vec<Change>> {
        prop::collection::vec(
            prop_oneof![
                any::<bool>().prop_map(Change::Ballot),
                (0..n, any::<bool>()).prop_map(|(i, h)| Change::Presence(i, h)),
            ],
            0..40,
        )
    }

    fn results() -> impl Strategy<Value = ResultsShown> {
        prop_oneof![Just(ResultsShown::Live), Just(ResultsShown::AfterClose)]
    }

    proptest! {
        /// Moved by events in any order of arrival, the room holds what it would be built from the
        /// record at the same revision; and a phone following its messages shows the same.
        #[test]
        fn events_in_any_order_give_what_the_record_gives(
            n in 3usize..8,
            results in results(),
            list in changes(8),
            swaps in prop::collection::vec(any::<prop::sample::Index>(), 0..10),
            flush_every in 1usize..5,
        ) {
            let list: Vec<Change> = list
                .into_iter()
                .map(|c| match c { Change::Presence(i, h) => Change::Presence(i % n, h), b => b })
                .collect();
            let mut model = Model::new(n, results);
            let mut room = Room::new(model.record());
            let mut phone = match room.state() {
                ServerMsg::State { live } => *live,
                other => panic!("{other:?}"),
            };
            let mut events: Vec<RoomEvent> = list.iter().map(|c| model.store(c)).collect();
            for s in swaps {
                if events.len() > 1 {
                    let i = s.index(events.len() - 1);
                    events.swap(i, i + 1);
                }
            }
            for (k, event) in events.into_iter().enumerate() {
                let step = room.receive(event);
                prop_assert_ne!(step, Step::Behind);
                if k % flush_every == 0 && let Some(msg) = room.flush() {
                    prop_assert_ne!(receive(&mut phone, msg), Received::Resync, "a phone following every message never has a gap");
                }
            }
            prop_assert!(!room.has_gap());
            if let Some(msg) = room.flush() {
                receive(&mut phone, msg);
            }
            let rebuilt = Room::new(model.record()).live().clone();
            prop_assert_eq!(room.live(), &rebuilt);
            prop_assert_eq!(&phone, &rebuilt);
        }

        /// A room that missed events (a crash between storing and telling) catches up from the record,
        /// and its next message takes the phones from where they were.
        #[test]
        fn a_room_behind_catches_up_from_the_record(
            n in 3usize..8,
            results in results(),
            seen in changes(8),
            lost in changes(8),
        ) {
            let fix = |list: Vec<Change>| -> Vec<Change> {
                list.into_iter().map(|c| match c { Change::Presence(i, h) => Change::Presence(i % n, h), b => b }).collect()
            };
            let mut model = Model::new(n, results);
            let mut room = Room::new(model.record());
            let mut phone = room.live().clone();
            for c in fix(seen) {
                room.receive(model.store(&c));
            }
            if let Some(msg) = room.flush() {
                receive(&mut phone, msg);
            }
            for c in fix(lost) {
                model.store(&c);
            }
            let step = room.receive(RoomEvent::Changed { revision: model.revision });
            prop_assert!(matches!(step, Step::Behind | Step::Stale));
            room.replace(model.record());
            if let Some(msg) = room.flush() {
                prop_assert_eq!(receive(&mut phone, msg), Received::Changed);
            }
            let rebuilt = Room::new(model.record()).live().clone();
            prop_assert_eq!(&phone, &rebuilt);
        }
    }

    #[test]
    fn hidden_results_leave_the_room_as_a_count_alone() {
        let mut model = Model::new(4, ResultsShown::AfterClose);
        let mut room = Room::new(model.record());
        for yes in [true, false, true] {
            assert_eq!(
                room.receive(model.store(&Change::Ballot(yes))),
                Step::Applied
            );
        }
        let text = room.flush().map(ServerMsg::text).unwrap_or_default();
        let value: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
        assert_eq!(value["changes"]["motion"]["participated"], 3);
        assert!(value["changes"]["motion"]["result"].is_null(), "{text}");
        assert!(!text.contains("\"yes\""), "{text}");
        let state = room.state().text();
        assert!(!state.contains("\"yes\""), "{state}");
    }

    #[test]
    fn live_results_are_counted_at_each_message() {
        let mut model = Model::new(4, ResultsShown::Live);
        let mut room = Room::new(model.record());
        room.receive(model.store(&Change::Ballot(true)));
        room.receive(model.store(&Change::Ballot(true)));
        let text = room.flush().map(ServerMsg::text).unwrap_or_default();
        let value: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
        assert_eq!(
            value["changes"]["motion"]["result"]["count"]["yes"], 2,
            "{text}"
        );
        assert_eq!(
            (value["from"].as_u64(), value["to"].as_u64()),
            (Some(10), Some(12))
        );
        assert_eq!(room.flush(), None, "nothing new");
    }

    #[test]
    fn a_gap_waits_and_a_change_the_room_cannot_derive_asks_for_the_record() {
        let mut model = Model::new(4, ResultsShown::Live);
        let mut room = Room::new(model.record());
        let first = model.store(&Change::Ballot(true));
        let second = model.store(&Change::Presence(2, true));
        assert_eq!(room.receive(second), Step::Waiting);
        assert!(room.has_gap());
        assert_eq!(room.receive(first.clone()), Step::Applied);
        assert!(!room.has_gap());
        assert_eq!(room.revision(), 12);
        assert_eq!(room.receive(first), Step::Stale);
        assert_eq!(
            room.receive(RoomEvent::Changed { revision: 13 }),
            Step::Behind
        );
        assert_eq!(
            room.receive(RoomEvent::Changed { revision: 12 }),
            Step::Stale
        );
        let elsewhere = RoomEvent::Ballot {
            revision: 13,
            vote: VoteId::from_trusted("vot_other"),
            ballot: Ballot {
                choice: Choice::Yes,
                weight: 1,
            },
        };
        assert_eq!(
            room.receive(elsewhere),
            Step::Behind,
            "a motion the room has not seen put"
        );
    }

    #[test]
    fn presence_counts_voters_buildings_and_the_quorum() {
        let mut model = Model::new(6, ResultsShown::Live);
        let mut room = Room::new(model.record());
        // Members 0 and 1 cast for one voter: both present count it once.
        room.receive(model.store(&Change::Presence(0, true)));
        room.receive(model.store(&Change::Presence(1, true)));
        assert_eq!((room.live().present, room.live().quorum_met), (1, false));
        room.receive(model.store(&Change::Presence(4, true)));
        assert_eq!((room.live().present, room.live().quorum_met), (2, true));
        room.receive(model.store(&Change::Presence(0, false)));
        assert_eq!(
            room.live().present,
            2,
            "member 1 still casts for the household"
        );
        let in_building: u32 = room.live().buildings.iter().map(|b| b.present).sum();
        assert_eq!(in_building, 2);
        assert_eq!(room.live(), Room::new(model.record()).live());
    }

    #[test]
    fn a_record_older_than_the_room_is_not_taken() {
        let mut model = Model::new(4, ResultsShown::Live);
        let old = model.record();
        let mut room = Room::new(old.clone());
        room.receive(model.store(&Change::Ballot(true)));
        assert_eq!(room.replace(old), Step::Stale);
        assert_eq!(room.revision(), 11);
    }
}
