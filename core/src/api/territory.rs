//! The territory as a tree of named places, for pickers.

use serde::{Deserialize, Serialize};

use crate::ids::{BuildingId, CommunityId, CompoundId};

/// `GET /api/v1/territory/postable`: the places the actor may publish notices to.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostableScopesResponse {
    pub communities: Vec<CommunityNode>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommunityNode {
    pub id: CommunityId,
    pub name: String,
    /// Whether the actor may post to the whole community (otherwise only to some buildings in it).
    pub postable: bool,
    pub compounds: Vec<CompoundNode>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompoundNode {
    pub id: CompoundId,
    pub name: String,
    pub postable: bool,
    pub buildings: Vec<BuildingNode>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BuildingNode {
    pub id: BuildingId,
    pub name: String,
}
