//! Residents' requests (民生诉求): the catalogue, intake, handling, confirmation and figures.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::ids::{
    CommunityId, HandlingUnitId, MemberId, PhotoId, RequestCategoryId, RequestId, SubcategoryId,
};
use crate::numbers::RecordNumber;
use crate::requests::{Channel, Escalation, Figures, Outcome, Status, TimeLimit, UnitKind};
use crate::territory::ScopeRef;

/// A unit that answers for requests, with its members (listed to those who keep the catalogue).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct UnitView {
    pub id: HandlingUnitId,
    pub name: String,
    pub kind: UnitKind,
    /// The community whose unit it is: it handles that community's requests only, and its staff keep
    /// it. Absent for a unit of the whole district, which the street admin keeps.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub community: Option<CommunityId>,
    /// Whether the reader keeps this unit (renames it, adds and removes its members).
    #[serde(default)]
    pub can_edit: bool,
    pub members: Vec<UnitMemberView>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct UnitMemberView {
    pub id: MemberId,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct UnitRef {
    pub id: HandlingUnitId,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SubcategoryView {
    pub id: SubcategoryId,
    pub category: RequestCategoryId,
    pub name: String,
    pub unit: UnitRef,
    pub legal_basis: String,
    pub standard: String,
    pub keywords: Vec<String>,
    pub limit: TimeLimit,
    pub active: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CategoryView {
    pub id: RequestCategoryId,
    pub name: String,
    pub subcategories: Vec<SubcategoryView>,
}

/// `GET /api/v1/requests/catalogue`: everything a resident chooses from, and what staff edit.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CatalogueResponse {
    pub categories: Vec<CategoryView>,
    pub units: Vec<UnitView>,
    pub holidays: Vec<NaiveDate>,
    pub workdays: Vec<NaiveDate>,
    pub confirm_days: u32,
    /// The reader edits the district's categories, subcategories and calendar (the street admin).
    pub can_edit: bool,
    /// The reader may add a handling unit (community staff, for her community; the street admin, for the
    /// district).
    #[serde(default)]
    pub can_add_unit: bool,
    /// The units the reader handles requests for.
    pub my_units: Vec<HandlingUnitId>,
    /// The reader dispatches requests somewhere (sees "all", figures).
    pub dispatches: bool,
    /// Where the reader may register calls and visits for residents (her grid, her community).
    pub register_places: Vec<PlaceChoice>,
}

/// A place to choose, with its name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PlaceChoice {
    pub scope: ScopeRef,
    pub name: String,
}

/// `POST /api/v1/requests/categories`, `PUT /api/v1/requests/categories/{id}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CategoryRequest {
    pub name: String,
}

/// `POST /api/v1/requests/subcategories`, `PUT /api/v1/requests/subcategories/{id}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SubcategoryRequest {
    pub category: String,
    pub name: String,
    pub unit: String,
    #[serde(default)]
    pub legal_basis: String,
    #[serde(default)]
    pub standard: String,
    /// Separated by commas, 、 or spaces.
    #[serde(default)]
    pub keywords: String,
    pub limit: TimeLimit,
    #[serde(default = "yes")]
    pub active: bool,
}

fn yes() -> bool {
    true
}

/// `POST /api/v1/requests/units`, `PUT /api/v1/requests/units/{id}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct UnitRequest {
    pub name: String,
    pub kind: UnitKind,
    /// On creation, the community whose unit it is (one she keeps). Absent: her own community's for
    /// community staff, the whole district's for the street admin. A unit's owner never changes, so a
    /// change of the unit ignores it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub community: Option<CommunityId>,
}

/// `POST /api/v1/requests/units/{id}/members`: a member of the district, by phone number.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct UnitMemberRequest {
    pub phone: String,
}

/// `PUT /api/v1/requests/calendar`: the whole list of holidays and make-up workdays, and how long a
/// resolved request waits for the resident.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CalendarRequest {
    pub holidays: Vec<NaiveDate>,
    pub workdays: Vec<NaiveDate>,
    pub confirm_days: u32,
}

/// `POST /api/v1/requests/catalogue.csv`: what an import changed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CatalogueImportResponse {
    pub categories_created: u32,
    pub units_created: u32,
    pub subcategories_created: u32,
    pub subcategories_updated: u32,
}

/// Staff registering a request received by phone or in person.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct OnBehalf {
    pub channel: Channel,
    pub name: String,
    /// The caller's phone: when it is a member's, the request is hers and she sees it in the app.
    #[serde(default)]
    pub phone: Option<String>,
}

/// `POST /api/v1/requests`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct NewRequest {
    pub subcategory: String,
    pub description: String,
    /// A community, compound, building or unit; a free description of the place may add to it (and is
    /// required above a building).
    pub place: ScopeRef,
    #[serde(default)]
    pub place_text: Option<String>,
    #[serde(default)]
    pub photos: Vec<String>,
    /// The handler may see her name (otherwise only staff do).
    #[serde(default)]
    pub show_name: bool,
    #[serde(default)]
    pub on_behalf: Option<OnBehalf>,
}

/// One line of a list of requests.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RequestSummary {
    pub id: RequestId,
    /// Its short number within the community (诉求 #128).
    pub number: RecordNumber,
    pub subcategory_name: String,
    pub category_name: String,
    pub unit_name: String,
    pub status: Status,
    pub place_name: String,
    pub description: String,
    pub received_at: DateTime<Utc>,
    pub deadline: DateTime<Utc>,
    pub overdue: bool,
    pub escalation: Escalation,
    pub followers: u32,
}

/// `GET /api/v1/requests?view=mine|handling|all&status=open|overdue|escalated|<status>&q=&cursor=&limit=`.
/// Open, overdue and escalated requests come most urgent first (earliest deadline, so overdue ones lead);
/// others most recently changed first. `q` is a request's number (`128`, `#128`, `R-128`) or words of
/// its description or kind.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RequestListResponse {
    pub requests: Vec<RequestSummary>,
    pub next_cursor: Option<String>,
    /// What waits in each list the reader has, for the counts on its tabs.
    pub counts: RequestCounts,
}

/// Open requests in each of the reader's lists, and how many of them are overdue.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RequestCounts {
    /// Hers (raised or joined), still open.
    pub mine: u32,
    /// Open with her units.
    pub handling: u32,
    pub handling_overdue: u32,
    /// Open within the places she dispatches (0 when she dispatches nowhere).
    pub all: u32,
    pub all_overdue: u32,
}

/// `GET /api/v1/requests/similar?subcategory=&place_kind=&place_id=`: open requests of the same
/// subcategory in the same compound (or community, for places above a compound).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SimilarResponse {
    pub requests: Vec<RequestSummary>,
}

/// An entry of a request's record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RequestEventView {
    pub at: DateTime<Utc>,
    /// Empty for the scheduled job.
    pub actor_name: String,
    pub kind: String,
    pub status: Status,
    pub unit_name: Option<String>,
    pub note: String,
    pub photos: Vec<PhotoId>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "RequestRatingView")
)]
pub struct RatingView {
    pub outcome: Outcome,
    pub stars: u8,
    pub comment: String,
    pub at: DateTime<Utc>,
}

/// What the reader may do to the request now.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RequestPowers {
    pub handle: bool,
    pub dispatch: bool,
    pub confirm: bool,
    pub join: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RequestView {
    pub id: RequestId,
    pub number: RecordNumber,
    pub subcategory: SubcategoryView,
    pub category_name: String,
    pub unit: UnitRef,
    pub status: Status,
    pub description: String,
    pub place: Option<ScopeRef>,
    pub place_name: String,
    pub place_text: Option<String>,
    /// Shown to staff, and to the unit when she allowed it.
    pub requester_name: Option<String>,
    pub caller_phone: Option<String>,
    pub channel: Channel,
    pub received_at: DateTime<Utc>,
    pub deadline: DateTime<Utc>,
    pub overdue: bool,
    pub escalation: Escalation,
    pub resolved_at: Option<DateTime<Utc>>,
    /// While resolved: when it closes if she says nothing.
    pub confirmation_ends: Option<DateTime<Utc>>,
    pub rating: Option<RatingView>,
    pub returned_to: Option<UnitRef>,
    pub merged_into: Option<RequestId>,
    /// The number of the request it was merged into.
    pub merged_into_number: Option<RecordNumber>,
    pub split_from: Option<RequestId>,
    pub photos: Vec<PhotoId>,
    pub followers: u32,
    pub events: Vec<RequestEventView>,
    pub can: RequestPowers,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RequestResponse {
    pub request: RequestView,
}

/// What a unit or staff do, through `POST /api/v1/requests/{id}/changes`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RequestAction {
    Accept,
    Start,
    Resolve,
    /// Not ours: name the unit that is (首问负责).
    Return,
    /// Staff send a returned request on.
    Reroute,
    /// Staff join it to another open request about the same trouble.
    Merge,
}

impl RequestAction {
    #[must_use]
    pub fn transition(self) -> crate::requests::Transition {
        use crate::requests::Transition;
        match self {
            RequestAction::Accept => Transition::Accept,
            RequestAction::Start => Transition::Start,
            RequestAction::Resolve => Transition::Resolve,
            RequestAction::Return => Transition::Return,
            RequestAction::Reroute => Transition::Reroute,
            RequestAction::Merge => Transition::Merge,
        }
    }

    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            RequestAction::Accept => "accepted",
            RequestAction::Start => "started",
            RequestAction::Resolve => "resolved",
            RequestAction::Return => "returned",
            RequestAction::Reroute => "rerouted",
            RequestAction::Merge => "merged",
        }
    }
}

/// `POST /api/v1/requests/{id}/changes`. A note is required to resolve, return, send on and merge;
/// `unit` names the right unit for return and reroute; `into` the request merged into, by its number in
/// the community (`128`, `#128`, `R-128`) or its id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ChangeRequest {
    pub action: RequestAction,
    #[serde(default)]
    pub note: String,
    #[serde(default)]
    pub unit: Option<String>,
    #[serde(default)]
    pub into: Option<String>,
    #[serde(default)]
    pub photos: Vec<String>,
}

impl ChangeRequest {
    /// `action` alone: no note, unit, request merged into or photos.
    #[must_use]
    pub fn new(action: RequestAction) -> ChangeRequest {
        ChangeRequest {
            action,
            note: String::new(),
            unit: None,
            into: None,
            photos: Vec::new(),
        }
    }
}

/// `POST /api/v1/requests/{id}/confirmation`: the resident's judgement.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ConfirmRequest {
    pub outcome: Outcome,
    pub stars: u8,
    #[serde(default)]
    pub comment: String,
}

/// `POST /api/v1/requests/{id}/split`: a part of the request becomes a request of its own, routed by
/// its subcategory.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SplitRequest {
    pub subcategory: String,
    pub description: String,
}

/// A row of the figures: a unit or a category.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FigureRow {
    pub id: String,
    pub name: String,
    pub figures: Figures,
}

/// `GET /api/v1/requests/figures?from=&to=` (`&format=csv`): requests received in `[from, to]` (China
/// dates) within the reader's area.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct FiguresResponse {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub total: Figures,
    pub by_unit: Vec<FigureRow>,
    pub by_category: Vec<FigureRow>,
}

/// `POST /api/v1/requests/open311-keys`: a key for an Open311 client submitting for a community.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Open311KeyRequest {
    pub name: String,
    pub community: String,
}

/// The key, shown once.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Open311KeyResponse {
    pub name: String,
    pub api_key: String,
}

/// An issued key, by the first 16 hex digits of its hash (the key itself is never shown again).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Open311KeyView {
    pub id: String,
    pub name: String,
    pub community: String,
    pub created_at: DateTime<Utc>,
    pub revoked_at: Option<DateTime<Utc>>,
}

/// `GET /api/v1/requests/open311-keys`: the keys of the communities the reader dispatches.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Open311KeyListResponse {
    pub keys: Vec<Open311KeyView>,
}
