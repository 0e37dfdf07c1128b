//! The rows figures are computed from: a period's requests within the reader's places.

use chrono::{DateTime, Utc};
use serde::Deserialize;
use worker::D1Database;
use yishi_core::territory::ScopePath;

use crate::db::{all, text, time};
use crate::error::ApiResult;

#[derive(Deserialize)]
pub struct FigureRow {
    pub handler_id: String,
    pub handler_name: String,
    pub category_id: String,
    pub category_name: String,
    pub received_at: String,
    pub deadline: String,
    pub resolved_at: Option<String>,
    pub status: String,
    pub stars: Option<i64>,
}

/// Requests received in `[from, to)` within one of `scopes`.
pub async fn figure_rows(
    db: &D1Database,
    scopes: &[ScopePath],
    (from, to): (DateTime<Utc>, DateTime<Utc>),
) -> ApiResult<Vec<FigureRow>> {
    if scopes.is_empty() {
        return Ok(Vec::new());
    }
    let mut args = vec![text(&time(from)), text(&time(to))];
    let parts: Vec<String> = scopes
        .iter()
        .map(|s| crate::db::scope_within_sql("r", s, &mut args))
        .collect();
    all(
        db,
        &format!(
            "SELECT r.handler_id, h.name AS handler_name, s.category_id, c.name AS category_name, r.received_at, \
             r.deadline, r.resolved_at, r.status, r.stars FROM requests r \
             JOIN handling_units h ON h.id = r.handler_id JOIN request_subcategories s ON s.id = r.subcategory_id \
             JOIN request_categories c ON c.id = s.category_id \
             WHERE r.received_at >= ?1 AND r.received_at < ?2 AND ({})",
            parts.join(" OR ")
        ),
        &args,
    )
    .await
}
