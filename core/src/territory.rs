//! The territory: street (街道) → community (社区) → compound (小区) → building (楼栋) → unit (单元) →
//! household (户). Everything that is "for" a group of residents (a notice, later a meeting or a ballot) has
//! a [`ScopePath`]: the chain from the street down to the level it addresses.

use serde::{Deserialize, Serialize};

use crate::error::{DomainError, DomainResult, Entity};
use crate::ids::{BuildingId, CommunityId, CompoundId, HouseholdId, StreetId, UnitId};

/// The level a scope addresses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ScopeKind {
    Street,
    Community,
    Compound,
    Building,
    Unit,
}

impl ScopeKind {
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            ScopeKind::Street => "street",
            ScopeKind::Community => "community",
            ScopeKind::Compound => "compound",
            ScopeKind::Building => "building",
            ScopeKind::Unit => "unit",
        }
    }

    #[must_use]
    pub fn parse(s: &str) -> Option<ScopeKind> {
        Some(match s {
            "street" => ScopeKind::Street,
            "community" => ScopeKind::Community,
            "compound" => ScopeKind::Compound,
            "building" => ScopeKind::Building,
            "unit" => ScopeKind::Unit,
            _ => return None,
        })
    }
}

/// A reference to one place of the territory, as clients name it: `{ "kind": "building", "id": "bld_…" }`.
/// The server resolves it into a [`ScopePath`].
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ScopeRef {
    pub kind: ScopeKind,
    pub id: String,
}

/// A place of the territory with all its ancestors. Invariant: the levels present form a prefix of
/// street → community → compound → building → unit (there is no building without its compound).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ScopePath {
    street: StreetId,
    community: Option<CommunityId>,
    compound: Option<CompoundId>,
    building: Option<BuildingId>,
    unit: Option<UnitId>,
}

impl ScopePath {
    /// Builds a path from the ids of its levels; fails when a level is present but its parent is not.
    pub fn new(
        street: StreetId,
        community: Option<CommunityId>,
        compound: Option<CompoundId>,
        building: Option<BuildingId>,
        unit: Option<UnitId>,
    ) -> DomainResult<ScopePath> {
        let levels = [
            community.is_some(),
            compound.is_some(),
            building.is_some(),
            unit.is_some(),
        ];
        let is_prefix = levels.windows(2).all(|w| w[0] || !w[1]);
        if !is_prefix {
            return Err(DomainError::NotFound {
                entity: Entity::Scope,
            });
        }
        Ok(ScopePath {
            street,
            community,
            compound,
            building,
            unit,
        })
    }

    #[must_use]
    pub fn street(street: StreetId) -> ScopePath {
        ScopePath {
            street,
            community: None,
            compound: None,
            building: None,
            unit: None,
        }
    }

    #[must_use]
    pub fn community(street: StreetId, community: CommunityId) -> ScopePath {
        ScopePath {
            community: Some(community),
            ..ScopePath::street(street)
        }
    }

    #[must_use]
    pub fn compound(street: StreetId, community: CommunityId, compound: CompoundId) -> ScopePath {
        ScopePath {
            compound: Some(compound),
            ..ScopePath::community(street, community)
        }
    }

    #[must_use]
    pub fn building(
        street: StreetId,
        community: CommunityId,
        compound: CompoundId,
        building: BuildingId,
    ) -> ScopePath {
        ScopePath {
            building: Some(building),
            ..ScopePath::compound(street, community, compound)
        }
    }

    #[must_use]
    pub fn unit(
        street: StreetId,
        community: CommunityId,
        compound: CompoundId,
        building: BuildingId,
        unit: UnitId,
    ) -> ScopePath {
        ScopePath {
            unit: Some(unit),
            ..ScopePath::building(street, community, compound, building)
        }
    }

    #[must_use]
    pub fn kind(&self) -> ScopeKind {
        if self.unit.is_some() {
            ScopeKind::Unit
        } else if self.building.is_some() {
            ScopeKind::Building
        } else if self.compound.is_some() {
            ScopeKind::Compound
        } else if self.community.is_some() {
            ScopeKind::Community
        } else {
            ScopeKind::Street
        }
    }

    /// The id of the deepest level, with its kind.
    #[must_use]
    pub fn to_ref(&self) -> ScopeRef {
        let id = match self.kind() {
            ScopeKind::Street => self.street.to_string(),
            ScopeKind::Community => self
                .community
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
            ScopeKind::Compound => self
                .compound
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
            ScopeKind::Building => self
                .building
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
            ScopeKind::Unit => self
                .unit
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
        };
        ScopeRef {
            kind: self.kind(),
            id,
        }
    }

    #[must_use]
    pub fn street_id(&self) -> &StreetId {
        &self.street
    }
    #[must_use]
    pub fn community_id(&self) -> Option<&CommunityId> {
        self.community.as_ref()
    }
    #[must_use]
    pub fn compound_id(&self) -> Option<&CompoundId> {
        self.compound.as_ref()
    }
    #[must_use]
    pub fn building_id(&self) -> Option<&BuildingId> {
        self.building.as_ref()
    }
    #[must_use]
    pub fn unit_id(&self) -> Option<&UnitId> {
        self.unit.as_ref()
    }

    /// Whether `other` lies within this scope (a scope contains itself): every level this path names is
    /// the same in `other`.
    #[must_use]
    pub fn contains(&self, other: &ScopePath) -> bool {
        fn level<T: PartialEq>(mine: Option<&T>, theirs: Option<&T>) -> bool {
            mine.is_none_or(|m| theirs == Some(m))
        }
        self.street == other.street
            && level(self.community.as_ref(), other.community.as_ref())
            && level(self.compound.as_ref(), other.compound.as_ref())
            && level(self.building.as_ref(), other.building.as_ref())
            && level(self.unit.as_ref(), other.unit.as_ref())
    }
}

/// Where a household lives: the unit's full path and the household itself.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Placement {
    pub household: HouseholdId,
    /// Always of kind [`ScopeKind::Unit`].
    pub unit: ScopePath,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::territory::*;

    #[test]
    fn a_scope_contains_itself_and_its_descendants_only() {
        let b3 = building(3);
        let b5 = building(5);
        assert!(b3.contains(&b3));
        assert!(b3.contains(&unit_of(3, 1)));
        assert!(!b3.contains(&b5));
        assert!(!b3.contains(&unit_of(5, 1)));
        assert!(community().contains(&b3));
        assert!(!b3.contains(&community()));
        assert!(street().contains(&community()));
    }

    #[test]
    fn scopes_of_another_street_are_never_contained() {
        let other = ScopePath::street(StreetId::from_trusted("str_other"));
        assert!(!other.contains(&building(3)));
        assert!(!street().contains(&other));
    }

    #[test]
    fn a_path_must_be_a_prefix_of_the_hierarchy() {
        let gap = ScopePath::new(
            StreetId::from_trusted("s"),
            Some(CommunityId::from_trusted("c")),
            None,
            Some(BuildingId::from_trusted("b")),
            None,
        );
        assert_eq!(
            gap,
            Err(DomainError::NotFound {
                entity: Entity::Scope
            })
        );
    }

    #[test]
    fn kind_and_ref_name_the_deepest_level() {
        let b3 = building(3);
        assert_eq!(b3.kind(), ScopeKind::Building);
        assert_eq!(
            b3.to_ref(),
            ScopeRef {
                kind: ScopeKind::Building,
                id: "bld_t03".into()
            }
        );
        assert_eq!(community().kind(), ScopeKind::Community);
        for kind in [
            ScopeKind::Street,
            ScopeKind::Community,
            ScopeKind::Compound,
            ScopeKind::Building,
            ScopeKind::Unit,
        ] {
            assert_eq!(ScopeKind::parse(kind.as_str()), Some(kind));
        }
    }
}
