//! The audit log: every staff action and every act on someone's behalf, appended in the same batch as
//! the action itself; read by staff for the scopes they oversee.

use serde::Deserialize;
use wasm_bindgen::JsValue;
use worker::{D1Database, D1PreparedStatement};
use yishi_core::api::Cursor;
use yishi_core::api::audit::AuditEntryView;
use yishi_core::audit::AuditAction;
use yishi_core::ids::{AuditId, MemberId};
use yishi_core::territory::ScopePath;

use super::territory::{NAME_COLUMNS, PathNames, name_joins};
use super::{all, opt_text, parse_time, path_args, scope_within_sql, stmt, text, time};
use crate::error::ApiResult;

pub struct Entry<'a> {
    pub id: AuditId,
    pub at: chrono::DateTime<chrono::Utc>,
    pub actor: &'a MemberId,
    pub action: AuditAction,
    pub target_kind: &'a str,
    pub target_id: &'a str,
    pub scope: Option<&'a ScopePath>,
    /// The resident this was done for, with the reason (代办).
    pub on_behalf: Option<(&'a MemberId, &'a str)>,
    pub detail: serde_json::Value,
}

pub fn insert(db: &D1Database, e: &Entry<'_>) -> ApiResult<D1PreparedStatement> {
    insert_where(db, e, "")
}

/// The entry, written only if the statement just before it in the batch changed a row (SQLite's
/// `changes()` within the batch's transaction): an act that turned out to be a no-op, because someone
/// else did it first, leaves no entry.
pub fn insert_if_changed(db: &D1Database, e: &Entry<'_>) -> ApiResult<D1PreparedStatement> {
    insert_where(db, e, " WHERE changes() > 0")
}

fn insert_where(db: &D1Database, e: &Entry<'_>, condition: &str) -> ApiResult<D1PreparedStatement> {
    let scope = e.scope.map(ScopePath::to_ref);
    let [street, community, compound, building, unit] = match e.scope {
        Some(p) => path_args(p),
        None => std::array::from_fn(|_| JsValue::NULL),
    };
    stmt(
        db,
        &format!(
            "INSERT INTO audit_log (id, at, actor_id, action, target_kind, target_id, scope_kind, scope_id, detail, \
                 street_id, community_id, compound_id, building_id, unit_id, on_behalf_of, reason) \
             SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16{condition}"
        ),
        &[
            text(e.id.as_str()),
            text(&time(e.at)),
            text(e.actor.as_str()),
            text(e.action.code()),
            text(e.target_kind),
            text(e.target_id),
            opt_text(scope.as_ref().map(|s| s.kind.as_str())),
            opt_text(scope.as_ref().map(|s| s.id.as_str())),
            text(&e.detail.to_string()),
            street,
            community,
            compound,
            building,
            unit,
            opt_text(e.on_behalf.map(|(m, _)| m.as_str())),
            opt_text(e.on_behalf.map(|(_, r)| r)),
        ],
    )
}

#[derive(Debug, Deserialize)]
struct AuditRow {
    id: String,
    at: String,
    actor_id: String,
    actor_name: String,
    action: String,
    target_kind: String,
    target_id: String,
    target_name: Option<String>,
    record_name: Option<String>,
    scope_kind: Option<String>,
    scope_id: Option<String>,
    on_behalf_of: Option<String>,
    on_behalf_of_name: Option<String>,
    reason: Option<String>,
    detail: String,
    #[serde(flatten)]
    names: PathNames,
}

/// The title or name of an entry's target, as staff read it elsewhere (a request by its number and kind).
const TARGET_NAME: &str = "CASE a.target_kind \
     WHEN 'member' THEN (SELECT name FROM members WHERE id = a.target_id) \
     WHEN 'notice' THEN (SELECT title FROM notices WHERE id = a.target_id) \
     WHEN 'vote' THEN (SELECT title FROM votes WHERE id = a.target_id) \
     WHEN 'meeting' THEN (SELECT title FROM meetings WHERE id = a.target_id) \
     WHEN 'matter' THEN (SELECT title FROM matters WHERE id = a.target_id) \
     WHEN 'covenant' THEN (SELECT title FROM covenants WHERE id = a.target_id) \
     WHEN 'request' THEN (SELECT '#' || r.number || ' ' || s.name FROM requests r \
         JOIN request_subcategories s ON s.id = r.subcategory_id WHERE r.id = a.target_id) \
     ELSE NULL END";

/// The record an act on a person concerns, named in its detail: the meeting she was checked in to.
const RECORD_NAME: &str = "CASE WHEN json_valid(a.detail) THEN \
     (SELECT title FROM meetings WHERE id = json_extract(a.detail, '$.meeting')) END";

/// A page of the entries whose scope lies within one of `within`, newest first.
pub async fn list(
    db: &D1Database,
    within: &[ScopePath],
    cursor: Option<&Cursor>,
    limit: u32,
) -> ApiResult<(Vec<AuditEntryView>, bool)> {
    if within.is_empty() {
        return Ok((Vec::new(), false));
    }
    let mut args: Vec<JsValue> = Vec::new();
    let reach: Vec<String> = within
        .iter()
        .map(|p| scope_within_sql("a", p, &mut args))
        .collect();
    let mut sql = format!(
        "SELECT a.id, a.at, a.actor_id, m.name AS actor_name, a.action, a.target_kind, a.target_id, \
                {TARGET_NAME} AS target_name, {RECORD_NAME} AS record_name, a.scope_kind, a.scope_id, a.on_behalf_of, ob.name AS on_behalf_of_name, a.reason, a.detail, {NAME_COLUMNS} \
         FROM audit_log a JOIN members m ON m.id = a.actor_id LEFT JOIN members ob ON ob.id = a.on_behalf_of {} \
         WHERE ({})",
        name_joins("a"),
        reach.join(" OR ")
    );
    super::page_sql(&mut sql, &mut args, ("a.at", "a.id"), cursor, limit);
    let rows: Vec<AuditRow> = all(db, &sql, &args).await?;
    let (rows, more) = super::take_page(rows, limit);
    let entries = rows
        .into_iter()
        .map(|r| {
            let scope = match (
                r.scope_kind
                    .as_deref()
                    .and_then(yishi_core::territory::ScopeKind::parse),
                r.scope_id,
            ) {
                (Some(kind), Some(id)) => Some(yishi_core::territory::ScopeRef { kind, id }),
                _ => None,
            };
            Ok(AuditEntryView {
                id: AuditId::from_trusted(&r.id),
                at: parse_time(&r.at)?,
                actor: MemberId::from_trusted(&r.actor_id),
                actor_name: r.actor_name,
                action: r.action,
                target_kind: r.target_kind,
                target_id: r.target_id,
                target_name: r.target_name,
                record_name: r.record_name,
                scope,
                scope_name: r.names.display(),
                on_behalf_of: r.on_behalf_of.map(MemberId::from_trusted),
                on_behalf_of_name: r.on_behalf_of_name,
                reason: r.reason,
                detail: serde_json::from_str(&r.detail).unwrap_or(serde_json::Value::Null),
            })
        })
        .collect::<ApiResult<Vec<_>>>()?;
    Ok((entries, more))
}
