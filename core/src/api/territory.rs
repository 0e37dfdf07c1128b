//! The territory as a tree of named places, for pickers.

use serde::{Deserialize, Serialize};

use crate::ids::{BuildingId, CommunityId, CompoundId, HouseholdId, MemberId};
use crate::members::Verification;
use crate::territory::{BuildingLayout, PlaceKind};

/// `GET /api/v1/territory/postable`: the places the actor may publish notices to.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PostableScopesResponse {
    pub communities: Vec<CommunityNode>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CommunityNode {
    pub id: CommunityId,
    pub name: String,
    /// Whether the actor may post to the whole community (otherwise only to some buildings in it).
    pub postable: bool,
    pub compounds: Vec<CompoundNode>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CompoundNode {
    pub id: CompoundId,
    pub name: String,
    pub postable: bool,
    pub buildings: Vec<BuildingNode>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BuildingNode {
    pub id: BuildingId,
    pub name: String,
}

/// `GET /api/v1/territory?community={id}`: the places the actor may see, down to units, with figures.
/// Without `community`, every community the actor may see (usually one).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct TerritoryResponse {
    pub communities: Vec<CommunityTree>,
}

/// Households, residents and pending residents below a place.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PlaceFigures {
    pub households: u32,
    pub residents: u32,
    pub pending: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CommunityTree {
    pub id: CommunityId,
    pub name: String,
    pub code: Option<String>,
    /// The actor may create, rename and archive places here.
    pub manageable: bool,
    pub figures: PlaceFigures,
    pub compounds: Vec<PlaceNode>,
}

/// A compound, building or unit with its children (units have none: households are listed per unit).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PlaceNode {
    pub kind: PlaceKind,
    pub id: String,
    pub name: String,
    pub code: Option<String>,
    pub archived: bool,
    pub figures: PlaceFigures,
    pub children: Vec<PlaceNode>,
}

/// `POST /api/v1/compounds`, `/buildings`, `/units`, `/households`: a new place under `parent_id`
/// (a community, compound, building or unit). A new building may bring its usual layout of units and
/// households.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CreatePlaceRequest {
    pub parent_id: String,
    pub name: String,
    #[serde(default)]
    pub code: Option<String>,
    #[serde(default)]
    pub layout: Option<BuildingLayout>,
}

/// `PATCH /api/v1/{compounds|buildings|units|households}/{id}`: rename, change the code (not of a
/// household), or record a household's floor area.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct UpdatePlaceRequest {
    #[serde(default)]
    pub name: Option<String>,
    /// `Some("")` clears the code.
    #[serde(default)]
    pub code: Option<String>,
    /// Households only: the floor area in m² as typed ("89.5"); `Some("")` clears it.
    #[serde(default)]
    pub floor_area: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PlaceView {
    pub kind: PlaceKind,
    pub id: String,
    pub parent_id: String,
    pub name: String,
    pub code: Option<String>,
    pub archived: bool,
}

/// Answer to creating, renaming, archiving (`POST …/{id}/archive`) and restoring (`POST …/{id}/restore`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PlaceResponse {
    pub place: PlaceView,
}

/// `POST /api/v1/communities/{id}/imports` with a `text/csv` body: what was created.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ImportResponse {
    pub compounds: u32,
    pub buildings: u32,
    pub units: u32,
    pub households: u32,
    /// Households of the file that existed already and were left as they were.
    pub existing_households: u32,
}

/// `GET /api/v1/units/{id}/households`: the households of a unit, with their members.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct HouseholdsResponse {
    pub unit: PlaceView,
    /// e.g. 「阳光小区 3号楼 1单元」.
    pub unit_name: String,
    pub households: Vec<HouseholdView>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct HouseholdView {
    pub id: HouseholdId,
    pub name: String,
    pub archived: bool,
    /// Floor area in 0.01 m², if recorded.
    pub floor_area: Option<u32>,
    pub members: Vec<HouseholdMemberView>,
    /// Unused, unrevoked invite codes.
    pub live_invites: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct HouseholdMemberView {
    pub id: MemberId,
    pub name: String,
    pub verification: Verification,
    pub representative: bool,
    /// She can sign in herself; without a phone, staff act on her behalf.
    pub has_phone: bool,
}
