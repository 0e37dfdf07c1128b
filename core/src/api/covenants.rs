//! Resident covenants (居民公约): versions of clauses, comments per clause, adoption by vote, signatures.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::covenants::VersionState;
use crate::ids::{CovenantId, NoticeId, VoteId};
use crate::numbers::RecordNumber;
use crate::territory::ScopeRef;
use crate::votes::poll::PollSettings;

/// `POST /api/v1/covenants`: a new covenant with its first draft.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CreateCovenantRequest {
    pub title: String,
    pub scope: ScopeRef,
    pub clauses: Vec<String>,
}

/// `PUT /api/v1/covenants/{id}/draft` and `POST /api/v1/covenants/{id}/versions` (an amendment).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ClausesRequest {
    pub clauses: Vec<String>,
}

/// `POST /api/v1/covenants/{id}/comments`: on clause `clause` (1-based) of the draft.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ClauseCommentRequest {
    pub clause: u32,
    pub body: String,
}

/// `POST /api/v1/covenants/{id}/ballot`: a yes/no vote in the covenant's scope adopts the draft.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CovenantBallotRequest {
    pub settings: PollSettings,
}

/// `POST /api/v1/covenants/{id}/signatures`: `{}` signs for the member's own household; staff and grid
/// workers record a paper signature with `{ household, reason }`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SignRequest {
    #[serde(default)]
    pub household: Option<String>,
    #[serde(default)]
    pub reason: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ClauseComment {
    pub clause: u32,
    pub body: String,
    pub author_name: String,
    pub at: DateTime<Utc>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct VersionView {
    pub number: u32,
    pub state: VersionState,
    pub clauses: Vec<String>,
    pub comments: Vec<ClauseComment>,
    pub vote: Option<VoteId>,
    pub notice: Option<NoticeId>,
    pub created_at: DateTime<Utc>,
    pub adopted_at: Option<DateTime<Utc>>,
    /// Households that signed this version.
    pub signatures: u32,
}

/// Signed households of the version in force over all households, per building of the scope.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BuildingCoverage {
    pub name: String,
    pub households: u32,
    pub signed: u32,
    pub permille: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MySignature {
    pub at: DateTime<Utc>,
    /// Recorded by staff from a paper signature.
    pub on_paper: bool,
    pub by_name: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CovenantView {
    pub id: CovenantId,
    /// Its short number within the community (公约 #2), or the street for a covenant of the whole street;
    /// not to be confused with its versions' numbers.
    pub number: RecordNumber,
    pub title: String,
    pub scope: ScopeRef,
    pub scope_name: String,
    /// Newest first.
    pub versions: Vec<VersionView>,
    /// The number of the version in force, if one was adopted.
    pub in_force: Option<u32>,
    pub coverage: Vec<BuildingCoverage>,
    /// Her household's signature of the version in force.
    pub my_signature: Option<MySignature>,
    pub may_manage: bool,
    pub may_comment: bool,
    pub may_sign: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CovenantResponse {
    pub covenant: CovenantView,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CovenantSummary {
    pub id: CovenantId,
    pub number: RecordNumber,
    pub title: String,
    pub scope_name: String,
    pub latest: VersionState,
    pub in_force: Option<u32>,
}

/// `GET /api/v1/covenants?q=`: `q` is a covenant's number (`2`, `#2`, `C-2`, `公约2`) or words of its
/// title or clauses.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CovenantListResponse {
    pub covenants: Vec<CovenantSummary>,
}
