//! What the scheduled job reads and writes: requests due for escalation or for closing, and their
//! escalation.

use chrono::{DateTime, Utc};
use serde::Deserialize;
use wasm_bindgen::JsValue;
use worker::{D1Database, D1PreparedStatement};
use yishi_core::requests::Escalation;

use crate::db::{all, stmt, text, time};
use crate::error::ApiResult;

#[derive(Deserialize)]
pub struct DueRow {
    pub id: String,
    pub status: String,
    pub deadline: String,
    pub escalation: i64,
}

/// Open requests past their deadline, and resolved ones resolved before `resolved_before`.
pub async fn due(
    db: &D1Database,
    now: DateTime<Utc>,
    resolved_before: DateTime<Utc>,
) -> ApiResult<Vec<DueRow>> {
    all(
        db,
        "SELECT id, status, deadline, escalation FROM requests \
         WHERE (status IN ('received', 'accepted', 'in_progress', 'returned') AND deadline < ?1 AND escalation < 3) \
            OR (status = 'resolved' AND resolved_at < ?2) LIMIT 500",
        &[text(&time(now)), text(&time(resolved_before))],
    )
    .await
}

/// Raises the escalation of an open request from `from`; if it moved meanwhile the column would become
/// NULL, which the table refuses (see [`super::batch_guarded`]).
pub fn escalate(
    db: &D1Database,
    id: &str,
    from: i64,
    to: Escalation,
) -> ApiResult<D1PreparedStatement> {
    stmt(
        db,
        "UPDATE requests SET escalation = CASE WHEN escalation = ?2 THEN ?3 ELSE NULL END WHERE id = ?1",
        &[
            text(id),
            JsValue::from(from as f64),
            JsValue::from(to.level()),
        ],
    )
}
