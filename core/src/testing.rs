//! Shared builders for tests: a small territory (one street, one community, compound A with buildings 1–3,
//! compound B with buildings 4–6) and actors placed in it.

pub mod territory {
    use crate::ids::{BuildingId, CommunityId, CompoundId, HouseholdId, StreetId, UnitId};
    use crate::territory::{Placement, ScopePath};

    #[must_use]
    pub fn street_id() -> StreetId {
        StreetId::from_trusted("str_t")
    }
    #[must_use]
    pub fn community_id() -> CommunityId {
        CommunityId::from_trusted("com_t")
    }
    #[must_use]
    pub fn street() -> ScopePath {
        ScopePath::street(street_id())
    }
    #[must_use]
    pub fn community() -> ScopePath {
        ScopePath::community(street_id(), community_id())
    }
    fn compound_id_of(building: u8) -> CompoundId {
        CompoundId::from_trusted(if building <= 3 { "cpd_a" } else { "cpd_b" })
    }
    #[must_use]
    pub fn compound_a() -> ScopePath {
        ScopePath::compound(street_id(), community_id(), compound_id_of(1))
    }
    #[must_use]
    pub fn compound_b() -> ScopePath {
        ScopePath::compound(street_id(), community_id(), compound_id_of(4))
    }
    /// Building `n` (1–3 in compound A, 4–6 in compound B).
    #[must_use]
    pub fn building(n: u8) -> ScopePath {
        ScopePath::building(
            street_id(),
            community_id(),
            compound_id_of(n),
            BuildingId::from_trusted(format!("bld_t{n:02}")),
        )
    }
    #[must_use]
    pub fn unit_of(building_n: u8, unit_n: u8) -> ScopePath {
        ScopePath::unit(
            street_id(),
            community_id(),
            compound_id_of(building_n),
            BuildingId::from_trusted(format!("bld_t{building_n:02}")),
            UnitId::from_trusted(format!("unt_t{building_n:02}_{unit_n}")),
        )
    }
    #[must_use]
    pub fn placement_in(building_n: u8) -> Placement {
        Placement {
            household: HouseholdId::from_trusted(format!("hh_t{building_n:02}_101")),
            unit: unit_of(building_n, 1),
        }
    }
}

pub mod actors {
    use super::territory::*;
    use crate::ids::{CommunityId, MemberId};
    use crate::members::{Actor, Home, MemberStatus, Role, RoleGrant, Verification};
    use crate::territory::ScopePath;

    fn actor(
        id: &str,
        placement: Option<crate::territory::Placement>,
        grants: Vec<RoleGrant>,
    ) -> Actor {
        Actor {
            member: MemberId::from_trusted(id),
            status: MemberStatus::Active,
            home: placement.map(|placement| Home {
                placement,
                verification: Verification::Confirmed,
                representative: true,
            }),
            grants,
        }
    }
    #[must_use]
    pub fn resident_of(building_n: u8) -> Actor {
        actor(
            &format!("mbr_r{building_n}"),
            Some(placement_in(building_n)),
            vec![],
        )
    }
    #[must_use]
    pub fn staff() -> Actor {
        actor(
            "mbr_staff",
            None,
            vec![RoleGrant {
                role: Role::CommunityStaff,
                scope: community(),
            }],
        )
    }
    /// Staff of another community of the same street.
    #[must_use]
    pub fn outsider_staff() -> Actor {
        let other = ScopePath::community(street_id(), CommunityId::from_trusted("com_other"));
        actor(
            "mbr_other_staff",
            None,
            vec![RoleGrant {
                role: Role::CommunityStaff,
                scope: other,
            }],
        )
    }
    #[must_use]
    pub fn street_admin() -> Actor {
        actor(
            "mbr_admin",
            None,
            vec![RoleGrant {
                role: Role::StreetAdmin,
                scope: street(),
            }],
        )
    }
    /// A building head who also lives in her building.
    #[must_use]
    pub fn building_head_of(building_n: u8) -> Actor {
        actor(
            &format!("mbr_head{building_n}"),
            Some(placement_in(building_n)),
            vec![RoleGrant {
                role: Role::BuildingHead,
                scope: building(building_n),
            }],
        )
    }
}
