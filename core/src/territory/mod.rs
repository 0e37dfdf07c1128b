//! The territory: street (街道) → community (社区) → compound (小区) → building (楼栋) → unit (单元) →
//! household (户). Everything that is "for" a group of residents (a notice, later a meeting or a ballot) has
//! a [`ScopePath`]: the chain from the street down to the level it addresses.

use serde::{Deserialize, Serialize};

pub mod import;

use crate::error::{DomainError, DomainResult, Entity, Field};
use crate::ids::{BuildingId, CommunityId, CompoundId, HouseholdId, StreetId, UnitId};

/// The level a scope addresses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ScopeRef {
    pub kind: ScopeKind,
    pub id: String,
}

/// A place of the territory with all its ancestors. Invariant: the levels present form a prefix of
/// street → community → compound → building → unit (there is no building without its compound).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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

impl ScopePath {
    /// The deepest scope containing both, if they share a street.
    #[must_use]
    pub fn common_ancestor(&self, other: &ScopePath) -> Option<ScopePath> {
        fn same<T: PartialEq + Clone>(a: Option<&T>, b: Option<&T>) -> Option<T> {
            match (a, b) {
                (Some(x), Some(y)) if x == y => Some(x.clone()),
                _ => None,
            }
        }
        if self.street != other.street {
            return None;
        }
        let community = same(self.community.as_ref(), other.community.as_ref());
        let compound = community
            .as_ref()
            .and(same(self.compound.as_ref(), other.compound.as_ref()));
        let building = compound
            .as_ref()
            .and(same(self.building.as_ref(), other.building.as_ref()));
        let unit = building
            .as_ref()
            .and(same(self.unit.as_ref(), other.unit.as_ref()));
        Some(ScopePath {
            street: self.street.clone(),
            community,
            compound,
            building,
            unit,
        })
    }

    /// This scope's parent (`None` for a street).
    #[must_use]
    pub fn parent(&self) -> Option<ScopePath> {
        let mut p = self.clone();
        if p.unit.take().is_some()
            || p.building.take().is_some()
            || p.compound.take().is_some()
            || p.community.take().is_some()
        {
            Some(p)
        } else {
            None
        }
    }
}

/// A level of the territory that staff manage: the places below a community, and households.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PlaceKind {
    Compound,
    Building,
    Unit,
    Household,
}

impl PlaceKind {
    pub const ALL: [PlaceKind; 4] = [
        PlaceKind::Compound,
        PlaceKind::Building,
        PlaceKind::Unit,
        PlaceKind::Household,
    ];

    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            PlaceKind::Compound => "compound",
            PlaceKind::Building => "building",
            PlaceKind::Unit => "unit",
            PlaceKind::Household => "household",
        }
    }

    /// The plural used in routes: `/api/v1/buildings/{id}`.
    #[must_use]
    pub fn plural(self) -> &'static str {
        match self {
            PlaceKind::Compound => "compounds",
            PlaceKind::Building => "buildings",
            PlaceKind::Unit => "units",
            PlaceKind::Household => "households",
        }
    }

    #[must_use]
    pub fn from_plural(s: &str) -> Option<PlaceKind> {
        PlaceKind::ALL.into_iter().find(|k| k.plural() == s)
    }

    /// The table that stores places of this kind, and the column naming the parent.
    #[must_use]
    pub fn table(self) -> (&'static str, &'static str) {
        match self {
            PlaceKind::Compound => ("compounds", "community_id"),
            PlaceKind::Building => ("buildings", "compound_id"),
            PlaceKind::Unit => ("units", "building_id"),
            PlaceKind::Household => ("households", "unit_id"),
        }
    }

    /// The field that names a place of this kind in requests and import files.
    #[must_use]
    pub fn field(self) -> Field {
        match self {
            PlaceKind::Compound => Field::Compound,
            PlaceKind::Building => Field::Building,
            PlaceKind::Unit => Field::Unit,
            PlaceKind::Household => Field::Household,
        }
    }

    /// The scope kind of the place's parent.
    #[must_use]
    pub fn parent_scope(self) -> ScopeKind {
        match self {
            PlaceKind::Compound => ScopeKind::Community,
            PlaceKind::Building => ScopeKind::Compound,
            PlaceKind::Unit => ScopeKind::Building,
            PlaceKind::Household => ScopeKind::Unit,
        }
    }

    /// The scope kind of the place itself; households are addressed through their unit.
    #[must_use]
    pub fn scope(self) -> ScopeKind {
        match self {
            PlaceKind::Compound => ScopeKind::Compound,
            PlaceKind::Building => ScopeKind::Building,
            PlaceKind::Unit | PlaceKind::Household => ScopeKind::Unit,
        }
    }

    /// Prefix of the ids of new places of this kind.
    #[must_use]
    pub fn id_prefix(self) -> &'static str {
        match self {
            PlaceKind::Compound => CompoundId::PREFIX,
            PlaceKind::Building => BuildingId::PREFIX,
            PlaceKind::Unit => UnitId::PREFIX,
            PlaceKind::Household => HouseholdId::PREFIX,
        }
    }
}

/// Longest name of a place (「阳光花园小区」, 「3号楼」, 「1单元」, 「301」).
pub const PLACE_NAME_MAX: usize = 40;
/// Longest official code of a place (e.g. the housing registry's building number).
pub const PLACE_CODE_MAX: usize = 32;

/// A place name: trimmed, inner whitespace collapsed, required, at most [`PLACE_NAME_MAX`] characters.
pub fn normalize_place_name(input: &str, field: Field) -> DomainResult<String> {
    let name = input.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        return Err(DomainError::Required { field });
    }
    if name.chars().count() > PLACE_NAME_MAX {
        return Err(DomainError::TooLong {
            field,
            max: PLACE_NAME_MAX,
        });
    }
    if name.chars().any(char::is_control) {
        return Err(DomainError::Invalid { field });
    }
    Ok(name)
}

/// An optional code: empty means none; otherwise letters, digits, `-`, `_` and `.` only.
pub fn normalize_place_code(input: Option<&str>) -> DomainResult<Option<String>> {
    let Some(code) = input.map(str::trim).filter(|c| !c.is_empty()) else {
        return Ok(None);
    };
    if code.chars().count() > PLACE_CODE_MAX {
        return Err(DomainError::TooLong {
            field: Field::Code,
            max: PLACE_CODE_MAX,
        });
    }
    if !code
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
    {
        return Err(DomainError::Invalid { field: Field::Code });
    }
    Ok(Some(code.to_owned()))
}

/// The largest floor area a household may have, in m².
pub const FLOOR_AREA_MAX_M2: u32 = 10_000;

/// A household's floor area (建筑面积) as staff type it, in m² with up to two decimals ("89.5"), stored
/// in 0.01 m² so that weights add up exactly. Empty means not recorded.
pub fn parse_floor_area(input: &str) -> DomainResult<Option<u32>> {
    let text = input
        .trim()
        .trim_end_matches(['㎡'])
        .trim_end_matches("m²")
        .trim();
    if text.is_empty() {
        return Ok(None);
    }
    let invalid = DomainError::Invalid {
        field: Field::FloorArea,
    };
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let digits = |s: &str| !s.is_empty() && s.len() <= 5 && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole) || !(fraction.is_empty() || (fraction.len() <= 2 && digits(fraction))) {
        return Err(invalid);
    }
    let whole: u32 = whole.parse().map_err(|_| invalid.clone())?;
    let hundredths: u32 = format!("{fraction:0<2}").parse().map_err(|_| invalid)?;
    let area = whole * 100 + hundredths;
    if area == 0 || area > FLOOR_AREA_MAX_M2 * 100 {
        return Err(DomainError::OutOfRange {
            field: Field::FloorArea,
            min: 1,
            max: FLOOR_AREA_MAX_M2,
        });
    }
    Ok(Some(area))
}

/// A floor area in 0.01 m² as people write it: "89.5", "120".
#[must_use]
pub fn format_floor_area(hundredths: u32) -> String {
    let (whole, rest) = (hundredths / 100, hundredths % 100);
    match rest {
        0 => whole.to_string(),
        r if r % 10 == 0 => format!("{whole}.{}", r / 10),
        r => format!("{whole}.{r:02}"),
    }
}

/// The usual layout of a new building, so staff need not type every door: `units` units named
/// 「1单元」…, each with `floors` floors of `doors_per_floor` households named 101, 102, … 1802.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BuildingLayout {
    pub units: u8,
    pub floors: u8,
    pub doors_per_floor: u8,
}

pub const LAYOUT_MAX_UNITS: u8 = 12;
pub const LAYOUT_MAX_FLOORS: u8 = 60;
pub const LAYOUT_MAX_DOORS: u8 = 12;

impl BuildingLayout {
    pub fn validate(self) -> DomainResult<BuildingLayout> {
        let check = |value: u8, max: u8, field: Field| {
            if (1..=max).contains(&value) {
                Ok(())
            } else {
                Err(DomainError::OutOfRange {
                    field,
                    min: 1,
                    max: u32::from(max),
                })
            }
        };
        check(self.units, LAYOUT_MAX_UNITS, Field::Units)?;
        check(self.floors, LAYOUT_MAX_FLOORS, Field::Floors)?;
        check(self.doors_per_floor, LAYOUT_MAX_DOORS, Field::DoorsPerFloor)?;
        Ok(self)
    }

    /// Unit names, each with its households' door numbers.
    #[must_use]
    pub fn expand(self, lang: crate::i18n::Lang) -> Vec<(String, Vec<String>)> {
        let doors: Vec<String> = (1..=u32::from(self.floors))
            .flat_map(|floor| {
                (1..=u32::from(self.doors_per_floor)).map(move |door| format!("{floor}{door:02}"))
            })
            .collect();
        (1..=self.units)
            .map(|u| {
                let name = match lang {
                    crate::i18n::Lang::ZhCn => format!("{u}单元"),
                    crate::i18n::Lang::En => format!("Unit {u}"),
                };
                (name, doors.clone())
            })
            .collect()
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
    fn floor_areas_are_exact_hundredths() {
        assert_eq!(parse_floor_area("89.5"), Ok(Some(8950)));
        assert_eq!(parse_floor_area(" 120 ㎡"), Ok(Some(12_000)));
        assert_eq!(parse_floor_area("65.07m²"), Ok(Some(6507)));
        assert_eq!(parse_floor_area(""), Ok(None));
        for bad in ["八十", "89.555", "-3", "1e3", ".5", "8,9"] {
            assert_eq!(
                parse_floor_area(bad),
                Err(DomainError::Invalid {
                    field: Field::FloorArea
                }),
                "{bad}"
            );
        }
        assert!(matches!(
            parse_floor_area("0"),
            Err(DomainError::OutOfRange { .. })
        ));
        assert!(matches!(
            parse_floor_area("10000.01"),
            Err(DomainError::OutOfRange { .. })
        ));
        for (hundredths, text) in [(8950, "89.5"), (12_000, "120"), (6507, "65.07")] {
            assert_eq!(format_floor_area(hundredths), text);
            assert_eq!(parse_floor_area(text), Ok(Some(hundredths)));
        }
    }

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
    fn common_ancestors_and_parents() {
        assert_eq!(
            building(2).common_ancestor(&building(3)),
            Some(compound_a())
        );
        assert_eq!(building(3).common_ancestor(&building(5)), Some(community()));
        assert_eq!(
            unit_of(3, 1).common_ancestor(&building(3)),
            Some(building(3))
        );
        let other = ScopePath::street(StreetId::from_trusted("str_other"));
        assert_eq!(other.common_ancestor(&building(3)), None);
        assert_eq!(unit_of(3, 1).parent(), Some(building(3)));
        assert_eq!(community().parent(), Some(street()));
        assert_eq!(street().parent(), None);
    }

    #[test]
    fn place_names_and_codes_are_cleaned_and_bounded() {
        assert_eq!(
            normalize_place_name("  3号楼 ", Field::Building),
            Ok("3号楼".into())
        );
        assert_eq!(
            normalize_place_name("阳光  花园", Field::Compound),
            Ok("阳光 花园".into())
        );
        assert!(normalize_place_name(" ", Field::Unit).is_err());
        assert!(normalize_place_name(&"楼".repeat(41), Field::Building).is_err());
        assert_eq!(normalize_place_code(Some(" ")), Ok(None));
        assert_eq!(normalize_place_code(Some("B-03")), Ok(Some("B-03".into())));
        assert!(normalize_place_code(Some("B 03")).is_err());
        for kind in PlaceKind::ALL {
            assert_eq!(PlaceKind::from_plural(kind.plural()), Some(kind));
        }
    }

    #[test]
    fn a_layout_expands_to_units_and_door_numbers() -> DomainResult<()> {
        let layout = BuildingLayout {
            units: 2,
            floors: 3,
            doors_per_floor: 2,
        }
        .validate()?;
        let units = layout.expand(crate::i18n::Lang::ZhCn);
        assert_eq!(units.len(), 2);
        assert_eq!(units[0].0, "1单元");
        assert_eq!(units[1].1, ["101", "102", "201", "202", "301", "302"]);
        let too_tall = BuildingLayout {
            units: 1,
            floors: 61,
            doors_per_floor: 2,
        };
        assert!(too_tall.validate().is_err());
        Ok(())
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
