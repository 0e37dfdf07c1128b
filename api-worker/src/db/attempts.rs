//! Attempt counters: one row per counted key (its hash), moved by single statements so that attempts
//! made at the same moment are all counted.

use worker::D1Database;
use yishi_core::auth::AttemptWindow;

use super::{batch, first, stmt, text, time};
use crate::error::ApiResult;

#[derive(serde::Deserialize)]
struct Row {
    started_at: String,
    count: u32,
}

/// Counts one attempt at `now` against `key`, in a window that began after `window_start` (else a new
/// window begins now): the window as it was before this attempt, `None` when it is new.
pub async fn count(
    db: &D1Database,
    key: &str,
    now: chrono::DateTime<chrono::Utc>,
    window_start: chrono::DateTime<chrono::Utc>,
) -> ApiResult<Option<AttemptWindow>> {
    // SET's expressions read the row as it was, so both columns see the same window.
    let row: Option<Row> = first(
        db,
        "INSERT INTO attempts (key, started_at, count) VALUES (?1, ?2, 1) \
         ON CONFLICT (key) DO UPDATE SET \
           count = CASE WHEN started_at > ?3 THEN count + 1 ELSE 1 END, \
           started_at = CASE WHEN started_at > ?3 THEN started_at ELSE ?2 END \
         RETURNING started_at, count",
        &[text(key), text(&time(now)), text(&time(window_start))],
    )
    .await?;
    let Some(row) = row.filter(|r| r.count > 1) else {
        return Ok(None);
    };
    Ok(Some(AttemptWindow {
        started_at: super::parse_time(&row.started_at)?,
        count: row.count - 1,
    }))
}

/// Takes back one attempt (it succeeded, or another counter refused it).
pub async fn uncount(db: &D1Database, key: &str) -> ApiResult<()> {
    let update = stmt(
        db,
        "UPDATE attempts SET count = count - 1 WHERE key = ?1 AND count > 0",
        &[text(key)],
    )?;
    batch(db, vec![update]).await?;
    Ok(())
}

/// Forgets every attempt of `key`.
pub async fn forget(db: &D1Database, key: &str) -> ApiResult<()> {
    let delete = stmt(db, "DELETE FROM attempts WHERE key = ?1", &[text(key)])?;
    batch(db, vec![delete]).await?;
    Ok(())
}

/// Deletes the counters of windows that began at or before `window_start`: the number deleted.
pub async fn sweep(
    db: &D1Database,
    window_start: chrono::DateTime<chrono::Utc>,
) -> ApiResult<usize> {
    let delete = stmt(
        db,
        "DELETE FROM attempts WHERE started_at <= ?1",
        &[text(&time(window_start))],
    )?;
    Ok(batch(db, vec![delete]).await?.into_iter().sum())
}
