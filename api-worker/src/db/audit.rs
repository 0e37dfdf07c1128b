//! The audit log: every staff action, appended in the same batch as the action itself.

use worker::{D1Database, D1PreparedStatement};
use yishi_core::ids::{AuditId, MemberId};
use yishi_core::territory::ScopePath;

use super::{opt_text, stmt, text, time};
use crate::error::ApiResult;

pub struct Entry<'a> {
    pub id: AuditId,
    pub at: chrono::DateTime<chrono::Utc>,
    pub actor: &'a MemberId,
    /// e.g. `notice.publish`.
    pub action: &'a str,
    pub target_kind: &'a str,
    pub target_id: &'a str,
    pub scope: Option<&'a ScopePath>,
    pub detail: serde_json::Value,
}

pub fn insert(db: &D1Database, e: &Entry<'_>) -> ApiResult<D1PreparedStatement> {
    let scope = e.scope.map(ScopePath::to_ref);
    stmt(
        db,
        "INSERT INTO audit_log (id, at, actor_id, action, target_kind, target_id, scope_kind, scope_id, detail) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        &[
            text(e.id.as_str()),
            text(&time(e.at)),
            text(e.actor.as_str()),
            text(e.action),
            text(e.target_kind),
            text(e.target_id),
            opt_text(scope.as_ref().map(|s| s.kind.as_str())),
            opt_text(scope.as_ref().map(|s| s.id.as_str())),
            text(&e.detail.to_string()),
        ],
    )
}
