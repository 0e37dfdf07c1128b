//! Budget rounds of self-governance projects (居民自治项目化, 微实事): a round's budget and phases, and
//! the needs residents post and support in it. Amounts are whole fen.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::ids::{CommunityId, NeedId, RoundId};
use crate::projects::{Allocation, Fen, Phase, PhaseEnd, Standing};

/// `POST /api/v1/rounds`: staff open a round for a community.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CreateRoundRequest {
    pub community: CommunityId,
    pub title: String,
    /// The whole budget, in fen.
    pub budget_fen: Fen,
    /// The most one project may ask for, in fen.
    pub cap_fen: Fen,
    /// How the vote allocates the budget.
    pub allocation: Allocation,
    /// 1 to 12 categories (为老服务, 文化活动, 环境美化, 自我管理, 青少年, or the district's own).
    pub categories: Vec<String>,
    pub starts_at: DateTime<Utc>,
    /// The phases the round uses, in order, each with its end; plans, vote and implementation at least.
    pub phases: Vec<PhaseEnd>,
}

/// `PUT /api/v1/rounds/{id}/schedule`: moves a phase's end, and with it the next phase's start.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MovePhaseRequest {
    pub phase: Phase,
    pub ends_at: DateTime<Utc>,
}

/// `POST /api/v1/rounds/{id}/needs`: a resident posts a need (我希望…).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct NeedRequest {
    pub title: String,
    pub description: String,
    /// One of the round's categories.
    pub category: String,
    /// Where, in words (3号楼东侧).
    #[serde(default)]
    pub place: Option<String>,
}

/// A phase as the round runs it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PhaseSpan {
    pub phase: Phase,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
}

/// A need and its neighbours' support. Who posted it and who supports it are not shown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct NeedView {
    pub id: NeedId,
    pub title: String,
    pub description: String,
    pub category: String,
    pub place: Option<String>,
    /// Residents who support it, its author included.
    pub supports: u32,
    pub posted_at: DateTime<Utc>,
    /// Hers.
    pub mine: bool,
    /// She supports it.
    pub supported: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RoundView {
    pub id: RoundId,
    pub community: CommunityId,
    pub community_name: String,
    pub title: String,
    pub budget_fen: Fen,
    pub cap_fen: Fen,
    pub allocation: Allocation,
    pub categories: Vec<String>,
    pub phases: Vec<PhaseSpan>,
    /// Where the round stands now.
    pub standing: Standing,
    /// Most supported first.
    pub needs: Vec<NeedView>,
    pub may_manage: bool,
    pub may_post_need: bool,
    pub may_support: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RoundResponse {
    pub round: RoundView,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RoundSummary {
    pub id: RoundId,
    pub title: String,
    pub community_name: String,
    pub budget_fen: Fen,
    pub standing: Standing,
}

/// `GET /api/v1/rounds`: the rounds of the communities she may read, newest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RoundListResponse {
    pub rounds: Vec<RoundSummary>,
}
