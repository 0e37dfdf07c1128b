//! Members as staff see them: the directory, residency verification, roles, passcode resets, households.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::api::auth::{HomeView, RoleView};
use crate::ids::MemberId;
use crate::members::{MemberStatus, Role, Verification, VerificationDecision};
use crate::territory::ScopeRef;

/// `GET /api/v1/members?scope_kind=&scope_id=&verification=pending&q=&cursor=&limit=`: members living or
/// holding a role within the actor's reach, newest first. `q` matches name or phone.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MemberListResponse {
    pub members: Vec<MemberSummary>,
    pub next_cursor: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MemberSummary {
    pub id: MemberId,
    pub name: String,
    /// Empty for a member without a phone.
    pub phone: String,
    pub status: MemberStatus,
    pub home: Option<HomeView>,
    /// `None` for members who live in no household (staff).
    pub verification: Option<Verification>,
    pub representative: bool,
    pub roles: Vec<RoleView>,
    pub joined_at: DateTime<Utc>,
    /// Recorded by staff, for votes open to residents of a given age.
    #[serde(default)]
    pub birth_year: Option<u16>,
}

/// `PUT /api/v1/members/{id}/birth-year`: staff record (or with `null` clear) a resident's year of birth.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BirthYearRequest {
    pub birth_year: Option<u16>,
}

/// `GET /api/v1/members/{id}` and the answer to changes of a member.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MemberResponse {
    pub member: MemberSummary,
}

/// `POST /api/v1/members/{id}/verification`: confirm or reject a pending resident.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct VerifyRequest {
    pub decision: VerificationDecision,
    /// Required when rejecting; shown to her.
    #[serde(default)]
    pub reason: Option<String>,
}

/// `POST /api/v1/members/{id}/roles` (grant) and `POST /api/v1/members/{id}/roles/revoke` (revoke).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RoleRequest {
    pub role: Role,
    pub scope: ScopeRef,
}

/// `POST /api/v1/members/{id}/passcode-reset`: a temporary passcode, shown once to the staff member,
/// who hands it over; all her sessions end.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PasscodeResetResponse {
    pub temporary_passcode: String,
}

/// `POST /api/v1/households/{id}/members`: a household member without a phone (an elderly resident),
/// registered by staff and confirmed at once; staff and grid workers act on her behalf.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AddHouseholdMemberRequest {
    pub name: String,
}

/// `PUT /api/v1/households/{id}/representative`: the member who casts the household's votes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RepresentativeRequest {
    pub member_id: MemberId,
}

/// Someone acting for a resident (代办), as every record made that way shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct OnBehalfView {
    pub recorded_by: MemberId,
    pub recorded_by_name: String,
    pub reason: String,
}

/// The part of a request that makes it an act on someone's behalf.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct OnBehalfRequest {
    pub member_id: MemberId,
    pub reason: String,
}
