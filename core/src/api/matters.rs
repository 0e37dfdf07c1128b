//! Residents' matters (民事): the five resident steps, from proposal to evaluation.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::ids::{CommentId, EventId, MatterId, MeetingId, NoticeId, PhotoId, VoteId};
use crate::matters::{
    BoardEntry, Category, Decision, MatterSettings, OwnerKind, RatingSummary, Stance, Step,
};
use crate::numbers::RecordNumber;
use crate::territory::ScopeRef;
use crate::votes::poll::PollSettings;

/// `POST /api/v1/matters`: a resident raises a matter for her building, compound or community.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ProposeRequest {
    pub title: String,
    pub description: String,
    pub category: Category,
    pub scope: ScopeRef,
    /// A small personal need a volunteer can adopt (微心愿).
    #[serde(default)]
    pub micro_wish: bool,
    /// Photos uploaded first with `POST /api/v1/photos`, at most six.
    #[serde(default)]
    pub photos: Vec<String>,
}

/// One line of a list of matters.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MatterSummary {
    pub id: MatterId,
    /// Its short number within the community (议题 #12).
    pub number: RecordNumber,
    pub title: String,
    pub category: Category,
    pub step: Step,
    pub micro_wish: bool,
    pub scope_name: String,
    pub proposer_name: String,
    pub proposed_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub supports: u32,
    pub threshold: u32,
    pub my_support: bool,
    /// Its decision is an open vote in which the reader still has a vote to cast.
    pub needs_my_vote: bool,
    /// Its online vote's count, once open: the same figure as the vote page's.
    #[serde(default)]
    pub vote_count: Option<crate::votes::mine::Participation>,
    pub ratings: RatingSummary,
}

/// `GET /api/v1/matters?scope_kind=&scope_id=&step=&category=&mine=&q=&cursor=&limit=`: the matters the
/// reader may see, most recently changed first. `mine` is `raised`, `supported` or `vote` (matters
/// whose ballot waits for her); `q` is a matter's number (`12`, `#12`, `M-12`, `议题12`) or words of its
/// title.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MatterListResponse {
    pub matters: Vec<MatterSummary>,
    pub next_cursor: Option<String>,
}

/// A link to another matter (merged into, merged from).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MatterLink {
    pub id: MatterId,
    pub title: String,
}

/// A comment of the discussion. A hidden comment keeps its place and author, shows the public reason and
/// loses its text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CommentView {
    pub id: CommentId,
    pub parent: Option<CommentId>,
    pub stance: Stance,
    pub body: String,
    pub author_name: String,
    pub at: DateTime<Utc>,
    pub hidden: Option<HiddenView>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct HiddenView {
    pub reason: String,
    pub by_name: String,
    pub at: DateTime<Utc>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SummaryView {
    pub text: String,
    pub by_name: String,
    pub at: DateTime<Utc>,
}

/// How the matter is decided and, once recorded, what was decided.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DecisionView {
    /// The online ballot, or (for a meeting) the motion the decision was taken from.
    pub vote: Option<VoteId>,
    pub meeting: Option<MeetingId>,
    pub meeting_title: Option<String>,
    pub outcome: Option<Decision>,
    pub notice: Option<NoticeId>,
    /// The publication period of the decision notice, if it has one.
    #[serde(default)]
    pub publication: Option<crate::notices::PeriodState>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct OwnerView {
    pub kind: OwnerKind,
    pub name: String,
    /// The member who reports progress for the owner, if any.
    pub member_name: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MilestoneView {
    pub position: u32,
    pub title: String,
    pub due_on: NaiveDate,
    pub done_at: Option<DateTime<Utc>>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ProgressView {
    pub id: EventId,
    pub body: String,
    pub by_name: String,
    pub at: DateTime<Utc>,
    pub photos: Vec<PhotoId>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(rename = "MatterRatingView")
)]
pub struct RatingView {
    pub stars: u8,
    pub comment: String,
    pub author_name: String,
    pub at: DateTime<Utc>,
}

/// What happened to a matter, by whom, in order (the timeline).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    Proposed,
    ReachedList,
    Summarized,
    Declined,
    MergedInto,
    MergedFrom,
    PutToBallot,
    PutToMeeting,
    Decided,
    OwnerNamed,
    Adopted,
    MilestoneAdded,
    MilestoneDone,
    Progress,
    AcceptanceRequested,
    Accepted,
    AcceptanceRejected,
    Reconsidered,
}

impl EventKind {
    pub const ALL: [EventKind; 18] = [
        EventKind::Proposed,
        EventKind::ReachedList,
        EventKind::Summarized,
        EventKind::Declined,
        EventKind::MergedInto,
        EventKind::MergedFrom,
        EventKind::PutToBallot,
        EventKind::PutToMeeting,
        EventKind::Decided,
        EventKind::OwnerNamed,
        EventKind::Adopted,
        EventKind::MilestoneAdded,
        EventKind::MilestoneDone,
        EventKind::Progress,
        EventKind::AcceptanceRequested,
        EventKind::Accepted,
        EventKind::AcceptanceRejected,
        EventKind::Reconsidered,
    ];

    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Proposed => "proposed",
            EventKind::ReachedList => "reached_list",
            EventKind::Summarized => "summarized",
            EventKind::Declined => "declined",
            EventKind::MergedInto => "merged_into",
            EventKind::MergedFrom => "merged_from",
            EventKind::PutToBallot => "put_to_ballot",
            EventKind::PutToMeeting => "put_to_meeting",
            EventKind::Decided => "decided",
            EventKind::OwnerNamed => "owner_named",
            EventKind::Adopted => "adopted",
            EventKind::MilestoneAdded => "milestone_added",
            EventKind::MilestoneDone => "milestone_done",
            EventKind::Progress => "progress",
            EventKind::AcceptanceRequested => "acceptance_requested",
            EventKind::Accepted => "accepted",
            EventKind::AcceptanceRejected => "acceptance_rejected",
            EventKind::Reconsidered => "reconsidered",
        }
    }

    #[must_use]
    pub fn parse(s: &str) -> Option<EventKind> {
        EventKind::ALL.into_iter().find(|k| k.as_str() == s)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct EventView {
    pub kind: EventKind,
    pub at: DateTime<Utc>,
    pub actor_name: String,
    /// The reason, the other matter's title, the decision, the milestone: plain text.
    pub note: String,
}

/// What the reader may do now (the server checks again on every request).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MatterPermissions {
    pub support: bool,
    pub comment: bool,
    pub facilitate: bool,
    pub manage: bool,
    pub adopt: bool,
    pub post_progress: bool,
    pub accept: bool,
    pub rate: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MatterView {
    pub id: MatterId,
    pub number: RecordNumber,
    pub title: String,
    pub description: String,
    pub category: Category,
    pub step: Step,
    pub micro_wish: bool,
    pub scope: ScopeRef,
    pub scope_name: String,
    pub proposer_name: String,
    pub proposed_at: DateTime<Utc>,
    pub supports: u32,
    pub threshold: u32,
    pub my_support: bool,
    pub photos: Vec<PhotoId>,
    pub merged_into: Option<MatterLink>,
    pub merged_from: Vec<MatterLink>,
    pub decline_reason: Option<String>,
    pub summary: Option<SummaryView>,
    pub comments: Vec<CommentView>,
    pub decision: Option<DecisionView>,
    pub owner: Option<OwnerView>,
    pub milestones: Vec<MilestoneView>,
    pub progress: Vec<ProgressView>,
    pub evaluation_ends_at: Option<DateTime<Utc>>,
    pub ratings: RatingSummary,
    pub rating_comments: Vec<RatingView>,
    pub my_rating: Option<RatingView>,
    pub timeline: Vec<EventView>,
    pub may: MatterPermissions,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MatterResponse {
    pub matter: MatterView,
}

/// `POST /api/v1/matters/{id}/comments`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CommentRequest {
    pub stance: Stance,
    pub body: String,
    /// The comment this one answers.
    #[serde(default)]
    pub parent: Option<String>,
}

/// A reason, required: declining a matter, hiding a comment, rejecting the work at acceptance.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ReasonRequest {
    pub reason: String,
}

/// `PUT /api/v1/matters/{id}/summary`: the facilitator's summary of the discussion.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SummaryRequest {
    pub text: String,
}

/// `POST /api/v1/matters/{id}/merge`: this matter is a duplicate of `into`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MergeRequest {
    pub into: String,
}

/// `POST /api/v1/matters/{id}/ballot`: decide by an online yes/no vote in the matter's scope.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BallotRequest {
    pub settings: PollSettings,
}

/// `POST /api/v1/matters/{id}/agenda`: decide at a meeting; the matter becomes an item of its agenda.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AgendaRequest {
    pub meeting: String,
}

/// `POST /api/v1/matters/{id}/decision`: records the outcome; with `period_days`, the decision notice
/// has a publication period and the work waits for it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct DecisionRequest {
    #[serde(default)]
    pub period_days: u32,
}

/// `PUT /api/v1/matters/{id}/owner`: who carries the adopted matter out; `phone` names the member who
/// reports progress for the owner.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct OwnerRequest {
    pub kind: OwnerKind,
    pub name: String,
    #[serde(default)]
    pub phone: Option<String>,
}

/// `POST /api/v1/matters/{id}/milestones`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MilestoneRequest {
    pub title: String,
    pub due_on: NaiveDate,
}

/// `POST /api/v1/matters/{id}/progress`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ProgressRequest {
    pub body: String,
    #[serde(default)]
    pub photos: Vec<String>,
}

/// `POST /api/v1/matters/{id}/acceptance`: accept the work, or reject it with a reason.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AcceptanceRequest {
    pub accept: bool,
    #[serde(default)]
    pub reason: Option<String>,
}

/// `POST /api/v1/matters/{id}/ratings`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct RatingRequest {
    pub stars: u8,
    #[serde(default)]
    pub comment: String,
}

/// `GET /api/v1/matters/board?community=&days=`: the red/black board of a community's buildings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BoardResponse {
    pub community_name: String,
    pub since: DateTime<Utc>,
    pub entries: Vec<BoardEntry>,
}

/// `GET`/`PUT /api/v1/communities/{id}/matter-settings`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MatterSettingsResponse {
    pub settings: MatterSettings,
}

/// The answer to `POST /api/v1/photos` (the body is the image itself, `Content-Type` its type).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PhotoResponse {
    pub photo: PhotoView,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PhotoView {
    pub id: PhotoId,
    pub content_type: String,
    pub bytes: u32,
}
