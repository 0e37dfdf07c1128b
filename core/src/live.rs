//! The live room's protocol: what a phone or the wall screen sends over a meeting's WebSocket and what the
//! room sends back. Every message is JSON with the protocol's version, so that a phone running an old app
//! recognises a message it cannot read (and reloads) instead of misreading it.

use serde::{Deserialize, Serialize};

use crate::api::meetings::MeetingLive;

/// The version of the room's protocol; raised when a message changes shape.
pub const VERSION: u16 = 1;

/// The `type` of [`ServerMsg::State`], for readers that look at the envelope field by field.
pub const STATE: &str = "state";

/// From a phone to the room.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ClientMsg {
    /// Keeps proxies from closing an idle connection; answered with [`ServerMsg::Pong`].
    Ping,
    /// Asks again for the state (after the screen was locked, say); answered with [`ServerMsg::State`].
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
}

/// A message with the protocol's version: `{ "v": 1, "type": "…", … }`.
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

    /// The state's revision, for a state.
    #[must_use]
    pub fn revision(&self) -> Option<u64> {
        match self {
            ServerMsg::State { live } => Some(live.revision),
            ServerMsg::Pong => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn client_messages_carry_the_version_and_round_trip() {
        assert_eq!(ClientMsg::Ping.text(), r#"{"v":1,"type":"ping"}"#);
        assert_eq!(ClientMsg::Sync.text(), r#"{"v":1,"type":"sync"}"#);
        for m in [ClientMsg::Ping, ClientMsg::Sync] {
            assert_eq!(ClientMsg::read(&m.clone().text()), Some(m));
        }
    }

    #[test]
    fn unknown_versions_and_bare_words_are_not_read() {
        assert_eq!(ClientMsg::read(r#"{"v":2,"type":"ping"}"#), None);
        assert_eq!(ClientMsg::read("ping"), None);
        assert_eq!(ClientMsg::read(r#"{"v":1,"type":"shout"}"#), None);
    }

    #[test]
    fn a_state_is_tagged_with_its_type_name() {
        let text = ServerMsg::State {
            live: Box::new(crate::api::meetings::MeetingLive {
                meeting: crate::ids::MeetingId::from_trusted("mtg_1"),
                revision: 7,
                state: crate::meetings::MeetingState::Open,
                items: Vec::new(),
                present: 0,
                eligible: 0,
                quorum_met: false,
                speakers: Vec::new(),
                motion: None,
                buildings: Vec::new(),
            }),
        }
        .text();
        let value: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
        assert_eq!(value["type"], STATE);
        assert_eq!(value["v"], VERSION);
        assert_eq!(value["live"]["revision"], 7);
    }

    #[test]
    fn the_pong_is_tagged() {
        assert_eq!(ServerMsg::Pong.text(), r#"{"v":1,"type":"pong"}"#);
        assert_eq!(ServerMsg::Pong.revision(), None);
    }
}
