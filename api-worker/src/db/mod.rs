//! All SQL of the worker, one module per area. Statements are plain and parameterised (`?1`); rows are
//! `*Row` structs converted into domain types. Writes that stand or fall together go in one `batch`.

pub mod attempts;
pub mod audit;
pub mod covenants;
pub mod invites;
pub mod matters;
pub mod meetings;
pub mod members;
pub mod notices;
pub mod notifications;
pub mod photos;
pub mod projects;
pub mod push;
pub mod reminders;
pub mod requests;
pub mod search;
pub mod territory;
pub mod votes;

use serde::de::DeserializeOwned;
use wasm_bindgen::JsValue;
use worker::{D1Database, D1PreparedStatement};
use yishi_core::ids::{BuildingId, CommunityId, CompoundId, StreetId, UnitId};
use yishi_core::territory::ScopePath;

use crate::error::{ApiError, ApiResult};

pub use search::{Index, Search};

/// D1 round trips made by this isolate so far: a route's count is the difference across it (exact when
/// requests do not overlap, as in the benchmarks that print it).
static ROUND_TRIPS: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);

fn round_trip() {
    ROUND_TRIPS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
}

/// D1 round trips made by this isolate so far.
pub fn round_trips() -> u32 {
    ROUND_TRIPS.load(std::sync::atomic::Ordering::Relaxed)
}

/// Binds `args` to `sql`.
pub fn stmt(db: &D1Database, sql: &str, args: &[JsValue]) -> ApiResult<D1PreparedStatement> {
    Ok(db.prepare(sql).bind(args)?)
}

pub async fn first<T: DeserializeOwned>(
    db: &D1Database,
    sql: &str,
    args: &[JsValue],
) -> ApiResult<Option<T>> {
    round_trip();
    Ok(stmt(db, sql, args)?.first::<T>(None).await?)
}

pub async fn all<T: DeserializeOwned>(
    db: &D1Database,
    sql: &str,
    args: &[JsValue],
) -> ApiResult<Vec<T>> {
    round_trip();
    Ok(stmt(db, sql, args)?.all().await?.results::<T>()?)
}

/// Runs several reads in one round trip.
pub async fn batch_rows(
    db: &D1Database,
    queries: &[(&str, &[JsValue])],
) -> ApiResult<Vec<worker::D1Result>> {
    let statements = queries
        .iter()
        .map(|(sql, args)| stmt(db, sql, args))
        .collect::<ApiResult<Vec<_>>>()?;
    round_trip();
    Ok(db.batch(statements).await?)
}

/// Runs statements as one transaction (D1 rolls a failed batch back entirely) and returns, for each,
/// how many rows it changed. D1's count includes the rows its triggers wrote (the search indexes of
/// migration 0013 are several rows per record), so ask whether a statement changed anything (`0` or
/// not), never whether it changed exactly one row.
pub async fn batch(db: &D1Database, statements: Vec<D1PreparedStatement>) -> ApiResult<Vec<usize>> {
    batch_results(db, statements)
        .await?
        .iter()
        .map(|r| Ok(r.meta()?.and_then(|m| m.changes).unwrap_or(0)))
        .collect()
}

/// Runs statements as one transaction, as [`batch`], and returns each one's result (for a statement
/// with `RETURNING`). A photo that another request attached meanwhile (its guard,
/// [`photos::ATTACH_GUARD`], failed) rolls the whole batch back and is answered `photo_taken`.
pub async fn batch_results(
    db: &D1Database,
    statements: Vec<D1PreparedStatement>,
) -> ApiResult<Vec<worker::D1Result>> {
    round_trip();
    match db.batch(statements).await {
        Ok(results) => Ok(results),
        Err(e) => {
            let e = ApiError::from(e);
            if e.cause.as_deref().is_some_and(|c| {
                c.contains("NOT NULL constraint failed") && c.contains(photos::ATTACH_GUARD)
            }) {
                Err(yishi_core::DomainError::PhotoTaken.into())
            } else {
                Err(e)
            }
        }
    }
}

/// Runs `statements` as [`batch`] when one of them is a guarded change of state (see
/// `matters::set_step`): a guard that found its row moved by another request makes `guard` NULL, which the
/// table refuses, and a second record of what may exist once violates uniqueness on `unique`; either way
/// the whole batch is rolled back and answered as `changed`.
pub async fn batch_guarded(
    db: &D1Database,
    statements: Vec<D1PreparedStatement>,
    guard: &str,
    unique: Option<&str>,
    changed: yishi_core::DomainError,
) -> ApiResult<Vec<usize>> {
    match batch(db, statements).await {
        Err(e)
            if e.cause
                .as_deref()
                .is_some_and(|c| c.contains("NOT NULL constraint failed") && c.contains(guard))
                || unique.is_some_and(|u| is_unique_violation(&e, u)) =>
        {
            Err(changed.into())
        }
        other => other,
    }
}

/// A guarded change of state: `column` of row `id` of `table` goes from `from` to `to` (with `sets` and
/// `updated_at`) only if it still holds `from`; otherwise it would become NULL, which those columns refuse,
/// and [`batch_guarded`] answers that the record changed meanwhile.
pub fn set_guarded(
    db: &D1Database,
    (table, column): (&str, &str),
    id: &str,
    (from, to): (&str, &str),
    sets: &[(&str, JsValue)],
    now: chrono::DateTime<chrono::Utc>,
) -> ApiResult<D1PreparedStatement> {
    let mut args = vec![text(id), text(from), text(to), text(&time(now))];
    let mut assignments = String::new();
    for (name, value) in sets {
        args.push(value.clone());
        assignments.push_str(&format!(", {name} = ?{}", args.len()));
    }
    stmt(
        db,
        &format!(
            "UPDATE {table} SET {column} = CASE WHEN {column} = ?2 THEN ?3 ELSE NULL END, updated_at = ?4{assignments} WHERE id = ?1"
        ),
        &args,
    )
}

pub fn text(s: &str) -> JsValue {
    JsValue::from_str(s)
}

pub fn opt_text(s: Option<&str>) -> JsValue {
    s.map_or(JsValue::NULL, JsValue::from_str)
}

/// Whether a D1 failure was a uniqueness violation on `column` (e.g. `members.phone`).
pub fn is_unique_violation(err: &ApiError, column: &str) -> bool {
    err.cause
        .as_deref()
        .is_some_and(|c| c.contains("UNIQUE constraint failed") && c.contains(column))
}

/// The number a new record of `table` gets, as a sub-query of its INSERT: one more than the highest among
/// the records counted with it (its community's, or its street's for a record of the whole street), given
/// the INSERT's placeholders of its `street_id` and `community_id`. The table's unique index on
/// `(COALESCE(community_id, street_id), number)` answers it, and refuses a number given twice.
#[must_use]
pub fn next_number_sql(table: &str, street: &str, community: &str) -> String {
    format!(
        "(SELECT IFNULL(MAX(number), 0) + 1 FROM {table} \
          WHERE COALESCE(community_id, street_id) = COALESCE({community}, {street}))"
    )
}

/// A time as stored: RFC 3339 UTC with milliseconds, so that text order is time order.
pub fn time(t: chrono::DateTime<chrono::Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

pub fn parse_time(s: &str) -> ApiResult<chrono::DateTime<chrono::Utc>> {
    chrono::DateTime::parse_from_rfc3339(s)
        .map(|t| t.with_timezone(&chrono::Utc))
        .map_err(|e| ApiError::internal(format!("stored time {s:?}: {e}")))
}

/// The path columns (`street_id` … `unit_id`) that records addressed to a scope carry.
#[derive(Debug, serde::Deserialize)]
pub struct PathColumns {
    pub street_id: String,
    pub community_id: Option<String>,
    pub compound_id: Option<String>,
    pub building_id: Option<String>,
    pub unit_id: Option<String>,
}

impl PathColumns {
    pub fn to_path(&self) -> ApiResult<ScopePath> {
        ScopePath::new(
            StreetId::from_trusted(&self.street_id),
            self.community_id.as_deref().map(CommunityId::from_trusted),
            self.compound_id.as_deref().map(CompoundId::from_trusted),
            self.building_id.as_deref().map(BuildingId::from_trusted),
            self.unit_id.as_deref().map(UnitId::from_trusted),
        )
        .map_err(|_| ApiError::internal(format!("stored scope path is not a prefix: {self:?}")))
    }
}

/// The five path values of a scope, for binding.
pub fn path_args(path: &ScopePath) -> [JsValue; 5] {
    [
        text(path.street_id().as_str()),
        opt_text(path.community_id().map(CommunityId::as_str)),
        opt_text(path.compound_id().map(CompoundId::as_str)),
        opt_text(path.building_id().map(BuildingId::as_str)),
        opt_text(path.unit_id().map(UnitId::as_str)),
    ]
}

const LEVELS: [&str; 5] = [
    "street_id",
    "community_id",
    "compound_id",
    "building_id",
    "unit_id",
];

/// SQL for "the record's scope (path columns of `alias`) contains `path`": every level the record names
/// equals the path's, and the record names no level the path lacks. Appends the bound values to `args`.
pub fn scope_contains_sql(alias: &str, path: &ScopePath, args: &mut Vec<JsValue>) -> String {
    let values = path_args(path);
    let mut parts = Vec::with_capacity(LEVELS.len());
    for (level, value) in LEVELS.iter().zip(values) {
        if value.is_null() {
            parts.push(format!("{alias}.{level} IS NULL"));
        } else {
            args.push(value);
            let n = args.len();
            if *level == "street_id" {
                parts.push(format!("{alias}.{level} = ?{n}"));
            } else {
                parts.push(format!(
                    "({alias}.{level} IS NULL OR {alias}.{level} = ?{n})"
                ));
            }
        }
    }
    format!("({})", parts.join(" AND "))
}

/// SQL for "the record's scope lies within `path`": the record names every level the path names, equal.
pub fn scope_within_sql(alias: &str, path: &ScopePath, args: &mut Vec<JsValue>) -> String {
    let mut parts = Vec::new();
    for (level, value) in LEVELS.iter().zip(path_args(path)) {
        if !value.is_null() {
            args.push(value);
            parts.push(format!("{alias}.{level} = ?{}", args.len()));
        }
    }
    format!("({})", parts.join(" AND "))
}

/// The condition that admits records (with path columns under `alias`) to `audience`: addressed to a
/// scope containing one of its places, or lying within one of its offices. `None` when it admits nothing.
pub fn audience_sql(
    alias: &str,
    audience: &yishi_core::policy::NoticeAudience,
    args: &mut Vec<JsValue>,
) -> Option<String> {
    let mut admitted: Vec<String> = audience
        .covering
        .iter()
        .map(|p| scope_contains_sql(alias, p, args))
        .collect();
    admitted.extend(
        audience
            .within
            .iter()
            .map(|p| scope_within_sql(alias, p, args)),
    );
    (!admitted.is_empty()).then(|| format!("({})", admitted.join(" OR ")))
}

/// Appends the keyset pagination of a newest-first list: rows after `cursor` (by `time_col`, then
/// `id_col`, both descending), at most `limit + 1` of them (the extra one says whether a page follows).
pub fn page_sql(
    sql: &mut String,
    args: &mut Vec<JsValue>,
    columns: (&str, &str),
    cursor: Option<&yishi_core::api::Cursor>,
    limit: u32,
) {
    keyset_page(sql, args, columns, cursor, limit, false);
}

/// [`page_sql`], or its ascending order (`ascending`: a deadline, what is due first comes first).
pub(crate) fn keyset_page(
    sql: &mut String,
    args: &mut Vec<JsValue>,
    (time_col, id_col): (&str, &str),
    cursor: Option<&yishi_core::api::Cursor>,
    limit: u32,
    ascending: bool,
) {
    let (after, order) = if ascending {
        (">", "ASC")
    } else {
        ("<", "DESC")
    };
    if let Some(c) = cursor {
        args.push(text(&time(c.at)));
        let at = args.len();
        args.push(text(&c.id));
        let id = args.len();
        sql.push_str(&format!(
            " AND ({time_col} {after} ?{at} OR ({time_col} = ?{at} AND {id_col} {after} ?{id}))"
        ));
    }
    args.push(JsValue::from(limit + 1));
    sql.push_str(&format!(
        " ORDER BY {time_col} {order}, {id_col} {order} LIMIT ?{}",
        args.len()
    ));
}

/// Splits the rows of [`page_sql`] into the page and whether another follows.
pub fn take_page<T>(mut rows: Vec<T>, limit: u32) -> (Vec<T>, bool) {
    let more = rows.len() > limit as usize;
    rows.truncate(limit as usize);
    (rows, more)
}
