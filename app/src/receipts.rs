//! Receipts kept on her phone. A secret ballot is stored without its voter, so the server cannot give
//! her receipt back: the receipt she was shown when she voted is kept here, in `localStorage`, under her
//! member id (another member signing in on the same phone does not see it), and stays after she signs
//! out, so that she finds it when she signs in again. Named votes' receipts come from the server too.

use std::collections::BTreeMap;

use yishi_core::ids::{MemberId, VoteId};
use yishi_core::votes::electorate::VoterKey;

use crate::prefs;

fn key(member: &MemberId) -> String {
    format!("yishi.receipts.{member}")
}

fn slot(vote: &VoteId, voter: &VoterKey) -> String {
    format!("{vote}/{}", voter.storage_key())
}

fn load(member: &MemberId) -> BTreeMap<String, String> {
    prefs::load(&key(member))
        .and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or_default()
}

/// Keeps the receipt of her ballot `voter` in `vote`.
pub fn remember(member: &MemberId, vote: &VoteId, voter: &VoterKey, receipt: &str) {
    let mut all = load(member);
    all.insert(slot(vote, voter), receipt.to_owned());
    if let Ok(json) = serde_json::to_string(&all) {
        prefs::store(&key(member), &json);
    }
}

/// The receipt kept on this phone for her ballot `voter` in `vote`, if any.
#[must_use]
pub fn recall(member: &MemberId, vote: &VoteId, voter: &VoterKey) -> Option<String> {
    load(member).remove(&slot(vote, voter))
}
