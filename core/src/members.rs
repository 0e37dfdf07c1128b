//! People and their roles. A member who joined a household is a resident of it, once staff confirm her
//! (居民认证); the household's representative (户代表) casts its household votes. Other roles are granted
//! for a scope of the territory: a building head for her building, staff for their community.

use serde::{Deserialize, Serialize};

use crate::error::{DomainError, DomainResult, Field};
use crate::i18n::Lang;
use crate::ids::MemberId;
use crate::territory::{Placement, ScopeKind, ScopePath};

/// A role held for a scope. Residency and household representation are not grants: they follow from the
/// member's household.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// 楼栋长, for one building.
    BuildingHead,
    /// 居民小组长, for a compound or a building.
    ResidentGroupLeader,
    /// 网格员, for a set of buildings: one grant per building of her grid.
    GridWorker,
    /// 网格长, for a compound or a whole community.
    GridHead,
    /// 网格总长 (usually the community party secretary), for a community.
    GridDirector,
    /// 居民代表 / 议事会成员, for a community.
    CouncilMember,
    /// 社区工作人员, for one community.
    CommunityStaff,
    /// 街道管理员, for the whole street.
    StreetAdmin,
}

impl Role {
    pub const ALL: [Role; 8] = [
        Role::BuildingHead,
        Role::ResidentGroupLeader,
        Role::GridWorker,
        Role::GridHead,
        Role::GridDirector,
        Role::CouncilMember,
        Role::CommunityStaff,
        Role::StreetAdmin,
    ];

    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Role::BuildingHead => "building_head",
            Role::ResidentGroupLeader => "resident_group_leader",
            Role::GridWorker => "grid_worker",
            Role::GridHead => "grid_head",
            Role::GridDirector => "grid_director",
            Role::CouncilMember => "council_member",
            Role::CommunityStaff => "community_staff",
            Role::StreetAdmin => "street_admin",
        }
    }

    #[must_use]
    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// The levels of the territory this role can be granted for.
    #[must_use]
    pub fn scope_kinds(self) -> &'static [ScopeKind] {
        match self {
            Role::BuildingHead | Role::GridWorker => &[ScopeKind::Building],
            Role::ResidentGroupLeader => &[ScopeKind::Compound, ScopeKind::Building],
            Role::GridHead => &[ScopeKind::Community, ScopeKind::Compound],
            Role::GridDirector | Role::CouncilMember | Role::CommunityStaff => {
                &[ScopeKind::Community]
            }
            Role::StreetAdmin => &[ScopeKind::Street],
        }
    }

    /// Staff roles act on behalf of the community and are audited.
    #[must_use]
    pub fn is_staff(self) -> bool {
        matches!(self, Role::CommunityStaff | Role::StreetAdmin)
    }

    /// Rank in the grid hierarchy of grid-based management (网格化管理): grid director → grid head → grid
    /// worker → resident group leader → building head. `None` for roles outside it.
    #[must_use]
    pub fn grid_rank(self) -> Option<u8> {
        match self {
            Role::BuildingHead => Some(1),
            Role::ResidentGroupLeader => Some(2),
            Role::GridWorker => Some(3),
            Role::GridHead => Some(4),
            Role::GridDirector => Some(5),
            Role::CouncilMember | Role::CommunityStaff | Role::StreetAdmin => None,
        }
    }

    #[must_use]
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Role::BuildingHead, Lang::ZhCn) => "楼栋长",
            (Role::BuildingHead, Lang::En) => "building head",
            (Role::ResidentGroupLeader, Lang::ZhCn) => "居民小组长",
            (Role::ResidentGroupLeader, Lang::En) => "resident group leader",
            (Role::GridWorker, Lang::ZhCn) => "网格员",
            (Role::GridWorker, Lang::En) => "grid worker",
            (Role::GridHead, Lang::ZhCn) => "网格长",
            (Role::GridHead, Lang::En) => "grid head",
            (Role::GridDirector, Lang::ZhCn) => "网格总长",
            (Role::GridDirector, Lang::En) => "grid director",
            (Role::CouncilMember, Lang::ZhCn) => "居民代表",
            (Role::CouncilMember, Lang::En) => "resident representative",
            (Role::CommunityStaff, Lang::ZhCn) => "社区工作人员",
            (Role::CommunityStaff, Lang::En) => "community staff",
            (Role::StreetAdmin, Lang::ZhCn) => "街道管理员",
            (Role::StreetAdmin, Lang::En) => "street admin",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct RoleGrant {
    pub role: Role,
    pub scope: ScopePath,
}

impl RoleGrant {
    /// A grant is well-formed when the role can be held for a scope of that level.
    pub fn new(role: Role, scope: ScopePath) -> DomainResult<RoleGrant> {
        if role.scope_kinds().contains(&scope.kind()) {
            Ok(RoleGrant { role, scope })
        } else {
            Err(DomainError::Invalid {
                field: Field::Scope,
            })
        }
    }

    /// Whether this grant supervises `other` in the grid hierarchy: a higher grid rank over a scope that
    /// contains the other's.
    #[must_use]
    pub fn supervises(&self, other: &RoleGrant) -> bool {
        match (self.role.grid_rank(), other.role.grid_rank()) {
            (Some(mine), Some(theirs)) => mine > theirs && self.scope.contains(&other.scope),
            _ => false,
        }
    }
}

/// Whether a member may act at all.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
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

/// Residency verification (居民认证).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Verification {
    /// Joined with a code sent from a distance: staff have not yet confirmed she lives there.
    Pending,
    /// Confirmed by staff, or joined with a code handed to her in person.
    Confirmed,
}

impl Verification {
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Verification::Pending => "pending",
            Verification::Confirmed => "confirmed",
        }
    }

    #[must_use]
    pub fn parse(s: &str) -> Option<Verification> {
        match s {
            "pending" => Some(Verification::Pending),
            "confirmed" => Some(Verification::Confirmed),
            _ => None,
        }
    }

    /// The verification of a resident who joins with an invite code.
    #[must_use]
    pub fn on_join(code_handed_in_person: bool) -> Verification {
        if code_handed_in_person {
            Verification::Confirmed
        } else {
            Verification::Pending
        }
    }
}

/// The staff decision on a pending resident.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum VerificationDecision {
    Confirm,
    /// She does not live there: she leaves the household and keeps only her account.
    Reject,
}

impl VerificationDecision {
    /// Deciding is possible only while she is pending.
    pub fn apply(self, current: Verification) -> DomainResult<Option<Verification>> {
        match (current, self) {
            (Verification::Pending, VerificationDecision::Confirm) => {
                Ok(Some(Verification::Confirmed))
            }
            (Verification::Pending, VerificationDecision::Reject) => Ok(None),
            (Verification::Confirmed, _) => Err(DomainError::NotPending),
        }
    }
}

/// A member's household, as the rules see it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Home {
    pub placement: Placement,
    pub verification: Verification,
    /// She is the household's representative (户代表).
    pub representative: bool,
}

/// The signed-in member as the rules see her.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Actor {
    pub member: MemberId,
    pub status: MemberStatus,
    pub home: Option<Home>,
    pub grants: Vec<RoleGrant>,
}

impl Actor {
    #[must_use]
    pub fn is_active(&self) -> bool {
        self.status == MemberStatus::Active
    }

    /// Where she lives, once confirmed: the rules give a pending resident nothing of her building yet.
    #[must_use]
    pub fn residence(&self) -> Option<&Placement> {
        self.home
            .as_ref()
            .filter(|h| h.verification == Verification::Confirmed)
            .map(|h| &h.placement)
    }

    /// The grants of the given roles.
    pub fn grants_of<'a>(&'a self, roles: &'a [Role]) -> impl Iterator<Item = &'a RoleGrant> + 'a {
        self.grants.iter().filter(move |g| roles.contains(&g.role))
    }

    #[must_use]
    pub fn is_staff(&self) -> bool {
        self.grants.iter().any(|g| g.role.is_staff())
    }

    /// Which app she opens by default: see [`works_in_office`].
    #[must_use]
    pub fn works_in_office(&self) -> bool {
        works_in_office(self.home.is_some(), self.grants.iter().map(|g| g.role))
    }
}

/// Whether a member opens the office app by default rather than the resident app: staff, street admins
/// and the grid's paid workers (网格员, 网格长, 网格总长) work there all day, and so does a member with no
/// home in the district (a handling unit's member, a repairman of the property company). Building heads,
/// residents' group leaders and council members are residents first: they stay in the resident app, one
/// tap from their tools.
pub fn works_in_office(has_home: bool, roles: impl IntoIterator<Item = Role>) -> bool {
    !has_home
        || roles.into_iter().any(|r| {
            matches!(
                r,
                Role::CommunityStaff
                    | Role::StreetAdmin
                    | Role::GridWorker
                    | Role::GridHead
                    | Role::GridDirector
            )
        })
}

/// Where a member "is", for permissions on her as a target: her home's unit, or else the smallest scope
/// covering all her grants. `None` for a member with neither (only the street admin reaches her, through
/// [`crate::policy`]'s street rule).
#[must_use]
pub fn anchor(home: Option<&Placement>, grants: &[RoleGrant]) -> Option<ScopePath> {
    if let Some(p) = home {
        return Some(p.unit.clone());
    }
    let mut scopes = grants.iter().map(|g| g.scope.clone());
    let first = scopes.next()?;
    Some(scopes.fold(first, |acc, s| acc.common_ancestor(&s).unwrap_or(acc)))
}

/// How her name is shown to neighbours.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum NameDisplay {
    #[default]
    Full,
    /// The family name only: 王** for 王秀英, "A. W." for Alice Wang.
    Initials,
}

impl NameDisplay {
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            NameDisplay::Full => "full",
            NameDisplay::Initials => "initials",
        }
    }

    #[must_use]
    pub fn parse(s: &str) -> Option<NameDisplay> {
        match s {
            "full" => Some(NameDisplay::Full),
            "initials" => Some(NameDisplay::Initials),
            _ => None,
        }
    }
}

/// The name neighbours see. Chinese names keep the first character (the family name) and mask the
/// rest; names written with spaces become initials.
#[must_use]
pub fn public_name(name: &str, display: NameDisplay) -> String {
    match display {
        NameDisplay::Full => name.to_owned(),
        NameDisplay::Initials => {
            let words: Vec<&str> = name.split_whitespace().collect();
            if words.len() > 1 {
                words
                    .iter()
                    .filter_map(|w| w.chars().next())
                    .map(|c| format!("{}.", c.to_uppercase()))
                    .collect::<Vec<_>>()
                    .join(" ")
            } else {
                let mut chars = name.chars();
                let first = chars.next().map(String::from).unwrap_or_default();
                let masked = chars.count().max(1);
                format!("{first}{}", "*".repeat(masked))
            }
        }
    }
}

/// Longest reason for acting on someone's behalf or for a decision.
pub const REASON_MAX: usize = 200;

/// A year of birth staff record (for votes open to residents of a given age): from 1900 to this year.
pub fn check_birth_year(year: u16, this_year: u16) -> DomainResult<u16> {
    if (1900..=this_year).contains(&year) {
        Ok(year)
    } else {
        Err(DomainError::OutOfRange {
            field: Field::BirthYear,
            min: 1900,
            max: u32::from(this_year),
        })
    }
}

/// A reason typed by staff: trimmed, required, at most [`REASON_MAX`] characters.
pub fn normalize_reason(input: &str) -> DomainResult<String> {
    let reason = input.trim();
    if reason.is_empty() {
        return Err(DomainError::Required {
            field: Field::Reason,
        });
    }
    if reason.chars().count() > REASON_MAX {
        return Err(DomainError::TooLong {
            field: Field::Reason,
            max: REASON_MAX,
        });
    }
    Ok(reason.to_owned())
}

#[cfg(test)]
mod tests {
    #[test]
    fn staff_grid_workers_and_units_open_the_office_residents_with_offices_do_not() {
        use super::{Role, works_in_office};
        assert!(!works_in_office(true, []));
        for role in [
            Role::BuildingHead,
            Role::ResidentGroupLeader,
            Role::CouncilMember,
        ] {
            assert!(!works_in_office(true, [role]), "{role:?} stays a resident");
        }
        for role in [
            Role::CommunityStaff,
            Role::StreetAdmin,
            Role::GridWorker,
            Role::GridHead,
            Role::GridDirector,
        ] {
            assert!(
                works_in_office(true, [Role::BuildingHead, role]),
                "{role:?} works in the office"
            );
        }
        // A repairman of a handling unit: no home, no role.
        assert!(works_in_office(false, []));
    }

    use super::*;
    use crate::testing::territory::*;

    #[test]
    fn birth_years_are_plausible() {
        assert_eq!(check_birth_year(1948, 2026), Ok(1948));
        assert_eq!(check_birth_year(2026, 2026), Ok(2026));
        for bad in [1899, 2027, 0] {
            assert!(matches!(
                check_birth_year(bad, 2026),
                Err(DomainError::OutOfRange {
                    field: Field::BirthYear,
                    ..
                })
            ));
        }
    }

    #[test]
    fn roles_round_trip_and_have_labels() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Some(role));
            assert!(!role.label(Lang::ZhCn).is_empty());
            assert!(!role.scope_kinds().is_empty());
        }
        assert_eq!(Role::parse("mayor"), None);
    }

    #[test]
    fn grants_must_fit_the_level_of_their_role() {
        assert!(RoleGrant::new(Role::BuildingHead, building(3)).is_ok());
        assert!(RoleGrant::new(Role::BuildingHead, community()).is_err());
        assert!(RoleGrant::new(Role::CommunityStaff, building(3)).is_err());
        assert!(RoleGrant::new(Role::StreetAdmin, street()).is_ok());
        assert!(RoleGrant::new(Role::GridHead, compound_a()).is_ok());
        assert!(RoleGrant::new(Role::GridWorker, unit_of(3, 1)).is_err());
    }

    /// 网格总长 → 网格长 → 网格员 → 居民小组长 → 楼栋长, each over the scope of the next.
    #[test]
    fn the_grid_hierarchy_is_representable() -> DomainResult<()> {
        let director = RoleGrant::new(Role::GridDirector, community())?;
        let head = RoleGrant::new(Role::GridHead, compound_a())?;
        let worker = RoleGrant::new(Role::GridWorker, building(3))?;
        let leader = RoleGrant::new(Role::ResidentGroupLeader, building(3))?;
        let building_head = RoleGrant::new(Role::BuildingHead, building(3))?;
        let chain = [&director, &head, &worker, &leader, &building_head];
        for (i, upper) in chain.iter().enumerate() {
            for (j, lower) in chain.iter().enumerate() {
                assert_eq!(upper.supervises(lower), i < j, "{upper:?} over {lower:?}");
            }
        }
        let other_head = RoleGrant::new(Role::GridHead, compound_b())?;
        assert!(!other_head.supervises(&worker), "outside her compound");
        let staff = RoleGrant::new(Role::CommunityStaff, community())?;
        assert!(
            !staff.supervises(&worker),
            "staff are not in the grid chain"
        );
        Ok(())
    }

    #[test]
    fn only_pending_residents_can_be_decided() {
        assert_eq!(
            VerificationDecision::Confirm.apply(Verification::Pending),
            Ok(Some(Verification::Confirmed))
        );
        assert_eq!(
            VerificationDecision::Reject.apply(Verification::Pending),
            Ok(None)
        );
        assert_eq!(
            VerificationDecision::Confirm.apply(Verification::Confirmed),
            Err(DomainError::NotPending)
        );
        assert_eq!(Verification::on_join(true), Verification::Confirmed);
        assert_eq!(Verification::on_join(false), Verification::Pending);
    }

    #[test]
    fn initials_hide_the_given_name() {
        assert_eq!(public_name("王秀英", NameDisplay::Initials), "王**");
        assert_eq!(public_name("李华", NameDisplay::Initials), "李*");
        assert_eq!(public_name("Alice Wang", NameDisplay::Initials), "A. W.");
        assert_eq!(public_name("王秀英", NameDisplay::Full), "王秀英");
        assert_eq!(public_name("欧", NameDisplay::Initials), "欧*");
    }

    #[test]
    fn the_anchor_is_home_or_the_common_scope_of_grants() -> DomainResult<()> {
        let p = placement_in(3);
        assert_eq!(anchor(Some(&p), &[]), Some(unit_of(3, 1)));
        let grants = [
            RoleGrant::new(Role::GridWorker, building(2))?,
            RoleGrant::new(Role::GridWorker, building(3))?,
        ];
        assert_eq!(anchor(None, &grants), Some(compound_a()));
        let wide = [
            RoleGrant::new(Role::GridWorker, building(3))?,
            RoleGrant::new(Role::GridWorker, building(5))?,
        ];
        assert_eq!(anchor(None, &wide), Some(community()));
        assert_eq!(anchor(None, &[]), None);
        Ok(())
    }

    #[test]
    fn reasons_are_required_and_bounded() {
        assert_eq!(normalize_reason("  老人无手机 "), Ok("老人无手机".into()));
        assert!(normalize_reason("  ").is_err());
        assert!(normalize_reason(&"字".repeat(REASON_MAX + 1)).is_err());
    }
}
