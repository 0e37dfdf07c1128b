//! The audit log, as staff read it.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::ids::{AuditId, MemberId};
use crate::territory::ScopeRef;

/// `GET /api/v1/audit?cursor=&limit=`: entries within the reader's scope, newest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AuditListResponse {
    pub entries: Vec<AuditEntryView>,
    pub next_cursor: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct AuditEntryView {
    pub id: AuditId,
    pub at: DateTime<Utc>,
    pub actor: MemberId,
    pub actor_name: String,
    /// Stable snake_case, e.g. `member.verify`, `notice.read_on_behalf`.
    pub action: String,
    pub target_kind: String,
    pub target_id: String,
    /// The record's title or the person's name, as staff see them elsewhere (none for a target that
    /// is gone or has no name).
    pub target_name: Option<String>,
    /// The record an act on a person concerns: the meeting of a check-in, the notice or vote.
    pub record_name: Option<String>,
    pub scope: Option<ScopeRef>,
    pub scope_name: String,
    /// The resident acted for, when the action was done on someone's behalf.
    pub on_behalf_of: Option<MemberId>,
    pub on_behalf_of_name: Option<String>,
    pub reason: Option<String>,
    pub detail: serde_json::Value,
}
