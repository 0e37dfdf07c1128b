//! Sign-in, joining with an invite code, the current member.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::ids::{HouseholdId, MemberId};
use crate::members::Role;
use crate::territory::ScopeRef;

/// `POST /api/v1/sessions`: sign in with phone number and password (staff) or passcode (residents).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignInRequest {
    pub phone: String,
    pub password: String,
}

/// `POST /api/v1/residents`: join a household with an invite code printed by staff, choosing a passcode.
/// Signs the new resident in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct JoinRequest {
    pub invite_code: String,
    pub name: String,
    pub phone: String,
    pub passcode: String,
}

/// Answer to sign-in and join (201 for join), and body of `GET /api/v1/me`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionResponse {
    pub member: MemberView,
    pub expires_at: DateTime<Utc>,
}

/// The signed-in member as the app shows her.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberView {
    pub id: MemberId,
    pub name: String,
    pub phone: String,
    pub home: Option<HomeView>,
    pub roles: Vec<RoleView>,
}

/// Where a resident lives, with display names.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HomeView {
    pub household: HouseholdId,
    pub community_name: String,
    pub compound_name: String,
    pub building_name: String,
    pub unit_name: String,
    /// The door number, e.g. `301`.
    pub household_name: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleView {
    pub role: Role,
    pub scope: ScopeRef,
    pub scope_name: String,
}
