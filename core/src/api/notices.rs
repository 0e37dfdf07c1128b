//! The notice board.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::api::members::{OnBehalfRequest, OnBehalfView};
use crate::ids::{MemberId, NoticeId};
use crate::notices::{Category, PeriodState};
use crate::numbers::RecordNumber;
use crate::territory::ScopeRef;

/// `POST /api/v1/notices`: publish a plain-text notice to a community, compound or building.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CreateNoticeRequest {
    pub title: String,
    /// Rich text (see `crate::richtext`): headings, lists, bold and links, written as plain text.
    pub body: String,
    pub scope: ScopeRef,
    #[serde(default)]
    pub category: Category,
    #[serde(default)]
    pub pinned: bool,
    /// Saved, not shown to residents until published.
    #[serde(default)]
    pub draft: bool,
    /// Published at this time (scheduled) instead of now.
    #[serde(default)]
    pub publish_at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub expires_at: Option<DateTime<Utc>>,
    /// The publication period (公示期) in days, 0 for none.
    #[serde(default)]
    pub period_days: u32,
    /// Images and PDF files uploaded first with `POST /api/v1/photos`, at most six.
    #[serde(default)]
    pub attachments: Vec<String>,
}

/// A file attached to a notice, served by `GET /api/v1/photos/{id}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AttachmentView {
    pub id: crate::ids::PhotoId,
    pub content_type: String,
    pub bytes: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct NoticeView {
    pub id: NoticeId,
    /// Its short number within the community (公告 #37), or the street for a notice to the whole street.
    pub number: RecordNumber,
    pub title: String,
    /// Plain text; clients render it as text, never as HTML.
    pub body: String,
    pub scope: ScopeRef,
    /// e.g. `幸福社区`, `阳光小区 3号楼`.
    pub scope_name: String,
    pub author_name: String,
    pub published_at: DateTime<Utc>,
    #[serde(default)]
    pub category: Category,
    #[serde(default)]
    pub pinned: bool,
    #[serde(default)]
    pub draft: bool,
    #[serde(default)]
    pub expires_at: Option<DateTime<Utc>>,
    /// The end of the publication period, if it has one.
    #[serde(default)]
    pub period_ends_at: Option<DateTime<Utc>>,
    /// Where the period stands, if it has one.
    #[serde(default)]
    pub period_state: Option<PeriodState>,
    /// Its images and PDF files (only on `GET /api/v1/notices/{id}`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<AttachmentView>,
    /// The objections and their answers (only on `GET /api/v1/notices/{id}`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub objections: Vec<ObjectionView>,
    /// Whether the reader may object now, and answer objections.
    #[serde(default)]
    pub may_object: bool,
    #[serde(default)]
    pub may_answer: bool,
    /// Whether the reader marked it read (only on `GET /api/v1/notices/{id}`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub my_read: Option<NoticeReadView>,
}

/// An objection (异议) to a notice during its publication period, and staff's public answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ObjectionView {
    pub id: String,
    pub author_name: String,
    pub reason: String,
    pub at: DateTime<Utc>,
    pub answer: Option<AnswerView>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AnswerView {
    pub text: String,
    /// The objection changes the decision (异议成立).
    pub upheld: bool,
    pub by_name: String,
    pub at: DateTime<Utc>,
}

/// `POST /api/v1/notices/{id}/objections`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ObjectionRequest {
    pub reason: String,
}

/// `POST /api/v1/notices/{id}/objections/{objection}/answer`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AnswerRequest {
    pub answer: String,
    pub upheld: bool,
}

/// `GET /api/v1/notices/{id}` and the answer to creation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct NoticeResponse {
    pub notice: NoticeView,
}

/// `GET /api/v1/notices?cursor=&limit=&archive=&q=&category=&drafts=`: newest first. `q` is a notice's
/// number (`37`, `#37`, `N-37`, `公告37`) or words of its title or text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct NoticeListResponse {
    pub notices: Vec<NoticeView>,
    pub next_cursor: Option<String>,
    /// Pinned notices in force, on the first page of the board (not repeated in `notices`).
    #[serde(default)]
    pub pinned: Vec<NoticeView>,
}

/// `POST /api/v1/notices/{id}/reads`: mark a notice read, for oneself (`{}`), or, by a grid worker or
/// staff member, for a resident who cannot do it herself (代办), with the reason. Marking twice keeps
/// the first record.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MarkReadRequest {
    #[serde(default)]
    pub on_behalf: Option<OnBehalfRequest>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct NoticeReadView {
    pub member: MemberId,
    pub member_name: String,
    pub read_at: DateTime<Utc>,
    /// Set when someone recorded it for her; shown wherever the record is shown.
    pub on_behalf: Option<OnBehalfView>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct NoticeReadResponse {
    pub read: NoticeReadView,
}

/// `GET /api/v1/notices/{id}/reads`: who has read it, and the confirmed residents in its audience who
/// have not (to follow up by phone or at the door), among those the reader oversees.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct NoticeReadsResponse {
    pub reads: Vec<NoticeReadView>,
    pub unread: Vec<UnreadView>,
    /// Confirmed residents addressed, within the reader's oversight.
    pub addressed: u32,
    /// The same by building: how many it addresses there, how many of them read it.
    #[serde(default)]
    pub by_building: Vec<BuildingReads>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct BuildingReads {
    pub name: String,
    pub addressed: u32,
    pub read: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct UnreadView {
    pub member: MemberId,
    pub name: String,
    /// e.g. 「3号楼 1单元 301」.
    pub home: String,
    pub phone: String,
}
