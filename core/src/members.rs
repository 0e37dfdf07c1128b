//! People and their roles. A member who lives in a household is a resident; other roles are granted for a
//! scope of the territory (a building head for her building, staff for their community).

use serde::{Deserialize, Serialize};

use crate::ids::MemberId;
use crate::territory::{Placement, ScopePath};

/// A role held for a scope. Residency itself is not a grant: it follows from the member's household.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// 楼栋长, for one building.
    BuildingHead,
    /// 社区工作人员, for one community.
    CommunityStaff,
    /// 街道管理员, for the whole street.
    StreetAdmin,
}

impl Role {
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Role::BuildingHead => "building_head",
            Role::CommunityStaff => "community_staff",
            Role::StreetAdmin => "street_admin",
        }
    }

    #[must_use]
    pub fn parse(s: &str) -> Option<Role> {
        Some(match s {
            "building_head" => Role::BuildingHead,
            "community_staff" => Role::CommunityStaff,
            "street_admin" => Role::StreetAdmin,
            _ => return None,
        })
    }

    /// Staff roles act on behalf of the community and are audited.
    #[must_use]
    pub fn is_staff(self) -> bool {
        matches!(self, Role::CommunityStaff | Role::StreetAdmin)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct RoleGrant {
    pub role: Role,
    pub scope: ScopePath,
}

/// Whether a member may act at all.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MemberStatus {
    Active,
    Suspended,
}

impl MemberStatus {
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            MemberStatus::Active => "active",
            MemberStatus::Suspended => "suspended",
        }
    }

    #[must_use]
    pub fn parse(s: &str) -> Option<MemberStatus> {
        match s {
            "active" => Some(MemberStatus::Active),
            "suspended" => Some(MemberStatus::Suspended),
            _ => None,
        }
    }
}

/// The signed-in member as the rules see her.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Actor {
    pub member: MemberId,
    pub status: MemberStatus,
    pub placement: Option<Placement>,
    pub grants: Vec<RoleGrant>,
}

impl Actor {
    #[must_use]
    pub fn is_active(&self) -> bool {
        self.status == MemberStatus::Active
    }

    /// The grants of the given roles.
    pub fn grants_of<'a>(&'a self, roles: &'a [Role]) -> impl Iterator<Item = &'a RoleGrant> + 'a {
        self.grants.iter().filter(move |g| roles.contains(&g.role))
    }

    #[must_use]
    pub fn is_staff(&self) -> bool {
        self.grants.iter().any(|g| g.role.is_staff())
    }
}
