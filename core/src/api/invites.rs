//! Household invite codes: issued by staff, printed as a sheet of QR codes per building, revoked.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::ids::{BuildingId, HouseholdId};

/// `POST /api/v1/households/{id}/invites` (one code) and `POST /api/v1/buildings/{id}/invites` (one code
/// for each household of the building that has no live code).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct IssueInvitesRequest {
    /// Handed to the household in person by someone who knows them: joining with it confirms the
    /// resident at once. Otherwise she waits for staff to confirm her.
    #[serde(default)]
    pub in_person: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct InviteView {
    /// Shown as `ABCD-EFGH`.
    pub code: String,
    pub household: HouseholdId,
    pub household_name: String,
    pub unit_name: String,
    pub in_person: bool,
    pub created_at: DateTime<Utc>,
}

/// Answer to issuing one code.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct InviteResponse {
    pub invite: InviteView,
}

/// `GET /api/v1/buildings/{id}/invites`, and the answer to issuing for a building: every live code of the
/// building, ordered by unit and door, for the printed sheet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct InviteSheetResponse {
    pub building: BuildingId,
    /// e.g. 「幸福社区 阳光小区 3号楼」.
    pub building_name: String,
    pub invites: Vec<InviteView>,
    /// Codes issued by this request (0 for a plain read).
    pub issued: u32,
}

/// `GET /api/v1/invites/{code}`: where the household of a live invite code is, so that she sees she joins
/// the right flat before she gives her name. Only the place, never who lives there; a code that is not
/// live answers `invite_code_invalid`, and failed look-ups count against the same limit as joining.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct InvitePlaceResponse {
    /// e.g. `阳光小区 3号楼 2单元 301`.
    pub place: String,
}
