//! Who may do what, on what: the one place that decides. Every API route names the [`Action`] it performs
//! and the [`Target`] it performs it on, and asks [`authorize`]; no route decides on its own.
//!
//! The rule has three parts:
//! 1. a suspended member may do nothing;
//! 2. an action on a place is allowed when the actor holds one of the action's roles ([`roles_for`]) for
//!    a scope that contains the place (a building head's grant on building 3 covers its units and
//!    households, a community staff member's grant covers the whole community);
//! 3. a few actions also follow from residence: a confirmed resident reads notices addressed to where
//!    she lives ([`can_read_notice`]); everybody manages her own account.
//!
//! Pending residents (not yet confirmed by staff) get nothing from their household until confirmed; they
//! may only report a problem in their community (see [`Action::ReportRequest`]).

use crate::error::{DomainError, DomainResult};
use crate::members::{Actor, Role};
use crate::territory::{ScopeKind, ScopePath};

/// Everything a member can ask to do. Actions on a record use the record's scope as the target: a member's
/// home (or the scope of her grants), a notice's audience, a place itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Action {
    /// See the tree of places and their figures.
    ViewTerritory,
    /// Create, rename, archive and restore places; import a territory file.
    ManageTerritory,
    /// See members, their households and phone numbers.
    ViewMembers,
    /// Confirm or reject a pending resident (居民认证).
    VerifyResident,
    /// Issue, print and revoke household invite codes.
    ManageInvites,
    /// Add a member without a phone to a household; choose the household representative.
    ManageHouseholds,
    /// Grant or revoke this role.
    GrantRole(Role),
    /// Set a temporary passcode for a member who forgot hers.
    ResetPasscode,
    /// Record something for a resident who cannot do it herself (代办).
    ActOnBehalf,
    /// Read the audit log.
    ReadAudit,
    /// Publish a notice to the target.
    PostNotice,
    /// Read a notice addressed to the target.
    ReadNotice,
    /// See who has read a notice.
    ViewNoticeReads,
    /// Mark a notice as read, for oneself.
    MarkNoticeRead,
    /// Create a vote for the target, close it early.
    ManageVotes,
    /// See a vote addressed to the target (and its result, when shown).
    ReadVote,
    /// Propose, support, discuss and rate residents' matters of a place one lives in.
    TakePartInMatter,
    /// Summarise a matter's discussion and hide comments with a public reason.
    FacilitateMatters,
    /// Run matters: decline, merge, put to a decision, name an owner, set milestones.
    ManageMatters,
    /// Accept or reject the work done on a matter, as residents' representatives (验收).
    AcceptMatters,
    /// Report a request (民生诉求) about a place of the community one lives in.
    ReportRequest,
    /// Register a request received by phone or in person, for the resident (代登记).
    RegisterRequest,
    /// See a place's requests, send returned ones on, merge and split them, read their figures.
    DispatchRequests,
    /// Edit the district's catalogue of requests (categories and subcategories, the calendar of working
    /// days, its CSV import): a target of [`Target::District`] only, so the street admin's.
    ManageCatalogue,
    /// Keep a handling unit: rename it, add and remove its members. The target is the unit's owner: its
    /// community, or [`Target::District`] for a unit of the whole district.
    ManageUnits,
    /// Change one's own passcode, profile and signed-in devices.
    ManageOwnAccount,
}

impl Action {
    /// Every action, for exhaustive tests.
    #[must_use]
    pub fn all() -> Vec<Action> {
        let mut all = vec![
            Action::ViewTerritory,
            Action::ManageTerritory,
            Action::ViewMembers,
            Action::VerifyResident,
            Action::ManageInvites,
            Action::ManageHouseholds,
        ];
        all.extend(Role::ALL.map(Action::GrantRole));
        all.extend([
            Action::ResetPasscode,
            Action::ActOnBehalf,
            Action::ReadAudit,
            Action::PostNotice,
            Action::ReadNotice,
            Action::ViewNoticeReads,
            Action::MarkNoticeRead,
            Action::ManageVotes,
            Action::ReadVote,
            Action::TakePartInMatter,
            Action::FacilitateMatters,
            Action::ManageMatters,
            Action::AcceptMatters,
            Action::ReportRequest,
            Action::RegisterRequest,
            Action::DispatchRequests,
            Action::ManageCatalogue,
            Action::ManageUnits,
            Action::ManageOwnAccount,
        ]);
        all
    }
}

/// What an action is done on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target<'a> {
    /// A place, or a record addressed to or living in it.
    Scope(&'a ScopePath),
    /// The actor's own account.
    Own,
    /// What belongs to the whole district and to no community: its handling units (a street
    /// department, a utility). Kept by those who hold the action's role for a whole street.
    District,
}

use Role::{
    BuildingHead, CommunityStaff, CouncilMember, GridDirector, GridHead, GridWorker,
    ResidentGroupLeader, StreetAdmin,
};

/// The roles whose grant, when it covers the target, allows the action.
#[must_use]
pub fn roles_for(action: Action) -> &'static [Role] {
    const STAFF: &[Role] = &[CommunityStaff, StreetAdmin];
    const GRID_AND_STAFF: &[Role] = &[
        GridWorker,
        GridHead,
        GridDirector,
        CommunityStaff,
        StreetAdmin,
    ];
    const ALL_OFFICES: &[Role] = &[
        BuildingHead,
        ResidentGroupLeader,
        GridWorker,
        GridHead,
        GridDirector,
        CommunityStaff,
        StreetAdmin,
    ];
    match action {
        Action::ViewTerritory | Action::ViewMembers | Action::ManageInvites => ALL_OFFICES,
        Action::VerifyResident
        | Action::ManageHouseholds
        | Action::ActOnBehalf
        | Action::RegisterRequest => GRID_AND_STAFF,
        Action::ViewNoticeReads => &[
            BuildingHead,
            GridWorker,
            GridHead,
            GridDirector,
            CommunityStaff,
            StreetAdmin,
        ],
        Action::ManageTerritory
        | Action::ResetPasscode
        | Action::ReadAudit
        | Action::DispatchRequests
        | Action::ManageCatalogue
        | Action::ManageUnits => STAFF,
        Action::GrantRole(CommunityStaff | StreetAdmin) => &[StreetAdmin],
        Action::GrantRole(
            BuildingHead | ResidentGroupLeader | GridWorker | GridHead | GridDirector
            | CouncilMember,
        ) => STAFF,
        Action::PostNotice => &[BuildingHead, CommunityStaff, StreetAdmin],
        // Offices read what is addressed within their area, and what is addressed above it (which their
        // residents read): see `can_read_notice`.
        Action::ReadNotice | Action::ReadVote => ALL_OFFICES,
        // Those who run votes in a place run its matters ("small matters stay in the courtyard").
        Action::ManageVotes | Action::ManageMatters => &[BuildingHead, CommunityStaff, StreetAdmin],
        Action::FacilitateMatters => &[
            CouncilMember,
            ResidentGroupLeader,
            BuildingHead,
            CommunityStaff,
            StreetAdmin,
        ],
        // Residents' representatives, never the staff whose offices often do the work.
        Action::AcceptMatters => &[CouncilMember, ResidentGroupLeader, BuildingHead],
        Action::MarkNoticeRead
        | Action::TakePartInMatter
        | Action::ReportRequest
        | Action::ManageOwnAccount => &[],
    }
}

/// May `actor` do `action` on `target`?
pub fn authorize(actor: &Actor, action: Action, target: Target<'_>) -> DomainResult<()> {
    if allowed(actor, action, target) {
        Ok(())
    } else {
        Err(DomainError::Forbidden)
    }
}

fn allowed(actor: &Actor, action: Action, target: Target<'_>) -> bool {
    if !actor.is_active() {
        return false;
    }
    let scope = match (action, target) {
        (Action::ManageOwnAccount, Target::Own) => return true,
        (Action::ManageUnits | Action::ManageCatalogue, Target::District) => {
            return actor
                .grants_of(roles_for(action))
                .any(|g| g.scope.kind() == ScopeKind::Street);
        }
        (_, Target::Own | Target::District) | (Action::ManageOwnAccount, Target::Scope(_)) => {
            return false;
        }
        (_, Target::Scope(scope)) => scope,
    };
    match action {
        Action::ReadNotice | Action::ReadVote => can_read_notice(actor, scope),
        Action::MarkNoticeRead | Action::TakePartInMatter => is_addressed_to_home(actor, scope),
        // A streetlight in the next compound is still her community's. A resident waiting for
        // confirmation may report too: a broken lamp does not wait for her papers, and a report gives
        // her nothing of her household's (she sees only her own requests and those she joins).
        Action::ReportRequest => actor.home.as_ref().map(|h| &h.placement).is_some_and(|p| {
            p.unit.community_id().is_some()
                && p.unit.community_id() == scope.community_id()
                && p.unit.street_id() == scope.street_id()
        }),
        _ => actor
            .grants_of(roles_for(action))
            .any(|g| g.scope.contains(scope)),
    }
}

/// The catalogue's categories, subcategories and calendar (and its CSV import) are the district's: every
/// community files its requests in them and routes them by them, so only the street admin edits them
/// (community staff of one community could otherwise re-route another's requests). Each unit is kept by
/// its owner's keepers ([`can_keep_unit`]); staff add units of their own ([`new_unit_owner`]).
pub fn can_manage_catalogue(actor: &Actor) -> DomainResult<()> {
    authorize(actor, Action::ManageCatalogue, Target::District)
}

/// Who a unit added without naming a community belongs to, if `actor` may add one: her own community's
/// for community staff, the district's (`None`) for the street admin; refused for anyone else.
pub fn new_unit_owner(actor: &Actor) -> DomainResult<Option<ScopePath>> {
    let owner = actor
        .grants_of(roles_for(Action::ManageUnits))
        .map(|g| &g.scope)
        .find(|s| s.kind() == ScopeKind::Community)
        .cloned();
    can_keep_unit(actor, owner.as_ref())?;
    Ok(owner)
}

/// A handling unit owned by `owner` (its community; `None` for the district's) is kept by that
/// community's staff and the street admin; the district's units by the street admin alone.
pub fn can_keep_unit(actor: &Actor, owner: Option<&ScopePath>) -> DomainResult<()> {
    authorize(
        actor,
        Action::ManageUnits,
        owner.map_or(Target::District, Target::Scope),
    )
}

/// Whether `member` may be a member of a unit owned by `owner` (its community; `None` for the
/// district's). Anybody may be one of the district's; a community's unit takes those whose home or one
/// of whose offices lies within that community, and those with no place in the district at all (a
/// property company's repairman), so that no one reaches another community's requests through it.
pub fn can_join_unit(member: &Actor, owner: Option<&ScopePath>) -> DomainResult<()> {
    let Some(community) = owner else {
        return Ok(());
    };
    let home = member.home.as_ref().map(|h| &h.placement.unit);
    let mut places = home
        .into_iter()
        .chain(member.grants.iter().map(|g| &g.scope));
    let placeless = member.home.is_none() && member.grants.is_empty();
    if placeless || places.any(|p| community.contains(p)) {
        Ok(())
    } else {
        Err(DomainError::MemberElsewhere)
    }
}

/// A confirmed resident is addressed by records for any scope containing her home.
fn is_addressed_to_home(actor: &Actor, scope: &ScopePath) -> bool {
    actor.residence().is_some_and(|p| scope.contains(&p.unit))
}

/// A notice addressed to `scope` is visible to confirmed residents who live within it, and to the
/// holders of an office (building head, grid roles, staff) for notices addressed within their area or
/// to a place that contains it (so a grid worker can follow up on what her residents were told).
#[must_use]
pub fn can_read_notice(actor: &Actor, scope: &ScopePath) -> bool {
    actor.is_active()
        && (is_addressed_to_home(actor, scope)
            || actor
                .grants_of(roles_for(Action::ReadNotice))
                .any(|g| g.scope.contains(scope) || scope.contains(&g.scope)))
}

/// A notice for `target` may be posted by staff whose community (or street) contains it, and by a
/// building head for her own building.
pub fn can_post_notice(actor: &Actor, target: &ScopePath) -> DomainResult<()> {
    authorize(actor, Action::PostNotice, Target::Scope(target))
}

/// Acting for `subject` (who lives at `subject_home`): allowed to grid workers and staff covering her
/// home, never for oneself.
pub fn can_act_on_behalf(
    actor: &Actor,
    subject: &crate::ids::MemberId,
    subject_home: Option<&ScopePath>,
) -> DomainResult<()> {
    let home = subject_home.ok_or(DomainError::NotResident)?;
    if subject == &actor.member {
        return Err(DomainError::Invalid {
            field: crate::error::Field::Member,
        });
    }
    authorize(actor, Action::ActOnBehalf, Target::Scope(home))
}

/// The notices an actor sees, as a query: notices addressed to a scope that contains one of `covering`
/// (where she lives, what she heads), or that lies within one of `within` (what she oversees).
/// The worker turns this into SQL; [`can_read_notice`] states the same rule for one notice.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NoticeAudience {
    pub covering: Vec<ScopePath>,
    pub within: Vec<ScopePath>,
}

#[must_use]
pub fn notice_audience(actor: &Actor) -> NoticeAudience {
    if !actor.is_active() {
        return NoticeAudience::default();
    }
    let mut covering: Vec<ScopePath> = actor
        .residence()
        .map(|p| p.unit.clone())
        .into_iter()
        .collect();
    let mut within: Vec<ScopePath> = Vec::new();
    for office in actor.grants_of(roles_for(Action::ReadNotice)) {
        covering.push(office.scope.clone());
        within.push(office.scope.clone());
    }
    covering.dedup();
    within.dedup();
    NoticeAudience { covering, within }
}

impl NoticeAudience {
    /// The same rule as [`can_read_notice`], evaluated on the audience.
    #[must_use]
    pub fn admits(&self, scope: &ScopePath) -> bool {
        self.covering.iter().any(|c| scope.contains(c))
            || self.within.iter().any(|w| w.contains(scope))
    }
}

/// The scopes within which the actor may do `action` through her grants (for list queries: "members I
/// may see" is "members living within one of these").
#[must_use]
pub fn scopes_for(actor: &Actor, action: Action) -> Vec<ScopePath> {
    if !actor.is_active() {
        return Vec::new();
    }
    let mut scopes: Vec<ScopePath> = actor
        .grants_of(roles_for(action))
        .map(|g| g.scope.clone())
        .collect();
    scopes.sort_by_key(ScopePath::kind);
    let mut kept: Vec<ScopePath> = Vec::new();
    for s in scopes {
        if !kept.iter().any(|k| k.contains(&s)) {
            kept.push(s);
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::{CommunityId, MemberId, StreetId};
    use crate::members::{Home, MemberStatus, RoleGrant, Verification};
    use crate::testing::actors::*;
    use crate::testing::territory::*;

    fn with_grants(id: &str, grants: &[(Role, ScopePath)]) -> Actor {
        Actor {
            member: MemberId::from_trusted(id),
            status: MemberStatus::Active,
            home: None,
            grants: grants
                .iter()
                .map(|(role, scope)| RoleGrant {
                    role: *role,
                    scope: scope.clone(),
                })
                .collect(),
        }
    }

    fn living_in_3(id: &str, verification: Verification) -> Actor {
        Actor {
            home: Some(Home {
                placement: placement_in(3),
                verification,
                representative: false,
            }),
            ..with_grants(id, &[])
        }
    }

    /// One actor per role, each holding it for a scope that contains building 3 (compound A) and not
    /// building 5 (compound B) unless the role is held for the whole community or street.
    fn cast() -> [(&'static str, Actor); 10] {
        [
            ("resident", living_in_3("r", Verification::Confirmed)),
            ("pending", living_in_3("p", Verification::Pending)),
            ("council", with_grants("c", &[(CouncilMember, community())])),
            ("head", with_grants("h", &[(BuildingHead, building(3))])),
            (
                "leader",
                with_grants("l", &[(ResidentGroupLeader, compound_a())]),
            ),
            (
                "grid_worker",
                with_grants("w", &[(GridWorker, building(2)), (GridWorker, building(3))]),
            ),
            ("grid_head", with_grants("gh", &[(GridHead, compound_a())])),
            (
                "grid_director",
                with_grants("gd", &[(GridDirector, community())]),
            ),
            ("staff", with_grants("s", &[(CommunityStaff, community())])),
            ("admin", with_grants("a", &[(StreetAdmin, street())])),
        ]
    }

    const ROWS: usize = 33;

    /// Rows follow [`Action::all`]; columns follow [`cast`]: resident, pending, council, head, leader,
    /// grid worker, grid head, grid director, staff, admin.
    const ON_UNIT_3_1: [(&str, &str); ROWS] = [
        ("view territory", "...YYYYYYY"),
        ("manage territory", "........YY"),
        ("view members", "...YYYYYYY"),
        ("verify resident", ".....YYYYY"),
        ("manage invites", "...YYYYYYY"),
        ("manage households", ".....YYYYY"),
        ("grant building head", "........YY"),
        ("grant group leader", "........YY"),
        ("grant grid worker", "........YY"),
        ("grant grid head", "........YY"),
        ("grant grid director", "........YY"),
        ("grant council member", "........YY"),
        ("grant community staff", ".........Y"),
        ("grant street admin", ".........Y"),
        ("reset passcode", "........YY"),
        ("act on behalf", ".....YYYYY"),
        ("read audit", "........YY"),
        ("post notice", "...Y....YY"),
        ("read notice", "Y..YYYYYYY"),
        ("view notice reads", "...Y.YYYYY"),
        ("mark notice read", "Y........."),
        ("manage votes", "...Y....YY"),
        ("read vote", "Y..YYYYYYY"),
        ("take part in matter", "Y........."),
        ("facilitate matters", "..YYY...YY"),
        ("manage matters", "...Y....YY"),
        ("accept matters", "..YYY....."),
        ("report request", "YY........"),
        ("register request", ".....YYYYY"),
        ("dispatch requests", "........YY"),
        ("manage catalogue", "........YY"),
        ("manage units", "........YY"),
        ("manage own account", ".........."),
    ];

    /// The same for building 5, in the other compound.
    const ON_BUILDING_5: [(&str, &str); ROWS] = [
        ("view territory", ".......YYY"),
        ("manage territory", "........YY"),
        ("view members", ".......YYY"),
        ("verify resident", ".......YYY"),
        ("manage invites", ".......YYY"),
        ("manage households", ".......YYY"),
        ("grant building head", "........YY"),
        ("grant group leader", "........YY"),
        ("grant grid worker", "........YY"),
        ("grant grid head", "........YY"),
        ("grant grid director", "........YY"),
        ("grant council member", "........YY"),
        ("grant community staff", ".........Y"),
        ("grant street admin", ".........Y"),
        ("reset passcode", "........YY"),
        ("act on behalf", ".......YYY"),
        ("read audit", "........YY"),
        ("post notice", "........YY"),
        ("read notice", ".......YYY"),
        ("view notice reads", ".......YYY"),
        ("mark notice read", ".........."),
        ("manage votes", "........YY"),
        ("read vote", ".......YYY"),
        ("take part in matter", ".........."),
        ("facilitate matters", "..Y.....YY"),
        ("manage matters", "........YY"),
        ("accept matters", "..Y......."),
        ("report request", "YY........"),
        ("register request", ".......YYY"),
        ("dispatch requests", "........YY"),
        ("manage catalogue", "........YY"),
        ("manage units", "........YY"),
        ("manage own account", ".........."),
    ];

    /// The neighbouring community of the same street, and what belongs to it (its handling units): only
    /// the street admin reaches it; nobody of this community, whatever her office.
    const ON_ANOTHER_COMMUNITY: [(&str, &str); ROWS] = [
        ("view territory", ".........Y"),
        ("manage territory", ".........Y"),
        ("view members", ".........Y"),
        ("verify resident", ".........Y"),
        ("manage invites", ".........Y"),
        ("manage households", ".........Y"),
        ("grant building head", ".........Y"),
        ("grant group leader", ".........Y"),
        ("grant grid worker", ".........Y"),
        ("grant grid head", ".........Y"),
        ("grant grid director", ".........Y"),
        ("grant council member", ".........Y"),
        ("grant community staff", ".........Y"),
        ("grant street admin", ".........Y"),
        ("reset passcode", ".........Y"),
        ("act on behalf", ".........Y"),
        ("read audit", ".........Y"),
        ("post notice", ".........Y"),
        ("read notice", ".........Y"),
        ("view notice reads", ".........Y"),
        ("mark notice read", ".........."),
        ("manage votes", ".........Y"),
        ("read vote", ".........Y"),
        ("take part in matter", ".........."),
        ("facilitate matters", ".........Y"),
        ("manage matters", ".........Y"),
        ("accept matters", ".........."),
        ("report request", ".........."),
        ("register request", ".........Y"),
        ("dispatch requests", ".........Y"),
        ("manage catalogue", ".........Y"),
        ("manage units", ".........Y"),
        ("manage own account", ".........."),
    ];

    /// What belongs to the whole district and no community: its handling units are the street admin's
    /// alone; a community's staff keep only their own community's.
    const ON_THE_DISTRICT: [(&str, &str); ROWS] = [
        ("view territory", ".........."),
        ("manage territory", ".........."),
        ("view members", ".........."),
        ("verify resident", ".........."),
        ("manage invites", ".........."),
        ("manage households", ".........."),
        ("grant building head", ".........."),
        ("grant group leader", ".........."),
        ("grant grid worker", ".........."),
        ("grant grid head", ".........."),
        ("grant grid director", ".........."),
        ("grant council member", ".........."),
        ("grant community staff", ".........."),
        ("grant street admin", ".........."),
        ("reset passcode", ".........."),
        ("act on behalf", ".........."),
        ("read audit", ".........."),
        ("post notice", ".........."),
        ("read notice", ".........."),
        ("view notice reads", ".........."),
        ("mark notice read", ".........."),
        ("manage votes", ".........."),
        ("read vote", ".........."),
        ("take part in matter", ".........."),
        ("facilitate matters", ".........."),
        ("manage matters", ".........."),
        ("accept matters", ".........."),
        ("report request", ".........."),
        ("register request", ".........."),
        ("dispatch requests", ".........."),
        ("manage catalogue", ".........Y"),
        ("manage units", ".........Y"),
        ("manage own account", ".........."),
    ];

    fn check_matrix(target: Target<'_>, table: &[(&str, &str); ROWS]) {
        let actions = Action::all();
        assert_eq!(actions.len(), table.len(), "one row per action");
        let cast = cast();
        for (action, (row_name, row)) in actions.iter().zip(table) {
            assert_eq!(row.len(), cast.len(), "row {row_name}");
            for ((who, actor), expected) in cast.iter().zip(row.chars()) {
                let got = authorize(actor, *action, target).is_ok();
                assert_eq!(
                    got,
                    expected == 'Y',
                    "{who} / {row_name} ({action:?}) on {target:?}"
                );
            }
        }
    }

    fn another_community() -> ScopePath {
        ScopePath::community(street_id(), CommunityId::from_trusted("com_other"))
    }

    #[test]
    fn every_role_and_action_in_scope() {
        check_matrix(Target::Scope(&unit_of(3, 1)), &ON_UNIT_3_1);
    }

    #[test]
    fn every_role_and_action_out_of_scope() {
        check_matrix(Target::Scope(&building(5)), &ON_BUILDING_5);
    }

    #[test]
    fn every_role_and_action_in_another_community() {
        check_matrix(Target::Scope(&another_community()), &ON_ANOTHER_COMMUNITY);
    }

    #[test]
    fn every_role_and_action_on_the_district() {
        check_matrix(Target::District, &ON_THE_DISTRICT);
    }

    /// A unit is kept by its owner's keepers: this community's by its staff and the street admin, the
    /// neighbour's by neither this community's staff nor anyone else of it, the district's by the street
    /// admin alone.
    #[test]
    fn units_are_kept_by_their_community_or_the_street() {
        let keepers = |owner: Option<&ScopePath>| -> Vec<&str> {
            cast()
                .into_iter()
                .filter(|(_, a)| can_keep_unit(a, owner).is_ok())
                .map(|(who, _)| who)
                .collect()
        };
        assert_eq!(keepers(Some(&community())), ["staff", "admin"]);
        assert_eq!(keepers(Some(&another_community())), ["admin"]);
        assert_eq!(keepers(None), ["admin"]);
        let theirs = with_grants("o", &[(CommunityStaff, another_community())]);
        assert!(can_keep_unit(&theirs, Some(&community())).is_err());
        assert!(can_keep_unit(&theirs, Some(&another_community())).is_ok());
        assert!(can_keep_unit(&theirs, None).is_err());
        // She adds units of her own community; the street admin adds the district's; nobody else adds any.
        assert_eq!(new_unit_owner(&theirs), Ok(Some(another_community())));
        let adders: Vec<(&str, Option<ScopePath>)> = cast()
            .into_iter()
            .filter_map(|(who, a)| new_unit_owner(&a).ok().map(|owner| (who, owner)))
            .collect();
        assert_eq!(adders, [("staff", Some(community())), ("admin", None)]);
    }

    /// The catalogue's categories, subcategories and calendar route every community's requests: the
    /// street admin alone edits them, not the staff of any one community.
    #[test]
    fn the_district_catalogue_is_the_street_admins() {
        let editors: Vec<&str> = cast()
            .into_iter()
            .filter(|(_, a)| can_manage_catalogue(a).is_ok())
            .map(|(who, _)| who)
            .collect();
        assert_eq!(editors, ["admin"]);
        let theirs = with_grants("o", &[(CommunityStaff, another_community())]);
        assert_eq!(can_manage_catalogue(&theirs), Err(DomainError::Forbidden));
    }

    /// A community's unit takes its own people and those with no place in the district; the district's
    /// units take anybody.
    #[test]
    fn unit_membership_stays_within_the_community() {
        let theirs = with_grants("o", &[(CommunityStaff, another_community())]);
        let repairman = with_grants("f", &[]);
        let admin = with_grants("a", &[(StreetAdmin, street())]);
        let ours = Some(community());
        for (who, actor) in cast() {
            assert!(can_join_unit(&actor, None).is_ok(), "{who}");
            let expected = who != "admin";
            assert_eq!(
                can_join_unit(&actor, ours.as_ref()).is_ok(),
                expected,
                "{who}"
            );
        }
        assert_eq!(
            can_join_unit(&theirs, ours.as_ref()),
            Err(DomainError::MemberElsewhere)
        );
        assert!(can_join_unit(&theirs, Some(&another_community())).is_ok());
        assert!(can_join_unit(&theirs, None).is_ok());
        assert!(can_join_unit(&repairman, ours.as_ref()).is_ok());
        assert!(can_join_unit(&admin, ours.as_ref()).is_err());
        // Living here is enough, whatever she does elsewhere.
        let mut neighbour_staff_living_here = living_in_3("n", Verification::Confirmed);
        neighbour_staff_living_here.grants = theirs.grants.clone();
        assert!(can_join_unit(&neighbour_staff_living_here, ours.as_ref()).is_ok());
    }

    #[test]
    fn nothing_reaches_another_street() {
        let elsewhere = ScopePath::community(
            StreetId::from_trusted("str_other"),
            CommunityId::from_trusted("com_x"),
        );
        for (who, actor) in cast() {
            for action in Action::all() {
                assert!(
                    authorize(&actor, action, Target::Scope(&elsewhere)).is_err(),
                    "{who} / {action:?}"
                );
            }
        }
    }

    #[test]
    fn everybody_active_manages_only_her_own_account() {
        for (who, actor) in cast() {
            for action in Action::all() {
                let expected = action == Action::ManageOwnAccount;
                assert_eq!(
                    authorize(&actor, action, Target::Own).is_ok(),
                    expected,
                    "{who} / {action:?}"
                );
            }
        }
    }

    #[test]
    fn suspended_members_can_do_nothing() {
        for (who, mut actor) in cast() {
            actor.status = MemberStatus::Suspended;
            for action in Action::all() {
                for target in [Target::Own, Target::District, Target::Scope(&unit_of(3, 1))] {
                    assert!(
                        authorize(&actor, action, target).is_err(),
                        "{who} / {action:?}"
                    );
                }
            }
            assert_eq!(notice_audience(&actor), NoticeAudience::default());
            assert!(scopes_for(&actor, Action::ViewMembers).is_empty());
        }
    }

    #[test]
    fn acting_on_behalf_needs_a_resident_in_scope_and_someone_else() {
        let worker = with_grants("w", &[(GridWorker, building(3))]);
        let her = MemberId::from_trusted("mbr_old");
        assert!(can_act_on_behalf(&worker, &her, Some(&unit_of(3, 1))).is_ok());
        assert_eq!(
            can_act_on_behalf(&worker, &her, Some(&unit_of(5, 1))),
            Err(DomainError::Forbidden)
        );
        assert_eq!(
            can_act_on_behalf(&worker, &her, None),
            Err(DomainError::NotResident)
        );
        assert!(can_act_on_behalf(&worker, &worker.member, Some(&unit_of(3, 1))).is_err());
    }

    #[test]
    fn list_scopes_keep_only_the_widest() {
        let both = with_grants(
            "x",
            &[
                (GridWorker, building(3)),
                (CommunityStaff, community()),
                (BuildingHead, building(5)),
            ],
        );
        assert_eq!(scopes_for(&both, Action::ViewMembers), vec![community()]);
        let worker = with_grants("w", &[(GridWorker, building(2)), (GridWorker, building(3))]);
        assert_eq!(
            scopes_for(&worker, Action::ViewMembers),
            vec![building(2), building(3)]
        );
        assert!(scopes_for(&worker, Action::ReadAudit).is_empty());
    }

    fn all_scopes() -> Vec<ScopePath> {
        vec![
            street(),
            community(),
            compound_a(),
            compound_b(),
            building(3),
            building(5),
            unit_of(3, 1),
            unit_of(5, 1),
        ]
    }

    #[test]
    fn residents_read_notices_addressed_to_where_they_live_once_confirmed() {
        let r3 = resident_of(3);
        assert!(can_read_notice(&r3, &building(3)));
        assert!(can_read_notice(&r3, &compound_a()));
        assert!(can_read_notice(&r3, &community()));
        assert!(can_read_notice(&r3, &street()));
        assert!(!can_read_notice(&r3, &building(5)));
        assert!(!can_read_notice(&r3, &unit_of(3, 2)));
        let pending = living_in_3("p", Verification::Pending);
        for scope in all_scopes() {
            assert!(!can_read_notice(&pending, &scope), "{scope:?}");
        }
    }

    /// The query form of the rule must agree with the one-notice form for every actor and scope.
    #[test]
    fn audience_agrees_with_can_read_notice() {
        let mut actors: Vec<Actor> = cast().into_iter().map(|(_, a)| a).collect();
        actors.extend([
            staff(),
            street_admin(),
            resident_of(5),
            building_head_of(3),
            outsider_staff(),
        ]);
        for actor in &actors {
            let audience = notice_audience(actor);
            for scope in all_scopes() {
                assert_eq!(
                    audience.admits(&scope),
                    can_read_notice(actor, &scope),
                    "{actor:?} {scope:?}"
                );
            }
        }
    }
}
