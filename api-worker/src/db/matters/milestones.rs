//! The milestones of a matter being carried out.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Deserialize;
use wasm_bindgen::JsValue;
use worker::{D1Database, D1PreparedStatement};
use yishi_core::api::matters::MilestoneView;
use yishi_core::ids::MatterId;

use crate::db::{all, parse_time, stmt, text, time};
use crate::error::{ApiError, ApiResult};

#[derive(Debug, Deserialize)]
struct MilestoneRow {
    position: u32,
    title: String,
    due_on: String,
    done_at: Option<String>,
}

pub async fn milestones(db: &D1Database, matter: &MatterId) -> ApiResult<Vec<MilestoneView>> {
    let rows: Vec<MilestoneRow> = all(
        db,
        "SELECT position, title, due_on, done_at FROM matter_milestones WHERE matter_id = ?1 ORDER BY position",
        &[text(matter.as_str())],
    )
    .await?;
    rows.into_iter()
        .map(|r| {
            Ok(MilestoneView {
                position: r.position,
                title: r.title,
                due_on: NaiveDate::parse_from_str(&r.due_on, "%Y-%m-%d")
                    .map_err(|e| ApiError::internal(format!("stored due date: {e}")))?,
                done_at: r.done_at.as_deref().map(parse_time).transpose()?,
            })
        })
        .collect()
}

pub fn insert_milestone(
    db: &D1Database,
    matter: &MatterId,
    position: u32,
    title: &str,
    due_on: NaiveDate,
) -> ApiResult<D1PreparedStatement> {
    stmt(
        db,
        "INSERT INTO matter_milestones (matter_id, position, title, due_on) VALUES (?1, ?2, ?3, ?4)",
        &[
            text(matter.as_str()),
            JsValue::from(position),
            text(title),
            text(&due_on.format("%Y-%m-%d").to_string()),
        ],
    )
}

pub fn milestone_done(
    db: &D1Database,
    matter: &MatterId,
    position: u32,
    now: DateTime<Utc>,
) -> ApiResult<D1PreparedStatement> {
    stmt(
        db,
        "UPDATE matter_milestones SET done_at = ?3 WHERE matter_id = ?1 AND position = ?2 AND done_at IS NULL",
        &[
            text(matter.as_str()),
            JsValue::from(position),
            text(&time(now)),
        ],
    )
}
