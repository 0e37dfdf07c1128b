//! What the scheduled job reads to remind: votes about to close, meetings about to start, publication
//! periods about to end, requests past their time limit, and what waits for each office holder. Which
//! of these are due is `yishi_core::notifications::reminders`'s rule; these queries only narrow the
//! search to the window around `now`.

use chrono::{DateTime, Utc};
use serde::Deserialize;
use wasm_bindgen::JsValue;
use worker::D1Database;
use yishi_core::ids::MemberId;
use yishi_core::territory::ScopePath;

use super::{PathColumns, all, first, scope_within_sql, text, time};
use crate::error::ApiResult;

/// At most this many reminders of one kind in one run; the next run takes the rest.
const RUN_MAX: u32 = 200;

#[derive(Deserialize)]
pub struct ClosingVote {
    pub id: String,
    pub title: String,
    pub opens_at: String,
    pub closes_at: String,
}

/// Open votes (opened, not closed early) closing in `(from, to]`.
pub async fn closing_votes(
    db: &D1Database,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> ApiResult<Vec<ClosingVote>> {
    all(
        db,
        &format!(
            "SELECT id, title, opens_at, closes_at FROM votes \
             WHERE opened_at IS NOT NULL AND closed_at IS NULL AND closes_at > ?1 AND closes_at <= ?2 \
             LIMIT {RUN_MAX}"
        ),
        &[text(&time(from)), text(&time(to))],
    )
    .await
}

#[derive(Deserialize)]
pub struct StartingMeeting {
    pub id: String,
    pub title: String,
    pub starts_at: String,
    #[serde(flatten)]
    pub path: PathColumns,
}

/// Meetings not opened yet, starting in `(from, to]`.
pub async fn starting_meetings(
    db: &D1Database,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> ApiResult<Vec<StartingMeeting>> {
    all(
        db,
        &format!(
            "SELECT id, title, starts_at, street_id, community_id, compound_id, building_id, unit_id \
             FROM meetings WHERE state = 'scheduled' AND starts_at > ?1 AND starts_at <= ?2 \
             LIMIT {RUN_MAX}"
        ),
        &[text(&time(from)), text(&time(to))],
    )
    .await
}

#[derive(Deserialize)]
pub struct EndingPeriod {
    pub id: String,
    pub title: String,
    pub author_id: String,
    pub published_at: String,
    pub period_ends_at: String,
}

/// Notices (not drafts) whose publication period ends in `(from, to]`.
pub async fn ending_periods(
    db: &D1Database,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> ApiResult<Vec<EndingPeriod>> {
    all(
        db,
        &format!(
            "SELECT id, title, author_id, published_at, period_ends_at FROM notices \
             WHERE draft = 0 AND period_ends_at > ?1 AND period_ends_at <= ?2 LIMIT {RUN_MAX}"
        ),
        &[text(&time(from)), text(&time(to))],
    )
    .await
}

#[derive(Deserialize)]
pub struct DueRequest {
    pub id: String,
    pub description: String,
    pub status: String,
    pub deadline: String,
}

/// Open requests past their deadline whose followers have not been told so since it passed (a
/// request reopened with a new deadline is told again), oldest deadline first.
pub async fn due_requests(db: &D1Database, now: DateTime<Utc>) -> ApiResult<Vec<DueRequest>> {
    all(
        db,
        &format!(
            "SELECT r.id, r.description, r.status, r.deadline FROM requests r \
             WHERE r.status IN ('received', 'accepted', 'in_progress', 'returned') AND r.deadline <= ?1 \
               AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.request_id = r.id \
                   AND n.kind = 'request_due' AND n.created_at >= r.deadline) \
             ORDER BY r.deadline LIMIT {RUN_MAX}"
        ),
        &[text(&time(now))],
    )
    .await
}

#[derive(Deserialize)]
struct Id {
    member_id: String,
}

/// Active members who hold any role: those a morning digest may be for.
pub async fn office_holders(db: &D1Database) -> ApiResult<Vec<MemberId>> {
    let rows: Vec<Id> = all(
        db,
        "SELECT DISTINCT g.member_id FROM role_grants g JOIN members m ON m.id = g.member_id \
         WHERE m.status = 'active' ORDER BY g.member_id",
        &[],
    )
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| MemberId::from_trusted(r.member_id))
        .collect())
}

#[derive(Deserialize)]
struct Count {
    n: Option<i64>,
}

fn count(c: Option<Count>) -> u32 {
    c.and_then(|c| c.n)
        .and_then(|n| u32::try_from(n).ok())
        .unwrap_or(0)
}

/// Any of the scopes, as SQL on the path columns under `alias`.
fn within_any(alias: &str, scopes: &[ScopePath], args: &mut Vec<JsValue>) -> String {
    let parts: Vec<String> = scopes
        .iter()
        .map(|s| scope_within_sql(alias, s, args))
        .collect();
    format!("({})", parts.join(" OR "))
}

/// Active residents waiting for verification whose home lies within one of `scopes`.
pub async fn residents_to_verify(db: &D1Database, scopes: &[ScopePath]) -> ApiResult<u32> {
    if scopes.is_empty() {
        return Ok(0);
    }
    let mut args = Vec::new();
    let within = within_any("x", scopes, &mut args);
    let row = first(
        db,
        &format!(
            "SELECT COUNT(*) AS n FROM (SELECT m.id, u.id AS unit_id, b.id AS building_id, \
                 cp.id AS compound_id, c.id AS community_id, c.street_id \
               FROM members m JOIN households h ON h.id = m.household_id JOIN units u ON u.id = h.unit_id \
               JOIN buildings b ON b.id = u.building_id JOIN compounds cp ON cp.id = b.compound_id \
               JOIN communities c ON c.id = cp.community_id \
               WHERE m.verification = 'pending' AND m.status = 'active') x WHERE {within}"
        ),
        &args,
    )
    .await?;
    Ok(count(row))
}

/// Objections not answered yet to notices addressed within one of `scopes`.
pub async fn objections_to_answer(db: &D1Database, scopes: &[ScopePath]) -> ApiResult<u32> {
    if scopes.is_empty() {
        return Ok(0);
    }
    let mut args = Vec::new();
    let within = within_any("x", scopes, &mut args);
    let row = first(
        db,
        &format!(
            "SELECT COUNT(*) AS n FROM notice_objections o JOIN notices x ON x.id = o.notice_id \
             WHERE o.answered_at IS NULL AND {within}"
        ),
        &args,
    )
    .await?;
    Ok(count(row))
}
