//! Notices: insert, list for an audience (newest first, cursor-paginated), fetch one.

use serde::Deserialize;
use wasm_bindgen::JsValue;
use worker::{D1Database, D1PreparedStatement};
use yishi_core::api::Cursor;
use yishi_core::api::notices::NoticeView;
use yishi_core::ids::NoticeId;
use yishi_core::notices::Notice;
use yishi_core::policy::NoticeAudience;
use yishi_core::territory::ScopePath;

use super::territory::{NAME_COLUMNS, PathNames, name_joins};
use super::{
    PathColumns, all, first, parse_time, path_args, scope_contains_sql, scope_within_sql, stmt,
    text, time,
};
use crate::error::ApiResult;

#[derive(Debug, Deserialize)]
struct NoticeRow {
    id: String,
    title: String,
    body: String,
    published_at: String,
    author_name: String,
    #[serde(flatten)]
    path: PathColumns,
    #[serde(flatten)]
    names: PathNames,
}

impl NoticeRow {
    fn into_view(self) -> ApiResult<(ScopePath, NoticeView)> {
        let scope = self.path.to_path()?;
        let view = NoticeView {
            id: NoticeId::from_trusted(&self.id),
            title: self.title,
            body: self.body,
            scope: scope.to_ref(),
            scope_name: self.names.display(),
            author_name: self.author_name,
            published_at: parse_time(&self.published_at)?,
        };
        Ok((scope, view))
    }
}

fn select() -> String {
    format!(
        "SELECT n.id, n.title, n.body, n.published_at, m.name AS author_name, \
                n.street_id, n.community_id, n.compound_id, n.building_id, n.unit_id, {NAME_COLUMNS} \
         FROM notices n JOIN members m ON m.id = n.author_id {}",
        name_joins("n")
    )
}

pub fn insert(db: &D1Database, n: &Notice) -> ApiResult<D1PreparedStatement> {
    let [street, community, compound, building, unit] = path_args(&n.scope);
    stmt(
        db,
        "INSERT INTO notices (id, street_id, community_id, compound_id, building_id, unit_id, title, body, author_id, published_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        &[
            text(n.id.as_str()),
            street,
            community,
            compound,
            building,
            unit,
            text(&n.title),
            text(&n.body),
            text(n.author.as_str()),
            text(&time(n.published_at)),
        ],
    )
}

/// One notice with its scope (the caller checks who may read it).
pub async fn get(db: &D1Database, id: &NoticeId) -> ApiResult<Option<(ScopePath, NoticeView)>> {
    let row: Option<NoticeRow> = first(
        db,
        &format!("{} WHERE n.id = ?1", select()),
        &[text(id.as_str())],
    )
    .await?;
    row.map(NoticeRow::into_view).transpose()
}

/// A page of the notices `audience` admits, newest first, after `cursor`. Fetches one more than `limit`
/// to know whether another page follows.
pub async fn list(
    db: &D1Database,
    audience: &NoticeAudience,
    cursor: Option<&Cursor>,
    limit: u32,
) -> ApiResult<(Vec<(ScopePath, NoticeView)>, bool)> {
    let mut args: Vec<JsValue> = Vec::new();
    let mut admitted: Vec<String> = audience
        .covering
        .iter()
        .map(|p| scope_contains_sql("n", p, &mut args))
        .collect();
    admitted.extend(
        audience
            .within
            .iter()
            .map(|p| scope_within_sql("n", p, &mut args)),
    );
    if admitted.is_empty() {
        return Ok((Vec::new(), false));
    }
    let mut sql = format!("{} WHERE ({})", select(), admitted.join(" OR "));
    if let Some(c) = cursor {
        args.push(text(&time(c.at)));
        let at = args.len();
        args.push(text(&c.id));
        let id = args.len();
        sql.push_str(&format!(
            " AND (n.published_at < ?{at} OR (n.published_at = ?{at} AND n.id < ?{id}))"
        ));
    }
    args.push(JsValue::from(limit + 1));
    sql.push_str(&format!(
        " ORDER BY n.published_at DESC, n.id DESC LIMIT ?{}",
        args.len()
    ));
    let rows: Vec<NoticeRow> = all(db, &sql, &args).await?;
    let more = rows.len() > limit as usize;
    let page = rows
        .into_iter()
        .take(limit as usize)
        .map(NoticeRow::into_view)
        .collect::<ApiResult<Vec<_>>>()?;
    Ok((page, more))
}
