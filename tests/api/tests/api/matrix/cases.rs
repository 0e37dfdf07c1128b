//! The matrix's cases, one file per area: each names its endpoint (the type of
//! `yishi_core::api::routes`), what it sends, and who may make it, in core's words (the rules below).
//! A caller makes them in the order listed.

#[path = "cases/covenants.rs"]
mod covenants;
#[path = "cases/matters.rs"]
mod matters;
#[path = "cases/meetings.rs"]
mod meetings;
#[path = "cases/members.rs"]
mod members;
#[path = "cases/notices.rs"]
mod notices;
#[path = "cases/projects.rs"]
mod projects;
#[path = "cases/requests.rs"]
mod requests;
#[path = "cases/territory.rs"]
mod territory;
#[path = "cases/votes.rs"]
mod votes;

use serde_json::json;
use yishi_api_tests::{PNG, marker, yes_no_settings};
use yishi_core::api::endpoint::Token;
use yishi_core::api::routes::*;
use yishi_core::covenants::CovenantMove;
use yishi_core::ids::{
    BuildingId, CommunityId, CompoundId, HouseholdId, MemberId, StreetId, UnitId,
};
use yishi_core::matters::{Decision, Matter, Move, Step};
use yishi_core::meetings::may_record_presence;
use yishi_core::members::{Actor, Role};
use yishi_core::policy::{self, Action, Target, authorize, can_act_on_behalf};
use yishi_core::requests::{Parties, Transition};
use yishi_core::territory::{PlaceKind, ScopePath};
use yishi_core::votes::electorate::{Candidate, ElectorateRule, Weighting, snapshot};

use super::records::{self, Records};
use super::{Body, Caller, Case, case, case_for};

// ---- Places ----

fn street() -> StreetId {
    StreetId::from_trusted("str_t")
}
fn community() -> ScopePath {
    ScopePath::community(street(), CommunityId::from_trusted("com_t"))
}
fn building(compound: &str, id: &str) -> ScopePath {
    ScopePath::building(
        street(),
        CommunityId::from_trusted("com_t"),
        CompoundId::from_trusted(compound),
        BuildingId::from_trusted(id),
    )
}
fn building3() -> ScopePath {
    building("cpd_a", "bld_t03")
}
fn building5() -> ScopePath {
    building("cpd_b", "bld_t05")
}
fn unit3(n: u8) -> ScopePath {
    ScopePath::unit(
        street(),
        CommunityId::from_trusted("com_t"),
        CompoundId::from_trusted("cpd_a"),
        BuildingId::from_trusted("bld_t03"),
        UnitId::from_trusted(format!("unt_t03_{n}")),
    )
}
/// The unit of a household of the fixture (`hh_t03_1_004` is in `unt_t03_1`).
fn unit_of(household: &str) -> ScopePath {
    let n = household
        .split('_')
        .nth(2)
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("not a fixture household of building 3: {household}"));
    unit3(n)
}

fn token(s: &str) -> Token {
    Token::parse(s).unwrap_or_else(|| panic!("not a token: {s}"))
}

// ---- Who may: core's rules ----

fn may(action: Action, scope: ScopePath) -> impl Fn(&Actor) -> bool + Send + Sync {
    move |a| authorize(a, action, Target::Scope(&scope)).is_ok()
}

/// For lists: the action somewhere.
fn has_any(action: Action) -> impl Fn(&Actor) -> bool + Send + Sync {
    move |a| !policy::scopes_for(a, action).is_empty()
}

fn everyone(_: &Actor) -> bool {
    true
}

fn own(a: &Actor) -> bool {
    authorize(a, Action::ManageOwnAccount, Target::Own).is_ok()
}

/// Whether she is a voter of the residents of `scope` (the electorate of the matrix's votes and
/// meetings), by core's snapshot of her alone.
fn votes_in(a: &Actor, scope: &ScopePath) -> bool {
    let her = Candidate {
        member: a.member.clone(),
        home: a.residence().map(|p| (p.household.clone(), p.unit.clone())),
        representative: a.home.as_ref().is_some_and(|h| h.representative),
        birth_year: None,
        council_for: a
            .grants_of(&[Role::CouncilMember])
            .map(|g| g.scope.clone())
            .collect(),
        floor_area: None,
    };
    let year = u16::try_from(chrono::Datelike::year(&chrono::Utc::now())).unwrap_or_default();
    !snapshot(
        ElectorateRule::Residents,
        Weighting::Head,
        scope,
        year,
        &[her],
    )
    .is_empty()
}

/// She sees building 3's votes and meetings and is one of their voters: reading is not enough to cast
/// a ballot, give a proxy or check in (403 `not_in_electorate`, `not_invited`).
fn voter(a: &Actor) -> bool {
    authorize(a, Action::ReadVote, Target::Scope(&building3())).is_ok() && votes_in(a, &building3())
}

const RESIDENT: &str = "mbr_r3";
const OWNER: &str = "mbr_leader";

/// A matter of building 3 as core's gate sees it: proposed by the resident, owned or not by the group
/// leader (`records::OWNER_PHONE`).
fn matter(owner: Option<&str>, micro_wish: bool) -> Matter {
    Matter {
        scope: building3(),
        step: Step::Proposed,
        micro_wish,
        proposer: MemberId::from_trusted(RESIDENT),
        supports: 1,
        threshold: 3,
        owner_member: owner.map(MemberId::from_trusted),
        has_owner: owner.is_some(),
        evaluation_ends_at: None,
        publication: None,
    }
}

fn on_matter(m: Matter, mv: Move) -> impl Fn(&Actor) -> bool + Send + Sync {
    move |a| yishi_core::matters::who_may(a, &m, mv).is_ok()
}

fn on_covenant(mv: CovenantMove) -> impl Fn(&Actor) -> bool + Send + Sync {
    move |a| yishi_core::covenants::who_may(a, &building3(), mv).is_ok()
}

/// A request about building 3 that the resident reported. None of the callers belongs to the unit
/// that handles it (the property company's), so none is its handler.
fn parties(a: &Actor) -> Parties {
    Parties {
        handler: false,
        dispatcher: authorize(a, Action::DispatchRequests, Target::Scope(&building3())).is_ok(),
        requester: a.member.as_str() == RESIDENT,
        schedule: false,
    }
}

fn on_request(t: Transition) -> impl Fn(&Actor) -> bool + Send + Sync {
    move |a| yishi_core::requests::who_may(t, parties(a)).is_ok()
}

/// The district's categories, subcategories and calendar: the street admin's.
fn catalogue(a: &Actor) -> bool {
    policy::can_manage_catalogue(a).is_ok()
}

/// Community staff add units of their community, the street admin the district's.
fn adds_a_unit(a: &Actor) -> bool {
    policy::new_unit_owner(a).is_ok()
}

/// Staff (community staff, the street admin: those who keep units) read the catalogue's file.
fn staff(a: &Actor) -> bool {
    a.is_staff()
}

/// The matrix's unit is com_t's (community staff added it): its staff and the street admin keep it.
fn keeps_the_unit(a: &Actor) -> bool {
    policy::can_keep_unit(a, Some(&community())).is_ok()
}

/// Every case, area by area.
pub fn cases(r: &Records) -> Vec<Case> {
    let mut all = members::cases(r);
    all.extend(notices::cases(r));
    all.extend(territory::cases(r));
    all.extend(votes::cases(r));
    all.extend(meetings::cases(r));
    all.extend(matters::cases(r));
    all.extend(covenants::cases(r));
    all.extend(requests::cases(r));
    all.extend(projects::cases(r));
    all
}
