//! Open311: clients' keys, and the public list of requests GeoReport v2 answers with.

use chrono::{DateTime, Utc};
use serde::Deserialize;
use wasm_bindgen::JsValue;
use worker::{D1Database, D1PreparedStatement};
use yishi_core::ids::{MemberId, RequestId};

use crate::db::{all, first, stmt, text, time};
use crate::error::ApiResult;

use super::{RequestRow, request_select};

pub async fn open311_key(db: &D1Database, hash: &str) -> ApiResult<Option<(String, String)>> {
    #[derive(Deserialize)]
    struct Row {
        name: String,
        community_id: String,
    }
    Ok(first::<Row>(
        db,
        "SELECT name, community_id FROM open311_keys WHERE key_hash = ?1 AND revoked_at IS NULL",
        &[text(hash)],
    )
    .await?
    .map(|r| (r.name, r.community_id)))
}

pub fn insert_open311_key(
    db: &D1Database,
    hash: &str,
    name: &str,
    community: &str,
    by: &MemberId,
    now: DateTime<Utc>,
) -> ApiResult<D1PreparedStatement> {
    stmt(
        db,
        "INSERT INTO open311_keys (key_hash, name, community_id, created_by, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        &[
            text(hash),
            text(name),
            text(community),
            text(by.as_str()),
            text(&time(now)),
        ],
    )
}

/// Requests for the public Open311 list: by ids, or by subcategory, received within `[start, end)` and
/// open or closed, newest first, at most `limit`.
pub struct PublicQuery<'a> {
    pub ids: &'a [RequestId],
    pub subcategory: Option<&'a str>,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    /// `Some(true)` open only, `Some(false)` closed only.
    pub open: Option<bool>,
    pub limit: u32,
}

pub async fn public_list(db: &D1Database, q: &PublicQuery<'_>) -> ApiResult<Vec<RequestRow>> {
    let mut args: Vec<JsValue> = Vec::new();
    let mut conds: Vec<String> = Vec::new();
    if q.ids.is_empty() {
        args.push(text(&time(q.start)));
        args.push(text(&time(q.end)));
        conds.push("r.received_at >= ?1 AND r.received_at < ?2".to_owned());
        if let Some(code) = q.subcategory {
            args.push(text(code));
            conds.push(format!("r.subcategory_id = ?{}", args.len()));
        }
    } else {
        let marks: Vec<String> = q
            .ids
            .iter()
            .map(|id| {
                args.push(text(id.as_str()));
                format!("?{}", args.len())
            })
            .collect();
        conds.push(format!("r.id IN ({})", marks.join(", ")));
    }
    match q.open {
        Some(true) => {
            conds
                .push("r.status IN ('received', 'accepted', 'in_progress', 'returned')".to_owned());
        }
        Some(false) => conds.push("r.status IN ('resolved', 'closed', 'merged')".to_owned()),
        None => {}
    }
    args.push(JsValue::from(q.limit));
    all(
        db,
        &format!(
            "{} WHERE {} ORDER BY r.received_at DESC, r.id DESC LIMIT ?{}",
            request_select(),
            conds.join(" AND "),
            args.len()
        ),
        &args,
    )
    .await
}

#[derive(Deserialize)]
pub struct KeyRow {
    pub key_hash: String,
    pub name: String,
    pub community_id: String,
    pub created_at: String,
    pub revoked_at: Option<String>,
}

/// The keys issued for `communities`, newest first.
pub async fn open311_keys(db: &D1Database, communities: &[String]) -> ApiResult<Vec<KeyRow>> {
    if communities.is_empty() {
        return Ok(Vec::new());
    }
    let args: Vec<JsValue> = communities.iter().map(|c| text(c)).collect();
    let marks: Vec<String> = (1..=args.len()).map(|i| format!("?{i}")).collect();
    all(
        db,
        &format!(
            "SELECT key_hash, name, community_id, created_at, revoked_at FROM open311_keys \
             WHERE community_id IN ({}) ORDER BY created_at DESC",
            marks.join(", ")
        ),
        &args,
    )
    .await
}

pub fn revoke_open311_key(
    db: &D1Database,
    hash: &str,
    now: DateTime<Utc>,
) -> ApiResult<D1PreparedStatement> {
    stmt(
        db,
        "UPDATE open311_keys SET revoked_at = ?2 WHERE key_hash = ?1 AND revoked_at IS NULL",
        &[text(hash), text(&time(now))],
    )
}
