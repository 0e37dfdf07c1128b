//! The live room's protocol: what a phone or the wall screen sends over a meeting's WebSocket and what the
//! room sends back. Every message is JSON with the protocol's version, so that a phone running an old app
//! recognises a message it cannot read (and reloads) instead of misreading it.
//!
//! **The sequence is the meeting's revision.** Every change stored in D1 raises the meeting's `revision`
//! by one in the change's own batch, so the revisions number the meeting's changes without a gap, the
//! same for the room, for a phone and for `GET /meetings/{id}/live`. The room sends a whole
//! [`ServerMsg::State`] to a phone that connects or asks (`sync`), then [`ServerMsg::Delta`]s: each takes
//! the view from revision `from` to revision `to` (a burst of changes coalesced into one), and a phone
//! that does not stand at `from` has missed something and asks for the state ([`receive`]). A room that
//! restarts keeps the numbering, since it is the record's. What the room itself keeps and how it moves
//! is [`room`].

use serde::{Deserialize, Serialize};

use crate::api::meetings::{BuildingCount, LiveItem, LiveMotion, LiveSpeaker, MeetingLive};
use crate::meetings::MeetingState;

pub mod room;

/// The version of the room's protocol; raised when a message changes shape.
pub const VERSION: u16 = 2;

/// The `type` of [`ServerMsg::State`], for readers that look at the envelope field by field.
pub const STATE: &str = "state";
/// The `type` of [`ServerMsg::Delta`].
pub const DELTA: &str = "delta";

/// From a phone to the room.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ClientMsg {
    /// Keeps proxies from closing an idle connection; answered with [`ServerMsg::Pong`].
    Ping,
    /// Asks again for the state (after the screen was locked, or a gap in the deltas); answered with
    /// [`ServerMsg::State`].
    Sync,
}

/// From the room to a phone.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ServerMsg {
    Pong,
    /// The meeting as it is now; a phone ignores a state older than the one it shows.
    State {
        live: Box<MeetingLive>,
    },
    /// What changed from revision `from` to revision `to`.
    Delta {
        from: u64,
        to: u64,
        changes: Box<Changes>,
    },
}

/// The parts of a meeting's live state that changed; each part given replaces the phone's.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Changes {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<MeetingState>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub items: Option<Vec<LiveItem>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub presence: Option<Presence>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speakers: Option<Vec<LiveSpeaker>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub motion: Option<LiveMotion>,
}

/// Who is present: the figures that move together when someone checks in or leaves.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Presence {
    pub present: u64,
    pub eligible: u64,
    pub quorum_met: bool,
    pub buildings: Vec<BuildingCount>,
}

impl Presence {
    fn of(live: &MeetingLive) -> Presence {
        Presence {
            present: live.present,
            eligible: live.eligible,
            quorum_met: live.quorum_met,
            buildings: live.buildings.clone(),
        }
    }
}

impl Changes {
    /// The parts of `new` that differ from `old`.
    #[must_use]
    pub fn between(old: &MeetingLive, new: &MeetingLive) -> Changes {
        let presence = Presence::of(new);
        Changes {
            state: (old.state != new.state).then_some(new.state),
            items: (old.items != new.items).then(|| new.items.clone()),
            presence: (Presence::of(old) != presence).then_some(presence),
            speakers: (old.speakers != new.speakers).then(|| new.speakers.clone()),
            // A motion is never taken away: the latest stays shown once closed.
            motion: new
                .motion
                .as_ref()
                .filter(|m| old.motion.as_ref() != Some(*m))
                .cloned(),
        }
    }

    /// `live` with these changes, at revision `to`.
    pub fn apply(self, live: &mut MeetingLive, to: u64) {
        live.revision = to;
        if let Some(state) = self.state {
            live.state = state;
        }
        if let Some(items) = self.items {
            live.items = items;
        }
        if let Some(p) = self.presence {
            live.present = p.present;
            live.eligible = p.eligible;
            live.quorum_met = p.quorum_met;
            live.buildings = p.buildings;
        }
        if let Some(speakers) = self.speakers {
            live.speakers = speakers;
        }
        if let Some(motion) = self.motion {
            live.motion = Some(motion);
        }
    }
}

/// What became of a message of the room on a phone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Received {
    /// The state shown changed.
    Changed,
    /// Nothing new (a pong, or a state or delta it already has).
    Keep,
    /// A delta that does not start where the phone stands: it missed a message, and asks for the
    /// state (`sync`).
    Resync,
}

/// Takes `msg` into `shown`, the state a phone shows (in place: a delta costs the phone no copy of the
/// whole state).
pub fn receive(shown: &mut MeetingLive, msg: ServerMsg) -> Received {
    match msg {
        ServerMsg::Pong => Received::Keep,
        ServerMsg::State { live } if live.revision >= shown.revision => {
            *shown = *live;
            Received::Changed
        }
        ServerMsg::State { .. } => Received::Keep,
        ServerMsg::Delta { from, to, changes } if from == shown.revision => {
            changes.apply(shown, to);
            Received::Changed
        }
        ServerMsg::Delta { to, .. } if to <= shown.revision => Received::Keep,
        ServerMsg::Delta { .. } => Received::Resync,
    }
}

/// A message with the protocol's version: `{ "v": 2, "type": "…", … }`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Envelope<M> {
    pub v: u16,
    #[serde(flatten)]
    pub msg: M,
}

impl<M: Serialize> Envelope<M> {
    /// The message as sent on the socket.
    #[must_use]
    pub fn text(msg: M) -> String {
        serde_json::to_string(&Envelope { v: VERSION, msg }).unwrap_or_default()
    }
}

impl ClientMsg {
    /// The message as sent on the socket.
    #[must_use]
    pub fn text(self) -> String {
        Envelope::text(self)
    }

    /// A message read from a socket; `None` for another version or a message the room does not know.
    #[must_use]
    pub fn read(text: &str) -> Option<ClientMsg> {
        let envelope: Envelope<ClientMsg> = serde_json::from_str(text).ok()?;
        (envelope.v == VERSION).then_some(envelope.msg)
    }
}

impl ServerMsg {
    /// The message as sent on the socket.
    #[must_use]
    pub fn text(self) -> String {
        Envelope::text(self)
    }

    /// A message read from a socket; `None` for another version or a message this side does not know.
    #[must_use]
    pub fn read(text: &str) -> Option<ServerMsg> {
        let envelope: Envelope<ServerMsg> = serde_json::from_str(text).ok()?;
        (envelope.v == VERSION).then_some(envelope.msg)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::api::meetings::MeetingLive;
    use crate::ids::{MeetingId, VoteId};
    use crate::votes::VoteState;
    use crate::votes::tally::Method;

    pub(crate) fn live(revision: u64) -> MeetingLive {
        MeetingLive {
            meeting: MeetingId::from_trusted("mtg_1"),
            revision,
            state: MeetingState::Open,
            items: Vec::new(),
            present: 0,
            eligible: 3,
            quorum_met: false,
            speakers: Vec::new(),
            motion: None,
            buildings: Vec::new(),
        }
    }

    fn motion(participated: u64) -> LiveMotion {
        LiveMotion {
            vote: VoteId::from_trusted("vot_1"),
            title: "加装电梯".into(),
            options: Vec::new(),
            method: Method::YesNo,
            state: VoteState::Open,
            participated,
            voters: 3,
            result: None,
        }
    }

    #[test]
    fn client_messages_carry_the_version_and_round_trip() {
        assert_eq!(ClientMsg::Ping.text(), r#"{"v":2,"type":"ping"}"#);
        assert_eq!(ClientMsg::Sync.text(), r#"{"v":2,"type":"sync"}"#);
        for m in [ClientMsg::Ping, ClientMsg::Sync] {
            assert_eq!(ClientMsg::read(&m.clone().text()), Some(m));
        }
    }

    #[test]
    fn unknown_versions_and_bare_words_are_not_read() {
        assert_eq!(ClientMsg::read(r#"{"v":1,"type":"ping"}"#), None);
        assert_eq!(ClientMsg::read("ping"), None);
        assert_eq!(ClientMsg::read(r#"{"v":2,"type":"shout"}"#), None);
        assert_eq!(ServerMsg::read(r#"{"v":1,"type":"pong"}"#), None);
    }

    #[test]
    fn a_state_is_tagged_with_its_type_name() {
        let text = ServerMsg::State {
            live: Box::new(live(7)),
        }
        .text();
        let value: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
        assert_eq!(value["type"], STATE);
        assert_eq!(value["v"], VERSION);
        assert_eq!(value["live"]["revision"], 7);
    }

    #[test]
    fn a_ballots_delta_carries_the_motion_alone() {
        let (old, mut new) = (live(4), live(4));
        new.motion = Some(motion(1));
        let changes = Changes::between(&old, &new);
        let text = ServerMsg::Delta {
            from: 4,
            to: 5,
            changes: Box::new(changes.clone()),
        }
        .text();
        let value: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
        assert_eq!(value["type"], DELTA);
        assert_eq!(value["changes"]["motion"]["participated"], 1);
        assert!(value["changes"].get("presence").is_none());
        assert!(value["changes"].get("speakers").is_none());
        assert_eq!(
            ServerMsg::read(&text),
            Some(ServerMsg::Delta {
                from: 4,
                to: 5,
                changes: Box::new(changes)
            })
        );
    }

    #[test]
    fn a_delta_applies_only_where_the_phone_stands() {
        let shown = live(4);
        let mut next = live(4);
        next.present = 2;
        let delta = |from, to| ServerMsg::Delta {
            from,
            to,
            changes: Box::new(Changes::between(&shown, &next)),
        };
        let mut phone = shown.clone();
        assert_eq!(receive(&mut phone, delta(4, 6)), Received::Changed);
        assert_eq!((phone.revision, phone.present), (6, 2));
        let mut phone = shown.clone();
        assert_eq!(
            receive(&mut phone, delta(5, 6)),
            Received::Resync,
            "revision 5 was missed"
        );
        assert_eq!(
            receive(&mut phone, delta(2, 4)),
            Received::Keep,
            "already shown"
        );
        let old = ServerMsg::State {
            live: Box::new(live(3)),
        };
        assert_eq!(receive(&mut phone, old), Received::Keep);
        assert_eq!(phone, shown, "nothing taken");
        let newer = ServerMsg::State {
            live: Box::new(live(9)),
        };
        assert_eq!(receive(&mut phone, newer), Received::Changed);
        assert_eq!(phone, live(9));
        assert_eq!(receive(&mut phone, ServerMsg::Pong), Received::Keep);
    }

    #[test]
    fn changes_between_two_states_rebuild_the_second() {
        let old = live(1);
        let mut new = live(3);
        new.state = MeetingState::Closed;
        new.present = 2;
        new.quorum_met = true;
        new.motion = Some(motion(2));
        let mut rebuilt = old.clone();
        Changes::between(&old, &new).apply(&mut rebuilt, 3);
        assert_eq!(rebuilt, new);
        assert_eq!(Changes::between(&new, &new), Changes::default());
    }

    #[test]
    fn the_pong_is_tagged() {
        assert_eq!(ServerMsg::Pong.text(), r#"{"v":2,"type":"pong"}"#);
    }
}
