//! The words of a meeting's presence line: how many came of how many invited, and what that means for
//! the quorum, in one sentence, so that the count and the verdict cannot disagree
//! ([`crate::meetings::Presence`]). As for messages, every text is looked up by an exhaustive `match`.

use super::Lang;

/// A meeting's presence, as one sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PresenceText {
    /// The meeting needs no quorum.
    NoQuorum { present: u64, eligible: u64 },
    /// At least `needed` are present.
    Reached {
        present: u64,
        eligible: u64,
        needed: u64,
    },
    /// `short` more are needed to reach `needed`.
    Short {
        present: u64,
        eligible: u64,
        needed: u64,
        short: u64,
    },
}

impl PresenceText {
    #[must_use]
    pub fn text(&self, lang: Lang) -> String {
        use PresenceText as P;
        match (*self, lang) {
            (P::NoQuorum { present, eligible }, Lang::ZhCn) => {
                format!(
                    "到会 {present} 人，应到 {eligible} 人。本次会议不设法定人数，到会多少人都可以表决。"
                )
            }
            (P::NoQuorum { present, eligible }, Lang::En) => format!(
                "{present} of {eligible} present. This meeting needs no quorum: it may vote with any number present."
            ),
            (
                P::Reached {
                    present,
                    eligible,
                    needed,
                },
                Lang::ZhCn,
            ) => format!(
                "到会 {present} 人，应到 {eligible} 人，已达到法定人数（{needed} 人），可以表决。"
            ),
            (
                P::Reached {
                    present,
                    eligible,
                    needed,
                },
                Lang::En,
            ) => format!(
                "{present} of {eligible} present: quorum reached ({needed} needed), voting may start."
            ),
            (
                P::Short {
                    present,
                    eligible,
                    needed,
                    short,
                },
                Lang::ZhCn,
            ) => format!(
                "到会 {present} 人，应到 {eligible} 人，还差 {short} 人达到法定人数（{needed} 人）。"
            ),
            (
                P::Short {
                    present,
                    eligible,
                    needed,
                    short,
                },
                Lang::En,
            ) => format!(
                "{present} of {eligible} present: {short} more needed for a quorum ({needed})."
            ),
        }
    }
}
