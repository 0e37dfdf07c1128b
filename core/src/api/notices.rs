//! The notice board.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::api::members::{OnBehalfRequest, OnBehalfView};
use crate::ids::{MemberId, NoticeId};
use crate::territory::ScopeRef;

/// `POST /api/v1/notices`: publish a plain-text notice to a community, compound or building.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreateNoticeRequest {
    pub title: String,
    pub body: String,
    pub scope: ScopeRef,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoticeView {
    pub id: NoticeId,
    pub title: String,
    /// Plain text; clients render it as text, never as HTML.
    pub body: String,
    pub scope: ScopeRef,
    /// e.g. `幸福社区`, `阳光小区 3号楼`.
    pub scope_name: String,
    pub author_name: String,
    pub published_at: DateTime<Utc>,
    /// Whether, when and how the reader marked it read (only on `GET /api/v1/notices/{id}`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub my_read: Option<NoticeReadView>,
}

/// `GET /api/v1/notices/{id}` and the answer to creation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoticeResponse {
    pub notice: NoticeView,
}

/// `GET /api/v1/notices?cursor=&limit=`: newest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoticeListResponse {
    pub notices: Vec<NoticeView>,
    pub next_cursor: Option<String>,
}

/// `POST /api/v1/notices/{id}/reads`: mark a notice read, for oneself (`{}`), or, by a grid worker or
/// staff member, for a resident who cannot do it herself (代办), with the reason. Marking twice keeps
/// the first record.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MarkReadRequest {
    #[serde(default)]
    pub on_behalf: Option<OnBehalfRequest>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoticeReadView {
    pub member: MemberId,
    pub member_name: String,
    pub read_at: DateTime<Utc>,
    /// Set when someone recorded it for her; shown wherever the record is shown.
    pub on_behalf: Option<OnBehalfView>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoticeReadResponse {
    pub read: NoticeReadView,
}

/// `GET /api/v1/notices/{id}/reads`: who has read it, and the confirmed residents in its audience who
/// have not (to follow up by phone or at the door), among those the reader oversees.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoticeReadsResponse {
    pub reads: Vec<NoticeReadView>,
    pub unread: Vec<UnreadView>,
    /// Confirmed residents addressed, within the reader's oversight.
    pub addressed: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnreadView {
    pub member: MemberId,
    pub name: String,
    /// e.g. 「3号楼 1单元 301」.
    pub home: String,
    pub phone: String,
}
