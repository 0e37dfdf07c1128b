//! Votes: creating one, reading it with the member's own votes and (when shown) its result, casting a
//! ballot, closing, and the published ballot list.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::ids::{MatterId, MeetingId, VoteId};
use crate::numbers::RecordNumber;
use crate::territory::ScopeRef;
use crate::votes::electorate::VoterKey;
pub use crate::votes::mine::{MyBallot, Participation};
use crate::votes::poll::{PollResult, PollSettings, PublishedBallot, Secrecy};
use crate::votes::tally::{Choice, Method, Turnout};

/// `POST /api/v1/votes`.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateVoteRequest {
    pub scope: ScopeRef,
    pub settings: PollSettings,
}

pub use crate::votes::lifecycle::VoteState;

/// One vote the member may cast herself (her own, or her household's).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyVote {
    pub voter: VoterKey,
    pub voted: bool,
    /// Someone delegated this vote to her (委托).
    pub delegated: bool,
    /// Once cast: how, by whom, and in a named vote her receipt and choice (never in a secret one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ballot: Option<MyBallot>,
}

/// `POST /api/v1/votes/{id}/proxies`, before the vote opens: the member delegates her vote `from` (her
/// own, or her household's) to the voter `to`, or to the neighbour whose phone number she gives
/// (`to_phone`), who then casts it with her own.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProxyRequest {
    pub from: VoterKey,
    #[serde(default)]
    pub to: Option<VoterKey>,
    #[serde(default)]
    pub to_phone: Option<String>,
}

/// The answer to a proxy: who holds it now, by the name she shows neighbours.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProxyResponse {
    pub to: VoterKey,
    pub to_name: String,
}

/// `GET /api/v1/votes/{id}/voters`, for those who run the vote: the snapshotted electorate as a register
/// (who voted, not what), to enter paper ballots and follow up.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoterListResponse {
    pub voters: Vec<VoterEntry>,
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoterEntry {
    pub voter: VoterKey,
    /// The resident's name, or for a household its door and its representative.
    pub name: String,
    /// Where she lives, e.g. 「3号楼 1单元 002」 (empty for a council member living elsewhere).
    pub home: String,
    pub voted: bool,
    /// The vote was delegated to this voter (委托).
    pub delegated_to: Option<VoterKey>,
}

/// `POST /api/v1/votes/{id}/paper`: a ballot cast on paper or by show of hands, entered by staff.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaperBallotRequest {
    pub voter: VoterKey,
    pub choice: Choice,
    pub channel: crate::votes::poll::Channel,
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoteView {
    pub id: VoteId,
    /// Its short number within the community (投票 #5), or the street for a vote of the whole street.
    pub number: RecordNumber,
    pub scope: ScopeRef,
    pub scope_name: String,
    pub settings: PollSettings,
    pub state: VoteState,
    /// Voters in the snapshotted electorate (once open).
    pub eligible: Option<u64>,
    /// Votes cast so far.
    pub participated: u64,
    /// How many have voted, of how many may (once open): the figure every screen shows.
    #[serde(default)]
    pub count: Option<Participation>,
    pub my_votes: Vec<MyVote>,
    /// Before opening, when proxies are allowed: her votes she may still delegate.
    #[serde(default)]
    pub may_delegate: Vec<VoterKey>,
    /// Her votes she has delegated.
    #[serde(default)]
    pub delegated: Vec<VoterKey>,
    /// Once open: those of her delegated votes that her proxy has cast.
    #[serde(default)]
    pub delegated_cast: Vec<VoterKey>,
    /// Shown live or after close, as the vote says.
    pub result: Option<PollResult>,
}

/// `GET /api/v1/votes/{id}`, and the answer to creating and closing.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoteResponse {
    pub vote: VoteView,
}

#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoteSummary {
    pub id: VoteId,
    pub number: RecordNumber,
    pub title: String,
    pub scope_name: String,
    pub state: VoteState,
    pub opens_at: DateTime<Utc>,
    pub closes_at: DateTime<Utc>,
    /// She has a vote here she has not cast yet, and it is open.
    pub needs_my_vote: bool,
    /// How many have voted, of how many may (once open).
    #[serde(default)]
    pub count: Option<Participation>,
    /// The matter this vote decides, if any.
    #[serde(default)]
    pub matter: Option<MatterId>,
    /// The meeting whose motion this is, if any.
    #[serde(default)]
    pub meeting: Option<MeetingId>,
}

/// `GET /api/v1/votes?q=`: the votes addressed to the member, newest first. `q` is a vote's number (`5`,
/// `#5`, `V-5`, `投票5`) or words of its title.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoteListResponse {
    pub votes: Vec<VoteSummary>,
}

/// One vote she took part in, with what she may see of her ballots.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyVoteRecord {
    pub vote: VoteSummary,
    pub secrecy: Secrecy,
    pub method: Method,
    pub options: Vec<String>,
    /// Her votes in it (her own, her household's, those delegated to her), cast or not.
    pub mine: Vec<MyVote>,
    /// Her votes she delegated to a neighbour (委托) before it opened.
    #[serde(default)]
    pub delegated: Vec<VoterKey>,
    /// Those of her delegated votes that her neighbour has cast.
    #[serde(default)]
    pub delegated_cast: Vec<VoterKey>,
}

/// `GET /api/v1/me/ballots`: the votes she took part in, newest first (at most 100): for named votes
/// her choice and receipt, for secret ones only that her ballot was counted; and the votes she
/// delegated, with whether her neighbour has cast them (never how).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyBallotsResponse {
    pub votes: Vec<MyVoteRecord>,
}

/// `POST /api/v1/votes/{id}/ballots`: `voter` chooses which of her votes she casts when she has
/// several (her own and her household's); otherwise it may be left out.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CastRequest {
    pub choice: Choice,
    #[serde(default)]
    pub voter: Option<VoterKey>,
}

/// The answer to a ballot: the receipt to find it later in the published list.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CastResponse {
    pub receipt: String,
    pub voter: VoterKey,
}

/// `GET /api/v1/votes/{id}/ballots`: every ballot under its receipt (with names only for named votes),
/// and the figures to recount it.
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BallotListResponse {
    pub ballots: Vec<PublishedBallot>,
    /// The electorate the list is counted against (`eligible`, `eligible_weight`, `present`).
    #[serde(flatten)]
    pub turnout: Turnout,
    pub result: PollResult,
}

/// `GET /api/v1/votes/{id}/result`: the result, its figures as a table (as in the CSV form) and in
/// plain words (as in the result notice).
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoteResultResponse {
    pub title: String,
    pub text: String,
    /// The figures, first row the headings.
    pub rows: Vec<Vec<String>>,
    #[serde(flatten)]
    pub turnout: Turnout,
    pub participated: u64,
    pub result: PollResult,
}
