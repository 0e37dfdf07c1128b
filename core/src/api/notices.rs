//! The notice board.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::ids::NoticeId;
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
